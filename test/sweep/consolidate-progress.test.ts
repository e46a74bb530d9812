import { sweepTest } from './sweep-test';

sweepTest('consolidateProgress');
