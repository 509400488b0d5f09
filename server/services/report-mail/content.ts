/**
 * What a scheduled report mail says: the period's key figures in plain Dutch (B1) in the body, the
 * accountability export (the same tables as `GET /reports/export?view=summary`) attached.
 */
import { eq } from 'drizzle-orm';
import { locations, organisations, type reportSubscriptions } from '../../db/schema.js';
import type { Deps } from '../../types.js';
import {
  accountabilityTables,
  courseReport,
  summaryReport,
  tablesCsv,
  tablesXlsx,
  XLSX_TYPE,
  type ReportFilter,
} from '../reports/index.js';
import { resolvePeriod } from '../reports/periods.js';
import { dateInWords, periodInWords, type MailPeriod } from './periods.js';

type Subscription = typeof reportSubscriptions.$inferSelect;

/** How many topics the body names. */
const TOP_TOPICS = 5;

export interface ReportMail {
  subject: string;
  text: string;
  attachment: { filename: string; content: Buffer; contentType: string };
}

const FREQUENCY_WORDS = { month: 'elke maand', quarter: 'elk kwartaal', year: 'elk jaar' } as const;
const count = (n: number, one: string, many: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;

/** The subscription's filter for one period: its organisation and location, or the whole country. */
export function filterOf(subscription: Subscription, period: MailPeriod): ReportFilter {
  return {
    ...resolvePeriod(new Date(0), period.from, period.to)!,
    organisationId: subscription.organisationId ?? undefined,
    locationId: subscription.locationId ?? undefined,
  };
}

/** The name of what the report covers: a location, an organisation, or "heel Nederland". */
async function scopeName(deps: Pick<Deps, 'database'>, subscription: Subscription): Promise<string> {
  const { db } = deps.database;
  if (subscription.locationId) {
    const [row] = await db.select({ name: locations.name }).from(locations).where(eq(locations.id, subscription.locationId)).limit(1);
    if (row) return row.name;
  }
  if (subscription.organisationId) {
    const [row] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, subscription.organisationId))
      .limit(1);
    if (row) return row.name;
  }
  return 'heel Nederland';
}

/** Builds the mail of one subscription and period. */
export async function buildReportMail(
  deps: Pick<Deps, 'reports' | 'database' | 'taxonomy'>,
  subscription: Subscription,
  period: MailPeriod,
): Promise<ReportMail> {
  const filter = filterOf(subscription, period);
  const [summary, courses, tables, scope] = await Promise.all([
    summaryReport(deps, filter, 'topic', 'nl'),
    courseReport(deps, filter, undefined, 'nl'),
    accountabilityTables(deps, filter, { lang: 'nl', suppress: false, period: 'month' }),
    scopeName(deps, subscription),
  ]);
  const when = periodInWords(subscription.frequency, period);
  const topics = [...summary.groups].sort((a, b) => b.questions - a.questions || a.label.localeCompare(b.label, 'nl')).slice(0, TOP_TOPICS);
  const lines = [
    'Hallo,',
    '',
    `Hier zijn de cijfers van het Informatiepunt Digitale Overheid (IDO) van ${scope} over ${when} (${dateInWords(period.from)} tot en met ${dateInWords(period.to)}).`,
    '',
    `- ${count(summary.visits, 'bezoek', 'bezoeken')} met ${count(summary.questions, 'vraag', 'vragen')}`,
    `- ${count(summary.referred, 'bezoek', 'bezoeken')} met een doorverwijzing naar een partner`,
    `- ${count(courses.enrolled, 'cursist', 'cursisten')} ingeschreven voor ${count(courses.runs, 'cursus', 'cursussen')}, ${count(courses.completed, 'cursist', 'cursisten')} maakte${courses.completed === 1 ? '' : 'n'} de cursus af`,
    '',
    ...(topics.length
      ? [
          'Hier vroegen bezoekers het meest naar:',
          ...topics.map((t, i) => `${i + 1}. ${t.label}: ${count(t.questions, 'vraag', 'vragen')}`),
        ]
      : ['In deze periode zijn geen vragen geregistreerd.']),
    '',
    `Alle cijfers staan in de bijlage (${subscription.format === 'xlsx' ? 'een Excel-bestand' : 'een CSV-bestand voor Excel'}).`,
    '',
    `Je krijgt deze mail ${FREQUENCY_WORDS[subscription.frequency]}, omdat je je hebt aangemeld voor de cijfers per mail.`,
    'Wil je deze mail niet meer krijgen? Zet hem dan uit in de rapportage, bij "Cijfers per mail".',
    '',
    'Groet,',
    'IDO-rapportage',
  ];
  const filename = `ido-cijfers-${period.key}.${subscription.format}`;
  const content = subscription.format === 'xlsx' ? Buffer.from(await tablesXlsx(tables)) : Buffer.from(tablesCsv(tables), 'utf8');
  return {
    subject: `IDO-cijfers ${when} – ${scope}`,
    text: lines.join('\n') + '\n',
    attachment: { filename, content, contentType: subscription.format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8' },
  };
}
