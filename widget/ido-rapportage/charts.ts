/**
 * The report's own small SVG charts: horizontal bars, a trend in columns, and a weekday × hour
 * heatmap. Loaded with `import()` as a chunk of its own, only once there are figures to draw, so
 * the initial `ido.js` stays small. Each chart is laid out for the pixel width it gets (not
 * scaled), so that its text stays at body size on a 320 px phone; the figures themselves always
 * stay readable without colour (numbers at the bars and in the heatmap cells), and the element
 * renders a text summary and a real table beside every chart. Why no chart library: docs/charts.md.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** One bar: `label` is shown, `short` (when given) is used where room is scarce (column labels). */
export interface Bar {
  key: string;
  label: string;
  short?: string;
  value: number;
}

/** Width in pixels of a text in the element's own font. */
export type Measure = (text: string, size?: 'body' | 'small') => number;

export interface ChartOptions {
  /** The width the chart may take, in CSS pixels. */
  width: number;
  /** Numbers as the page's language writes them ("1.234"). */
  format: (n: number) => string;
  measure: Measure;
}

const ROW = 40;
const BAR = 26;
const GAP = 8;
const LINE = 22;
const SMALL_LINE = 18;

/**
 * A measure from a canvas in the element's font, with a rough estimate when there is no canvas
 * (the numbers are still right; only the truncation of long labels is then less tight).
 */
export function createMeasure(font: { family: string; size: number; weight?: string }): Measure {
  const canvas = typeof document === 'undefined' ? null : document.createElement('canvas');
  const context = canvas?.getContext('2d') ?? null;
  const cache = new Map<string, number>();
  return (text, size = 'body') => {
    const px = size === 'small' ? Math.round(font.size * 0.875) : font.size;
    const key = `${px}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (context) {
        context.font = `${font.weight ?? '400'} ${px}px ${font.family}`;
        width = context.measureText(text).width;
      } else {
        width = text.length * px * 0.56;
      }
      cache.set(key, width);
    }
    return width;
  };
}

/** Shortens a label with "…" until it fits; the full label stays in the table and the summary. */
function fit(text: string, room: number, measure: Measure, size: 'body' | 'small' = 'body'): string {
  if (measure(text, size) <= room) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, size) > room) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Breaks a label into lines at spaces: at most `max`, the rest on the last one, shortened with "…" if need be. */
function wrap(text: string, room: number, measure: Measure, max = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (!line || measure(next) <= room) {
      line = next;
      continue;
    }
    if (lines.length === max - 1) return [...lines, fit(`${line} ${words.slice(i).join(' ')}`, room, measure)];
    lines.push(fit(line, room, measure));
    line = words[i];
  }
  return [...lines, fit(line, room, measure)];
}

/**
 * Horizontal bars, the largest value taking the room there is, each with its number at its end.
 * Labels sit beside the bars when the longest fits in half the width, else above each bar (on two
 * lines if need be), so that a label is not cut short.
 */
export function barChart(bars: Bar[], o: ChartOptions): TemplateResult {
  const width = Math.max(200, Math.floor(o.width));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const valueRoom = Math.max(...bars.map((b) => o.measure(o.format(b.value)))) + 10;
  const longest = Math.ceil(Math.max(...bars.map((b) => o.measure(b.label))));
  const beside = width >= 480 && longest + 12 <= width * 0.5;
  const labelRoom = beside ? longest + 12 : 0;
  const barRoom = Math.max(20, width - labelRoom - valueRoom);
  let y = 0;
  const rows = bars.map((b) => {
    const top = y;
    const lines = beside ? [b.label] : wrap(b.label, width, o.measure);
    const barTop = beside ? top + (ROW - BAR) / 2 : top + LINE * lines.length + 2;
    y += beside ? ROW : LINE * lines.length + BAR + GAP + 4;
    const length = b.value > 0 ? Math.max(3, (b.value / max) * barRoom) : 0;
    return svg`<g>
      ${
        beside
          ? svg`<text class="label" x="0" y=${top + ROW / 2} dominant-baseline="central">${b.label}</text>`
          : lines.map((line, i) => svg`<text class="label" x="0" y=${top + LINE * (i + 1) - 6}>${line}</text>`)
      }
      <rect class="track" x=${labelRoom} y=${barTop} width=${barRoom} height=${BAR}></rect>
      ${length ? svg`<rect class="bar" x=${labelRoom} y=${barTop} width=${length} height=${BAR}></rect>` : nothing}
      <text class="value" x=${labelRoom + length + 6} y=${barTop + BAR / 2} dominant-baseline="central">${o.format(b.value)}</text>
    </g>`;
  });
  return html`<svg class="chart bars" width=${width} height=${y} viewBox="0 0 ${width} ${y}" aria-hidden="true" focusable="false">${rows}</svg>`;
}

/**
 * A development over time: columns in order, each with its number on top. When the columns get
 * narrow (a month of days on a phone) only every so many carry a label, and only the highest its
 * number; up to 14 periods then turn into horizontal bars instead, which keep every number.
 */
export function trendChart(bars: Bar[], o: ChartOptions): TemplateResult {
  const width = Math.max(200, Math.floor(o.width));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const widestValue = Math.max(...bars.map((b) => o.measure(o.format(b.value), 'small')));
  const widestLabel = Math.max(...bars.map((b) => o.measure(b.short ?? b.label, 'small')));
  const slot = width / Math.max(1, bars.length);
  const roomy = slot >= Math.max(30, widestValue + 6, widestLabel + 6);
  if (!roomy && bars.length <= 14) return barChart(bars, o);
  const labelEvery = roomy ? 1 : Math.ceil((widestLabel + 14) / slot);
  const allValues = slot >= widestValue + 4;
  const highest = bars.findIndex((b) => b.value === max);
  const plot = 180;
  const top = SMALL_LINE + 4;
  const height = top + plot + SMALL_LINE + 10;
  const column = Math.max(2, Math.min(56, slot * 0.7));
  const columns = bars.map((b, i) => {
    const centre = slot * i + slot / 2;
    const size = b.value > 0 ? Math.max(2, (b.value / max) * plot) : 0;
    const y = top + plot - size;
    // Roomy: each label centred under its column. Sparse: each starts under its column's left edge, if it fits.
    const left = centre - column / 2;
    const label = roomy
      ? svg`<text class="label small" x=${centre} y=${top + plot + SMALL_LINE} text-anchor="middle">${b.short ?? b.label}</text>`
      : i % labelEvery === 0 && left + o.measure(b.short ?? b.label, 'small') <= width
        ? svg`<text class="label small" x=${left} y=${top + plot + SMALL_LINE}>${b.short ?? b.label}</text>`
        : nothing;
    return svg`<g>
      ${size ? svg`<rect class="bar" x=${left} y=${y} width=${column} height=${size}></rect>` : nothing}
      ${
        allValues || i === highest
          ? svg`<text class="value small" x=${Math.min(Math.max(centre, widestValue / 2), width - widestValue / 2)} y=${y - 6} text-anchor="middle">${o.format(b.value)}</text>`
          : nothing
      }
      ${label}
    </g>`;
  });
  return html`<svg class="chart columns" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">
    ${columns}
    <line class="axis" x1="0" x2=${width} y1=${top + plot + 0.5} y2=${top + plot + 0.5}></line>
  </svg>`;
}

export interface HeatmapOptions extends ChartOptions {
  /** Visits per `weekday-hour` key (`1-09`: Monday 09:00–10:00). */
  counts: ReadonlyMap<string, number>;
  /** ISO weekdays to show (1 = Monday). */
  days: readonly number[];
  /** Hours to show (9 = 09:00–10:00). */
  hours: readonly number[];
  /** Short weekday names, Monday first (column or row headers). */
  dayShort: readonly string[];
  /** Accessible name of one cell: "dinsdag 10:00–11:00: 23 bezoeken". */
  cellLabel: (day: number, hour: number, count: number) => string;
  /** Accessible name of the whole picture. */
  label: string;
  /**
   * The cell that has focus or is under the pointer (its key), or null: it gets the focus rings
   * (the cell with keyboard focus always has them, through `:focus-visible`, whatever the pointer does).
   */
  active: string | null;
  /** The cell that takes focus when tabbing into the heatmap (the one that had it last). */
  tabStop: string;
  /** A cell got focus (its key), or focus left the heatmap (null). */
  onFocus: (key: string | null) => void;
  /** The pointer moved over a cell (its key), or left the heatmap (null). */
  onHover: (key: string | null) => void;
}

const hourKey = (day: number, hour: number) => `${day}-${String(hour).padStart(2, '0')}`;

/** Shade 0 (none) to 4 (busiest); the number in the cell says the same in words. */
const level = (count: number, max: number) => (count <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4)));

/**
 * When it is busy: a cell per weekday and hour with its number of visits. Days run across and
 * hours down on narrow screens, the other way round on wide ones. One tab stop; the arrow keys,
 * Home and End move between cells, each of which has its own accessible name.
 */
export function heatmap(o: HeatmapOptions): TemplateResult {
  const width = Math.max(200, Math.floor(o.width));
  const max = Math.max(1, ...o.counts.values());
  const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const rowHeadRoom = (wide: boolean) =>
    Math.ceil(
      Math.max(...(wide ? o.days.map((d) => o.measure(o.dayShort[d - 1], 'small')) : o.hours.map((h) => o.measure(hourText(h), 'small')))),
    ) + 10;
  // Wide: a row per day, a column per hour, when the columns get room for their numbers.
  const wide = (width - rowHeadRoom(true)) / o.hours.length >= 40;
  const rows = wide ? o.days.map((d) => ({ day: d })) : o.hours.map((h) => ({ hour: h }));
  const columns = wide ? o.hours.map((h) => ({ hour: h })) : o.days.map((d) => ({ day: d }));
  const head = rowHeadRoom(wide);
  const cellWidth = Math.min(72, (width - head) / columns.length);
  const cellHeight = 40;
  const top = SMALL_LINE + 8;
  const gridWidth = head + cellWidth * columns.length;
  const height = top + cellHeight * rows.length;

  const numberRoom = o.measure(o.format(max), 'small') + 4;
  const cells: SVGTemplateResult[] = [];
  rows.forEach((row, r) => {
    columns.forEach((column, c) => {
      const day = wide ? (row as { day: number }).day : (column as { day: number }).day;
      const hour = wide ? (column as { hour: number }).hour : (row as { hour: number }).hour;
      const key = hourKey(day, hour);
      const count = o.counts.get(key) ?? 0;
      const x = head + c * cellWidth;
      const y = top + r * cellHeight;
      const shade = level(count, max);
      // The box fills the cell but for a 1 px gap on each side. The focus rings (hidden until the
      // box has focus or is active) are two touching 3 px bands: a dark one over the gap, from 1 px
      // outside the cell to 2 px inside, and a light one inside it. They stay within the cell and its
      // gap, so no neighbour paints over them. See docs/charts.md.
      cells.push(svg`<g class="cell l${shade} ${o.active === key ? 'active' : ''}">
        <rect class="box" x=${x + 1} y=${y + 1} width=${cellWidth - 2} height=${cellHeight - 2} rx="2"
          role="img" aria-label=${o.cellLabel(day, hour, count)} tabindex=${key === o.tabStop ? '0' : '-1'}
          data-key=${key} data-r=${r} data-c=${c}></rect>
        ${
          count > 0 && cellWidth >= numberRoom
            ? svg`<text class="small" x=${x + cellWidth / 2} y=${y + cellHeight / 2} text-anchor="middle" dominant-baseline="central" aria-hidden="true">${o.format(count)}</text>`
            : nothing
        }
        <rect class="ring ring-dark" x=${x + 0.5} y=${y + 0.5} width=${cellWidth - 1} height=${cellHeight - 1} rx="3" aria-hidden="true"></rect>
        <rect class="ring ring-light" x=${x + 3.5} y=${y + 3.5} width=${cellWidth - 7} height=${cellHeight - 7} rx="1" aria-hidden="true"></rect>
      </g>`);
    });
  });

  const columnHeads = columns.map(
    (column, c) => svg`<text class="label small" x=${head + c * cellWidth + cellWidth / 2} y=${SMALL_LINE}
    text-anchor="middle" aria-hidden="true">${'hour' in column ? (cellWidth >= 44 ? hourText(column.hour) : String(column.hour)) : o.dayShort[column.day - 1]}</text>`,
  );
  const rowHeads = rows.map(
    (row, r) => svg`<text class="label small" x="0" y=${top + r * cellHeight + cellHeight / 2}
    dominant-baseline="central" aria-hidden="true">${'day' in row ? o.dayShort[row.day - 1] : hourText(row.hour)}</text>`,
  );

  const move = (event: KeyboardEvent) => {
    const target = event.target as Element;
    const r = Number(target.getAttribute('data-r'));
    const c = Number(target.getAttribute('data-c'));
    if (Number.isNaN(r) || Number.isNaN(c)) return;
    const last = { r: rows.length - 1, c: columns.length - 1 };
    const next = {
      ArrowRight: { r, c: Math.min(last.c, c + 1) },
      ArrowLeft: { r, c: Math.max(0, c - 1) },
      ArrowDown: { r: Math.min(last.r, r + 1), c },
      ArrowUp: { r: Math.max(0, r - 1), c },
      Home: event.ctrlKey ? { r: 0, c: 0 } : { r, c: 0 },
      End: event.ctrlKey ? last : { r, c: last.c },
    }[event.key];
    if (!next) return;
    event.preventDefault();
    // The element re-renders the tab stop from onFocus, so only focus moves here.
    (event.currentTarget as Element).querySelector<SVGElement>(`[data-r="${next.r}"][data-c="${next.c}"]`)?.focus();
  };
  const keyOf = (event: Event) => (event.target as Element).getAttribute?.('data-key') ?? null;

  return html`<svg class="chart heatmap" role="group" aria-label=${o.label} width=${gridWidth} height=${height}
    viewBox="0 0 ${gridWidth} ${height}"
    @keydown=${move}
    @focusin=${(e: FocusEvent) => o.onFocus(keyOf(e))}
    @focusout=${(e: FocusEvent) => {
      if (!(e.currentTarget as Element).contains(e.relatedTarget as Node | null)) o.onFocus(null);
    }}
    @pointermove=${(e: PointerEvent) => {
      // A page that scrolls under a resting pointer reports it over another cell, without any movement.
      if (e.movementX || e.movementY) o.onHover(keyOf(e));
    }}
    @pointerleave=${() => o.onHover(null)}>
    ${columnHeads}${rowHeads}${cells}
  </svg>`;
}
