/** `<ido-registratie>`: register a visit at an IDO desk in two interactions, also without a connection. */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { uuid } from '../../sdk/uuid.js';
import type { PersonalDataKind } from '../../sdk/personal-data.js';
import { IdoElement } from '../shared/ido-element.js';
import { focusAfterUpdate } from '../shared/focus.js';
import { lazy } from '../shared/lazy.js';
import { base, tokens } from '../shared/styles.js';
import { more } from '../shared/styles-more.js';
import { lazyCatalogue, formatTime } from '../shared/i18n.js';
import { after, now } from '../shared/clock.js';
import { TaskStatus } from '../shared/task.js';
import { DeskConnection } from './connection.js';
import { errorsOf, type FormErrors } from './form-errors.js';
import { renderSummaryRow, summaryText } from './details.js';
import { IdoErrorEvent, IdoQueuedEvent, IdoRegisteredEvent } from './events.js';
import { nl, type RegistratieTexts } from './i18n.nl.js';
import { styles } from './ido-registratie.styles.js';
import { LookupPanel } from './lookup.js';
import { RecentList } from './recent-list.js';
import { RecentVisits, type RecentRow } from './recent-visits.js';
import { DeskScopeController } from './scope.js';
import { Confirmation, renderBanner, renderLocationChoice, renderLocationLine } from './status.js';
import { TopicPicker, renderQuestions } from './topic-picker.js';
import { searchTopics } from './topic-search.js';
import { ValueLists } from './value-lists.js';
import {
  FIRST_DEFAULTS,
  draftFrom,
  newDraft,
  rememberVisit,
  rememberedVisit,
  repeatOf,
  timeNow,
  toInput,
  withQuestion,
  withReferral,
  withTopic,
  withoutQuestion,
  type Draft,
  type DraftQuestion,
  type VisitDefaults,
} from './visit.js';

/** The personal-data check runs this long after the last key press. */
const NOTE_CHECK_DELAY_MS = 300;
/** Registreer says "Bezig…" once sending takes this long (a quick answer should not flicker). */
const SLOW_SEND_MS = 300;

/** The registration being corrected. */
interface Editing {
  id: string;
  queued: boolean;
  what: string;
  time: string;
}

/**
 * The details panel and the note's personal-data finder are a chunk of their own: the panel
 * starts closed, so the form paints without it; it is loaded right after the element connects
 * (and again after a failure). A note is never sent unchecked: see `validate`.
 */
const panel = lazy(() => import('./details-panel.js'));

/** Dutch built in; English is a chunk of its own, loaded only for `lang="en"`. */
const texts = lazyCatalogue(nl, async () => (await import('./i18n.en.js')).en);

/**
 * Registers a visit at an IDO desk: choose a topic, press Registreer. The details (channel,
 * duration, help, agency, DigiD, time) start as this desk's last choices. Without a connection
 * visits are kept in the browser and sent when the server can be reached again.
 *
 * @summary Register an IDO desk visit in two interactions, also offline.
 * @tagname ido-registratie
 *
 * @csspart banner - The connection banner ("Geen verbinding. 3 registraties wachten …").
 * @csspart form - The registration form.
 * @csspart confirmation - The confirmation after registering, with "Ongedaan maken".
 * @csspart chips - The group of quick-entry topic buttons.
 * @csspart chip - One quick-entry topic button.
 * @csspart search - The topic search field.
 * @csspart summary - The one-line summary of the details that opens them.
 * @csspart submit - The "Registreer" button.
 * @csspart lookup - The information links and partners for the chosen topic.
 * @csspart recent - Today's visits at this desk.
 *
 * @cssprop --ido-font-family - Font. Default: inherited from the page.
 * @cssprop --ido-font-size - Body text size. Default: `max(1rem, 16px)`.
 * @cssprop --ido-text-color - Text. Falls back to `--basis-color-default-color-document`, then `#1b1b1b`.
 * @cssprop --ido-muted-color - Hints. Falls back to `--basis-color-default-color-subtle`, then `#4a4a4a`.
 * @cssprop --ido-background - Background. Falls back to `--basis-color-default-bg-document`, then white.
 * @cssprop --ido-surface - Panels. Falls back to `--basis-color-default-bg-subtle`, then `#f3f4f6`.
 * @cssprop --ido-border-color - Borders of fields. Falls back to `--basis-color-default-border-default`, then `#6b6b6b`.
 * @cssprop --ido-button-background - Primary button. Falls back to `--nl-button-primary-background-color`, `--basis-color-action-1-bg-default`, then `#1a5fb4`.
 * @cssprop --ido-button-color - Text on the primary button. Falls back to `--nl-button-primary-color`, `--basis-color-action-1-color-default`, then white.
 * @cssprop --ido-button-hover-background - Primary button on hover. Falls back to `--nl-button-primary-hover-background-color`, `--basis-color-action-1-bg-hover`, then `#144a8c`.
 * @cssprop --ido-selected-background - Chosen chip and option. Falls back to `--basis-color-selected-1-bg-default`, then `#dbe7f7`.
 * @cssprop --ido-link-color - Links. Falls back to `--nl-link-color`, `--basis-color-action-2-color-default`, then `#1a5fb4`.
 * @cssprop --ido-focus-color - Focus ring. Falls back to `--basis-focus-outline-color`, then black.
 * @cssprop --ido-focus-width - Focus ring width. Falls back to `--basis-focus-outline-width`, then `3px`.
 * @cssprop --ido-error-color - Errors. Falls back to `--basis-color-negative-1-color-default`, then `#b3261e`.
 * @cssprop --ido-warning-background - The connection banner. Falls back to `--basis-color-warning-1-bg-subtle`, then `#fff4ce`.
 * @cssprop --ido-success-background - The confirmation. Falls back to `--basis-color-positive-1-bg-subtle`, then `#e6f4ea`.
 * @cssprop --ido-radius - Corner radius. Falls back to `--basis-border-radius-md`, then `4px`.
 *
 * @fires {IdoRegisteredEvent} ido-registered - The server stored a visit the worker registered; `detail` is the stored registration.
 * @fires {IdoQueuedEvent} ido-queued - The server could not be reached; the visit is kept and sent later; `detail` is the pending registration.
 * @fires {IdoErrorEvent} ido-error - Something the worker asked for failed; `detail.error` says what.
 */
export class IdoRegistratie extends IdoElement {
  static override styles = [tokens, base, more, styles];
  /** Reactive properties and states (declared here rather than with decorators, which cost weight in ido.js). */
  static override properties: PropertyDeclarations = {
    draft: { state: true },
    defaults: { state: true },
    activeQuestion: { state: true },
    detailsOpen: { state: true },
    noteKinds: { state: true },
    noteUnchecked: { state: true },
    errors: { state: true },
    busy: { state: true },
    slow: { state: true },
    editing: { state: true },
    previous: { state: true },
    deskKey: { attribute: 'desk-key' },
    // Same as `desk-key`, for plain HTML; its accessors forward to `deskKey`.
    key: { noAccessor: true },
    location: {},
  };

  // The parts, in the order their tasks run before each update (see docs/widget.md).
  /** Client, outbox and queue; what failures say about the network and the key. */
  private readonly connection = new DeskConnection(this, {
    flushed: (refused, answered) => {
      if (!answered) return;
      this.recent.refresh();
      // Only after the server took or refused something: a flush that reached no one may have read
      // the queue just before the visit being confirmed was added, and would call it sent.
      this.confirmation.sent(this.t, this.connection.queue, refused);
    },
    recheck: (online) => {
      if (!online || this.recent.task.status === TaskStatus.ERROR) void this.recent.task.run();
    },
  });
  private readonly lists = new ValueLists(this, this.connection, () => this.language);
  /** Where this desk registers and what its chips are. */
  private readonly scope = new DeskScopeController(this, this.connection, () => this.location);
  private readonly lookup = new LookupPanel(this, this.connection, () => this.currentQuestion.topic, {
    refer: (partner, warm) => this.updateQuestion((q) => withReferral(q, partner, warm)),
  });
  private readonly recent = new RecentVisits(this, this.connection, () => this.scope.location);
  private readonly picker = new TopicPicker(this, { choose: (code) => this.chooseTopic(code), typed: () => this.confirmation.clear() });
  private readonly confirmation = new Confirmation(this);
  private readonly recentList = new RecentList(this, {
    edit: (row) => void this.startCorrection(row),
    remove: (row) => void this.deleteRow(row),
  });

  private scopeLoaded: string | null = null;
  private noteTimer?: ReturnType<typeof setTimeout>;

  private draft: Draft = newDraft(FIRST_DEFAULTS);
  private defaults: VisitDefaults = FIRST_DEFAULTS;
  private activeQuestion = 0;
  private detailsOpen = false;
  private noteKinds: PersonalDataKind[] = [];
  /** The note could not be checked for personal data (the finder did not load). */
  private noteUnchecked = false;
  private errors: FormErrors = {};
  /** A registration (or correction) is being sent: Registreer is disabled and `aria-busy`. */
  private busy = false;
  /** … and it takes long enough to say so ("Bezig…"). */
  private slow = false;
  private editing: Editing | null = null;
  private previous: Draft | null = null;

  /** The desk key (`ido_dk_…`) this desk registers with (attribute `desk-key`). */
  deskKey = '';

  /**
   * The same as `deskKey`, for plain HTML (`key="ido_dk_…"`). React and Vue keep `key` for
   * themselves and never pass it on, so use `desk-key` there (and in new pages everywhere).
   */
  get key(): string {
    return this.deskKey;
  }
  set key(value: string) {
    this.deskKey = value;
  }

  /**
   * The id of the IDO location. Leave it out when the desk key is bound to a location; with an
   * unbound key and no `location`, the worker chooses one once (remembered in this browser).
   */
  location = '';

  /** The element's texts and, once it is there, the details panel's. */
  protected override catalogues() {
    return [texts, panel.value?.texts];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noteTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.connection.connect({ baseUrl: this.resolvedApi, apiKey: this.deskKey, lang: this.language })) {
      // The panel shows (closed) once it is there.
      panel().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
    if (this.scopeLoaded !== this.deskKey) {
      this.scopeLoaded = this.deskKey;
      this.loadScope();
    }
  }

  /** What this browser remembers for this desk key. */
  private loadScope() {
    ({ defaults: this.defaults, previous: this.previous } = rememberedVisit(this.deskKey));
    this.scope.load();
    if (!this.editing) this.resetForm();
  }

  private get t(): RegistratieTexts {
    return texts.get(this.language);
  }

  private get currentQuestion(): DraftQuestion {
    return this.draft.questions[this.activeQuestion] ?? this.draft.questions[0];
  }

  // Every change to the draft starts the next visit: the previous confirmation goes, so that its
  // "Ongedaan maken" cannot be taken for this visit's.
  private updateQuestion(change: (q: DraftQuestion) => DraftQuestion) {
    const questions = this.draft.questions.map((q, i) => (i === this.activeQuestion ? change(q) : q));
    this.setDraft({ questions });
  }

  private setDraft(change: Partial<Draft>) {
    this.draft = { ...this.draft, ...change };
    this.confirmation.clear();
  }

  private chooseTopic(code: string | null) {
    this.updateQuestion((q) => withTopic(q, code, code ? this.lists.topicsByCode.get(code) : undefined));
    if (code) this.errors = { ...this.errors, topic: undefined };
  }

  private resetForm() {
    this.draft = newDraft(this.defaults);
    this.activeQuestion = 0;
    this.picker.clear();
    this.detailsOpen = false;
    this.noteKinds = [];
    this.noteUnchecked = false;
    this.errors = {};
    this.editing = null;
  }

  private remember(draft: Draft) {
    ({ defaults: this.defaults, previous: this.previous } = rememberVisit(this.deskKey, draft));
    this.scope.addChoices(draft.questions.map((q) => q.topic).filter((t): t is string => !!t));
  }

  /** After the next render, focus on `selector` (the search field by default). */
  private focusOn(selector = '#search') {
    return focusAfterUpdate(this, selector);
  }

  private onNoteInput(note: string) {
    this.setDraft({ note });
    clearTimeout(this.noteTimer);
    this.noteTimer = setTimeout(() => {
      panel().then(
        (f) => {
          this.noteKinds = f.findPersonalData(this.draft.note, { now: now() }).map((m) => m.kind);
          this.noteUnchecked = false;
        },
        () => undefined,
      );
    }, NOTE_CHECK_DELAY_MS);
  }

  private addQuestion() {
    this.draft = withQuestion(this.draft, this.defaults);
    this.activeQuestion = this.draft.questions.length - 1;
    this.errors = { ...this.errors, topic: undefined };
    void this.focusOn();
  }

  private editQuestion(index: number) {
    this.activeQuestion = index;
    void this.focusOn();
  }

  private removeQuestion(index: number) {
    this.draft = withoutQuestion(this.draft, index);
    this.activeQuestion = Math.min(this.activeQuestion, this.draft.questions.length - 1);
    void this.focusOn();
  }

  private async repeatPrevious() {
    if (!this.previous) return;
    this.draft = repeatOf(this.previous);
    this.activeQuestion = 0;
    this.errors = {};
    await this.confirmation.say({ text: this.t.sameAsPreviousDone });
    this.renderRoot.querySelector<HTMLElement>('#submit')?.focus();
  }

  private chooseLocation(locationId: string) {
    this.scope.choose(locationId);
    void this.focusOn();
  }

  /** Checks the draft; on a problem shows it, moves focus to the field, and answers false. */
  private async validate(): Promise<boolean> {
    const { t, draft } = this;
    const missing = draft.questions.findIndex((q) => !q.topic);
    if (missing >= 0) {
      this.activeQuestion = missing;
      this.errors = { topic: draft.questions.length > 1 ? t.errorNoTopicIn(missing + 1) : t.errorNoTopic };
      await this.focusOn();
      return false;
    }
    clearTimeout(this.noteTimer);
    // A note is sent only once checked: when the finder cannot be loaded, the worker is asked to
    // try again or leave the note out.
    let check: typeof panel.value;
    if (draft.note.trim()) check = await panel().catch(() => undefined);
    this.noteUnchecked = !!draft.note.trim() && !check;
    this.noteKinds = check ? check.findPersonalData(draft.note, { now: now() }).map((m) => m.kind) : [];
    if (this.noteKinds.length || this.noteUnchecked) {
      this.detailsOpen = true;
      await this.focusOn('#note');
      return false;
    }
    if (draft.earlierAt && draft.earlierAt > timeNow()) {
      this.errors = { time: t.timeFuture };
      await this.focusOn('#time');
      return false;
    }
    return true;
  }

  private async submit(e: Event) {
    e.preventDefault();
    // Busy at once, before anything is awaited: a double click or Enter pressed twice is one visit.
    if (this.busy) return;
    this.busy = true;
    this.confirmation.clear();
    const stopWaiting = after(SLOW_SEND_MS, () => (this.slow = true));
    try {
      this.errors = {};
      if (!(await this.validate())) return;
      const { t, draft, editing, connection } = this;
      const input = toInput(draft, { id: editing?.id ?? uuid(), locationId: this.scope.location || undefined });
      const what = this.lists.what(input.questions.map((q) => q.topic));
      const time = formatTime(input.occurredAt!, this.language);
      if (editing) {
        await this.recent.correct(editing.id, editing.queued, input);
        this.resetForm();
        void this.confirmation.say({ text: t.corrected(what, time) });
      } else {
        const result = await connection.outbox!.submit(input);
        if (result.status === 'sent') {
          connection.reachable(true);
          this.scope.learn(result.registration.locationId);
          this.dispatchEvent(new IdoRegisteredEvent(result.registration));
          void this.confirmation.say({ text: t.registered(what, time), undo: { id: result.registration.id, queued: false, what, time } });
        } else {
          connection.reachable(false);
          this.dispatchEvent(new IdoQueuedEvent(result.item.registration));
          void this.confirmation.say({ text: t.queued(what, time), undo: { id: result.item.id, queued: true, what, time } });
        }
        this.remember(draft);
        this.resetForm();
      }
      this.recent.refresh();
      await this.focusOn();
    } catch (error) {
      await this.showError(error);
      this.dispatchEvent(new IdoErrorEvent(error));
    } finally {
      stopWaiting();
      this.busy = this.slow = false;
    }
  }

  /** Shows why something failed, next to the field it concerns where the server says which. */
  private async showError(error: unknown) {
    this.errors = errorsOf(this.t, error);
    await this.focusOn(this.errors.topic ? '#search' : this.errors.time ? '#time' : '#form-error');
  }

  private async undo() {
    const undo = this.confirmation.notice?.undo;
    if (!undo) return;
    if (await this.removeRegistration(undo.id, undo.queued)) {
      void this.confirmation.say({ text: this.t.undone(undo.what, undo.time) });
      await this.focusOn();
    }
  }

  /** Takes a registration back (see `RecentVisits.remove`); on a failure says why. */
  private async removeRegistration(id: string, queued: boolean): Promise<boolean> {
    try {
      await this.recent.remove(id, queued);
      return true;
    } catch (error) {
      this.connection.noteFailure(error);
      await this.showError(error);
      this.dispatchEvent(new IdoErrorEvent(error));
      return false;
    }
  }

  private startCorrection(row: RecentRow) {
    this.draft = draftFrom(
      row.queued ? { ...row.queued.registration, occurredAt: row.occurredAt, note: row.queued.registration.note ?? null } : row.stored!,
    );
    this.editing = { id: row.id, queued: !!row.queued, what: this.lists.what(row.topics), time: formatTime(row.occurredAt, this.language) };
    this.activeQuestion = 0;
    this.errors = {};
    this.noteKinds = [];
    this.noteUnchecked = false;
    void this.focusOn();
  }

  private cancelCorrection() {
    this.resetForm();
    void this.focusOn();
  }

  private async deleteRow(row: RecentRow) {
    if (await this.removeRegistration(row.id, !!row.queued)) {
      void this.confirmation.say({ text: this.t.deleted(this.lists.what(row.topics), formatTime(row.occurredAt, this.language)) });
      await this.focusOn('#recent-heading');
    }
  }

  /**
   * The form. Nothing above Registreer changes size during a registration (the chips, the chosen
   * line and the summary line keep their height, the matches open over the form), and what is said
   * after it (the connection banner, the confirmation) sits below the button in space kept for it
   * (see `.status` in the styles), so the button never moves under the worker's finger.
   */
  private renderForm(banner: TemplateResult) {
    const { t, editing, draft, lists } = this;
    const q = this.currentQuestion;
    const summary = summaryText(t, draft, q, lists, (id) => this.lookup.partnerName(id) ?? t.aPartner);
    const noteProblem = this.noteUnchecked
      ? t.noteUnchecked
      : this.noteKinds.length && panel.value
        ? panel.value.describePersonalData(this.noteKinds, this.language)
        : '';
    const topicLabel = (code: string) => lists.topicLabel(code);
    return html`<form part="form" class="form" novalidate aria-labelledby="title" @submit=${this.submit}>
      <h2 id="title">${t.title}</h2>
      ${editing ? html`<p class="editing">${t.correcting(editing.what, editing.time)}</p>` : nothing}
      ${renderQuestions(
        { t, questions: draft.questions, active: this.activeQuestion, topicLabel },
        {
          edit: (i) => this.editQuestion(i),
          remove: (i) => this.removeQuestion(i),
        },
      )}
      ${this.picker.render({
        t,
        heading: draft.questions.length > 1 ? `${t.topicHeading} · ${t.questionN(this.activeQuestion + 1)}` : t.topicHeading,
        chips: this.scope.chips(lists.taxonomy!, lists.topicsByCode),
        chosen: q.topic,
        error: this.errors.topic,
        search: (query) => searchTopics(lists.taxonomy!.topics, query, this.scope.weights),
        topicLabel,
      })}
      ${renderSummaryRow(
        { t, summary, open: this.detailsOpen, earlierAt: draft.earlierAt, timeError: this.errors.time },
        {
          toggle: () => (this.detailsOpen = !this.detailsOpen),
          startEarlier: () => {
            this.setDraft({ earlierAt: timeNow() });
            void this.focusOn('#time');
          },
          setTime: (time) => this.setDraft({ earlierAt: time === null ? null : time || timeNow() }),
        },
      )}
      ${
        panel.value
          ? panel.value.renderDetails(
              {
                lang: this.language,
                draft,
                question: q,
                lists,
                open: this.detailsOpen,
                noteProblem,
                questionNumber: draft.questions.length > 1 ? this.activeQuestion + 1 : 0,
                topicLabel: q.topic ? topicLabel(q.topic) : null,
              },
              {
                setDraft: (change) => this.setDraft(change),
                updateQuestion: (change) => this.updateQuestion(change),
                noteInput: (note) => this.onNoteInput(note),
              },
            )
          : html`<div id="details" class="details" ?hidden=${!this.detailsOpen}></div>`
      }
      <p class="visually-hidden" id="visit-summary">${q.topic ? `${lists.what(draft.questions.map((x) => x.topic ?? '').filter(Boolean))}. ` : ''}${summary}</p>
      <div class="actions">
        <button id="submit" part="submit" class="button primary submit" type="submit" aria-describedby="visit-summary"
          ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}>
          ${this.slow ? t.sending : editing ? t.saveCorrection : t.submit}
        </button>
        ${
          editing
            ? html`<button type="button" class="button" @click=${this.cancelCorrection}>${t.cancelCorrection}</button>`
            : html`<button type="button" class="button" @click=${this.addQuestion}>${t.addQuestion}</button>
              ${this.previous ? html`<button type="button" class="button" @click=${this.repeatPrevious}>${t.sameAsPrevious}</button>` : nothing}`
        }
      </div>
      ${this.errors.form ? html`<p class="error form-error" id="form-error" role="alert" tabindex="-1">${this.errors.form}</p>` : nothing}
      <div class="status">
        <div class="status-stack">${banner}${this.confirmation.render(t, () => void this.undo())}</div>
      </div>
    </form>`;
  }

  private renderBody(): TemplateResult {
    const { t, scope, lists, connection } = this;
    const banner = renderBanner({ t, waiting: connection.queue.length, offline: connection.offline }, () => void connection.flush());
    if (!this.deskKey) return html`<p class="error">${t.noKey}</p>`;
    // In place of the form, as soon as the server refused the key (it is asked when the element loads).
    if (connection.keyRefused)
      return html`<p class="error" role="alert">${connection.keyRefused === 401 ? t.keyUnknown : t.keyRefused}</p>`;
    if (!lists.taxonomy) {
      if (lists.task.status === TaskStatus.ERROR) {
        return html`${banner}<div class="problem"><p class="error" role="alert">${t.loadFailed}</p>
          <button type="button" class="button" @click=${() => void lists.task.run()}>${t.retry}</button></div>`;
      }
      return html`${banner}<p class="hint" role="status">${t.loading}</p>`;
    }
    if (!scope.location && scope.locationTask.status === TaskStatus.PENDING)
      return html`${banner}<p class="hint" role="status">${t.locationLoading}</p>`;
    const info = scope.scope;
    if (scope.needsChoice) return html`${banner}${renderLocationChoice(t, info!.locations, (id) => this.chooseLocation(id))}`;
    const here = this.location ? undefined : info?.locations.find((l) => l.id === scope.location);
    const topic = this.currentQuestion.topic;
    return html`
      ${renderLocationLine(t, here, !info?.bound && here?.id === scope.chosen ? () => scope.choose('') : null)}
      ${connection.refusedInQueue ? html`<p class="error" role="alert">${t.failedQueued(connection.refusedInQueue)}</p>` : nothing}
      <div class="layout">
        ${this.renderForm(banner)}
        ${this.lookup.render({
          t,
          topic: topic ? lists.topicsByCode.get(topic) : undefined,
          referral: this.currentQuestion.referral,
          kindLabel: (kind) => lists.label('partnerKinds', kind),
        })}
        ${this.recentList.render({
          t,
          lang: this.language,
          rows: this.recent.rows(connection.queue),
          status: this.recent.task.status,
          empty: this.recent.empty,
          offline: connection.offline,
          what: (topics) => lists.what(topics),
        })}
      </div>`;
  }

  override render() {
    return html`<div class="root" lang=${this.language}>${this.renderBody()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ido-registratie': IdoRegistratie;
  }
}
