/**
 * The list of today's visits at this desk, with "Wijzig" and "Verwijder" (asked once more). Renders
 * from explicit inputs; keeps only its own view state (which row asks for confirmation, whether all
 * rows are shown) and reports what the worker wants through its intents.
 */
import { html, nothing, type ReactiveElement } from 'lit';
import type { Lang } from '../../sdk/schemas/common.js';
import { focusAfterUpdate } from '../shared/focus.js';
import { formatTime } from '../shared/i18n.js';
import { TaskStatus } from '../shared/task.js';
import type { RegistratieTexts } from './i18n.nl.js';
import type { RecentRow } from './recent-visits.js';

/** The list shows this many visits until the worker asks for all. */
const RECENT_SHOWN = 10;

export interface RecentListInput {
  t: RegistratieTexts;
  lang: Lang;
  rows: RecentRow[];
  status: TaskStatus;
  /** Nothing stored seen yet. */
  empty: boolean;
  offline: boolean;
  /** The topics as they read in a sentence. */
  what(topics: string[]): string;
}

export interface RecentListIntents {
  /** "Wijzig": put the visit in the form to correct it. */
  edit(row: RecentRow): void;
  /** "Ja, verwijder": take the visit back. */
  remove(row: RecentRow): void;
}

export class RecentList {
  /** The row whose delete waits for "Ja" or "Nee". */
  private confirming: string | null = null;
  private showAll = false;
  /** The last answer failed: its line stays while the list is asked again, so the rows do not jump. */
  private failed = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly intents: RecentListIntents,
  ) {}

  private set(change: { confirming?: string | null; showAll?: boolean }): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  private ask(id: string): void {
    this.set({ confirming: id });
    void focusAfterUpdate(this.host, '#confirm-no');
  }

  private keep(id: string): void {
    this.set({ confirming: null });
    void focusAfterUpdate(this.host, `[data-delete="${id}"]`);
  }

  private confirm(row: RecentRow): void {
    this.set({ confirming: null });
    this.intents.remove(row);
  }

  private renderRow(input: RecentListInput, row: RecentRow) {
    const { t } = input;
    const what = input.what(row.topics);
    const time = formatTime(row.occurredAt, input.lang);
    return html`<li class="row ${row.queued ? 'queued' : ''}">
      <span class="time">${time}</span>
      <span class="what">${what}${row.queued ? html` <span class="badge">${t.pending}</span>` : nothing}</span>
      <span class="row-actions">
        ${
          this.confirming === row.id
            ? html`<span>${t.confirmDelete}</span>
              <button type="button" class="button danger" @click=${() => this.confirm(row)}>${t.confirmYes}</button>
              <button type="button" class="button" id="confirm-no" @click=${() => this.keep(row.id)}>${t.confirmNo}</button>`
            : html`<button type="button" class="button" aria-label=${t.editLabel(what, time)} @click=${() => this.intents.edit(row)}>${t.edit}</button>
              <button type="button" class="button" data-delete=${row.id} aria-label=${t.deleteLabel(what, time)} @click=${() => this.ask(row.id)}>${t.delete}</button>`
        }
      </span>
    </li>`;
  }

  render(input: RecentListInput) {
    const { t, rows, status } = input;
    let empty: string = t.recentEmpty;
    if (status === TaskStatus.PENDING && input.empty) empty = t.recentLoading;
    const failed = input.offline ? t.recentOffline : t.recentFailed;
    if (status === TaskStatus.ERROR) empty = failed;
    if (status !== TaskStatus.PENDING) this.failed = status === TaskStatus.ERROR;
    return html`<section class="recent" part="recent" aria-labelledby="recent-heading">
      <h3 id="recent-heading" tabindex="-1">${t.recentHeading}</h3>
      ${this.failed && rows.length ? html`<p class="hint">${failed}</p>` : nothing}
      ${rows.length ? html`<ol class="rows">${(this.showAll ? rows : rows.slice(0, RECENT_SHOWN)).map((r) => this.renderRow(input, r))}</ol>` : html`<p class="hint">${empty}</p>`}
      ${
        rows.length > RECENT_SHOWN
          ? html`<button type="button" class="button quiet" aria-expanded=${this.showAll ? 'true' : 'false'}
            @click=${() => this.set({ showAll: !this.showAll })}>${this.showAll ? t.recentFewer(RECENT_SHOWN) : t.recentAll(rows.length)}</button>`
          : nothing
      }
    </section>`;
  }
}
