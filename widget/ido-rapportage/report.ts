/** What the dashboard shows: the figures of a period and the value lists for its filters, and the icons its parts share. */
import { html } from 'lit';
import type { Location } from '../../sdk/schemas/location.js';
import type { CourseReport, Summary } from '../../sdk/schemas/reports.js';
import type { Organisation } from '../../sdk/schemas/resources.js';
import type { DateRange, TrendGrain } from './period.js';

/** The locations and organisations the filters offer. */
export interface Meta {
  locations: Location[];
  organisations: Organisation[];
}

/** The figures of a period, with the previous period to compare with. */
export interface Report {
  range: DateRange;
  previous: DateRange;
  grain: TrendGrain;
  /** Totals and the topic groups of the period. */
  topics: Summary;
  /** Totals of the previous period. */
  before: Summary;
  agencies: Summary;
  trend: Summary;
  heat: Summary;
  courses: CourseReport;
  coursesBefore: CourseReport;
  /** The province filter the course figures were asked for (summed per location here; the course report has no province filter). */
  province: string;
}

const ICONS = {
  up: 'M12 4 4 14h5v6h6v-6h5L12 4Z',
  down: 'M12 20 4 10h5V4h6v6h5l-8 10Z',
  same: 'M4 9h16v2H4V9Zm0 4h16v2H4v-2Z',
  download: 'M11 3h2v9.2l3.3-3.3 1.4 1.4-5.7 5.7-5.7-5.7 1.4-1.4 3.3 3.3V3ZM4 19h16v2H4v-2Z',
} as const;

export const icon = (name: keyof typeof ICONS) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${ICONS[name]}></path></svg>`;

/** The groups of a summary sorted by questions, most first (the API sorts by visits). */
export const byQuestions = (groups: Summary['groups']) =>
  [...groups].sort((a, b) => b.questions - a.questions || b.visits - a.visits || a.label.localeCompare(b.label));
