import { sweepTest } from './sweep-test';

sweepTest('consolidate');
