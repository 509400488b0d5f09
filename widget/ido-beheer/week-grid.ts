/** The week grid of walk-in hours: a row per day with its ranges, their errors in words, and "Kopieer naar alle werkdagen". A render function. */
import { html, nothing } from 'lit';
import type { HoursProblem, HoursRow } from './hours.js';
import type { AdminTexts } from './i18n.admin.nl.js';

export interface WeekGridInput {
  t: AdminTexts;
  rows: HoursRow[];
  /** Problems by row index; shown once the coordinator tried to save (or fixed a shown one). */
  problems: Map<number, HoursProblem>;
  show: boolean;
}

export interface WeekGridIntents {
  add(day: number): void;
  removeRange(index: number): void;
  copy(day: number): void;
  /** A time was typed: row `index`, `opens` or `closes`. */
  set(index: number, field: 'opens' | 'closes', value: string): void;
}

/** The message of a row's problem, and which of its two fields it belongs to. */
export function hoursMessage(t: AdminTexts, problem: HoursProblem): { field: 'opens' | 'closes'; text: string } {
  switch (problem.kind) {
    case 'opens-format':
      return { field: 'opens', text: t.opensFormat };
    case 'closes-format':
      return { field: 'closes', text: t.closesFormat };
    case 'order':
      return { field: 'closes', text: t.order(problem.opens) };
    case 'overlap':
      return { field: 'opens', text: t.overlap(problem.with.opens, problem.with.closes) };
  }
}

export function renderWeekGrid(input: WeekGridInput, intents: WeekGridIntents) {
  const { t, rows } = input;
  const indexed = rows.map((row, index) => ({ row, index }));
  return html`<fieldset class="group week" aria-describedby="hours-hint">
    <legend><h3>${t.hoursLegend}</h3></legend>
    <p class="hint" id="hours-hint">${t.hoursHint}</p>
    <ul class="days" role="list">
      ${t.days.map((dayName, d) => {
        const day = d + 1;
        const ranges = indexed.filter((r) => r.row.day === day);
        const lower = dayName.toLowerCase();
        return html`<li class="day" aria-labelledby="day-${day}">
          <h4 class="day-name" id="day-${day}">${dayName}</h4>
          <div class="ranges">
            ${ranges.length ? nothing : html`<p class="closed-day">${t.closedDay}</p>`}
            ${ranges.map(({ row, index }) => {
              const problem = input.show ? input.problems.get(index) : undefined;
              const message = problem ? hoursMessage(t, problem) : undefined;
              const field = (name: 'opens' | 'closes', label: string) => {
                const id = `h-${index}-${name}`;
                const invalid = message?.field === name;
                return html`<span class="time">
                  <label for=${id}>${label}<span class="visually-hidden"> (${lower})</span></label>
                  <input id=${id} class="control time-input" inputmode="numeric" autocomplete="off" spellcheck="false"
                    .value=${row[name]} placeholder=${t.timeHint} aria-invalid=${invalid ? 'true' : 'false'}
                    aria-describedby=${invalid ? `h-${index}-error` : nothing}
                    @input=${(e: Event) => intents.set(index, name, (e.target as HTMLInputElement).value)} />
                </span>`;
              };
              return html`<div class="range">
                ${message ? html`<p class="error" id="h-${index}-error"><span class="visually-hidden">${t.errorPrefix}</span>${message.text}</p>` : nothing}
                <div class="range-fields">
                  ${field('opens', t.opens)} ${field('closes', t.closes)}
                  <button class="button quiet" type="button" @click=${() => intents.removeRange(index)}>
                    ${t.removeRange}<span class="visually-hidden"> ${t.removeRangeOf(lower, row.opens, row.closes)}</span>
                  </button>
                </div>
              </div>`;
            })}
            <div class="day-actions">
              <button class="button" type="button" id="add-${day}" @click=${() => intents.add(day)}>
                ${t.addRange}<span class="visually-hidden"> ${t.addRangeOn(lower)}</span>
              </button>
              ${
                day <= 5 && ranges.length
                  ? html`<button class="button quiet" type="button" id="copy-${day}" @click=${() => intents.copy(day)}>
                    ${t.copyWorkdays}<span class="visually-hidden"> (${t.copyWorkdaysOf(lower)})</span>
                  </button>`
                  : nothing
              }
            </div>
          </div>
        </li>`;
      })}
    </ul>
  </fieldset>`;
}
