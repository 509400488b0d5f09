/** The key figures of a period (visits, questions, share referred, course participants), each compared with the period before; and their skeleton while the figures load. Pure render functions. */
import { html, nothing, type TemplateResult } from 'lit';
import type { CourseReport } from '../../sdk/schemas/reports.js';
import type { DashboardTexts } from './i18n.dashboard.nl.js';
import { icon, type Meta, type Report } from './report.js';

function comparison(t: DashboardTexts, current: number, previous: number) {
  const fmt = new Intl.NumberFormat(t.locale);
  if (previous === 0 && current === 0) return html`<p class="change">${icon('same')}<span>${t.same(fmt.format(0))}</span></p>`;
  if (previous === 0) return html`<p class="change"><span>${t.fromNothing}</span></p>`;
  const percent = Math.round((Math.abs(current - previous) / previous) * 100);
  // From a handful, a percentage says little ("20.300% meer"): then the difference itself.
  const change =
    previous < 10 || percent > 300 ? fmt.format(Math.abs(current - previous)) : percent < 1 ? '<1%' : `${fmt.format(percent)}%`;
  if (current === previous) return html`<p class="change">${icon('same')}<span>${t.same(fmt.format(previous))}</span></p>`;
  return current > previous
    ? html`<p class="change">${icon('up')}<span>${t.more(change, fmt.format(previous))}</span></p>`
    : html`<p class="change">${icon('down')}<span>${t.less(change, fmt.format(previous))}</span></p>`;
}

/** Course figures, summed over the province's locations when a province is chosen without a location. */
function courseTotals(report: CourseReport, province: string, meta: Meta | undefined): { runs: number; enrolled: number } {
  if (!province || !report.groups.length) return province && meta ? { runs: 0, enrolled: 0 } : report;
  const inProvince = new Set((meta?.locations ?? []).filter((l) => (l.address.province ?? '') === province).map((l) => l.id));
  return report.groups
    .filter((g) => inProvince.has(g.key))
    .reduce((sum, g) => ({ runs: sum.runs + g.runs, enrolled: sum.enrolled + g.enrolled }), { runs: 0, enrolled: 0 });
}

export function renderFigures(t: DashboardTexts, report: Report, meta: Meta | undefined) {
  const fmt = new Intl.NumberFormat(t.locale);
  const percent = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 });
  const { topics: now, before } = report;
  const share = now.visits ? now.referred / now.visits : null;
  const shareBefore = before.visits ? before.referred / before.visits : null;
  const courses = courseTotals(report.courses, report.province, meta);
  const coursesBefore = courseTotals(report.coursesBefore, report.province, meta);

  let shareChange: TemplateResult | typeof nothing = nothing;
  if (shareBefore === null) {
    shareChange = html`<p class="change"><span>${t.fromNothing}</span></p>`;
  } else if (share !== null) {
    const points = Math.round(share * 100) - Math.round(shareBefore * 100);
    shareChange =
      points === 0
        ? html`<p class="change">${icon('same')}<span>${t.same(percent.format(shareBefore))}</span></p>`
        : html`<p class="change">${icon(points > 0 ? 'up' : 'down')}<span>${(points > 0 ? t.pointsHigher : t.pointsLower)(fmt.format(Math.abs(points)), percent.format(shareBefore))}</span></p>`;
  }

  const figure = (
    id: string,
    label: string,
    value: string,
    detail: TemplateResult | typeof nothing,
    change: TemplateResult | typeof nothing,
  ) =>
    html`<li class="figure" part="figure" aria-labelledby="fig-${id}">
      <h4 id="fig-${id}">${label}</h4>
      <p class="value">${value}</p>
      ${detail}
      ${change}
    </li>`;

  return html`<section aria-labelledby="figures-heading">
    <h3 id="figures-heading" class="visually-hidden">${t.figuresHeading}</h3>
    <ul class="figures" part="figures" role="list">
      ${figure('visits', t.visits, fmt.format(now.visits), nothing, comparison(t, now.visits, before.visits))}
      ${figure('questions', t.questions, fmt.format(now.questions), nothing, comparison(t, now.questions, before.questions))}
      ${figure(
        'referred',
        t.referred,
        share === null ? '–' : percent.format(share),
        html`<p class="detail">${t.referredOf(fmt.format(now.referred), fmt.format(now.visits))}</p>`,
        shareChange,
      )}
      ${figure(
        'participants',
        t.participants,
        fmt.format(courses.enrolled),
        html`<p class="detail">${t.inCourses(courses.runs)}</p>`,
        comparison(t, courses.enrolled, coursesBefore.enrolled),
      )}
    </ul>
  </section>`;
}

export function renderSkeleton(t: DashboardTexts) {
  const card = (label: string) => html`<li class="figure">
    <h4>${label}</h4>
    <span class="skeleton figure-value"></span>
    <span class="skeleton line"></span>
  </li>`;
  return html`<section aria-labelledby="figures-heading" aria-busy="true">
    <h3 id="figures-heading" class="visually-hidden">${t.figuresHeading}</h3>
    <ul class="figures" part="figures" role="list">${[t.visits, t.questions, t.referred, t.participants].map(card)}</ul>
  </section>`;
}
