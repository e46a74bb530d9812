import { sweepTest } from './sweep-test';

sweepTest('pushTemplate');
