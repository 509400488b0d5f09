/**
 * The panel of a visit's details, hidden until the summary line opens it: channel, duration, help,
 * agencies, DigiD, kind of question and the note. A chunk of its own, with the note's
 * personal-data finder that only it needs: not needed to paint the form (the panel starts closed),
 * so it is loaded right after the element connects (and again after a failure). Pure render
 * functions: explicit inputs in, the worker's changes out through the intents.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { NOTE_MAX } from '../../sdk/schemas/limits.js';
import type { TaxonomyEntry } from '../../sdk/schemas/taxonomy.js';
import type { Lang } from '../../sdk/schemas/common.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { nl } from './i18n.details.nl.js';
import type { ValueLists } from './value-lists.js';
import { toggleIn, type Draft, type DraftQuestion } from './visit.js';

export { describePersonalData, findPersonalData } from '../../sdk/personal-data.js';

/** The panel's texts: Dutch here, English a chunk of its own (the element waits for it). */
export const texts = lazyCatalogue(nl, async () => (await import('./i18n.details.en.js')).en);

export interface DetailsInput {
  lang: Lang;
  draft: Draft;
  /** The question being entered. */
  question: DraftQuestion;
  /** Its number (1, 2, …) when the visit has several questions; 0 when it has one. */
  questionNumber: number;
  /** The label of its topic, if chosen. */
  topicLabel: string | null;
  lists: ValueLists;
  open: boolean;
  /** What is wrong with the note ('' when nothing is). */
  noteProblem: string;
}

export interface DetailsIntents {
  /** A change to the visit as a whole (channel, duration, time, note). */
  setDraft(change: Partial<Draft>): void;
  /** A change to the question being entered. */
  updateQuestion(change: (q: DraftQuestion) => DraftQuestion): void;
  /** The note was typed in (checked for personal data a moment later). */
  noteInput(note: string): void;
}

function radios(
  name: string,
  legend: string,
  entries: TaxonomyEntry[],
  value: string | null,
  pick: (code: string | null) => void,
  none?: string,
) {
  return html`<fieldset>
    <legend>${legend}</legend>
    <div class="options">
      ${
        none !== undefined
          ? html`<label class="option"><input type="radio" name=${name} .checked=${live(value === null)} @change=${() => pick(null)} /><span>${none}</span></label>`
          : nothing
      }
      ${entries.map(
        (e) => html`<label class="option">
        <input type="radio" name=${name} value=${e.code} .checked=${live(value === e.code)} @change=${() => pick(e.code)} />
        <span>${e.label}</span>
      </label>`,
      )}
    </div>
  </fieldset>`;
}

function checkboxes(legend: string, entries: TaxonomyEntry[], values: string[], toggle: (code: string, on: boolean) => void) {
  return html`<fieldset>
    <legend>${legend}</legend>
    <div class="options">
      ${entries.map(
        (e) => html`<label class="option">
        <input type="checkbox" value=${e.code} .checked=${live(values.includes(e.code))}
          @change=${(ev: Event) => toggle(e.code, (ev.target as HTMLInputElement).checked)} />
        <span>${e.label}</span>
      </label>`,
      )}
    </div>
  </fieldset>`;
}

/**
 * The panel of details (hidden until the summary opens it), in two titled groups: what holds for
 * the whole visit ("Bezoek": channel, duration, note) and what holds for the question being
 * entered ("Vraag 2: Huurtoeslag": help, agencies, DigiD, kind of question).
 */
export function renderDetails(input: DetailsInput, intents: DetailsIntents) {
  const { draft, question: q, lists, noteProblem } = input;
  const several = input.questionNumber > 0;
  const t = texts.get(input.lang);
  const { setDraft, updateQuestion } = intents;
  const agencies = lists.entries('agencies');
  const suggested = q.topic ? (lists.topicsByCode.get(q.topic)?.agencies ?? []) : [];
  const shownAgencies = agencies.filter((a) => suggested.includes(a.code) || q.agencies.includes(a.code));
  const otherAgencies = agencies.filter((a) => !shownAgencies.includes(a));
  const setAgency = (code: string, on: boolean) => updateQuestion((x) => ({ ...x, agencies: toggleIn(x.agencies, code, on) }));
  return html`<div id="details" class="details" ?hidden=${!input.open}>
    <fieldset class="group">
      <legend>${t.visitLegend}</legend>
      ${several ? html`<p class="hint">${t.visitHint}</p>` : nothing}
      ${radios('channel', t.channelLegend, lists.entries('channels'), draft.channel, (c) => setDraft({ channel: c! }))}
      ${radios('duration', t.durationLegend, lists.entries('durations'), draft.duration, (c) => setDraft({ duration: c! }))}
      <div class="field">
        <label for="note">${t.noteLabel}</label>
        <p class="hint" id="note-hint">${t.noteHint}</p>
        ${noteProblem ? html`<p class="error" id="note-error">${noteProblem}</p>` : nothing}
        <textarea id="note" class="control" rows="3" maxlength=${NOTE_MAX}
          aria-describedby=${noteProblem ? 'note-error note-hint note-left' : 'note-hint note-left'}
          aria-invalid=${noteProblem ? 'true' : nothing}
          .value=${live(draft.note)} @input=${(e: InputEvent) => intents.noteInput((e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="hint" id="note-left">${t.noteLeft(NOTE_MAX - draft.note.length)}</p>
      </div>
    </fieldset>
    <fieldset class="group">
      <legend>${t.questionLegend(input.questionNumber, input.topicLabel)}</legend>
      ${several ? html`<p class="hint">${t.questionHint}</p>` : nothing}
      ${checkboxes(t.helpLegend, lists.entries('help'), q.help, (code, on) => updateQuestion((x) => ({ ...x, help: toggleIn(x.help, code, on) })))}
      <fieldset>
        <legend>${t.agenciesLegend}</legend>
        ${suggested.length ? html`<p class="hint">${t.agenciesSuggested}</p>` : nothing}
        <div class="options">
          ${shownAgencies.map(
            (a) => html`<label class="option">
            <input type="checkbox" .checked=${live(q.agencies.includes(a.code))}
              @change=${(ev: Event) => setAgency(a.code, (ev.target as HTMLInputElement).checked)} />
            <span>${a.label}</span>
          </label>`,
          )}
        </div>
        <label for="add-agency" class="sub-label">${t.addAgency}</label>
        <select id="add-agency" class="control narrow"
          @change=${(ev: Event) => {
            const select = ev.target as HTMLSelectElement;
            if (select.value) setAgency(select.value, true);
            select.value = '';
          }}>
          <option value="">${t.addAgencyPlaceholder}</option>
          ${otherAgencies.map((a) => html`<option value=${a.code}>${a.label}</option>`)}
        </select>
      </fieldset>
      ${radios('digid', t.digidLegend, lists.entries('digid'), q.digid, (c) => updateQuestion((x) => ({ ...x, digid: c })), t.digidNotAsked)}
      ${radios('type', t.typeLegend, lists.entries('questionTypes'), q.type, (c) => updateQuestion((x) => ({ ...x, type: c! })))}
    </fieldset>
  </div>`;
}
