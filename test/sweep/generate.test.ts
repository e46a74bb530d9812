import { sweepTest } from './sweep-test';

sweepTest('generate');
