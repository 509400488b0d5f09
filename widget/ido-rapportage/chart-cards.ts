/**
 * The dashboard's four chart cards (topics, agencies, the trend, when it is busy), each with a text
 * summary and a "Toon als tabel" switch. A reactive controller of `<ido-rapportage>`: it owns the
 * SVG charts chunk (loaded once there are figures), the cards' widths (a ResizeObserver), which
 * cards show their table, and where the heatmap's focus and pointer are.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang } from '../../sdk/schemas/common.js';
import type { Summary } from '../../sdk/schemas/reports.js';
import { lowerFirst } from '../shared/i18n.js';
import { lazy } from '../shared/lazy.js';
import type * as Charts from './charts.js';
import type { DashboardTexts, Ranked } from './i18n.dashboard.nl.js';
import { dayLabel, formatRange, monthLabel, trendKeys, weekLabel } from './period.js';
import { byQuestions, type Report } from './report.js';
import { heatTabStop } from './heat-tab-stop.js';

/** The SVG charts: a chunk of their own, loaded once there are figures to draw. */
const chartsChunk = lazy(() => import('./charts.js'));

/** The bar charts show this many groups; the table shows all. */
const TOP_BARS = 10;

type ChartId = 'topics' | 'agencies' | 'trend' | 'heatmap';

/** "1-09" → [1, 9]. */
function slotOf(key: string): [number, number] | null {
  const m = /^([1-7])-(\d{2})$/.exec(key);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export class ChartCards implements ReactiveController {
  /** Whether the charts chunk was asked for (once; a failure shows the tables instead). */
  private asked = false;
  private charts?: typeof Charts;
  private failed = false;
  private measure?: Charts.Measure;
  private tables: ReadonlySet<ChartId> = new Set();
  private widths: Readonly<Partial<Record<ChartId, number>>> = {};
  private heatFocus: string | null = null;
  private heatHover: string | null = null;
  /** Which of the two moved last: the readout follows the keyboard while it is used, the pointer while that is. */
  private heatLast: 'focus' | 'hover' = 'focus';
  private heatStop: string | null = null;
  // Widths are applied in the next frame: drawing a chart in the observer's own frame changes the
  // layout it observes ("ResizeObserver loop completed with undelivered notifications").
  private readonly resize = new ResizeObserver((entries) => {
    const sizes = entries.map((e) => [e.target as HTMLElement, Math.floor(e.contentRect.width)] as const);
    requestAnimationFrame(() => this.onResize(sizes));
  });

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  hostUpdated(): void {
    for (const area of this.host.renderRoot.querySelectorAll<HTMLElement>('.chart-area')) this.resize.observe(area);
  }

  hostDisconnected(): void {
    this.resize.disconnect();
  }

  /** Asks for the charts chunk (once there are figures to draw). */
  load(): void {
    if (this.asked) return;
    this.asked = true;
    chartsChunk().then(
      (module) => {
        const style = getComputedStyle(this.host);
        this.measure = module.createMeasure({ family: style.fontFamily, size: parseFloat(style.fontSize) || 16 });
        this.charts = module;
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  private onResize(sizes: (readonly [HTMLElement, number])[]): void {
    const next = { ...this.widths };
    let changed = false;
    for (const [target, width] of sizes) {
      if (!target.isConnected) {
        this.resize.unobserve(target);
        continue;
      }
      const id = target.dataset.chart as ChartId;
      if (width > 0 && next[id] !== width) {
        next[id] = width;
        changed = true;
      }
    }
    if (changed) {
      this.widths = next;
      this.host.requestUpdate();
    }
  }

  private toggleTable(id: ChartId): void {
    const next = new Set(this.tables);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.tables = next;
    this.host.requestUpdate();
  }

  /** A scrolling, focusable region around a table, named by its caption. */
  private table(id: ChartId, caption: string, head: TemplateResult, rows: TemplateResult[], extraClass = '') {
    // The caption is also shown above the region: inside it, a long caption would scroll out of sight with a wide table.
    return html`<p class="table-title" aria-hidden="true">${caption}</p>
    <div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-caption">
      <table part="table" class=${extraClass}>
        <caption id="${id}-caption" class="visually-hidden">${caption}</caption>
        <thead>${head}</thead>
        <tbody>${rows}</tbody>
      </table>
    </div>`;
  }

  private card(
    t: DashboardTexts,
    id: ChartId,
    heading: string,
    intro: string | null,
    summary: string,
    chart: (width: number, charts: typeof Charts) => TemplateResult,
    table: () => TemplateResult,
    wide: boolean,
    after?: TemplateResult,
  ) {
    const asTable = this.tables.has(id) || this.failed;
    const width = this.widths[id] ?? 0;
    let body: TemplateResult | string;
    if (asTable) body = table();
    else if (this.charts && width > 0) body = chart(width, this.charts);
    else body = html`<p class="hint">${t.chartLoading}</p>`;
    return html`<section class="chart-card ${wide ? 'wide' : ''}" part="chart" aria-labelledby="${id}-heading">
      <div class="chart-head">
        <h3 id="${id}-heading">${heading}</h3>
        ${
          this.failed
            ? nothing
            : html`<button class="button quiet" type="button" aria-controls="${id}-area" @click=${() => this.toggleTable(id)}>${asTable ? t.showChart : t.showTable}</button>`
        }
      </div>
      ${intro ? html`<p class="hint">${intro}</p>` : nothing}
      <p class="summary" id="${id}-summary">${summary}</p>
      ${this.failed ? html`<p class="hint">${t.chartFailed}</p>` : nothing}
      <div class="chart-area" id="${id}-area" data-chart=${id}>${body}</div>
      ${asTable ? nothing : (after ?? nothing)}
    </section>`;
  }

  render(t: DashboardTexts, report: Report, lang: Lang) {
    const fmt = new Intl.NumberFormat(t.locale);
    const format = (n: number) => fmt.format(n);
    const range = formatRange(report.range, lang);
    const measure: Charts.Measure = (text, size) => this.measure?.(text, size) ?? text.length * 9;
    // Topics read as words inside a sentence ("daarna huurtoeslag (4)"); agencies are names and keep their capitals.
    const top3 = (groups: Summary['groups'], inSentence: boolean): Ranked[] =>
      groups.slice(0, 3).map((g) => ({ label: inSentence ? lowerFirst(g.label) : g.label, count: g.questions }));

    // Topics and agencies: questions per group, most first.
    const groupCard = (
      id: 'topics' | 'agencies',
      summary: Summary,
      heading: string,
      intro: string | null,
      summarise: (items: Ranked[]) => string,
      caption: string,
      column: string,
    ) => {
      const groups = byQuestions(summary.groups);
      const bars = groups.slice(0, TOP_BARS).map((g) => ({ key: g.key, label: g.label, value: g.questions }));
      return this.card(
        t,
        id,
        heading,
        intro,
        summarise(top3(groups, id === 'topics')),
        (width, charts) => (bars.length ? charts.barChart(bars, { width, format, measure }) : html`<p>${t.noData}</p>`),
        () =>
          this.table(
            id,
            caption,
            html`<tr><th scope="col">${column}</th><th scope="col" class="number">${t.questionsColumn}</th><th scope="col" class="number">${t.visitsColumn}</th></tr>`,
            groups.map(
              (g) =>
                html`<tr><th scope="row">${g.label}</th><td class="number">${format(g.questions)}</td><td class="number">${format(g.visits)}</td></tr>`,
            ),
          ),
        false,
        groups.length > TOP_BARS ? html`<p class="hint">${t.onlyTop(TOP_BARS, groups.length)}</p>` : undefined,
      );
    };

    // The trend: every week or month of the period, also those without visits.
    const counted = new Map(report.trend.groups.map((g) => [g.key, g]));
    const multiYear = report.range.from.slice(0, 4) !== report.range.to.slice(0, 4);
    const label = { day: dayLabel, week: weekLabel, month: monthLabel }[report.grain];
    const trend = trendKeys(report.range, report.grain).map((key) => ({
      key,
      label: report.grain === 'week' ? weekLabel(key, lang, multiYear) : label(key, lang),
      short: report.grain === 'week' ? weekLabel(key, lang, false, true) : label(key, lang, true),
      value: counted.get(key)?.visits ?? 0,
      questions: counted.get(key)?.questions ?? 0,
    }));
    let trendSummary = t.noData;
    if (trend.length && report.topics.visits > 0) {
      const busiest = trend.reduce((a, b) => (b.value > a.value ? b : a));
      const quietest = trend.reduce((a, b) => (b.value < a.value ? b : a));
      trendSummary = t.trendSummary(
        report.grain,
        { label: busiest.label, count: busiest.value },
        trend.length > 1 ? { label: quietest.label, count: quietest.value } : null,
        report.topics.visits,
      );
    }

    // The heatmap: Monday to Friday always, the weekend when there were visits; office hours at least.
    const counts = new Map<string, number>();
    const slots: { day: number; hour: number; visits: number }[] = [];
    for (const g of report.heat.groups) {
      const slot = slotOf(g.key);
      if (!slot) continue;
      counts.set(g.key, g.visits);
      slots.push({ day: slot[0], hour: slot[1], visits: g.visits });
    }
    const days = [...new Set([1, 2, 3, 4, 5, ...slots.map((s) => s.day)])].sort((a, b) => a - b);
    const firstHour = Math.min(9, ...slots.map((s) => s.hour));
    const lastHour = Math.max(16, ...slots.map((s) => s.hour));
    const hours = Array.from({ length: lastHour - firstHour + 1 }, (_, i) => firstHour + i);
    const busiest = [...slots].sort((a, b) => b.visits - a.visits || a.day - b.day || a.hour - b.hour);
    const heatSummary = t.heatmapSummary(
      busiest.slice(0, 3).map((s) => ({ label: t.slot(t.weekdays[s.day - 1], s.hour), count: s.visits })),
    );
    const stop = heatTabStop({ days, hours, busiest }, this.heatStop);
    const active = this.heatLast === 'focus' ? (this.heatFocus ?? this.heatHover) : (this.heatHover ?? this.heatFocus);
    const activeSlot = active ? slotOf(active) : null;
    const readout = activeSlot
      ? t.heatmapCell(t.weekdays[activeSlot[0] - 1], t.hourRange(activeSlot[1]), counts.get(active!) ?? 0)
      : t.heatmapLegend;

    return html`<div class="charts">
      ${groupCard('topics', report.topics, t.topicsHeading, null, t.topicsSummary, t.topicsCaption(range), t.topicColumn)}
      ${groupCard('agencies', report.agencies, t.agenciesHeading, t.agenciesIntro, t.agenciesSummary, t.agenciesCaption(range), t.agencyColumn)}
      ${this.card(
        t,
        'trend',
        t.trendHeading,
        t.trendPer[report.grain],
        trendSummary,
        (width, charts) => charts.trendChart(trend, { width, format, measure }),
        () =>
          this.table(
            'trend',
            t.trendCaption(range, report.grain),
            html`<tr><th scope="col">${{ day: t.dateColumn, week: t.weekColumn, month: t.monthColumn }[report.grain]}</th><th scope="col" class="number">${t.visitsColumn}</th><th scope="col" class="number">${t.questionsColumn}</th></tr>`,
            trend.map(
              (b) =>
                html`<tr><th scope="row">${b.label}</th><td class="number">${format(b.value)}</td><td class="number">${format(b.questions)}</td></tr>`,
            ),
          ),
        true,
      )}
      ${this.card(
        t,
        'heatmap',
        t.heatmapHeading,
        t.heatmapIntro,
        heatSummary,
        (width, charts) =>
          charts.heatmap({
            width,
            format,
            measure,
            counts,
            days,
            hours,
            dayShort: t.weekdaysShort,
            cellLabel: (day, hour, count) => t.heatmapCell(t.weekdays[day - 1], t.hourRange(hour), count),
            label: t.heatmapLabel,
            active,
            tabStop: stop,
            onFocus: (key) => {
              this.heatFocus = key;
              if (key) {
                this.heatStop = key;
                this.heatLast = 'focus';
              }
              this.host.requestUpdate();
            },
            onHover: (key) => {
              if (key === this.heatHover) return;
              this.heatHover = key;
              if (key) this.heatLast = 'hover';
              this.host.requestUpdate();
            },
          }),
        () =>
          this.table(
            'heatmap',
            t.heatmapCaption(range),
            html`<tr><th scope="col">${t.dayColumn}</th>${hours.map((h) => html`<th scope="col" class="number">${t.hourRange(h)}</th>`)}</tr>`,
            days.map(
              (d) =>
                html`<tr><th scope="row">${t.weekdays[d - 1]}</th>${hours.map((h) => html`<td class="number">${format(counts.get(`${d}-${String(h).padStart(2, '0')}`) ?? 0)}</td>`)}</tr>`,
            ),
            'heat-table',
          ),
        true,
        html`<p class="readout ${activeSlot ? 'on' : ''}" aria-hidden="true">${readout}</p>`,
      )}
    </div>`;
  }
}
