import { sweepTest } from './sweep-test';

sweepTest('setup');
