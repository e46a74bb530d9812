import { sweepTest } from './sweep-test';

sweepTest('progressReport');
