import { sweepTest } from './sweep-test';

sweepTest('accept');
