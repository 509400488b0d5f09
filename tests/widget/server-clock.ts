/**
 * Gives the elements on a test page the clock of the IDO test server, and the test the same "now"
 * for its expectations (see tests/helpers/test-clock.ts). A test file imports it once; against a
 * server of one's own (`IDO_TEST_API`) both keep the real clock.
 */
import { setClock } from '../../widget/shared/clock.js';
import { offsetClock } from '../helpers/test-clock.js';

const offset = (globalThis as { IDO_TEST?: { clockOffsetMs?: number } }).IDO_TEST?.clockOffsetMs ?? 0;

/** Now on the test server's clock: what the elements take as now too. */
export const testNow = offsetClock(offset);

setClock(testNow);
