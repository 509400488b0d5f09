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
