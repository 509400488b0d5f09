/** Dutch texts of the dashboard of `<ido-rapportage>` (dashboard.ts): plain Dutch (B1) for library staff, addressed as "je". */
import type { TrendGrain } from './period.js';

/** Labels of the period choices, in the order they are shown. */
export interface PresetLabels {
  'this-month': string;
  'last-month': string;
  'this-year': string;
  custom: string;
}

/** One item of a text summary: "huurtoeslag (34)". */
export interface Ranked {
  label: string;
  count: number;
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`);

const ranked = (items: Ranked[]) => items.map((i) => `${i.label} (${i.count})`);

export const nl = {
  /** Locale for numbers and percentages. */
  locale: 'nl-NL',
  heading: 'Rapportage Informatiepunt Digitale Overheid',
  /** Visually hidden prefix of an error, so a screen reader says it is one. */
  errorPrefix: 'Fout: ',

  loginHeading: 'Inloggen voor de rapportage',
  loginIntro: 'Log in met je account van het IDO-registratiesysteem. Dan zie je de cijfers van je informatiepunten.',

  controlsLabel: 'Periode en filters',
  period: 'Periode',
  presets: {
    'this-month': 'Deze maand',
    'last-month': 'Vorige maand',
    'this-year': 'Dit jaar',
    custom: 'Zelf kiezen',
  } satisfies PresetLabels,
  from: 'Van',
  to: 'Tot en met',
  apply: 'Toon cijfers',
  datesMissing: 'Vul allebei de datums in.',
  dateOrder: 'De eerste datum ligt na de tweede. Kies een begindatum vóór de einddatum.',
  location: 'Locatie',
  allLocations: 'Alle locaties',
  organisation: 'Organisatie',
  allOrganisations: 'Alle organisaties',
  province: 'Provincie',
  allProvinces: 'Alle provincies',
  /** "Cijfers over 1 t/m 29 november 2026". */
  figuresFor: (range: string) => `Cijfers over ${range}`,
  /** "vergeleken met 1 t/m 29 oktober 2026". */
  comparedWith: (range: string) => `vergeleken met ${range}`,

  figuresHeading: 'Kerncijfers',
  visits: 'Bezoeken',
  questions: 'Vragen',
  referred: 'Doorverwezen',
  participants: 'Cursisten',
  /** Under the share referred: "83 van de 462 bezoeken". */
  referredOf: (count: string, visits: string) => `${count} van de ${visits} bezoeken`,
  /** Under the course participants: "in 6 cursussen". */
  inCourses: (runs: number) => (runs === 1 ? 'in 1 cursus' : `in ${runs} cursussen`),
  /** Comparisons; `previous` is the figure of the previous period, already formatted. */
  more: (change: string, previous: string) => `${change} meer dan de vorige periode (${previous})`,
  less: (change: string, previous: string) => `${change} minder dan de vorige periode (${previous})`,
  same: (previous: string) => `Evenveel als de vorige periode (${previous})`,
  /** The previous period had none, so a percentage says nothing. */
  fromNothing: 'Vorige periode: geen',
  pointsHigher: (points: string, previous: string) => `${points} procentpunt hoger dan de vorige periode (${previous})`,
  pointsLower: (points: string, previous: string) => `${points} procentpunt lager dan de vorige periode (${previous})`,

  loading: 'De cijfers worden geladen…',
  updating: 'De cijfers worden bijgewerkt…',
  emptyHeading: 'Nog geen registraties in deze periode',
  emptyHint: 'Kies een andere periode of locatie. Registraties aan de balie zie je hier meteen.',
  loadError:
    'De cijfers konden niet worden geladen. Dat ligt niet aan jou. Probeer het over een paar minuten opnieuw. Gaat het weer mis? Neem dan contact op met je beheerder.',
  loadNetworkError:
    'De cijfers konden niet worden geladen, want er is geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
  loadBusy: 'De server krijgt nu te veel vragen. Wacht een minuut en probeer het dan opnieuw.',
  forbidden: 'Je account mag deze cijfers niet bekijken. Vraag je beheerder om een account als coördinator.',
  notFound: 'Deze locatie of organisatie bestaat niet meer. Kies een andere locatie.',
  retry: 'Probeer opnieuw',

  showTable: 'Toon als tabel',
  showChart: 'Toon als grafiek',
  chartLoading: 'De grafiek wordt geladen…',
  chartFailed: 'De grafiek kon niet worden geladen. De tabel laat dezelfde cijfers zien.',
  noData: 'Geen gegevens in deze periode.',

  topicsHeading: 'Waar gaan de vragen over?',
  topicsSummary: (items: Ranked[]) => {
    if (!items.length) return 'Er zijn nog geen vragen in deze periode.';
    if (items.length === 1) return `Alle vragen gingen over ${items[0].label} (${items[0].count}).`;
    const [first, ...rest] = ranked(items);
    return `Meeste vragen over ${first}, daarna ${list(rest)}.`;
  },
  topicsCaption: (range: string) => `Vragen per onderwerp, ${range}`,
  topicColumn: 'Onderwerp',
  questionsColumn: 'Vragen',
  visitsColumn: 'Bezoeken',
  /** Under a bar chart that shows only the largest groups. */
  onlyTop: (shown: number, all: number) => `De grafiek toont de ${shown} grootste van de ${all}. In de tabel staan ze allemaal.`,

  agenciesHeading: 'Over welke instanties gaan de vragen?',
  agenciesIntro: 'Bijvoorbeeld de Belastingdienst of de gemeente. Eén vraag kan over meer instanties gaan.',
  agenciesSummary: (items: Ranked[]) => {
    if (!items.length) return 'Bij de vragen in deze periode is geen instantie gekozen.';
    if (items.length === 1) return `Alle vragen met een instantie gingen over ${items[0].label} (${items[0].count}).`;
    const [first, ...rest] = ranked(items);
    return `Meeste vragen over ${first}, daarna ${list(rest)}.`;
  },
  agenciesCaption: (range: string) => `Vragen per instantie, ${range}`,
  agencyColumn: 'Instantie',

  trendHeading: 'Hoe ontwikkelt het aantal bezoeken zich?',
  /** Under the heading: what one bar is. */
  trendPer: { day: 'Aantal bezoeken per dag.', week: 'Aantal bezoeken per week.', month: 'Aantal bezoeken per maand.' } satisfies Record<
    TrendGrain,
    string
  >,
  /** `quietest` is left out for days (a closed Sunday says nothing). */
  trendSummary: (grain: TrendGrain, busiest: Ranked, quietest: Ranked | null, total: number) => {
    const unit = { day: 'dag', week: 'week', month: 'maand' }[grain];
    const all = total === 1 ? '1 bezoek' : `${total} bezoeken`;
    if (grain === 'day' || !quietest) return `In totaal ${all}. De drukste ${unit} was ${busiest.label} (${busiest.count}).`;
    return `In totaal ${all}. De drukste ${unit} was ${busiest.label} (${busiest.count}), de rustigste ${quietest.label} (${quietest.count}).`;
  },
  trendCaption: (range: string, grain: TrendGrain) => `Bezoeken per ${{ day: 'dag', week: 'week', month: 'maand' }[grain]}, ${range}`,
  dateColumn: 'Datum',
  weekColumn: 'Week',
  monthColumn: 'Maand',

  heatmapHeading: 'Wanneer is het druk?',
  heatmapIntro: 'Aantal bezoeken per weekdag en uur, opgeteld over de hele periode. Handig voor het rooster.',
  heatmapSummary: (items: Ranked[]) => {
    if (!items.length) return 'Er zijn nog geen bezoeken in deze periode.';
    const [first, ...rest] = ranked(items);
    return rest.length ? `Het drukst op ${first}, daarna ${list(rest)}.` : `Alle bezoeken op ${first}.`;
  },
  heatmapCaption: (range: string) => `Bezoeken per weekdag en uur, ${range}`,
  /** Accessible name of the heatmap picture; tells how to move through it. */
  heatmapLabel: 'Drukte per weekdag en uur. Gebruik de pijltjestoetsen om de aantallen te horen.',
  heatmapLegend: 'Hoe donkerder het vak, hoe drukker. Het getal is het aantal bezoeken.',
  /** Shown below the heatmap for the cell that has focus or is under the pointer. */
  heatmapCell: (day: string, hours: string, count: number) => `${day} ${hours}: ${count === 1 ? '1 bezoek' : `${count} bezoeken`}`,
  /** A weekday and hour inside a sentence: "dinsdag van 10:00 tot 11:00". */
  slot: (day: string, hour: number) => `${day} van ${String(hour).padStart(2, '0')}:00 tot ${String((hour + 1) % 24).padStart(2, '0')}:00`,
  dayColumn: 'Dag',
  /** Monday first. */
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  /** Monday first, two or three letters. */
  weekdaysShort: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  /** "10:00–11:00". */
  hourRange: (hour: number) => `${String(hour).padStart(2, '0')}:00–${String((hour + 1) % 24).padStart(2, '0')}:00`,

  exportHeading: 'Downloaden',
  exportIntro: 'De bestanden gaan over dezelfde periode en dezelfde filters als de cijfers hierboven.',
  exportSummary: 'Download Excel voor de verantwoording',
  exportSummaryHint:
    'Tabellen met totalen, vragen per onderwerp en locatie, vragen per instantie, cursussen en doorverwijzingen. Voor je jaarverslag of de gemeente.',
  exportQuestions: 'Download alle vragen (CSV)',
  exportQuestionsHint: 'Eén regel per vraag, zonder persoonsgegevens. Opent in Excel.',
  exporting: 'Het bestand wordt gemaakt. Dit kan even duren…',
  exported: (fileName: string) => `Klaar: ${fileName} staat in je downloads.`,
  exportFailed: 'Het downloaden is niet gelukt. Probeer het opnieuw.',
  /** Parts of the file names. */
  fileSummary: 'verantwoording',
  fileQuestions: 'vragen',
};

/** Every text the dashboard shows; the English file has the same shape. */
export type DashboardTexts = typeof nl;
