import { sweepTest } from './sweep-test';

sweepTest('generateNextDay');
