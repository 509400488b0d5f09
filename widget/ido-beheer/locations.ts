/**
 * The "Locaties" section of `<ido-beheer>`, as a controller of the element: the list and its
 * search, the form of one location (its draft, errors, the address look-up, the exception being
 * added), saving with `If-Match` (and what a 412 means: keep the draft, say what changed, reload
 * or put the changes on top of the newer version), and deleting after one confirmation.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import type { Lang } from '../../sdk/schemas/common.js';
import type { Location } from '../../sdk/schemas/location.js';
import type { OpeningSchedule } from '../../sdk/opening-hours.js';
import { amsterdamParts } from '../../sdk/opening-hours.js';
import type { HolidayCode } from '../../sdk/holidays.js';
import { now } from '../shared/clock.js';
import { Task, TaskStatus, initialState } from '../shared/task.js';
import type { BeheerClient } from './beheer-client.js';
import { copyToWorkdays, hoursPayload } from './hours.js';
import { exceptionLine } from './exceptions-list.js';
import type { AdminTexts } from './i18n.admin.nl.js';
import {
  changedFields,
  checkDraft,
  checkException,
  draftFrom,
  emptyDraft,
  hasErrors,
  normalisePostcode,
  patchOf,
  payloadOf,
  rebase,
  type DraftErrors,
  type ExceptionInput,
  type ExceptionProblem,
  type FieldId,
  type LocationDraft,
  type PayloadField,
} from './location-draft.js';
import { FIELD_ORDER, renderLocationForm, type LookupNote } from './location-form.js';

/** What the section needs of the view: read through closures. */
export interface LocationsDeps {
  client(): BeheerClient;
  /** Changes whenever the client does (API, token, language), so the list is read again. */
  clientKey(): string;
  lang(): Lang;
  t(): AdminTexts;
  /** A 401: the view goes back to the login form. Answers whether it was one. */
  authFailed(error: unknown): boolean;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface FormState {
  id: string | null;
  etag: string | undefined;
  /** The draft of what was read (or the empty draft): what "changed" is measured against. */
  original: LocationDraft;
  draft: LocationDraft;
  storedName: string;
  show: boolean;
  otherErrors: string[];
  /** Errors the server gave for fields, until the field is typed in. */
  serverFields: Partial<Record<FieldId, string>>;
  lookup: { pending: boolean; note: LookupNote | null };
  saving: boolean;
  problem: string | null;
  conflict: { changed: string[]; latest: Location; etag: string | undefined } | null;
  confirmDelete: boolean;
  announce: string;
  adding: ExceptionInput;
  exceptionProblem: ExceptionProblem | null;
}

const emptyException = (): ExceptionInput => ({ date: '', closed: true, opens: '', closes: '', note: '' });

/** Which form field a server error's dotted path belongs to. */
const FIELD_OF_PATH: Record<string, FieldId> = {
  name: 'name',
  'address.street': 'street',
  'address.postcode': 'postcode',
  'address.city': 'city',
  'coordinates.lat': 'lat',
  'coordinates.lon': 'lon',
  'contact.email': 'email',
  'contact.url': 'url',
  'contact.phone': 'phone',
  'accessibility.notes': 'accessNotes',
};

export class LocationsSection implements ReactiveController {
  private readonly _host: Host;
  private readonly _deps: LocationsDeps;
  private readonly _list: Task<readonly [string, number], Location[]>;
  /** Bumped to read the list again (after a save or delete). */
  private _listVersion = 0;
  private _query = '';
  private _form: FormState | null = null;
  /** Loading one location to edit. */
  private _opening: string | null = null;
  private _notice = '';
  private _focusAfterRender?: string;
  /** Deleted here: left out of the list at once, before it has been read again. */
  private readonly _deleted = new Set<string>();

  constructor(host: Host, deps: LocationsDeps) {
    this._host = host;
    this._deps = deps;
    host.addController(this);
    this._list = new Task(host, {
      // Nothing to read before there is a session (the login form is on screen).
      task: async ([key], { signal }) => (key ? (await this._deps.client().locations.list(undefined, { signal })).items : initialState),
      args: () => [this._deps.clientKey(), this._listVersion] as const,
      onError: (error) => this._deps.authFailed(error),
    });
  }

  hostUpdated(): void {
    if (!this._focusAfterRender) return;
    const target = this._host.renderRoot.querySelector<HTMLElement>(this._focusAfterRender);
    this._focusAfterRender = undefined;
    target?.focus();
  }

  private _changed(focus?: string): void {
    if (focus) this._focusAfterRender = focus;
    this._host.requestUpdate();
  }

  private get _t(): AdminTexts {
    return this._deps.t();
  }

  // ------------------------------------------------------------------------------------------
  // Opening and leaving the form.

  private _newForm(draft: LocationDraft, id: string | null, etag: string | undefined, storedName: string): FormState {
    return {
      id,
      etag,
      original: structuredClone(draft),
      draft,
      storedName,
      show: false,
      otherErrors: [],
      serverFields: {},
      lookup: { pending: false, note: null },
      saving: false,
      problem: null,
      conflict: null,
      confirmDelete: false,
      announce: '',
      adding: emptyException(),
      exceptionProblem: null,
    };
  }

  private _openNew(): void {
    this._notice = '';
    this._form = this._newForm(emptyDraft(), null, undefined, '');
    this._changed('#form-heading');
  }

  private async _openEdit(id: string): Promise<void> {
    this._notice = '';
    this._opening = id;
    this._changed();
    try {
      let etag: string | undefined;
      const location = await this._deps.client().locations.get(id, { onEtag: (e) => (etag = e ?? undefined) });
      if (this._opening !== id) return;
      this._form = this._newForm(draftFrom(location), id, etag, location.name);
      this._opening = null;
      this._changed('#form-heading');
    } catch (error) {
      this._opening = null;
      if (this._deps.authFailed(error)) return;
      this._notice = isIdoHttpError(error) && error.status === 404 ? this._t.gone : this._t.listFailed;
      this._listVersion++;
      this._changed();
    }
  }

  private _back(focusId?: string): void {
    this._form = null;
    this._changed(focusId ? `#edit-${focusId}` : '#new-location');
  }

  // ------------------------------------------------------------------------------------------
  // Editing.

  private _errors(form: FormState): DraftErrors {
    const errors = checkDraft(form.draft, this._t);
    return { fields: { ...form.serverFields, ...errors.fields }, hours: errors.hours };
  }

  private _setField(name: keyof LocationDraft, value: string | boolean): void {
    const form = this._form!;
    (form.draft as unknown as Record<string, unknown>)[name] = value;
    delete form.serverFields[name as FieldId];
    this._changed();
  }

  private _hours(rows: LocationDraft['hours'], announce = ''): void {
    const form = this._form!;
    form.draft.hours = rows;
    form.announce = announce;
    this._changed();
  }

  private async _lookUp(): Promise<void> {
    const form = this._form!;
    const t = this._t;
    const { postcode, number, addition } = form.draft;
    if (!/^\s*[1-9]\d{3}\s*[A-Za-z]{2}\s*$/.test(postcode) || !/^\s*\d{1,5}\s*$/.test(number)) {
      form.lookup = { pending: false, note: { kind: 'error', text: t.lookUpNeedsPostcode } };
      this._changed(/^\s*[1-9]\d{3}\s*[A-Za-z]{2}\s*$/.test(postcode) ? '#number' : '#postcode');
      return;
    }
    form.lookup = { pending: true, note: null };
    this._changed();
    try {
      const found = await this._deps
        .client()
        .geocode({ postcode: postcode.replace(/\s+/g, ''), number: number.trim(), addition: addition.trim() || undefined });
      if (this._form !== form) return;
      const d = form.draft;
      d.postcode = normalisePostcode(postcode);
      d.lat = String(found.coordinates.lat);
      d.lon = String(found.coordinates.lon);
      if (found.street) d.street = found.street;
      if (found.city) d.city = found.city;
      if (found.municipality) d.municipality = found.municipality;
      if (found.province) d.province = found.province;
      for (const f of ['postcode', 'street', 'city', 'lat', 'lon'] as const) delete form.serverFields[f];
      let note: LookupNote;
      if (found.precision === 'address') {
        note = { kind: 'found', text: t.found(`${found.street} ${number.trim()}${addition.trim()}, ${found.postcode} ${found.city}`) };
      } else if (found.precision === 'postcode') {
        note = { kind: 'warning', text: t.foundPostcode(found.street ?? '') };
      } else {
        note = { kind: 'warning', text: t.foundPc4(found.postcode.slice(0, 4)) };
      }
      form.lookup = { pending: false, note };
      this._changed();
    } catch (error) {
      if (this._deps.authFailed(error)) return;
      const message = isIdoHttpError(error) && error.status === 422 ? error.problem?.errors?.[0]?.message : undefined;
      form.lookup = { pending: false, note: { kind: 'error', text: message ?? t.lookUpFailed } };
      this._changed();
    }
  }

  private _addException(): void {
    const form = this._form!;
    const t = this._t;
    const result = checkException(form.adding, form.draft.exceptions);
    if ('problem' in result) {
      form.exceptionProblem = result.problem;
      this._changed(`#x-${result.problem.field}`);
      return;
    }
    form.draft.exceptions = [...form.draft.exceptions, result.row].sort((a, b) => a.date.localeCompare(b.date));
    form.exceptionProblem = null;
    form.adding = emptyException();
    form.announce = t.added(exceptionLine(t, result.row));
    this._changed('#x-date');
  }

  // ------------------------------------------------------------------------------------------
  // Saving, the 412, deleting.

  private async _save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this._form!;
    if (form.saving) return;
    const t = this._t;
    form.show = true;
    form.problem = null;
    const errors = this._errors(form);
    if (hasErrors(errors)) {
      this._changed(this._firstError(form, errors));
      return;
    }
    const fields = form.id ? changedFields(form.draft, form.original) : null;
    if (fields && !fields.length && !form.conflict) {
      form.announce = t.saved(form.storedName);
      this._changed();
      return;
    }
    form.saving = true;
    this._changed();
    const client = this._deps.client();
    try {
      let etag: string | undefined;
      const onEtag = (e: string | null) => (etag = e ?? undefined);
      const saved = form.id
        ? await client.locations.update(form.id, patchOf(form.draft, fields!), { ifMatch: form.etag, onEtag })
        : await client.locations.create(payloadOf(form.draft), { onEtag });
      if (this._form !== form) return;
      const created = !form.id;
      this._notice = created ? t.created(saved.name) : t.saved(saved.name);
      this._listVersion++;
      // Stay in the form with what is stored now, ready for the next change.
      const next = this._newForm(draftFrom(saved), saved.id, etag, saved.name);
      next.announce = this._notice;
      this._form = next;
      this._changed(created ? '#form-heading' : undefined);
    } catch (error) {
      form.saving = false;
      if (this._deps.authFailed(error)) return;
      if (isIdoHttpError(error) && error.status === 412 && form.id) {
        await this._conflict(form);
        return;
      }
      if (isIdoHttpError(error) && error.status === 422) {
        this._serverErrors(form, error.problem?.errors ?? []);
        form.problem = t.serverInvalid;
        this._changed(this._firstError(form, this._errors(form)) ?? '#form-problem');
        return;
      }
      if (isIdoHttpError(error) && error.status === 404) form.problem = t.gone;
      else if (isIdoHttpError(error) && error.status === 403) form.problem = t.forbidden;
      else form.problem = isIdoNetworkError(error) ? t.saveNetwork : t.saveFailed;
      this._changed('#form-problem');
    }
  }

  /** Someone else saved first: read their version, say what they changed, keep the draft. */
  private async _conflict(form: FormState): Promise<void> {
    try {
      let etag: string | undefined;
      const latest = await this._deps.client().locations.get(form.id!, { onEtag: (e) => (etag = e ?? undefined) });
      if (this._form !== form) return;
      const changed = changedFields(draftFrom(latest), form.original) as string[];
      form.conflict = { changed, latest, etag };
      this._changed('#conflict');
    } catch (error) {
      if (this._deps.authFailed(error)) return;
      form.problem = isIdoHttpError(error) && error.status === 404 ? this._t.gone : this._t.saveFailed;
      this._changed('#form-problem');
    }
  }

  private _reload(): void {
    const form = this._form!;
    const { latest, etag } = form.conflict!;
    this._form = this._newForm(draftFrom(latest), latest.id, etag, latest.name);
    this._changed('#form-heading');
  }

  private _applyOnTop(): void {
    const form = this._form!;
    const { latest, etag } = form.conflict!;
    const theirs = draftFrom(latest);
    const next = this._newForm(rebase(form.draft, form.original, theirs), latest.id, etag, latest.name);
    // What is measured as "changed" is now against their version.
    next.original = structuredClone(theirs);
    next.announce = this._t.conflictApplied;
    this._form = next;
    this._changed('#save');
  }

  private async _remove(): Promise<void> {
    const form = this._form!;
    const t = this._t;
    try {
      await this._deps.client().locations.delete(form.id!, { ifMatch: form.etag });
      this._deleted.add(form.id!);
      this._notice = t.deleted(form.storedName);
      this._form = null;
      this._listVersion++;
      this._changed('#notice');
    } catch (error) {
      if (this._deps.authFailed(error)) return;
      form.confirmDelete = false;
      if (isIdoHttpError(error) && error.status === 412) {
        await this._conflict(form);
        return;
      }
      form.problem = isIdoHttpError(error) && error.status === 404 ? t.gone : t.deleteFailed;
      this._changed('#form-problem');
    }
  }

  private _serverErrors(form: FormState, errors: { path: string; message: string }[]): void {
    form.serverFields = {};
    form.otherErrors = [];
    for (const e of errors) {
      const field = FIELD_OF_PATH[e.path];
      if (field) form.serverFields[field] ??= e.message;
      else form.otherErrors.push(e.message);
    }
  }

  /** The selector of the first field with an error, in the order of the form. */
  private _firstError(form: FormState, errors: DraftErrors): string | undefined {
    const first = FIELD_ORDER.find((f) => errors.fields[f]);
    const firstHours = [...errors.hours.keys()].sort((a, b) => a - b)[0];
    // The address and name come before the grid, contact after it.
    const beforeGrid = first && FIELD_ORDER.indexOf(first) <= FIELD_ORDER.indexOf('lon');
    if (first && (beforeGrid || firstHours === undefined)) return `#${first}`;
    if (firstHours !== undefined) {
      const problem = errors.hours.get(firstHours)!;
      return `#h-${firstHours}-${problem.kind === 'closes-format' || problem.kind === 'order' ? 'closes' : 'opens'}`;
    }
    return form.otherErrors.length ? '#error-summary' : undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Rendering.

  private _renderList(): TemplateResult {
    const t = this._t;
    const status = this._list.status;
    const all = (this._list.value ?? []).filter((l) => !this._deleted.has(l.id));
    const q = this._query.trim().toLowerCase();
    const shown = q
      ? all.filter((l) =>
          [l.name, l.address.city, l.address.postcode.replace(/\s+/g, ''), l.address.street].some(
            (v) => v.toLowerCase().replace(/\s+/g, ' ').includes(q) || v.toLowerCase().replace(/\s+/g, '').includes(q.replace(/\s+/g, '')),
          ),
        )
      : all;
    let body: TemplateResult;
    if (status === TaskStatus.ERROR && !this._list.value) {
      body = html`<div class="problem" role="alert"><p>${t.listFailed}</p>
        <p><button class="button" type="button" @click=${() => void this._list.run()}>${t.retry}</button></p></div>`;
    } else if (!this._list.value) {
      body = html`<p role="status">${t.loadingList}</p>`;
    } else if (!all.length) {
      body = html`<p>${t.none}</p>`;
    } else {
      body = html`<p class="count" role="status">${shown.length ? t.count(shown.length, all.length) : t.noMatch(this._query.trim())}</p>
        <ul class="locations" role="list">
          ${shown.map((l) => {
            const days = new Set(l.walkInHours.map((r) => r.day)).size;
            return html`<li class="location-row">
              <div>
                <h3 class="location-name">${l.name}</h3>
                <p class="meta">${l.address.street}, ${l.address.postcode} ${l.address.city}</p>
                <p class="meta">${t.hoursSummary(days)}</p>
              </div>
              <button class="button" type="button" id="edit-${l.id}" aria-busy=${this._opening === l.id ? 'true' : 'false'}
                @click=${() => void this._openEdit(l.id)}>${t.edit}<span class="visually-hidden"> ${l.name}</span></button>
            </li>`;
          })}
        </ul>`;
    }
    return html`<section class="list-section" part="section" aria-labelledby="section-heading">
      <h2 id="section-heading" tabindex="-1">${t.sections.locations}</h2>
      <p>${t.locationsIntro}</p>
      <p class="notice" id="notice" role="status" tabindex="-1">${this._notice}</p>
      <div class="list-tools">
        <div class="field search">
          <label for="search">${t.search}</label>
          <p class="hint" id="search-hint">${t.searchHint}</p>
          <input id="search" class="control" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this._query}
            @input=${(e: Event) => {
              this._query = (e.target as HTMLInputElement).value;
              this._changed();
            }} />
        </div>
        <button class="button primary" type="button" id="new-location" @click=${() => this._openNew()}>${t.newLocation}</button>
      </div>
      ${this._opening ? html`<p role="status">${t.loadingOne}</p>` : nothing}
      ${body}
    </section>`;
  }

  render(): TemplateResult {
    const form = this._form;
    if (!form) return this._renderList();
    const t = this._t;
    const current = now();
    const schedule: OpeningSchedule = {
      walkInHours: hoursPayload(form.draft.hours),
      exceptions: form.draft.exceptions.map((e) =>
        e.closed
          ? { date: e.date, closed: true as const, note: e.note }
          : { date: e.date, opens: e.opens!, closes: e.closes!, note: e.note },
      ),
      closedOnHolidays: form.draft.closedOnHolidays as HolidayCode[],
    };
    return renderLocationForm(
      {
        t,
        lang: this._deps.lang(),
        now: current,
        today: amsterdamParts(current).date,
        id: form.id,
        storedName: form.storedName,
        draft: form.draft,
        errors: this._errors(form),
        otherErrors: form.otherErrors,
        show: form.show,
        lookup: form.lookup,
        saving: form.saving,
        problem: form.problem,
        conflict: form.conflict,
        confirmDelete: form.confirmDelete,
        announce: form.announce,
        adding: form.adding,
        exceptionProblem: form.exceptionProblem,
        schedule,
      },
      {
        field: (name, value) => this._setField(name, value),
        holiday: (code, on) => {
          const d = form.draft;
          d.closedOnHolidays = on ? [...new Set([...d.closedOnHolidays, code])] : d.closedOnHolidays.filter((c) => c !== code);
          this._changed();
        },
        lookUp: () => void this._lookUp(),
        save: (e) => void this._save(e),
        back: () => this._back(form.id ?? undefined),
        reload: () => this._reload(),
        applyOnTop: () => this._applyOnTop(),
        askDelete: (on) => {
          form.confirmDelete = on;
          this._changed(on ? '#confirm-heading' : '#delete');
        },
        deleteLocation: () => void this._remove(),
        focus: (selector) => this._changed(selector),
        add: (day) => {
          const rows = [...form.draft.hours, { day, opens: '', closes: '' }].sort((a, b) => a.day - b.day);
          const index = rows.reduce((last, r, i) => (r.day === day ? i : last), -1);
          this._hours(rows);
          this._focusAfterRender = `#h-${index}-opens`;
        },
        removeRange: (index) => {
          const rows = form.draft.hours.filter((_, i) => i !== index);
          const day = form.draft.hours[index].day;
          this._hours(rows);
          this._focusAfterRender = `#add-${day}`;
        },
        copy: (day) => this._hours(copyToWorkdays(form.draft.hours, day), t.copied(t.days[day - 1].toLowerCase())),
        set: (index, field, value) => {
          form.draft.hours[index] = { ...form.draft.hours[index], [field]: value };
          this._changed();
        },
        exceptions: {
          remove: (row) => {
            form.draft.exceptions = form.draft.exceptions.filter((e) => e !== row);
            form.announce = t.removed(exceptionLine(t, row));
            this._changed('#x-date');
          },
          add: () => this._addException(),
          edit: (field, value) => {
            form.adding = { ...form.adding, [field]: value };
            if (form.exceptionProblem && (form.exceptionProblem.field === field || field === 'closed')) form.exceptionProblem = null;
            this._changed();
          },
        },
      },
    );
  }
}
