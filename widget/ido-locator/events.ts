/** The events `<ido-locator>` fires: small classes, namespaced, bubbling out of the shadow root. */
import type { PublicLocation } from '../../sdk/schemas/reports.js';

/**
 * The visitor chose a location with its "Kies" button (only shown with the `selectable`
 * attribute). `detail` is the location. Never fired by a programmatic change.
 */
export class IdoLocationSelectEvent extends CustomEvent<PublicLocation> {
  static readonly eventName = 'ido-location-select';
  constructor(location: PublicLocation) {
    super(IdoLocationSelectEvent.eventName, { detail: location, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ido-location-select': IdoLocationSelectEvent;
  }
}
