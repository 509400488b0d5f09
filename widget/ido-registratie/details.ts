/**
 * The details of a visit as the form shows them closed: the one-line summary that opens the panel
 * (details-panel.ts, a chunk) and the time ("Eerder vandaag"). Pure: explicit inputs in, the
 * worker's changes out through the intents.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { lowerFirst } from '../shared/i18n.js';
import type { RegistratieTexts } from './i18n.nl.js';
import type { ValueList, ValueLists } from './value-lists.js';
import type { Draft, DraftQuestion } from './visit.js';

/** "Balie · 5–15 min · hulp bij digitaal contact · Dienst Toeslagen · nu" */
export function summaryText(
  t: RegistratieTexts,
  draft: Draft,
  q: DraftQuestion,
  lists: ValueLists,
  partnerName: (id: string) => string,
): string {
  const label = (list: ValueList, code: string) => lists.label(list, code, true);
  const parts = [label('channels', draft.channel), label('durations', draft.duration)];
  const help = q.help.filter((h) => h !== 'doorverwijzing').map((h) => lowerFirst(label('help', h)));
  if (help.length) parts.push(help.join(', '));
  if (q.agencies.length) parts.push(q.agencies.map((a) => label('agencies', a)).join(', '));
  if (q.digid) parts.push(t.digidSummary(lists.label('digid', q.digid)));
  if (q.referral) parts.push(t.referralSummary(partnerName(q.referral.partnerId)));
  parts.push(draft.earlierAt ? t.atTime(draft.earlierAt) : t.now);
  return parts.join(' · ');
}

export interface SummaryRowInput {
  t: RegistratieTexts;
  /** The details in one line (see `summaryText`). */
  summary: string;
  /** The panel is open. */
  open: boolean;
  /** `null`: now; else the time earlier today. */
  earlierAt: string | null;
  timeError?: string;
}

export interface SummaryRowIntents {
  /** Open or close the panel. */
  toggle(): void;
  /** "Eerder vandaag": show the time field. */
  startEarlier(): void;
  /** A time typed in, or `null` for "Gebruik de tijd van nu". */
  setTime(time: string | null): void;
}

/**
 * The summary line that opens the panel, and "Eerder vandaag" or the time field with "Gebruik de
 * tijd van nu". The line is one line high whatever it says (cut off with "…", the whole text in
 * its title, in its name for screen readers, and shown on keyboard focus), so that choosing a
 * topic with agencies does not move Registreer.
 */
export function renderSummaryRow(input: SummaryRowInput, intents: SummaryRowIntents) {
  const { t, open, earlierAt, timeError: error } = input;
  return html`<div class="summary-row">
    <button type="button" class="summary" part="summary" aria-expanded=${open ? 'true' : 'false'} aria-controls="details"
      title=${input.summary} @click=${intents.toggle}>
      <span class="visually-hidden">${t.detailsLabel}: </span>
      <span class="summary-text">${input.summary}</span>
      <span class="summary-change">${open ? t.close : t.change}</span>
    </button>
    ${
      earlierAt === null
        ? html`<button type="button" class="button quiet" @click=${intents.startEarlier}>${t.earlierToday}</button>`
        : html`<div class="field when">
        <label for="time">${t.timeLabel}</label>
        ${error ? html`<p class="error" id="time-error">${error}</p>` : nothing}
        <div class="inline">
          <input id="time" class="control time" type="time" required .value=${live(earlierAt)}
            aria-invalid=${error ? 'true' : nothing} aria-describedby=${error ? 'time-error' : nothing}
            @input=${(e: Event) => intents.setTime((e.target as HTMLInputElement).value)} />
          <button type="button" class="button quiet" @click=${() => intents.setTime(null)}>${t.backToNow}</button>
        </div>
      </div>`
    }
  </div>`;
}
