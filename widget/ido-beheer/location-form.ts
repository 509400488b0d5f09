/**
 * The form of one location: name, address (filled in from postcode and house number), the plek op
 * de kaart, the week grid, exceptions, holidays, accessibility, contact and variant, with the
 * preview beside it; the error summary, the 412 conflict and the delete confirmation. A render
 * function over the section's state (locations.ts holds it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { HOLIDAY_CODES, holidayLabel } from '../../sdk/holidays.js';
import type { Lang } from '../../sdk/schemas/common.js';
import { renderExceptions, type ExceptionsIntents } from './exceptions-list.js';
import type { AdminTexts } from './i18n.admin.nl.js';
import type { DraftErrors, ExceptionInput, ExceptionProblem, FieldId, LocationDraft } from './location-draft.js';
import { renderPreview } from './preview.js';
import { hoursMessage, renderWeekGrid, type WeekGridIntents } from './week-grid.js';
import type { OpeningSchedule } from '../../sdk/opening-hours.js';

/** A message about the address look-up: found, only the area, or it did not work. */
export interface LookupNote {
  kind: 'found' | 'warning' | 'error';
  text: string;
}

export interface LocationFormInput {
  t: AdminTexts;
  lang: Lang;
  now: Date;
  today: string;
  /** Null for a new location. */
  id: string | null;
  /** The name as stored, for the heading and the delete confirmation. */
  storedName: string;
  draft: LocationDraft;
  errors: DraftErrors;
  /** Errors the server gave that belong to no field on screen. */
  otherErrors: string[];
  /** Show the errors (after a save was tried). */
  show: boolean;
  lookup: { pending: boolean; note: LookupNote | null };
  saving: boolean;
  problem: string | null;
  conflict: { changed: string[] } | null;
  confirmDelete: boolean;
  /** A word for the status line (a copy, an exception added or removed). */
  announce: string;
  adding: ExceptionInput;
  exceptionProblem: ExceptionProblem | null;
  schedule: OpeningSchedule;
}

export interface LocationFormIntents extends WeekGridIntents {
  field(name: keyof LocationDraft, value: string | boolean): void;
  holiday(code: string, on: boolean): void;
  lookUp(): void;
  save(event: SubmitEvent): void;
  back(): void;
  reload(): void;
  applyOnTop(): void;
  askDelete(on: boolean): void;
  deleteLocation(): void;
  focus(selector: string): void;
  exceptions: ExceptionsIntents;
}

/** The fields in the order of the form, for the summary and for focus on the first error. */
export const FIELD_ORDER: FieldId[] = [
  'name',
  'postcode',
  'number',
  'street',
  'city',
  'lat',
  'lon',
  'accessNotes',
  'phone',
  'email',
  'url',
];

export function renderLocationForm(input: LocationFormInput, intents: LocationFormIntents): TemplateResult {
  const { t, draft, errors, show } = input;
  const fieldError = (name: FieldId) => (show ? errors.fields[name] : undefined);
  const text = (
    name: FieldId & keyof LocationDraft,
    label: string,
    options: { hint?: string; autocomplete?: string; inputmode?: string; type?: string; short?: boolean; optional?: boolean } = {},
  ) => {
    const error = fieldError(name);
    const described = [options.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}${options.optional ? html` <span class="optional">${t.optional}</span>` : nothing}</label>
      ${options.hint ? html`<p class="hint" id="${name}-hint">${options.hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${name}-error"><span class="visually-hidden">${t.errorPrefix}</span>${error}</p>` : nothing}
      <input id=${name} name=${name} class="control ${options.short ? 'short' : ''}" type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'} inputmode=${options.inputmode ?? nothing} spellcheck="false"
        .value=${draft[name] as string} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}
        @input=${(e: Event) => intents.field(name, (e.target as HTMLInputElement).value)} />
    </div>`;
  };
  const plain = (name: 'addition' | 'municipality' | 'province', label: string, optional = true, short = false) => html`<div class="field">
    <label for=${name}>${label}${optional ? html` <span class="optional">${t.optional}</span>` : nothing}</label>
    <input id=${name} name=${name} class="control ${short ? 'short' : ''}" autocomplete="off" spellcheck="false" .value=${draft[name]}
      @input=${(e: Event) => intents.field(name, (e.target as HTMLInputElement).value)} />
  </div>`;
  const check = (name: 'wheelchair' | 'hearingLoop', label: string) => html`<label class="choice">
    <input type="checkbox" id=${name} .checked=${draft[name]} @change=${(e: Event) => intents.field(name, (e.target as HTMLInputElement).checked)} /> ${label}</label>`;

  // The error summary: every field with a message, in form order, each a link that moves focus there.
  const summary: { target: string; text: string }[] = [];
  if (show) {
    for (const name of FIELD_ORDER) if (errors.fields[name]) summary.push({ target: `#${name}`, text: errors.fields[name]! });
    for (const [index, problem] of [...errors.hours].sort((a, b) => a[0] - b[0])) {
      const m = hoursMessage(t, problem);
      summary.push({ target: `#h-${index}-${m.field}`, text: `${t.days[draft.hours[index].day - 1]}: ${m.text}` });
    }
  }
  const lookupNote = input.lookup.note;

  return html`<section class="form-section" part="section" aria-labelledby="form-heading">
    <p><button class="button quiet back" type="button" @click=${() => intents.back()}>← ${t.back}</button></p>
    <h2 id="form-heading" tabindex="-1">${input.id ? t.editHeading(input.storedName) : t.newHeading}</h2>
    ${
      input.conflict
        ? html`<div class="problem conflict" id="conflict" role="alert" tabindex="-1">
          <h3>${t.conflictHeading}</h3>
          <p>${t.conflictText}</p>
          ${input.conflict.changed.length ? html`<p>${t.conflictChanged(input.conflict.changed.map((f) => t.fieldNames[f] ?? f).join(', '))}</p>` : nothing}
          <p class="actions">
            <button class="button primary" type="button" id="conflict-apply" @click=${() => intents.applyOnTop()}>${t.conflictApply}</button>
            <button class="button" type="button" id="conflict-reload" @click=${() => intents.reload()}>${t.conflictReload}</button>
          </p>
        </div>`
        : nothing
    }
    ${input.problem ? html`<div class="problem" id="form-problem" role="alert" tabindex="-1"><p><span class="visually-hidden">${t.errorPrefix}</span>${input.problem}</p></div>` : nothing}
    ${
      summary.length || (show && input.otherErrors.length)
        ? html`<div class="problem" id="error-summary" tabindex="-1">
          <h3>${t.errorSummary}</h3>
          <ul>
            ${summary.map(
              (s) =>
                html`<li><a href=${s.target} @click=${(e: Event) => {
                  e.preventDefault();
                  intents.focus(s.target);
                }}>${s.text}</a></li>`,
            )}
            ${input.otherErrors.map((e) => html`<li>${e}</li>`)}
          </ul>
        </div>`
        : nothing
    }
    <div class="form-layout">
      <form class="location-form" novalidate @submit=${(e: SubmitEvent) => intents.save(e)}>
        ${text('name', t.name, { hint: t.nameHint, autocomplete: 'organization' })}

        <fieldset class="group" aria-describedby="address-hint">
          <legend><h3>${t.addressLegend}</h3></legend>
          <p class="hint" id="address-hint">${t.addressHint}</p>
          <div class="row">
            ${text('postcode', t.postcode, { autocomplete: 'postal-code', short: true })}
            ${text('number', t.number, { inputmode: 'numeric', short: true })}
            ${plain('addition', t.addition, true, true)}
          </div>
          <p class="actions">
            <button class="button" type="button" id="look-up" aria-describedby="lookup-note" @click=${() => intents.lookUp()}>${t.lookUp}</button>
          </p>
          <p id="lookup-note" class="lookup ${lookupNote?.kind ?? ''}" role="status">${input.lookup.pending ? t.lookingUp : (lookupNote?.text ?? '')}</p>
          ${text('street', t.street, { autocomplete: 'address-line1' })}
          ${text('city', t.city, { autocomplete: 'address-level2' })}
          <div class="row">
            ${plain('municipality', t.municipality)}
            ${plain('province', t.province)}
          </div>
        </fieldset>

        <fieldset class="group" aria-describedby="coordinates-hint">
          <legend><h3>${t.coordinatesLegend}</h3></legend>
          <p class="hint" id="coordinates-hint">${t.coordinatesHint}</p>
          <div class="row">
            ${text('lat', t.lat, { inputmode: 'decimal', short: true })}
            ${text('lon', t.lon, { inputmode: 'decimal', short: true })}
          </div>
        </fieldset>

        ${renderWeekGrid({ t, rows: draft.hours, problems: errors.hours, show }, intents)}

        ${renderExceptions({ t, rows: draft.exceptions, today: input.today, adding: input.adding, problem: input.exceptionProblem }, intents.exceptions)}

        <fieldset class="group" aria-describedby="holidays-hint">
          <legend><h3>${t.holidaysLegend}</h3></legend>
          <p class="hint" id="holidays-hint">${t.holidaysHint}</p>
          <ul class="checks" role="list">
            ${HOLIDAY_CODES.map(
              (code) => html`<li><label class="choice">
              <input type="checkbox" id="hol-${code}" .checked=${draft.closedOnHolidays.includes(code)}
                @change=${(e: Event) => intents.holiday(code, (e.target as HTMLInputElement).checked)} /> ${holidayLabel(code, input.lang)}</label></li>`,
            )}
          </ul>
        </fieldset>

        <fieldset class="group">
          <legend><h3>${t.accessLegend}</h3></legend>
          ${check('wheelchair', t.wheelchair)}
          ${check('hearingLoop', t.hearingLoop)}
          ${text('accessNotes', t.accessNotes, { optional: true })}
        </fieldset>

        <fieldset class="group">
          <legend><h3>${t.contactLegend}</h3></legend>
          ${text('phone', t.phone, { type: 'tel', autocomplete: 'tel', optional: true })}
          ${text('email', t.email, { type: 'email', autocomplete: 'email', optional: true })}
          ${text('url', t.url, { type: 'url', autocomplete: 'url', optional: true })}
        </fieldset>

        <fieldset class="group">
          <legend><h3>${t.variantLegend}</h3></legend>
          ${(['inloop', 'spreekuur', 'breed'] as const).map(
            (v) => html`<label class="choice">
            <input type="radio" name="variant" value=${v} .checked=${draft.variant === v} @change=${() => intents.field('variant', v)} /> ${t.variants[v]}</label>`,
          )}
        </fieldset>

        <p class="status" role="status">${input.announce}</p>
        <div class="actions save-bar">
          <button class="button primary" type="submit" id="save" aria-disabled=${input.saving ? 'true' : 'false'}>${input.saving ? t.saving : t.save}</button>
          <button class="button" type="button" @click=${() => intents.back()}>${t.cancel}</button>
        </div>

        ${
          input.id
            ? html`<div class="danger">
              ${
                input.confirmDelete
                  ? html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
                    <h3 id="confirm-heading" tabindex="-1">${t.confirmDelete(input.storedName)}</h3>
                    <p id="confirm-text">${t.confirmDeleteText}</p>
                    <p class="actions">
                      <button class="button danger-button" type="button" id="delete-yes" @click=${() => intents.deleteLocation()}>${t.confirmDeleteYes(input.storedName)}</button>
                      <button class="button" type="button" id="delete-no" @click=${() => intents.askDelete(false)}>${t.confirmDeleteNo}</button>
                    </p>
                  </div>`
                  : html`<button class="button quiet" type="button" id="delete" @click=${() => intents.askDelete(true)}>${t.deleteLocation}</button>`
              }
            </div>`
            : nothing
        }
      </form>
      ${renderPreview({ t, lang: input.lang, now: input.now, schedule: input.schedule })}
    </div>
  </section>`;
}
