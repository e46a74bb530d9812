import { sweepTest } from './sweep-test';

sweepTest('refresh');
