import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CLOSED_ON_HOLIDAYS, HOLIDAY_CODES, easterSunday, holidayLabel, holidayOn, holidaysOf } from '../../sdk/holidays.js';
import type { HolidayCode } from '../../sdk/holidays.js';

// Hand-written from published calendars; not derived from the implementation.
const KNOWN: Record<number, Record<HolidayCode, string>> = {
  2024: {
    nieuwjaarsdag: '2024-01-01',
    'goede-vrijdag': '2024-03-29',
    'eerste-paasdag': '2024-03-31',
    'tweede-paasdag': '2024-04-01',
    koningsdag: '2024-04-27',
    bevrijdingsdag: '2024-05-05',
    hemelvaartsdag: '2024-05-09',
    'eerste-pinksterdag': '2024-05-19',
    'tweede-pinksterdag': '2024-05-20',
    'eerste-kerstdag': '2024-12-25',
    'tweede-kerstdag': '2024-12-26',
  },
  2025: {
    nieuwjaarsdag: '2025-01-01',
    'goede-vrijdag': '2025-04-18',
    'eerste-paasdag': '2025-04-20',
    'tweede-paasdag': '2025-04-21',
    koningsdag: '2025-04-26', // 27 April 2025 is a Sunday
    bevrijdingsdag: '2025-05-05',
    hemelvaartsdag: '2025-05-29',
    'eerste-pinksterdag': '2025-06-08',
    'tweede-pinksterdag': '2025-06-09',
    'eerste-kerstdag': '2025-12-25',
    'tweede-kerstdag': '2025-12-26',
  },
  2026: {
    nieuwjaarsdag: '2026-01-01',
    'goede-vrijdag': '2026-04-03',
    'eerste-paasdag': '2026-04-05',
    'tweede-paasdag': '2026-04-06',
    koningsdag: '2026-04-27',
    bevrijdingsdag: '2026-05-05',
    hemelvaartsdag: '2026-05-14',
    'eerste-pinksterdag': '2026-05-24',
    'tweede-pinksterdag': '2026-05-25',
    'eerste-kerstdag': '2026-12-25',
    'tweede-kerstdag': '2026-12-26',
  },
  2027: {
    nieuwjaarsdag: '2027-01-01',
    'goede-vrijdag': '2027-03-26',
    'eerste-paasdag': '2027-03-28',
    'tweede-paasdag': '2027-03-29',
    koningsdag: '2027-04-27',
    bevrijdingsdag: '2027-05-05',
    hemelvaartsdag: '2027-05-06',
    'eerste-pinksterdag': '2027-05-16',
    'tweede-pinksterdag': '2027-05-17',
    'eerste-kerstdag': '2027-12-25',
    'tweede-kerstdag': '2027-12-26',
  },
  2028: {
    nieuwjaarsdag: '2028-01-01',
    'goede-vrijdag': '2028-04-14',
    'eerste-paasdag': '2028-04-16',
    'tweede-paasdag': '2028-04-17',
    koningsdag: '2028-04-27',
    bevrijdingsdag: '2028-05-05',
    hemelvaartsdag: '2028-05-25',
    'eerste-pinksterdag': '2028-06-04',
    'tweede-pinksterdag': '2028-06-05',
    'eerste-kerstdag': '2028-12-25',
    'tweede-kerstdag': '2028-12-26',
  },
  2029: {
    nieuwjaarsdag: '2029-01-01',
    'goede-vrijdag': '2029-03-30',
    'eerste-paasdag': '2029-04-01',
    'tweede-paasdag': '2029-04-02',
    koningsdag: '2029-04-27',
    bevrijdingsdag: '2029-05-05',
    hemelvaartsdag: '2029-05-10',
    'eerste-pinksterdag': '2029-05-20',
    'tweede-pinksterdag': '2029-05-21',
    'eerste-kerstdag': '2029-12-25',
    'tweede-kerstdag': '2029-12-26',
  },
  2030: {
    nieuwjaarsdag: '2030-01-01',
    'goede-vrijdag': '2030-04-19',
    'eerste-paasdag': '2030-04-21',
    'tweede-paasdag': '2030-04-22',
    koningsdag: '2030-04-27',
    bevrijdingsdag: '2030-05-05',
    hemelvaartsdag: '2030-05-30',
    'eerste-pinksterdag': '2030-06-09',
    'tweede-pinksterdag': '2030-06-10',
    'eerste-kerstdag': '2030-12-25',
    'tweede-kerstdag': '2030-12-26',
  },
};

describe('HOLIDAY_CODES / DEFAULT_CLOSED_ON_HOLIDAYS', () => {
  it('lists the codes in the fixed order', () => {
    assert.deepEqual(
      [...HOLIDAY_CODES],
      [
        'nieuwjaarsdag',
        'goede-vrijdag',
        'eerste-paasdag',
        'tweede-paasdag',
        'koningsdag',
        'bevrijdingsdag',
        'hemelvaartsdag',
        'eerste-pinksterdag',
        'tweede-pinksterdag',
        'eerste-kerstdag',
        'tweede-kerstdag',
      ],
    );
  });

  it('closes on every holiday except goede-vrijdag and bevrijdingsdag by default', () => {
    assert.deepEqual(
      [...DEFAULT_CLOSED_ON_HOLIDAYS],
      HOLIDAY_CODES.filter((c) => c !== 'goede-vrijdag' && c !== 'bevrijdingsdag'),
    );
    assert.equal(DEFAULT_CLOSED_ON_HOLIDAYS.length, 9);
  });
});

describe('easterSunday', () => {
  it('matches known Easter dates 2024–2030', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2028), '2028-04-16');
    assert.equal(easterSunday(2029), '2029-04-01');
    assert.equal(easterSunday(2030), '2030-04-21');
  });

  it('matches known dates including the extremes (22 March, 25 April)', () => {
    assert.equal(easterSunday(1818), '1818-03-22');
    assert.equal(easterSunday(1943), '1943-04-25');
    assert.equal(easterSunday(2000), '2000-04-23');
    assert.equal(easterSunday(2019), '2019-04-21');
    assert.equal(easterSunday(2038), '2038-04-25');
    assert.equal(easterSunday(2285), '2285-03-22');
  });

  it('rejects non-integer and pre-Gregorian years', () => {
    assert.throws(() => easterSunday(2024.5), RangeError);
    assert.throws(() => easterSunday(1500), RangeError);
    assert.throws(() => easterSunday(Number.NaN), RangeError);
  });
});

describe('holidaysOf', () => {
  for (const [year, expected] of Object.entries(KNOWN)) {
    it(`gives every holiday of ${year}`, () => {
      const list = holidaysOf(Number(year));
      assert.deepEqual(list.map((h) => h.code).sort(), [...HOLIDAY_CODES].sort());
      assert.deepEqual(Object.fromEntries(list.map((h) => [h.code, h.date])), expected);
    });
  }

  it('moves Koningsdag to 26 April when 27 April is a Sunday (2014, 2025, 2031)', () => {
    const koningsdag = (y: number) => holidaysOf(y).find((h) => h.code === 'koningsdag')?.date;
    assert.equal(koningsdag(2014), '2014-04-26');
    assert.equal(koningsdag(2025), '2025-04-26');
    assert.equal(koningsdag(2031), '2031-04-26');
    assert.equal(koningsdag(2032), '2032-04-27');
  });

  it('returns dates in calendar order, also when Hemelvaartsdag precedes Bevrijdingsdag', () => {
    for (let y = 2000; y <= 2100; y++) {
      const dates = holidaysOf(y).map((h) => h.date);
      assert.equal(dates.length, 11);
      assert.deepEqual([...dates].sort(), dates, `year ${y}`);
    }
    // 2008: Easter 23 March, Hemelvaartsdag 1 May.
    assert.deepEqual(
      holidaysOf(2008)
        .slice(4, 7)
        .map((h) => [h.code, h.date]),
      [
        ['koningsdag', '2008-04-26'],
        ['hemelvaartsdag', '2008-05-01'],
        ['bevrijdingsdag', '2008-05-05'],
      ],
    );
  });

  it('lists both holidays when Hemelvaartsdag falls on Bevrijdingsdag (5 May 2016)', () => {
    assert.deepEqual(
      holidaysOf(2016)
        .filter((h) => h.date === '2016-05-05')
        .map((h) => h.code),
      ['bevrijdingsdag', 'hemelvaartsdag'],
    );
  });
});

describe('holidayOn', () => {
  it('finds every known holiday 2024–2030', () => {
    for (const expected of Object.values(KNOWN)) {
      for (const [code, date] of Object.entries(expected)) assert.equal(holidayOn(date), code, date);
    }
  });

  it('prefers Hemelvaartsdag over Bevrijdingsdag on 5 May 2016', () => {
    assert.equal(holidayOn('2016-05-05'), 'hemelvaartsdag');
    assert.equal(holidayOn('2025-05-05'), 'bevrijdingsdag');
  });

  it('returns null on ordinary days', () => {
    assert.equal(holidayOn('2025-04-27'), null); // Sunday 27 April 2025: Koningsdag moved to the 26th
    assert.equal(holidayOn('2026-11-30'), null);
    assert.equal(holidayOn('2026-12-24'), null);
    assert.equal(holidayOn('2026-12-27'), null);
  });

  it('rejects malformed dates', () => {
    assert.throws(() => holidayOn('2026-02-30'), RangeError);
    assert.throws(() => holidayOn('2026-13-01'), RangeError);
    assert.throws(() => holidayOn('26-12-2026'), RangeError);
  });
});

describe('holidayLabel', () => {
  it('labels in Dutch and English', () => {
    assert.equal(holidayLabel('tweede-paasdag', 'nl'), 'Tweede Paasdag');
    assert.equal(holidayLabel('tweede-paasdag', 'en'), 'Easter Monday');
    assert.equal(holidayLabel('koningsdag', 'nl'), 'Koningsdag');
    assert.equal(holidayLabel('koningsdag', 'en'), "King's Day");
    assert.equal(holidayLabel('hemelvaartsdag', 'en'), 'Ascension Day');
  });

  it('has a non-empty label for every code in both languages', () => {
    for (const code of HOLIDAY_CODES) {
      assert.ok(holidayLabel(code, 'nl').length > 0);
      assert.ok(holidayLabel(code, 'en').length > 0);
    }
  });
});
