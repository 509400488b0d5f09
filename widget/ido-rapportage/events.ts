/** The events `<ido-rapportage>` fires: small classes, namespaced, bubbling out of the shadow root. */
import type { User } from '../../sdk/schemas/resources.js';

/** A coordinator logged in with the element's own form. `detail.user` is who (never the token). */
export class IdoLoginEvent extends CustomEvent<{ user: User }> {
  static readonly eventName = 'ido-login';
  constructor(user: User) {
    super(IdoLoginEvent.eventName, { detail: { user }, bubbles: true, composed: true });
  }
}

/** A coordinator pressed "Uitloggen". */
export class IdoLogoutEvent extends Event {
  static readonly eventName = 'ido-logout';
  constructor() {
    super(IdoLogoutEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ido-login': IdoLoginEvent;
    'ido-logout': IdoLogoutEvent;
  }
}
