/**
 * The next seven days as the public will see them (open or closed, with the hours), and the open
 * state now: the same pure `hoursOn` and `openState` of sdk/opening-hours.ts that the locator and
 * the server use, on what is typed in the form. A render function.
 */
import { html } from 'lit';
import { holidayLabel, holidayOn, type HolidayCode } from '../../sdk/holidays.js';
import { addDays, amsterdamParts, describeOpenState, hoursOn, openState, type OpeningSchedule } from '../../sdk/opening-hours.js';
import type { Lang } from '../../sdk/schemas/common.js';
import type { AdminTexts } from './i18n.admin.nl.js';

export interface PreviewInput {
  t: AdminTexts;
  lang: Lang;
  now: Date;
  schedule: OpeningSchedule;
}

export function renderPreview({ t, lang, now, schedule }: PreviewInput) {
  const today = amsterdamParts(now).date;
  const state = describeOpenState(openState(schedule, now), lang, now);
  const dayNames = t.days;
  const days = Array.from({ length: 7 }, (_, i) => addDays(today, i)).map((date) => {
    const [y, m, d] = date.split('-').map(Number);
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
    const ranges = hoursOn(schedule, date);
    const holiday = holidayOn(date) as HolidayCode | null;
    const note = (schedule.exceptions ?? []).find((e) => e.date === date && (e as { note?: string }).note) as { note?: string } | undefined;
    const why = note?.note ?? (holiday && !ranges.length ? holidayLabel(holiday, lang) : '');
    return {
      date,
      label: `${date === today ? `${t.previewToday}, ${dayNames[weekday].toLowerCase()}` : dayNames[weekday]} ${d}-${m}`,
      ranges,
      why,
    };
  });
  return html`<section class="preview" aria-labelledby="preview-heading">
    <h3 id="preview-heading">${t.previewHeading}</h3>
    <p class="hint">${t.previewIntro}</p>
    <p class="now"><strong>${t.previewNow}:</strong> <span id="preview-now">${state}</span></p>
    <table class="week-preview">
      <tbody>
        ${days.map(
          (day) => html`<tr>
          <th scope="row">${day.label}</th>
          <td>${day.ranges.length ? day.ranges.map((r) => t.previewRange(r.opens, r.closes)).join(', ') : t.previewClosed}${day.why ? html` <span class="why">(${day.why})</span>` : ''}</td>
        </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
