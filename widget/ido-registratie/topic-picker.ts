/**
 * Choosing the topic of a question: the desk's chips, and a search field with a list of matches
 * (a combobox: arrows, Enter, Escape), with the questions of a visit above it when there are
 * several. Renders from explicit inputs; keeps only what is typed and which match is highlighted,
 * and reports the worker's choice through its intents.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Topic } from '../../sdk/schemas/taxonomy.js';
import type { RegistratieTexts } from './i18n.nl.js';
import type { DraftQuestion } from './visit.js';

export interface TopicPickerInput {
  t: RegistratieTexts;
  /** "Onderwerp", or "Onderwerp · Vraag 2" when the visit has several questions. */
  heading: string;
  chips: Topic[];
  /** The topic chosen for the current question. */
  chosen: string | null;
  /** Why the topic is missing or refused, if it is. */
  error?: string;
  /** The matches for what was typed, best first. */
  search(query: string): Topic[];
  topicLabel(code: string): string;
}

export interface TopicPickerIntents {
  /** A chip, a match, or a chosen chip pressed again (`null`). */
  choose(code: string | null): void;
  /** Something was typed in the search field: a new visit is being started. */
  typed(): void;
}

export class TopicPicker {
  private query = '';
  /** The highlighted match; -1 (none) until the first arrow key, so that Enter and the arrows agree with the hint. */
  private activeOption = -1;
  private listOpen = false;
  /** The matches of the last render, for the keys. */
  private results: Topic[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intents: TopicPickerIntents,
  ) {}

  /** Empties the field and closes the list. */
  clear(): void {
    this.set({ query: '', listOpen: false });
  }

  private set(change: { query?: string; activeOption?: number; listOpen?: boolean }): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  private choose(code: string | null): void {
    this.clear();
    this.intents.choose(code);
  }

  private onInput(e: InputEvent): void {
    const query = (e.target as HTMLInputElement).value;
    this.set({ query, activeOption: -1, listOpen: query.trim() !== '' });
    this.intents.typed();
  }

  private onKeydown(e: KeyboardEvent): void {
    const results = this.results;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!results.length) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        // The first arrow key highlights the first match (↓) or the last (↑); then they move on, round.
        const from = this.listOpen ? this.activeOption : -1;
        const next = from < 0 ? (step === 1 ? 0 : results.length - 1) : (from + step + results.length) % results.length;
        this.set({ listOpen: true, activeOption: next });
        return;
      }
      case 'Enter': {
        // The highlighted match, else the first (the hint says so): ↓ Enter and Enter pick the same.
        const pick = results[Math.max(this.activeOption, 0)];
        if (this.listOpen && pick) {
          e.preventDefault();
          this.choose(pick.code);
        } else if (this.query.trim()) {
          // Typed, but nothing to choose: do not register by accident.
          e.preventDefault();
        }
        return;
      }
      case 'Escape':
        if (this.listOpen) {
          e.preventDefault();
          this.set({ listOpen: false, activeOption: -1 });
        } else if (this.query) {
          e.preventDefault();
          this.set({ query: '' });
        }
        return;
    }
  }

  render(input: TopicPickerInput) {
    const { t, chosen } = input;
    const results = (this.results = input.search(this.query));
    const open = this.listOpen && results.length > 0;
    const active = open && this.activeOption >= 0 ? results[this.activeOption] : undefined;
    const searched = this.query.trim();
    const topicError = input.error;
    return html`<div class="topic" role="group" aria-labelledby="topic-heading">
      <h3 id="topic-heading">${input.heading}</h3>
      <p class="chips-label" id="chips-label">${t.chipsLabel}</p>
      <div class="chips" part="chips" role="group" aria-labelledby="chips-label">
        ${input.chips.map((topic) => {
          const pressed = chosen === topic.code;
          return html`<button type="button" class="chip" part="chip" aria-pressed=${pressed ? 'true' : 'false'}
            @click=${() => this.choose(pressed ? null : topic.code)}>${topic.label}</button>`;
        })}
      </div>
      <div class="field search-field">
        <label for="search">${t.searchLabel}</label>
        <p class="hint" id="search-hint">${t.searchHint}</p>
        ${topicError ? html`<p class="error" id="topic-error">${topicError}</p>` : nothing}
        <input id="search" part="search" class="control" type="text" role="combobox" autocomplete="off" spellcheck="false"
          aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="topic-list"
          aria-activedescendant=${active ? `option-${active.code}` : nothing}
          aria-describedby=${topicError ? 'topic-error search-hint' : 'search-hint'}
          aria-invalid=${topicError ? 'true' : nothing}
          .value=${live(this.query)}
          @input=${(e: InputEvent) => this.onInput(e)} @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
          @blur=${() => this.set({ listOpen: false, activeOption: -1 })} />
        <p class="visually-hidden" role="status">${searched && this.listOpen ? (results.length ? t.results(results.length) : t.noResults(searched)) : ''}</p>
        <div class="popup">
          <ul id="topic-list" role="listbox" aria-label=${t.listLabel} ?hidden=${!open}>
            ${
              open
                ? results.map(
                    (topic) => html`<li id="option-${topic.code}" role="option" aria-selected=${topic === active ? 'true' : 'false'}
                  @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.choose(topic.code)}>
                  ${topic.label}${topic.parent ? html` <span class="hint">${t.parentOf(input.topicLabel(topic.parent))}</span>` : nothing}
                </li>`,
                  )
                : nothing
            }
          </ul>
          ${searched && this.listOpen && !results.length ? html`<p class="hint no-results" aria-hidden="true">${t.noResults(searched)}</p>` : nothing}
        </div>
      </div>
      <p class="chosen" id="chosen-topic" title=${chosen ? input.topicLabel(chosen) : nothing}>${chosen ? html`${t.chosen} <strong>${input.topicLabel(chosen)}</strong>` : t.noTopic}</p>
    </div>`;
  }
}

export interface QuestionsInput {
  t: RegistratieTexts;
  questions: DraftQuestion[];
  active: number;
  topicLabel(code: string): string;
}

export interface QuestionsIntents {
  edit(index: number): void;
  remove(index: number): void;
}

/** The questions of a visit with several, each with "Bewerk" and "Haal weg"; nothing for one question. */
export function renderQuestions(input: QuestionsInput, intents: QuestionsIntents) {
  const { t, questions, active } = input;
  if (questions.length < 2) return nothing;
  return html`<ol class="questions">
    ${questions.map(
      (q, i) => html`<li class=${i === active ? 'current' : ''} aria-current=${i === active ? 'true' : nothing}>
      <span class="question-name"><strong>${t.questionN(i + 1)}:</strong> ${q.topic ? input.topicLabel(q.topic) : html`<em>${t.questionEmpty}</em>`}</span>
      ${i === active ? nothing : html`<button type="button" class="button quiet" @click=${() => intents.edit(i)}>${t.editQuestion(i + 1)}</button>`}
      <button type="button" class="button quiet" @click=${() => intents.remove(i)}>${t.removeQuestion(i + 1)}</button>
    </li>`,
    )}
  </ol>`;
}
