/**
 * The time the elements take as "now": the browser's clock. Every element reads it here rather
 * than from `new Date()`, so that a test page can give all of them the clock of its test server
 * (which runs at a fixed date, whatever the date on the machine). Pages have no reason to set it,
 * and it is not exported from the package.
 */
let clock: () => Date = () => new Date();

/** Now, as the elements see it. */
export const now = (): Date => clock();

/** Tests: the clock every element on this page reads from now on; without an argument, the browser's own again. */
export function setClock(next?: () => Date): void {
  clock = next ?? (() => new Date());
}

/** Runs `fn` once after `ms`; answers a function that cancels it. */
export type Timer = (ms: number, fn: () => void) => () => void;

const browserTimer: Timer = (ms, fn) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};
let timer = browserTimer;

/**
 * The browser's `setTimeout`, for delays that people see ("Bezig…" after 300 ms). Read here, so
 * that a test can decide when such a delay is over instead of waiting for it.
 */
export const after: Timer = (ms, fn) => timer(ms, fn);

/** Tests: the timer `after` uses from now on; without an argument, `setTimeout` again. */
export function setTimer(next: Timer = browserTimer): void {
  timer = next;
}
