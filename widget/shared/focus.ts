/** Moving focus after a change, once the element has rendered it. */
import type { ReactiveElement } from 'lit';

/** After the next render, moves focus to what `selector` finds in the element's shadow root (if anything). */
export async function focusAfterUpdate(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
