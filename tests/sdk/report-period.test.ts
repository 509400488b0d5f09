import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  amsterdamToday,
  dayLabel,
  formatRange,
  isLocalDate,
  isWholeMonths,
  lengthInDays,
  monthLabel,
  presetRange,
  previousRange,
  shiftMonths,
  trendGrain,
  trendKeys,
  weekLabel,
} from '../../widget/ido-rapportage/period.js';

/** 29 November 2026, 14:00 in Amsterdam. */
const NOV_29 = new Date('2026-11-29T13:00:00Z');

describe('presetRange', () => {
  it('this month runs from the first to today', () => {
    assert.deepEqual(presetRange('this-month', NOV_29), { from: '2026-11-01', to: '2026-11-29' });
  });

  it('last month is the whole previous month', () => {
    assert.deepEqual(presetRange('last-month', NOV_29), { from: '2026-10-01', to: '2026-10-31' });
    assert.deepEqual(presetRange('last-month', new Date('2026-03-15T12:00:00Z')), { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(presetRange('last-month', new Date('2024-03-15T12:00:00Z')), { from: '2024-02-01', to: '2024-02-29' });
  });

  it('last month in January is December of the year before', () => {
    assert.deepEqual(presetRange('last-month', new Date('2027-01-10T12:00:00Z')), { from: '2026-12-01', to: '2026-12-31' });
  });

  it('this year runs from 1 January to today', () => {
    assert.deepEqual(presetRange('this-year', NOV_29), { from: '2026-01-01', to: '2026-11-29' });
  });

  it('uses the date in Amsterdam, not in UTC', () => {
    // 23:30 UTC on 31 October is already 1 November in Amsterdam (CET, +01:00).
    const lateNight = new Date('2026-10-31T23:30:00Z');
    assert.equal(amsterdamToday(lateNight), '2026-11-01');
    assert.deepEqual(presetRange('this-month', lateNight), { from: '2026-11-01', to: '2026-11-01' });
    assert.deepEqual(presetRange('last-month', lateNight), { from: '2026-10-01', to: '2026-10-31' });
    // 22:30 UTC on 31 December is New Year in Amsterdam.
    assert.deepEqual(presetRange('this-year', new Date('2026-12-31T23:30:00Z')), { from: '2027-01-01', to: '2027-01-01' });
    // In summer (CEST, +02:00) 22:30 UTC is already the next day.
    assert.equal(amsterdamToday(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
  });
});

describe('previousRange', () => {
  it('this month so far compares with the same days of last month', () => {
    assert.deepEqual(previousRange({ from: '2026-11-01', to: '2026-11-29' }, 'this-month'), { from: '2026-10-01', to: '2026-10-29' });
  });

  it('this month clamps to a shorter month before it', () => {
    assert.deepEqual(previousRange({ from: '2026-03-01', to: '2026-03-30' }, 'this-month'), { from: '2026-02-01', to: '2026-02-28' });
  });

  it('a whole month so far compares with the whole month before', () => {
    assert.deepEqual(previousRange({ from: '2026-11-01', to: '2026-11-30' }, 'this-month'), { from: '2026-10-01', to: '2026-10-31' });
  });

  it('last month compares with the month before it', () => {
    assert.deepEqual(previousRange({ from: '2026-10-01', to: '2026-10-31' }, 'last-month'), { from: '2026-09-01', to: '2026-09-30' });
    assert.deepEqual(previousRange({ from: '2026-03-01', to: '2026-03-31' }, 'last-month'), { from: '2026-02-01', to: '2026-02-28' });
    assert.deepEqual(previousRange({ from: '2027-01-01', to: '2027-01-31' }, 'last-month'), { from: '2026-12-01', to: '2026-12-31' });
  });

  it('this year so far compares with the same dates a year earlier', () => {
    assert.deepEqual(previousRange({ from: '2026-01-01', to: '2026-11-29' }, 'this-year'), { from: '2025-01-01', to: '2025-11-29' });
    // Up to 29 February compares with up to 28 February, the last day of that month.
    assert.deepEqual(previousRange({ from: '2024-01-01', to: '2024-02-29' }, 'this-year'), { from: '2023-01-01', to: '2023-02-28' });
  });

  it('a custom range of whole months compares with as many months before', () => {
    assert.deepEqual(previousRange({ from: '2026-04-01', to: '2026-06-30' }, 'custom'), { from: '2026-01-01', to: '2026-03-31' });
    assert.deepEqual(previousRange({ from: '2026-01-01', to: '2026-12-31' }, 'custom'), { from: '2025-01-01', to: '2025-12-31' });
  });

  it('any other custom range compares with as many days just before', () => {
    assert.deepEqual(previousRange({ from: '2026-11-10', to: '2026-11-16' }, 'custom'), { from: '2026-11-03', to: '2026-11-09' });
    assert.deepEqual(previousRange({ from: '2026-03-01', to: '2026-03-01' }, 'custom'), { from: '2026-02-28', to: '2026-02-28' });
    assert.deepEqual(previousRange({ from: '2026-01-15', to: '2026-02-14' }, 'custom'), { from: '2025-12-15', to: '2026-01-14' });
  });

  it('the previous range is as long as the range for day-based comparisons', () => {
    const range = { from: '2026-03-20', to: '2026-04-02' }; // across the change to summer time
    const previous = previousRange(range, 'custom');
    assert.equal(lengthInDays(previous), lengthInDays(range));
    assert.equal(previous.to, '2026-03-19');
  });
});

describe('date helpers', () => {
  it('isLocalDate accepts real dates only', () => {
    assert.equal(isLocalDate('2026-02-28'), true);
    assert.equal(isLocalDate('2024-02-29'), true);
    assert.equal(isLocalDate('2026-02-29'), false);
    assert.equal(isLocalDate('2026-13-01'), false);
    assert.equal(isLocalDate('26-1-1'), false);
    assert.equal(isLocalDate(''), false);
  });

  it('lengthInDays counts both ends', () => {
    assert.equal(lengthInDays({ from: '2026-11-01', to: '2026-11-01' }), 1);
    assert.equal(lengthInDays({ from: '2026-01-01', to: '2026-12-31' }), 365);
    assert.equal(lengthInDays({ from: '2026-03-28', to: '2026-03-30' }), 3);
  });

  it('shiftMonths clamps to the end of a shorter month', () => {
    assert.equal(shiftMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(shiftMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(shiftMonths('2026-02-28', -1, true), '2026-01-31');
    assert.equal(shiftMonths('2026-02-28', -1), '2026-01-28');
    assert.equal(shiftMonths('2026-01-15', -13), '2024-12-15');
  });

  it('isWholeMonths', () => {
    assert.equal(isWholeMonths({ from: '2026-10-01', to: '2026-10-31' }), true);
    assert.equal(isWholeMonths({ from: '2026-10-01', to: '2026-12-31' }), true);
    assert.equal(isWholeMonths({ from: '2026-10-01', to: '2026-10-30' }), false);
    assert.equal(isWholeMonths({ from: '2026-10-02', to: '2026-10-31' }), false);
  });

  it('throws on a malformed date', () => {
    assert.throws(() => shiftMonths('2026-02-30', 1), RangeError);
  });
});

describe('trend', () => {
  it('days up to a month, weeks up to three months, months beyond', () => {
    assert.equal(trendGrain({ from: '2026-11-01', to: '2026-11-29' }), 'day');
    assert.equal(trendGrain({ from: '2026-10-01', to: '2026-10-31' }), 'day');
    assert.equal(trendGrain({ from: '2026-10-01', to: '2026-11-01' }), 'week');
    assert.equal(trendGrain({ from: '2026-09-01', to: '2026-11-30' }), 'week');
    assert.equal(trendGrain({ from: '2026-01-01', to: '2026-11-29' }), 'month');
  });

  it('lists every day of the range', () => {
    assert.deepEqual(trendKeys({ from: '2026-02-27', to: '2026-03-02' }, 'day'), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    assert.equal(trendKeys({ from: '2026-10-01', to: '2026-10-31' }, 'day').length, 31);
  });

  it('lists every month of the range, also empty ones', () => {
    assert.deepEqual(trendKeys({ from: '2025-11-15', to: '2026-02-03' }, 'month'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('lists every ISO week of the range in the API key format', () => {
    // 1 November 2026 is a Sunday (week 44); 29 November a Sunday (week 48).
    assert.deepEqual(trendKeys({ from: '2026-11-01', to: '2026-11-29' }, 'week'), [
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    assert.deepEqual(trendKeys({ from: '2026-11-02', to: '2026-11-03' }, 'week'), ['2026-W45']);
    // Across New Year: 2026 has 53 ISO weeks.
    assert.deepEqual(trendKeys({ from: '2026-12-28', to: '2027-01-05' }, 'week'), ['2026-W53', '2027-W01']);
  });
});

describe('labels', () => {
  it('formatRange is short and clear', () => {
    assert.equal(formatRange({ from: '2026-11-01', to: '2026-11-29' }, 'nl'), '1 t/m 29 november 2026');
    assert.equal(formatRange({ from: '2026-11-01', to: '2026-11-29' }, 'en'), '1–29 November 2026');
    assert.equal(formatRange({ from: '2026-10-01', to: '2026-10-31' }, 'nl'), 'oktober 2026');
    assert.equal(formatRange({ from: '2026-01-01', to: '2026-12-31' }, 'nl'), '2026');
    assert.equal(formatRange({ from: '2026-04-01', to: '2026-06-30' }, 'nl'), 'april t/m juni 2026');
    assert.equal(formatRange({ from: '2025-12-01', to: '2026-01-31' }, 'nl'), 'december 2025 t/m januari 2026');
    assert.equal(formatRange({ from: '2026-10-05', to: '2026-11-29' }, 'nl'), '5 oktober t/m 29 november 2026');
    assert.equal(formatRange({ from: '2025-12-05', to: '2026-01-04' }, 'en'), '5 December 2025 – 4 January 2026');
    assert.equal(formatRange({ from: '2026-11-29', to: '2026-11-29' }, 'nl'), '29 november 2026');
  });

  it('month and week labels', () => {
    assert.equal(monthLabel('2026-03', 'nl'), 'maart 2026');
    assert.equal(monthLabel('2026-03', 'en', true), 'Mar');
    assert.equal(monthLabel('2026-03', 'nl', true), 'mrt');
    assert.equal(weekLabel('2026-W48', 'nl', false, true), 'wk 48');
    assert.equal(dayLabel('2026-11-05', 'nl'), '5 november 2026');
    assert.equal(dayLabel('2026-03-05', 'nl', true), '5 mrt');
    assert.equal(weekLabel('2026-W08', 'nl'), 'week 8');
    assert.equal(weekLabel('2026-W08', 'en', true), 'Week 8, 2026');
  });
});
