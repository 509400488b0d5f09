/**
 * What the desk says about itself above the form: the connection banner (offline, visits waiting),
 * the confirmation of the last registration with "Ongedaan maken" (the one part here with state),
 * and where it registers (the location line, or the choice an unbound key asks for once).
 */
import { html, nothing, type ReactiveElement } from 'lit';
import type { OutboxItem } from '../../sdk/outbox.js';
import type { Location } from '../../sdk/schemas/location.js';
import type { RegistratieTexts } from './i18n.nl.js';

/** The confirmation (or another word) in the live region. */
export interface Notice {
  text: string;
  /** The registration that "Ongedaan maken" takes back. */
  undo?: { id: string; queued: boolean; what: string; time: string };
}

/** "Geen verbinding. 3 registraties wachten …", with "Nu versturen" when the server can be reached. */
export function renderBanner(input: { t: RegistratieTexts; waiting: number; offline: boolean }, sendNow: () => void) {
  const { t, waiting: n, offline } = input;
  const text = offline ? (n ? t.offlineWaiting(n) : t.offlineEmpty) : n ? t.waiting(n) : '';
  return html`<div class="banner ${text ? 'shown' : ''}" part="banner">
    <p role="status">${text}</p>
    ${n && !offline ? html`<button type="button" class="button" @click=${sendNow}>${t.sendNow}</button>` : nothing}
  </div>`;
}

/** The confirmation of the last registration (a live region), with what "Ongedaan maken" takes back. */
export class Confirmation {
  notice: Notice | null = null;

  constructor(private readonly host: ReactiveElement) {}

  private set(notice: Notice | null): void {
    this.notice = notice;
    this.host.requestUpdate();
  }

  /** Says `notice`. The live region is emptied first, so the same words twice in a row are read out twice. */
  async say(notice: Notice): Promise<void> {
    this.set(null);
    await this.host.updateComplete;
    this.set(notice);
  }

  /** Takes the confirmation away: a new visit is started, so "Ongedaan maken" cannot undo the wrong one. */
  clear(): void {
    if (this.notice) this.set(null);
  }

  /** "Bewaard op deze computer" no longer holds once the visit has gone out: says what became of it. */
  sent(t: RegistratieTexts, waiting: OutboxItem[], refused: string[]): void {
    const undo = this.notice?.undo;
    if (!undo?.queued || waiting.some((i) => i.id === undo.id)) return;
    this.set(refused.includes(undo.id) ? null : { text: t.registered(undo.what, undo.time), undo: { ...undo, queued: false } });
  }

  render(t: RegistratieTexts, undo: () => void) {
    const { notice } = this;
    return html`<div class="notice ${notice ? 'shown' : ''}" part="confirmation">
      <p role="status" id="notice-text">${notice?.text ?? ''}</p>
      ${notice?.undo ? html`<button type="button" class="button" aria-describedby="notice-text" @click=${undo}>${t.undo}</button>` : nothing}
    </div>`;
  }
}

/** "Locatie: Bibliotheek Neude", with "Andere locatie" when the worker chose it. */
export function renderLocationLine(t: RegistratieTexts, here: Location | undefined, change: (() => void) | null) {
  if (!here) return nothing;
  return html`<p class="location-line">${t.locationCurrent(here.name)}
    ${change ? html`<button type="button" class="button quiet" @click=${change}>${t.locationChange}</button>` : nothing}</p>`;
}

/** The choice of location, once, for a key that may register at several. */
export function renderLocationChoice(t: RegistratieTexts, locations: Location[], choose: (locationId: string) => void) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const value = new FormData(e.target as HTMLFormElement).get('location');
    if (typeof value === 'string' && value) choose(value);
  };
  return html`<form class="location" @submit=${submit}>
    <fieldset>
      <legend>${t.locationLegend}</legend>
      <p class="hint">${t.locationHint}</p>
      <div class="options column">
        ${locations.map(
          (l, i) => html`<label class="option">
          <input type="radio" name="location" value=${l.id} ?checked=${i === 0} />
          <span>${l.name}<span class="hint"> · ${l.address.city}</span></span>
        </label>`,
        )}
      </div>
    </fieldset>
    <button type="submit" class="button primary">${t.locationSubmit}</button>
  </form>`;
}
