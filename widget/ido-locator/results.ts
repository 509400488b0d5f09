/**
 * The result cards of `<ido-locator>`: open state now, today's hours, the week with holidays and
 * other exceptions of the coming two weeks, address, route and phone. Part of the search chunk
 * (search-client.ts), loaded with the first search: there is nothing to show before that.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDistance } from '../../sdk/geo.js';
import { holidayLabel, holidayOn, type HolidayCode } from '../../sdk/holidays.js';
import {
  addDays,
  amsterdamParts,
  describeOpenState,
  hoursOn,
  openState,
  type OpenState,
  type OpeningException,
  type OpeningSchedule,
} from '../../sdk/opening-hours.js';
import type { PublicLocation, PublicLocations } from '../../sdk/schemas/reports.js';
import type { Lang } from '../../sdk/schemas/common.js';
import { formatList } from '../shared/i18n.js';
import type { ResultTexts } from './i18n.results.nl.js';
import { icon } from './icons.js';

const ICONS = {
  open: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z',
  closed: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7V7Z',
  chevron: 'M10 6 8.6 7.4l4.6 4.6-4.6 4.6L10 18l6-6-6-6Z',
  route:
    'M21.7 11.3l-9-9a1 1 0 0 0-1.4 0l-9 9a1 1 0 0 0 0 1.4l9 9a1 1 0 0 0 1.4 0l9-9a1 1 0 0 0 0-1.4ZM14 14.5V12h-4v3H8v-4c0-.6.4-1 1-1h5V7.5l3.5 3.5-3.5 3.5Z',
  phone:
    'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.2c1.1.4 2.3.6 3.6.6a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.3.2 2.5.6 3.6a1 1 0 0 1-.3 1l-2.2 2.2Z',
};

/** What a card needs from the element. */
export interface CardView {
  language: Lang;
  /** The clock the open states are computed for. */
  now: Date;
  /** Ids of the locations whose week is open. */
  expanded: ReadonlySet<string>;
  /** Whether cards have a "Kies" button. */
  selectable: boolean;
  toggleWeek(id: string): void;
  select(location: PublicLocation): void;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function scheduleOf(location: PublicLocation): OpeningSchedule {
  return {
    walkInHours: location.walkInHours,
    // The answer's exceptions are the stored ones: the contract's OpeningException, with room for more fields.
    exceptions: location.exceptions as OpeningException[],
    closedOnHolidays: location.closedOnHolidays as HolidayCode[],
  };
}

/** The open state now; the server's answer when the schedule cannot be read. */
function stateOf(location: PublicLocation, schedule: OpeningSchedule, now: Date): OpenState {
  try {
    return openState(schedule, now);
  } catch {
    return { openNow: location.openNow, nextChange: location.nextChange };
  }
}

function rangesOn(schedule: OpeningSchedule, date: string): { opens: string; closes: string }[] {
  try {
    return hoursOn(schedule, date);
  } catch {
    return [];
  }
}

/** ISO weekday (1 = Monday) of a local date; the date is a calendar day, so UTC noon is safe. */
const weekdayOf = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

function hoursText(t: ResultTexts, ranges: { opens: string; closes: string }[]): string {
  return ranges.length ? ranges.map((r) => t.range(r.opens, r.closes)).join(t.and) : t.closed;
}

/** The ranges of one day, each kept on one line. */
function hoursCell(t: ResultTexts, ranges: { opens: string; closes: string }[]) {
  if (!ranges.length) return t.closed;
  return ranges.map((r, i) => html`${i ? t.and : ''}<span class="range">${t.range(r.opens, r.closes)}</span>`);
}

/**
 * The week as it will be: Monday to Sunday, each row the next such day from today (today included),
 * with its real hours, holidays and exceptions counted, so that the table and the open state never
 * disagree. A day that differs from the usual week says why. Below it, the changes in the two weeks
 * ahead as a list.
 */
function week(view: CardView, t: ResultTexts, location: PublicLocation, schedule: OpeningSchedule, today: string) {
  const todayWeekday = weekdayOf(today);
  const usual = (day: number) =>
    location.walkInHours.filter((r) => r.day === day && r.opens < r.closes).sort((a, b) => (a.opens < b.opens ? -1 : 1));
  /** Why a date's hours are not the usual ones: the holiday's name, or "other hours"; '' when they are. */
  const difference = (date: string) => {
    if (hoursText(t, rangesOn(schedule, date)) === hoursText(t, usual(weekdayOf(date)))) return '';
    const holiday = holidayOn(date);
    return holiday ? holidayLabel(holiday, view.language) : t.otherThanUsual;
  };
  const rows = [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const isToday = day === todayWeekday;
    const date = addDays(today, (day - todayWeekday + 7) % 7);
    const why = difference(date);
    return html`<tr class=${isToday ? 'today' : ''} aria-current=${isToday ? 'date' : nothing}>
      <th scope="row">${capitalise(t.weekdays[day - 1])}${isToday ? html` <span>${t.todayMark}</span>` : nothing}</th>
      <td>${hoursCell(t, rangesOn(schedule, date))}${why ? html` <strong class="differs">(${why})</strong>` : nothing}</td>
    </tr>`;
  });
  const other: TemplateResult[] = [];
  for (let i = 0; i < 14; i++) {
    const date = addDays(today, i);
    if (!difference(date)) continue;
    const weekday = weekdayOf(date);
    const [, month, day] = date.split('-').map(Number);
    const holiday = holidayOn(date);
    const name = holiday ? ` (${holidayLabel(holiday, view.language)})` : '';
    other.push(
      html`<li>${capitalise(t.weekdays[weekday - 1])} ${day} ${t.months[month - 1]}${name}: ${hoursText(t, rangesOn(schedule, date))}</li>`,
    );
  }
  return html`
    <table>
      <caption class="visually-hidden">${t.hoursCaption(location.name)}</caption>
      <tbody>${rows}</tbody>
    </table>
    ${other.length ? html`<h4>${t.otherHours}</h4><ul>${other}</ul>` : nothing}
  `;
}

/** More than this from the nearest one, the list says that nothing is near. */
export const FAR_AWAY_KM = 25;

/**
 * What the visitor should know about the answer before the cards: that the postcode was found only
 * as its four-digit area (the distances are approximate), and that nothing is near. A live region of
 * its own, so that a screen reader says it after the count.
 */
export function renderSearchNotes(
  t: ResultTexts,
  found: { search: { kind: string; label?: string }; result: PublicLocations },
  lang: Lang,
) {
  const { search, result } = found;
  const typed = search.kind === 'postcode' ? search.label : undefined;
  const area = result.origin?.precision === 'pc4' && typed ? typed.replace(/\s/g, '').slice(0, 4) : '';
  const nearest = result.items[0]?.distanceKm;
  const far = nearest !== undefined && nearest > FAR_AWAY_KM;
  return html`<div class="search-notes" role="status">${area ? html`<p>${t.approximate(typed!, area)}</p>` : nothing}${
    far ? html`<p>${t.farAway(formatDistance(nearest, lang))}</p>` : nothing
  }</div>`;
}

/** The credit the postcode areas' licence asks for, in the page's language, when the answer used them. */
export function renderCredit(t: ResultTexts, result: PublicLocations) {
  return result.attribution ? html`<p class="credit">${t.pc4Credit}</p>` : nothing;
}

/** One location's card: open state, hours (the week on demand), address, route, phone, features. */
export function renderCard(view: CardView, t: ResultTexts, location: PublicLocation, index: number) {
  const lang = view.language;
  const now = view.now;
  const id = `loc-${index}`;
  const schedule = scheduleOf(location);
  const open = stateOf(location, schedule, now);
  const today = amsterdamParts(now).date;
  const expanded = view.expanded.has(location.id);
  const { lat, lon } = location.coordinates;
  const route = `https://www.openstreetmap.org/directions?to=${lat}%2C${lon}`;
  const phone = typeof location.contact.phone === 'string' && location.contact.phone.trim() ? location.contact.phone.trim() : '';
  const access = location.accessibility as { wheelchair?: unknown; hearingLoop?: unknown; notes?: unknown };
  const features: string[] = [];
  if (access.wheelchair === true) features.push(t.wheelchair);
  if (access.wheelchair === false) features.push(t.noWheelchair);
  if (access.hearingLoop === true) features.push(t.hearingLoop);
  if (access.hearingLoop === false) features.push(t.noHearingLoop);
  const notes = typeof access.notes === 'string' ? access.notes.trim() : '';
  const languages = location.languages.some((code) => code !== 'nl') ? languageNames(location.languages, lang) : '';

  return html`<li class="card ${open.openNow ? 'is-open' : ''}" part="card">
    <h3 id="${id}-name" tabindex="-1"><span class="number">${index + 1}</span><span>${location.name}</span></h3>
    ${location.distanceKm === undefined ? nothing : html`<p class="muted">${t.distance(formatDistance(location.distanceKm, lang))}</p>`}
    <p class="state ${open.openNow ? 'open' : 'closed'}">${icon(open.openNow ? ICONS.open : ICONS.closed)}<span>${describeOpenState(open, lang, now)}</span></p>
    <p>${t.today(hoursText(t, rangesOn(schedule, today)))}</p>
    <button class="button quiet disclosure" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="${id}-week"
      @click=${() => view.toggleWeek(location.id)}>${icon(ICONS.chevron)}<span>${expanded ? t.hideHours : t.showHours}</span></button>
    <div class="week" id="${id}-week" ?hidden=${!expanded}>${expanded ? week(view, t, location, schedule, today) : nothing}</div>
    <p class="address"><span class="visually-hidden">${t.address}: </span>${location.address.street}<br />${location.address.postcode} ${location.address.city}</p>
    <ul class="links">
      <li>
        <a href=${route} target="_blank" rel="noopener noreferrer">${icon(ICONS.route)}<span>${t.route}<span class="visually-hidden">${t.routeTo(location.name)}</span>
          <span class="muted">${t.newWindow}</span></span></a>
      </li>
      ${phone ? html`<li><a href="tel:${phone.replace(/[^\d+]/g, '')}">${icon(ICONS.phone)}<span>${t.call(phone)}</span></a></li>` : nothing}
    </ul>
    ${features.length ? html`<ul class="features">${features.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
    ${notes ? html`<p class="notes">${notes}</p>` : nothing}
    ${languages ? html`<p>${t.languages(languages)}</p>` : nothing}
    ${
      view.selectable
        ? html`<p class="actions"><button class="button" type="button" aria-describedby="${id}-name" @click=${() => view.select(location)}>${t.choose}</button></p>`
        : nothing
    }
  </li>`;
}

function languageNames(codes: string[], lang: Lang): string {
  let names: string[];
  try {
    const display = new Intl.DisplayNames([lang], { type: 'language' });
    names = codes
      .map((code) => {
        const name = display.of(code);
        return name && name !== code ? name : '';
      })
      .filter(Boolean);
  } catch {
    return '';
  }
  return names.length ? formatList(names.map(lang === 'nl' ? capitalise : (n) => n), lang) : '';
}
