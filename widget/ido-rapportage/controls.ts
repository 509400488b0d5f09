/**
 * The dashboard's controls: the period (presets, or two dates of its own), the filters (location;
 * for national users also organisation and province) and the line that says what is compared with
 * what. A pure render function: explicit inputs in, the coordinator's choices out through the intents.
 */
import { html, nothing } from 'lit';
import type { Lang } from '../../sdk/schemas/common.js';
import type { DashboardTexts } from './i18n.dashboard.nl.js';
import { PERIOD_PRESETS, formatRange, type DateRange, type PeriodPreset } from './period.js';
import type { Meta } from './report.js';

/** What the figures are filtered on ('' for all). */
export interface Filter {
  locationId: string;
  organisationId: string;
  province: string;
}

export interface ControlsInput {
  t: DashboardTexts;
  lang: Lang;
  meta: Meta | undefined;
  /** The user sees every organisation (and may filter on organisation and province). */
  national: boolean;
  preset: PeriodPreset;
  /** The dates of "Zelf kiezen" as applied. */
  custom: DateRange | null;
  dateError: { field: 'from' | 'to'; text: string } | null;
  /** The period on screen, and the one it is compared with. */
  range: DateRange;
  previous: DateRange;
  filter: Filter;
}

export interface ControlsIntents {
  preset(preset: PeriodPreset): void;
  /** "Toon cijfers" with two dates. */
  customSubmit(event: SubmitEvent): void;
  organisation(id: string, meta: Meta): void;
  province(province: string, meta: Meta): void;
  location(id: string): void;
}

export function renderControls(input: ControlsInput, intents: ControlsIntents) {
  const { t, lang, meta, national, range, previous, filter } = input;
  const organisations = meta?.organisations ?? [];
  const provinces = [...new Set((meta?.locations ?? []).map((l) => l.address.province?.trim() ?? '').filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, t.locale),
  );
  const locations = (meta?.locations ?? []).filter(
    (l) =>
      (!filter.organisationId || l.organisationId === filter.organisationId) &&
      (!filter.province || (l.address.province ?? '') === filter.province),
  );
  const custom = input.preset === 'custom';
  const shown = input.custom ?? range;
  const dateError = input.dateError;
  const dateField = (name: 'from' | 'to', label: string, value: string) => html`<div class="field">
    <label for="date-${name}">${label}</label>
    <input id="date-${name}" name=${name} class="control" type="date" .value=${value}
      aria-invalid=${dateError?.field === name ? 'true' : 'false'} aria-describedby=${dateError?.field === name ? 'date-error' : nothing} />
  </div>`;
  const select = (
    id: string,
    label: string,
    all: string,
    value: string,
    options: { value: string; label: string }[],
    onChange: (e: Event) => void,
  ) =>
    html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} class="control" @change=${onChange}>
        <option value="" ?selected=${!value}>${all}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
    </div>`;

  return html`<section class="controls" part="controls" aria-label=${t.controlsLabel}>
    <fieldset>
      <legend>${t.period}</legend>
      <div class="segments">
        ${PERIOD_PRESETS.map(
          (preset) => html`<label class="segment">
          <input type="radio" name="preset" value=${preset} .checked=${input.preset === preset} @change=${(e: Event) => intents.preset((e.target as HTMLInputElement).value as PeriodPreset)} />
          <span>${t.presets[preset]}</span>
        </label>`,
        )}
      </div>
    </fieldset>
    ${
      custom
        ? html`<form class="custom" novalidate @submit=${(e: SubmitEvent) => intents.customSubmit(e)}>
          ${dateError ? html`<p class="error" id="date-error"><span class="visually-hidden">${t.errorPrefix}</span>${dateError.text}</p>` : nothing}
          ${dateField('from', t.from, shown.from)}
          ${dateField('to', t.to, shown.to)}
          <button class="button primary" type="submit">${t.apply}</button>
        </form>`
        : nothing
    }
    ${
      meta && (national || meta.locations.length > 1)
        ? html`<div class="filters">
          ${
            national && organisations.length > 1
              ? select(
                  'organisation',
                  t.organisation,
                  t.allOrganisations,
                  filter.organisationId,
                  organisations.map((o) => ({ value: o.id, label: o.name })),
                  (e) => intents.organisation((e.target as HTMLSelectElement).value, meta),
                )
              : nothing
          }
          ${
            national && provinces.length > 1
              ? select(
                  'province',
                  t.province,
                  t.allProvinces,
                  filter.province,
                  provinces.map((p) => ({ value: p, label: p })),
                  (e) => intents.province((e.target as HTMLSelectElement).value, meta),
                )
              : nothing
          }
          ${
            locations.length > 1 || filter.locationId
              ? select(
                  'location',
                  t.location,
                  t.allLocations,
                  filter.locationId,
                  locations.map((l) => ({ value: l.id, label: l.name })),
                  (e) => intents.location((e.target as HTMLSelectElement).value),
                )
              : nothing
          }
        </div>`
        : nothing
    }
    <p class="period-line"><strong>${t.figuresFor(formatRange(range, lang))}</strong>, ${t.comparedWith(formatRange(previous, lang))}.</p>
  </section>`;
}
