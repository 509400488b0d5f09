/** Exceptions of a location as a list to add to and remove from ("Gesloten op 24 december"), past ones folded away. A render function. */
import { html, nothing } from 'lit';
import type { AdminTexts } from './i18n.admin.nl.js';
import type { ExceptionInput, ExceptionProblem, ExceptionRow } from './location-draft.js';

export interface ExceptionsInput {
  t: AdminTexts;
  rows: ExceptionRow[];
  /** Today in Amsterdam (`YYYY-MM-DD`): what is before it is past. */
  today: string;
  /** What is typed in the add form. */
  adding: ExceptionInput;
  problem: ExceptionProblem | null;
}

export interface ExceptionsIntents {
  remove(row: ExceptionRow): void;
  add(): void;
  edit(field: keyof ExceptionInput, value: string | boolean): void;
}

/** "Gesloten op donderdag 24 december 2026" / "Andere tijden op …: 10:00 tot 12:00", with the note. */
export function exceptionLine(t: AdminTexts, row: ExceptionRow): string {
  const line = row.closed ? t.closedOn(row.date) : t.otherHoursOn(row.date, row.opens ?? '', row.closes ?? '');
  return row.note ? `${line} (${row.note})` : line;
}

function problemText(t: AdminTexts, problem: ExceptionProblem): string {
  if (problem.field === 'date') return problem.kind === 'exists' ? t.dateExists : t.dateFormat;
  if (problem.kind === 'order') return t.order('');
  return problem.field === 'opens' ? t.opensFormat : t.closesFormat;
}

export function renderExceptions(input: ExceptionsInput, intents: ExceptionsIntents) {
  const { t, today, adding, problem } = input;
  const sorted = [...input.rows].sort((a, b) => a.date.localeCompare(b.date));
  const coming = sorted.filter((r) => r.date >= today);
  const past = sorted.filter((r) => r.date < today).reverse();
  const item = (row: ExceptionRow) => {
    const line = exceptionLine(t, row);
    return html`<li class="exception"><span>${line}</span>
      <button class="button quiet" type="button" @click=${() => intents.remove(row)}>${t.removeException}<span class="visually-hidden">: ${t.removeExceptionOf(line)}</span></button></li>`;
  };
  const error = (field: ExceptionProblem['field']) => (problem?.field === field ? problemText(t, problem) : '');
  const field = (name: 'date' | 'opens' | 'closes' | 'note', label: string, hint?: string) => {
    const message = name === 'note' ? '' : error(name);
    const ids = [hint ? `x-${name}-hint` : '', message ? `x-${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="x-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="x-${name}-hint">${hint}</p>` : nothing}
      ${message ? html`<p class="error" id="x-${name}-error"><span class="visually-hidden">${t.errorPrefix}</span>${message}</p>` : nothing}
      <input id="x-${name}" class="control ${name === 'note' ? '' : 'short'}" autocomplete="off" spellcheck=${name === 'note' ? 'true' : 'false'}
        inputmode=${name === 'note' ? nothing : 'numeric'} .value=${adding[name]}
        aria-invalid=${message ? 'true' : 'false'} aria-describedby=${ids || nothing}
        @input=${(e: Event) => intents.edit(name, (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            intents.add();
          }
        }} />
    </div>`;
  };
  return html`<fieldset class="group" aria-describedby="exceptions-hint">
    <legend><h3>${t.exceptionsLegend}</h3></legend>
    <p class="hint" id="exceptions-hint">${t.exceptionsHint}</p>
    ${coming.length ? html`<ul class="exceptions" role="list">${coming.map(item)}</ul>` : html`<p>${t.noExceptions}</p>`}
    ${
      past.length
        ? html`<details class="past"><summary>${t.pastExceptions(past.length)}</summary><ul class="exceptions" role="list">${past.map(item)}</ul></details>`
        : nothing
    }
    <div class="add-exception" role="group" aria-labelledby="add-exception-heading">
      <h4 id="add-exception-heading">${t.addException}</h4>
      ${field('date', t.date, t.dateHint)}
      <fieldset class="kind">
        <legend>${t.exceptionKind}</legend>
        ${(
          [
            ['closed', t.kindClosed],
            ['hours', t.kindHours],
          ] as const
        ).map(
          ([value, label]) => html`<label class="choice">
          <input type="radio" name="x-kind" value=${value} .checked=${adding.closed === (value === 'closed')}
            @change=${() => intents.edit('closed', value === 'closed')} /> ${label}</label>`,
        )}
      </fieldset>
      ${adding.closed ? nothing : html`<div class="range-fields">${field('opens', t.opens, t.timeHint)} ${field('closes', t.closes, t.timeHint)}</div>`}
      ${field('note', `${t.note} ${t.optional}`, t.noteHint)}
      <p><button class="button" type="button" id="x-add" @click=${() => intents.add()}>${t.add}</button></p>
    </div>
  </fieldset>`;
}
