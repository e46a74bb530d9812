import { sweepTest } from './sweep-test';

sweepTest('remindSelected');
