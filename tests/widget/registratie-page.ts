/**
 * What the `<ido-registratie>` browser tests share: the test server's details, mounting an element
 * against it, and reading its shadow DOM as a worker sees it. Not a test file itself.
 */
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { IdoRegistratie } from '../../widget/ido-registratie/ido-registratie.js';
import type { IdoRegisteredEvent } from '../../widget/ido-registratie/events.js';
import { createIdoClient } from '../../sdk/client.js';

export interface TestServer {
  url: string;
  deskKey: string;
  locationId: string;
  locationName: string;
  unboundDeskKey: string;
  /** A desk key of the same location made for another website: refused from the test pages. */
  foreignDeskKey: string;
  otherLocationIds: string[];
}
export const server = (globalThis as unknown as { IDO_TEST: TestServer }).IDO_TEST;
/** A port nothing answers on (Chromium refuses it at once): the server "cannot be reached". */
export const UNREACHABLE = 'http://127.0.0.1:9';
export const api = createIdoClient({ baseUrl: server.url, apiKey: server.deskKey });

export const root = (el: IdoRegistratie) => el.shadowRoot!;
export const $ = <E extends Element = HTMLElement>(el: IdoRegistratie, selector: string) => root(el).querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: IdoRegistratie, selector: string) => [...root(el).querySelectorAll<E>(selector)];
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const search = (el: IdoRegistratie) => $<HTMLInputElement>(el, '#search')!;
export const chips = (el: IdoRegistratie) => $$<HTMLButtonElement>(el, '[part="chip"]');
export const submitButton = (el: IdoRegistratie) => $<HTMLButtonElement>(el, '[part="submit"]')!;
export const notice = (el: IdoRegistratie) => text($(el, '[part="confirmation"] [role="status"]'));
export const banner = (el: IdoRegistratie) => text($(el, '[part="banner"] [role="status"]'));
export const rows = (el: IdoRegistratie) => $$(el, '[part="recent"] li.row');
export const focused = (el: IdoRegistratie) => root(el).activeElement;
export const buttonNamed = (el: IdoRegistratie, name: string | RegExp, scope = '') =>
  $$<HTMLButtonElement>(el, `${scope} button`).find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))))!;

type Attributes = { api?: string; key?: string; location?: string | null; lang?: string };

/** An element on the page against the test server, ready to register (see `ready`). */
export async function mount(attributes: Attributes = {}) {
  const el = await attach(attributes);
  await ready(el);
  return el;
}

/** An element on the page, without waiting for its form. */
export function attach(attributes: Attributes = {}) {
  return fixture<IdoRegistratie>(html`<ido-registratie
    api=${attributes.api ?? server.url}
    desk-key=${attributes.key ?? server.deskKey}
    location=${attributes.location === null ? '' : (attributes.location ?? server.locationId)}
    lang=${attributes.lang ?? 'nl'}></ido-registratie>`);
}

/** Until the topics are there (from the server, or from this browser's copy when offline). */
export async function ready(el: IdoRegistratie) {
  await waitUntil(() => chips(el).length > 0 || $(el, 'input[name="location"]'), 'the form did not appear', { timeout: 15_000 });
  await el.updateComplete;
}

export async function chooseChip(el: IdoRegistratie, index = 0) {
  const chip = chips(el)[index];
  chip.click();
  await el.updateComplete;
  return chip;
}

export async function register(el: IdoRegistratie): Promise<IdoRegisteredEvent> {
  const event = oneEvent(el, 'ido-registered');
  submitButton(el).click();
  return event;
}

/** Forgets what earlier tests left in this browser: localStorage and the outboxes in IndexedDB. */
export async function forgetBrowser() {
  localStorage.clear();
  for (const db of await indexedDB.databases()) {
    if (db.name?.startsWith('ido-outbox')) {
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(db.name!);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
    }
  }
}
