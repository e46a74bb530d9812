import { sweepTest } from './sweep-test';

sweepTest('reminders');
