import { sweepTest } from './sweep-test';

sweepTest('refreshSameDay');
