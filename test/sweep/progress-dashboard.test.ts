import { sweepTest } from './sweep-test';

sweepTest('progressDashboard');
