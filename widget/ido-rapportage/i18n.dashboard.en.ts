/** English texts of the dashboard of `<ido-rapportage>`, for staff who read English more easily than Dutch. */
import type { DashboardTexts, Ranked } from './i18n.dashboard.nl.js';

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

const ranked = (items: Ranked[]) => items.map((i) => `${i.label} (${i.count})`);
const pad = (hour: number) => String(hour % 24).padStart(2, '0');

export const en: DashboardTexts = {
  locale: 'en-GB',
  heading: 'Reports: Digital Government Information Point',
  errorPrefix: 'Error: ',

  loginHeading: 'Log in to see the reports',
  loginIntro: 'Log in with your IDO registration account to see the figures of your information points.',

  controlsLabel: 'Period and filters',
  period: 'Period',
  presets: { 'this-month': 'This month', 'last-month': 'Last month', 'this-year': 'This year', custom: 'Choose dates' },
  from: 'From',
  to: 'Up to and including',
  apply: 'Show figures',
  datesMissing: 'Enter both dates.',
  dateOrder: 'The first date is after the second. Choose a start date before the end date.',
  location: 'Location',
  allLocations: 'All locations',
  organisation: 'Organisation',
  allOrganisations: 'All organisations',
  province: 'Province',
  allProvinces: 'All provinces',
  figuresFor: (range) => `Figures for ${range}`,
  comparedWith: (range) => `compared with ${range}`,

  figuresHeading: 'Key figures',
  visits: 'Visits',
  questions: 'Questions',
  referred: 'Referred',
  participants: 'Course participants',
  referredOf: (count, visits) => `${count} of ${visits} visits`,
  inCourses: (runs) => (runs === 1 ? 'in 1 course' : `in ${runs} courses`),
  more: (change, previous) => `${change} more than the previous period (${previous})`,
  less: (change, previous) => `${change} fewer than the previous period (${previous})`,
  same: (previous) => `The same as the previous period (${previous})`,
  fromNothing: 'Previous period: none',
  pointsHigher: (points, previous) => `${points} percentage points higher than the previous period (${previous})`,
  pointsLower: (points, previous) => `${points} percentage points lower than the previous period (${previous})`,

  loading: 'Loading the figures…',
  updating: 'Updating the figures…',
  emptyHeading: 'No registrations in this period yet',
  emptyHint: 'Choose another period or location. Registrations made at the desk show up here at once.',
  loadError:
    'The figures could not be loaded. This is not your fault. Try again in a few minutes. If it keeps failing, contact your administrator.',
  loadNetworkError:
    'The figures could not be loaded because there is no connection to the server. Check your internet connection and try again.',
  loadBusy: 'The server is getting too many requests. Wait a minute, then try again.',
  forbidden: 'Your account may not see these figures. Ask your administrator for a coordinator account.',
  notFound: 'This location or organisation no longer exists. Choose another location.',
  retry: 'Try again',

  showTable: 'Show as table',
  showChart: 'Show as chart',
  chartLoading: 'Loading the chart…',
  chartFailed: 'The chart could not be loaded. The table shows the same figures.',
  noData: 'No data in this period.',

  topicsHeading: 'What are the questions about?',
  topicsSummary: (items) => {
    if (!items.length) return 'There are no questions in this period yet.';
    if (items.length === 1) return `All questions were about ${items[0].label} (${items[0].count}).`;
    const [first, ...rest] = ranked(items);
    return `Most questions about ${first}, then ${list(rest)}.`;
  },
  topicsCaption: (range) => `Questions by topic, ${range}`,
  topicColumn: 'Topic',
  questionsColumn: 'Questions',
  visitsColumn: 'Visits',
  onlyTop: (shown, all) => `The chart shows the ${shown} largest of ${all}. The table shows them all.`,

  agenciesHeading: 'Which agencies are the questions about?',
  agenciesIntro: 'For example the Tax Administration or the municipality. One question can be about more than one agency.',
  agenciesSummary: (items) => {
    if (!items.length) return 'No agency was chosen for the questions in this period.';
    if (items.length === 1) return `All questions with an agency were about ${items[0].label} (${items[0].count}).`;
    const [first, ...rest] = ranked(items);
    return `Most questions about ${first}, then ${list(rest)}.`;
  },
  agenciesCaption: (range) => `Questions by agency, ${range}`,
  agencyColumn: 'Agency',

  trendHeading: 'How does the number of visits develop?',
  trendPer: { day: 'Number of visits per day.', week: 'Number of visits per week.', month: 'Number of visits per month.' },
  trendSummary: (grain, busiest, quietest, total) => {
    const all = total === 1 ? '1 visit' : `${total} visits`;
    if (grain === 'day' || !quietest) return `${all} in total. The busiest ${grain} was ${busiest.label} (${busiest.count}).`;
    return `${all} in total. The busiest ${grain} was ${busiest.label} (${busiest.count}), the quietest ${quietest.label} (${quietest.count}).`;
  },
  trendCaption: (range, grain) => `Visits per ${grain}, ${range}`,
  dateColumn: 'Date',
  weekColumn: 'Week',
  monthColumn: 'Month',

  heatmapHeading: 'When is it busy?',
  heatmapIntro: 'Number of visits by weekday and hour, added up over the whole period. Useful for the staff rota.',
  heatmapSummary: (items) => {
    if (!items.length) return 'There are no visits in this period yet.';
    const [first, ...rest] = ranked(items);
    return rest.length ? `Busiest on ${first}, then ${list(rest)}.` : `All visits on ${first}.`;
  },
  heatmapCaption: (range) => `Visits by weekday and hour, ${range}`,
  heatmapLabel: 'Visits by weekday and hour. Use the arrow keys to hear the numbers.',
  heatmapLegend: 'The darker the square, the busier. The number is the number of visits.',
  heatmapCell: (day, hours, count) => `${day} ${hours}: ${count === 1 ? '1 visit' : `${count} visits`}`,
  slot: (day, hour) => `${day} from ${pad(hour)}:00 to ${pad(hour + 1)}:00`,
  dayColumn: 'Day',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  hourRange: (hour) => `${pad(hour)}:00–${pad(hour + 1)}:00`,

  exportHeading: 'Download',
  exportIntro: 'The files cover the same period and filters as the figures above.',
  exportSummary: 'Download Excel for the accountability report',
  exportSummaryHint:
    'Tables with totals, questions by topic and location, questions by agency, courses and referrals. For your annual report or the municipality.',
  exportQuestions: 'Download all questions (CSV)',
  exportQuestionsHint: 'One row per question, without personal data. Opens in Excel.',
  exporting: 'Making the file. This can take a moment…',
  exported: (fileName) => `Done: ${fileName} is in your downloads.`,
  exportFailed: 'The download did not work. Try again.',
  fileSummary: 'accountability',
  fileQuestions: 'questions',
};
