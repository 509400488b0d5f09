/**
 * The widget's one entry (`/widget/ido.js`, `ido-registratie/widget`): defines `<ido-registratie>`,
 * `<ido-locator>`, `<ido-rapportage>` and `<ido-beheer>`. Each definition is guarded, because a
 * CMS may load the script twice; the class modules themselves have no side effects.
 */
import { IdoRegistratie } from './ido-registratie/ido-registratie.js';
import { IdoLocator } from './ido-locator/ido-locator.js';
import { IdoRapportage } from './ido-rapportage/ido-rapportage.js';
import { IdoBeheer } from './ido-beheer/ido-beheer.js';

// One literal call per tag, so that tools (the custom elements manifest) can read the tag names.
if (!customElements.get('ido-registratie')) customElements.define('ido-registratie', IdoRegistratie);
if (!customElements.get('ido-locator')) customElements.define('ido-locator', IdoLocator);
if (!customElements.get('ido-rapportage')) customElements.define('ido-rapportage', IdoRapportage);
if (!customElements.get('ido-beheer')) customElements.define('ido-beheer', IdoBeheer);

export { IdoRegistratie, IdoLocator, IdoRapportage, IdoBeheer };
export { IdoRegisteredEvent, IdoQueuedEvent, IdoErrorEvent } from './ido-registratie/events.js';
export { IdoLocationSelectEvent } from './ido-locator/events.js';
export { IdoLoginEvent, IdoLogoutEvent } from './ido-rapportage/events.js';
export { idoConfigContext, type IdoConfig, type Lang } from './shared/context.js';
