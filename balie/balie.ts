/**
 * The desk page (/balie): asks for the desk key once and keeps it in this browser, shows
 * `<ido-registratie desk-key=…>` under the name of the desk's location, and registers the service
 * worker that keeps the page for use without a connection (see sw.ts). A new version is offered
 * with a button while the desk is in use, and taken at once only when the page has just opened.
 */
import { fingerprint, readJson, writeJson } from '../widget/shared/storage.js';
import { keyFromAddress, keyProblem, maskKey, refusalOf, type KeyRefusal } from './desk-key.js';
import { SHELL_PATH, SKIP_WAITING, VERSION_QUERY } from './shell.js';
import { texts } from './texts.js';

/** Where this browser keeps the key (localStorage, through the widget's guarded helpers). */
const KEY_STORE = 'balie-key';
/** The name of the key's location, kept for the header when the server cannot be reached. */
const placeStore = (key: string) => `balie-place:${fingerprint(key)}`;
/** A desk page stays open all day: ask for a new version this often. */
const UPDATE_CHECK_MS = 30 * 60_000;

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  place: byId('place'),
  keyButton: byId<HTMLButtonElement>('key-button'),
  panel: byId('key-panel'),
  kept: byId('key-kept'),
  keyActions: byId('key-actions'),
  other: byId<HTMLButtonElement>('key-other'),
  forget: byId<HTMLButtonElement>('key-forget'),
  forgetConfirm: byId('forget-confirm'),
  forgetYes: byId<HTMLButtonElement>('forget-yes'),
  forgetNo: byId<HTMLButtonElement>('forget-no'),
  version: byId('shell-version'),
  keySection: byId('key-section'),
  refused: byId('key-refused'),
  form: byId<HTMLFormElement>('key-form'),
  input: byId<HTMLInputElement>('key-input'),
  error: byId('key-error'),
  save: byId<HTMLButtonElement>('key-save'),
  cancel: byId<HTMLButtonElement>('key-cancel'),
  desk: byId('desk'),
  update: byId('update'),
  updateText: byId('update-text'),
  updateButton: byId<HTMLButtonElement>('update-button'),
};
const defaultPlace = ui.place.textContent ?? '';
const saveLabel = ui.save.textContent ?? '';

const storedKey = (): string | null => readJson<string | null>(KEY_STORE, null);

type Answer = { ok: true; place: string | null } | { ok: false; refusal: KeyRefusal };

/** Asks the server whether it accepts `key` on this page, and the name of the key's location. */
async function askServer(key: string): Promise<Answer> {
  const get = (path: string) => fetch(path, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' }, cache: 'no-store' });
  let me: Response;
  try {
    me = await get('/api/v1/auth/me');
  } catch {
    return { ok: false, refusal: 'offline' };
  }
  if (!me.ok) return { ok: false, refusal: refusalOf(me.status) };
  const { locationId } = (await me.json()) as { locationId?: string | null };
  try {
    if (locationId) {
      const location = await get(`/api/v1/locations/${encodeURIComponent(locationId)}`);
      return { ok: true, place: location.ok ? ((await location.json()) as { name: string }).name : null };
    }
    // A key for the whole organisation: a name only when there is one location to register at.
    const list = await get('/api/v1/locations');
    const { items } = list.ok ? ((await list.json()) as { items: { name: string }[] }) : { items: [] };
    return { ok: true, place: items.length === 1 ? items[0].name : null };
  } catch {
    return { ok: true, place: null };
  }
}

function setPlace(key: string | null) {
  ui.place.textContent = (key && readJson<string | null>(placeStore(key), null)) || defaultPlace;
}

function showDesk(key: string) {
  ui.keySection.hidden = true;
  ui.panel.hidden = true;
  ui.keyButton.hidden = false;
  ui.keyButton.setAttribute('aria-expanded', 'false');
  ui.desk.hidden = false;
  setPlace(key);
  if (ui.desk.querySelector('ido-registratie')?.getAttribute('desk-key') === key) return;
  const desk = document.createElement('ido-registratie');
  desk.setAttribute('desk-key', key);
  ui.desk.replaceChildren(desk);
}

function showKeyForm({ refused = '', cancel = false, value = '' } = {}) {
  ui.desk.hidden = true;
  ui.panel.hidden = true;
  ui.keyButton.hidden = true;
  ui.keySection.hidden = false;
  ui.refused.hidden = !refused;
  ui.refused.textContent = refused;
  ui.cancel.hidden = !cancel;
  ui.input.value = value;
  clearError();
}

function fieldError(message: string) {
  ui.error.textContent = message;
  ui.error.hidden = false;
  ui.input.setAttribute('aria-invalid', 'true');
  ui.input.setAttribute('aria-describedby', 'key-hint key-error');
  ui.input.focus();
}

function clearError() {
  ui.error.hidden = true;
  ui.error.textContent = '';
  ui.input.removeAttribute('aria-invalid');
  ui.input.setAttribute('aria-describedby', 'key-hint');
}

function accept(key: string, place: string | null) {
  writeJson(KEY_STORE, key);
  if (place) writeJson(placeStore(key), place);
  // Ask the browser not to clear this site's storage (the shell and the waiting visits) under pressure.
  void navigator.storage?.persist?.().catch(() => false);
  showDesk(key);
}

let checking = false;

async function submitKey() {
  if (checking) return;
  const key = ui.input.value.trim();
  const problem = keyProblem(key);
  if (problem) return fieldError(texts.problem[problem]);
  clearError();
  checking = true;
  ui.save.disabled = true;
  ui.save.textContent = texts.checking;
  try {
    const answer = await askServer(key);
    if (answer.ok) accept(key, answer.place);
    else fieldError(texts.refusal(answer.refusal, location.origin));
  } finally {
    checking = false;
    ui.save.disabled = false;
    ui.save.textContent = saveLabel;
  }
}

/**
 * The version of the shell that serves this page (or, on a first visit, the next load), from its
 * service worker.
 */
async function shellVersion(): Promise<string | null> {
  const container = navigator.serviceWorker;
  const worker = container && (container.controller ?? (await container.getRegistration(SHELL_PATH))?.active);
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(typeof event.data === 'string' ? event.data : null);
    worker.postMessage(VERSION_QUERY, [channel.port2]);
    setTimeout(() => resolve(null), 2000);
  });
}

function confirmForget(asking: boolean) {
  ui.keyActions.hidden = asking;
  ui.forgetConfirm.hidden = !asking;
  (asking ? ui.forgetNo : ui.forget).focus();
}

function togglePanel(open = ui.panel.hidden) {
  const key = storedKey();
  open &&= !!key;
  ui.panel.hidden = !open;
  ui.keyButton.setAttribute('aria-expanded', String(open));
  ui.keyActions.hidden = false;
  ui.forgetConfirm.hidden = true;
  if (!open || !key) return;
  ui.kept.textContent = texts.kept(maskKey(key));
  ui.version.textContent = 'serviceWorker' in navigator ? '' : texts.noOffline;
  void shellVersion().then((version) => {
    if (version) ui.version.textContent = texts.version(version);
  });
}

function offerUpdate(apply: () => void) {
  ui.updateText.textContent = texts.update;
  ui.updateButton.onclick = apply;
  ui.update.hidden = false;
  document.body.classList.add('has-update');
}

/**
 * Registers the service worker and watches for a new version. One downloaded during an earlier
 * visit is taken at once when the page has just opened and nothing was touched yet; one that
 * arrives while the desk is in use is offered with a button, so the page never reloads in the
 * middle of a registration.
 */
async function keepOffline() {
  const container = navigator.serviceWorker;
  if (!container) return;
  let touched = false;
  const touch = () => (touched = true);
  window.addEventListener('pointerdown', touch, { capture: true, once: true });
  window.addEventListener('keydown', touch, { capture: true, once: true });
  let switching = false;
  container.addEventListener('controllerchange', () => {
    // The first worker also takes control (clients.claim) of a page that needs no reload.
    if (switching) location.reload();
  });
  const registration = await container.register('/balie/sw.js', { scope: SHELL_PATH });
  const take = (worker: ServiceWorker) => () => {
    switching = true;
    worker.postMessage(SKIP_WAITING);
  };
  // A worker that waits while an older one is active is a new version (the first one never waits).
  if (registration.waiting && registration.active) {
    if (!touched) take(registration.waiting)();
    else offerUpdate(take(registration.waiting));
  }
  const watch = (worker: ServiceWorker | null) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && registration.active) offerUpdate(take(worker));
    });
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
}

function start() {
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitKey();
  });
  ui.keyButton.addEventListener('click', () => togglePanel());
  ui.panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    togglePanel(false);
    ui.keyButton.focus();
  });
  ui.other.addEventListener('click', () => {
    showKeyForm({ cancel: true });
    ui.input.focus();
  });
  ui.forget.addEventListener('click', () => confirmForget(true));
  ui.forgetNo.addEventListener('click', () => confirmForget(false));
  ui.forgetYes.addEventListener('click', () => {
    writeJson(KEY_STORE, null);
    ui.desk.replaceChildren();
    setPlace(null);
    showKeyForm();
    ui.input.focus();
  });
  ui.cancel.addEventListener('click', () => {
    const key = storedKey();
    if (key) showDesk(key);
  });

  // A link with ?key=… (from the coordinator): the key leaves the address bar at once.
  const address = keyFromAddress(location.href);
  if (address.key !== null) history.replaceState(history.state, '', address.address);
  const key = storedKey();
  if (address.key !== null && address.key !== key) {
    showKeyForm({ cancel: !!key, value: address.key });
    void submitKey();
  } else if (!key) {
    showKeyForm();
    ui.input.focus();
  } else {
    showDesk(key);
    // Refresh the location's name, and notice a key the server no longer accepts.
    void askServer(key).then((answer) => {
      if (storedKey() !== key) return;
      if (answer.ok && answer.place) {
        writeJson(placeStore(key), answer.place);
        setPlace(key);
      } else if (!answer.ok && (answer.refusal === 'unknown' || answer.refusal === 'origin')) {
        showKeyForm({ refused: texts.storedRefused(texts.refusal(answer.refusal, location.origin)) });
      }
    });
  }
  void keepOffline().catch(() => undefined);
}

start();
