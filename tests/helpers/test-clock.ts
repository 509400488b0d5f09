/**
 * The clock of the browser tests. The test server (tests/helpers/test-server.ts) and the test pages
 * take one instant as "now" when the server starts, whatever the date on the machine, and let it run
 * on with the real clock from there (a frozen clock would put every visit a test registers at the
 * same instant, and the server would refuse a page's visit as "in the future" once the page's
 * clock had moved on). Both sides derive it from the same offset, so they agree to the millisecond.
 * No Node APIs: the test pages import this file too.
 */

/**
 * Wednesday 18 November 2026, 14:00 in Amsterdam: a working day in the middle of a month, during
 * the walk-in hours of the demo desk (Bibliotheek Neude). `IDO_TEST_NOW` chooses another instant.
 */
export const DEFAULT_TEST_NOW = '2026-11-18T14:00:00+01:00';

/** A clock that reads `offsetMs` ahead of the real one (behind it when negative). */
export const offsetClock =
  (offsetMs: number): (() => Date) =>
  () =>
    new Date(Date.now() + offsetMs);

/** The offset that makes `offsetClock` read `at` right now. */
export const offsetTo = (at: Date): number => at.getTime() - Date.now();
