/** The events `<ido-registratie>` fires: small classes, namespaced, bubbling out of the shadow root. */
import type { Registration, RegistrationInput } from '../../sdk/schemas/registration.js';

const init = { bubbles: true, composed: true } as const;

/** A visit was stored by the server. `detail` is the stored registration. */
export class IdoRegisteredEvent extends CustomEvent<Registration> {
  static readonly eventName = 'ido-registered';
  constructor(registration: Registration) {
    super(IdoRegisteredEvent.eventName, { ...init, detail: registration });
  }
}

/** The server could not be reached: the visit is kept in this browser and sent later. `detail` is what will be sent. */
export class IdoQueuedEvent extends CustomEvent<RegistrationInput & { id: string }> {
  static readonly eventName = 'ido-queued';
  constructor(registration: RegistrationInput & { id: string }) {
    super(IdoQueuedEvent.eventName, { ...init, detail: registration });
  }
}

/** Something the user asked for failed (the server refused a registration, say). */
export class IdoErrorEvent extends CustomEvent<{ error: unknown }> {
  static readonly eventName = 'ido-error';
  constructor(error: unknown) {
    super(IdoErrorEvent.eventName, { ...init, detail: { error } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ido-registered': IdoRegisteredEvent;
    'ido-queued': IdoQueuedEvent;
    'ido-error': IdoErrorEvent;
  }
}
