/** The one way the elements load a part on demand: `import()` once, and again after a failure. */

/** A part loaded on demand: call it for the part (loaded on the first call); `value` once it is there. */
export interface Lazy<T> {
  (): Promise<T>;
  /** The part, once loaded; undefined before (and while a load is under way). */
  value?: T;
}

/**
 * Wraps a loader (usually `() => import('./part.js')`) so that it runs once: every call answers
 * the same promise. A load that fails (the desk or the visitor went offline after the page
 * loaded) is forgotten, so the next call tries again instead of failing for good.
 *
 * @example
 * const charts = lazy(() => import('./charts.js'));
 * charts().then((m) => m.barChart(…)); // later: charts.value?.barChart(…)
 */
export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let loading: Promise<T> | undefined;
  const part: Lazy<T> = () =>
    (loading ??= load().then(
      (value) => (part.value = value),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return part;
}
