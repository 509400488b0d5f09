/**
 * The events `<ido-beheer>` fires: the same login events as `<ido-rapportage>` (one shared login
 * form), namespaced and bubbling out of the shadow root.
 */
export { IdoLoginEvent, IdoLogoutEvent } from '../ido-rapportage/events.js';
