import { sweepTest } from './sweep-test';

sweepTest('generateTemplate');
