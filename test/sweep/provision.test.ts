import { sweepTest } from './sweep-test';

sweepTest('provision');
