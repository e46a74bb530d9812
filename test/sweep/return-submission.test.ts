import { sweepTest } from './sweep-test';

sweepTest('returnSubmission');
