/** The one way the elements load a part on demand: `import()` once, and again after a failure; and the styles that come with it. */
import { adoptStyles, type CSSResultOrNative, type LitElement } from 'lit';

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

/**
 * Adds the styles that came with a lazy part to an element's shadow root, after the element's own
 * (sheets the part shares with the element are not added twice). Before the part's first render,
 * so nothing it renders is ever shown unstyled.
 */
export function adoptLazyStyles(element: LitElement, styles: CSSResultOrNative[]): void {
  const own = (element.constructor as typeof LitElement).elementStyles;
  adoptStyles(element.renderRoot as ShadowRoot, [...own, ...styles.filter((s) => !own.includes(s))]);
}
