import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  amsterdamInstant,
  amsterdamParts,
  describeOpenState,
  hoursOn,
  isoWeek,
  openState,
  toAmsterdamIso,
} from '../../sdk/opening-hours.js';
import type { OpeningSchedule, WalkInRange } from '../../sdk/opening-hours.js';

// All instants are written in UTC ('Z') so the tests never depend on the process time zone.
// Winter (CET) = UTC+1, summer (CEST) = UTC+2; in 2026 DST runs from 29 March to 25 October.
const at = (iso: string) => new Date(iso);

const weekdays = (ranges: [string, string][]): WalkInRange[] =>
  [1, 2, 3, 4, 5].flatMap((day) => ranges.map(([opens, closes]) => ({ day, opens, closes })));

/** Monday–Friday 09:30–12:30 and 13:30–16:00, Saturday 10:00–14:00. */
const WEEK: OpeningSchedule = {
  walkInHours: [
    ...weekdays([
      ['09:30', '12:30'],
      ['13:30', '16:00'],
    ]),
    { day: 6, opens: '10:00', closes: '14:00' },
  ],
};

/** Monday–Friday only. */
const WORKDAYS: OpeningSchedule = {
  walkInHours: weekdays([
    ['09:30', '12:30'],
    ['13:30', '16:00'],
  ]),
};

describe('addDays', () => {
  it('adds and subtracts calendar days across months, years and leap days', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(addDays('2026-03-28', 1), '2026-03-29');
    assert.equal(addDays('2026-10-24', 2), '2026-10-26');
    assert.equal(addDays('2026-11-28', 0), '2026-11-28');
    assert.equal(addDays('2026-01-01', 365), '2027-01-01');
  });

  it('rejects invalid input', () => {
    assert.throws(() => addDays('2026-02-29', 1), RangeError);
    assert.throws(() => addDays('2026-1-01', 1), RangeError);
    assert.throws(() => addDays('2026-01-01', 1.5), RangeError);
  });
});

describe('isoWeek', () => {
  it('gives ISO week keys, including week-year boundaries', () => {
    assert.equal(isoWeek('2026-11-28'), '2026-W48');
    assert.equal(isoWeek('2026-11-30'), '2026-W49');
    assert.equal(isoWeek('2027-01-01'), '2026-W53');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
    assert.equal(isoWeek('2025-12-29'), '2026-W01');
    assert.equal(isoWeek('2026-01-01'), '2026-W01');
    assert.equal(isoWeek('2021-01-03'), '2020-W53');
    assert.equal(isoWeek('2024-01-01'), '2024-W01');
  });
});

describe('amsterdamParts', () => {
  it('gives the Amsterdam wall clock, not the process one', () => {
    assert.deepEqual(amsterdamParts(at('2026-12-31T23:30:00Z')), {
      date: '2027-01-01',
      time: '00:30',
      weekday: 5,
      hour: 0,
      minute: 30,
    });
    assert.deepEqual(amsterdamParts(at('2026-11-29T23:00:00Z')), {
      date: '2026-11-30',
      time: '00:00',
      weekday: 1,
      hour: 0,
      minute: 0,
    });
    assert.deepEqual(amsterdamParts(at('2026-06-28T21:59:00Z')), {
      date: '2026-06-28',
      time: '23:59',
      weekday: 7,
      hour: 23,
      minute: 59,
    });
  });

  it('shows the repeated October hour twice', () => {
    assert.equal(amsterdamParts(at('2026-10-25T00:30:00Z')).time, '02:30');
    assert.equal(amsterdamParts(at('2026-10-25T01:30:00Z')).time, '02:30');
    assert.equal(amsterdamParts(at('2026-03-29T01:00:00Z')).time, '03:00');
  });

  it('rejects an invalid Date', () => {
    assert.throws(() => amsterdamParts(new Date(Number.NaN)), RangeError);
  });
});

describe('amsterdamInstant', () => {
  it('converts ordinary winter and summer times', () => {
    assert.equal(amsterdamInstant('2026-11-30', '09:30').toISOString(), '2026-11-30T08:30:00.000Z');
    assert.equal(amsterdamInstant('2026-06-01', '09:30').toISOString(), '2026-06-01T07:30:00.000Z');
    assert.equal(amsterdamInstant('2026-11-30', '24:00').toISOString(), '2026-11-30T23:00:00.000Z');
  });

  it('moves times in the March gap forward by an hour', () => {
    assert.equal(amsterdamInstant('2026-03-29', '01:59').toISOString(), '2026-03-29T00:59:00.000Z');
    assert.equal(amsterdamInstant('2026-03-29', '02:00').toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(amsterdamInstant('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(toAmsterdamIso(amsterdamInstant('2026-03-29', '02:30')), '2026-03-29T03:30:00+02:00');
    assert.equal(amsterdamInstant('2026-03-29', '03:00').toISOString(), '2026-03-29T01:00:00.000Z');
  });

  it('takes the first occurrence of the repeated October hour', () => {
    assert.equal(amsterdamInstant('2026-10-25', '01:59').toISOString(), '2026-10-24T23:59:00.000Z');
    assert.equal(amsterdamInstant('2026-10-25', '02:00').toISOString(), '2026-10-25T00:00:00.000Z');
    assert.equal(amsterdamInstant('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(amsterdamInstant('2026-10-25', '03:00').toISOString(), '2026-10-25T02:00:00.000Z');
  });

  it('round-trips with amsterdamParts', () => {
    for (const [date, time] of [
      ['2026-01-15', '00:00'],
      ['2026-07-15', '23:59'],
      ['2026-03-28', '02:30'],
      ['2026-03-30', '02:30'],
      ['2026-10-25', '04:00'],
    ]) {
      const parts = amsterdamParts(amsterdamInstant(date, time));
      assert.deepEqual([parts.date, parts.time], [date, time]);
    }
  });

  it('rejects invalid times', () => {
    assert.throws(() => amsterdamInstant('2026-11-30', '9:30'), RangeError);
    assert.throws(() => amsterdamInstant('2026-11-30', '24:30'), RangeError);
    assert.throws(() => amsterdamInstant('2026-11-30', '12:60'), RangeError);
  });
});

describe('toAmsterdamIso', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    assert.equal(toAmsterdamIso(at('2026-01-15T12:00:00Z')), '2026-01-15T13:00:00+01:00');
    assert.equal(toAmsterdamIso(at('2026-07-15T12:00:00Z')), '2026-07-15T14:00:00+02:00');
    assert.equal(toAmsterdamIso(at('2026-11-30T08:30:00Z')), '2026-11-30T09:30:00+01:00');
  });

  it('switches offset exactly at the DST transitions', () => {
    assert.equal(toAmsterdamIso(at('2026-03-29T00:59:59Z')), '2026-03-29T01:59:59+01:00');
    assert.equal(toAmsterdamIso(at('2026-03-29T01:00:00Z')), '2026-03-29T03:00:00+02:00');
    assert.equal(toAmsterdamIso(at('2026-10-25T00:59:59Z')), '2026-10-25T02:59:59+02:00');
    assert.equal(toAmsterdamIso(at('2026-10-25T01:00:00Z')), '2026-10-25T02:00:00+01:00');
  });

  it('crosses the date line of the year and keeps milliseconds', () => {
    assert.equal(toAmsterdamIso(at('2026-12-31T23:30:00Z')), '2027-01-01T00:30:00+01:00');
    assert.equal(toAmsterdamIso(at('2026-07-15T12:00:00.123Z')), '2026-07-15T14:00:00.123+02:00');
  });

  it('produces strings that parse back to the same instant', () => {
    for (const iso of ['2026-03-29T01:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z', '2030-02-01T05:06:07Z']) {
      assert.equal(new Date(toAmsterdamIso(at(iso))).getTime(), at(iso).getTime());
    }
  });
});

describe('hoursOn', () => {
  it('gives the weekly ranges, sorted', () => {
    const schedule: OpeningSchedule = {
      walkInHours: [
        { day: 1, opens: '13:30', closes: '16:00' },
        { day: 1, opens: '09:30', closes: '12:30' },
      ],
    };
    assert.deepEqual(hoursOn(schedule, '2026-11-30'), [
      { opens: '09:30', closes: '12:30' },
      { opens: '13:30', closes: '16:00' },
    ]);
    assert.deepEqual(hoursOn(schedule, '2026-12-01'), []);
  });

  it('closes on default holidays but not on Goede Vrijdag or Bevrijdingsdag', () => {
    assert.deepEqual(hoursOn(WEEK, '2025-04-26'), []); // Koningsdag 2025 (Saturday)
    assert.deepEqual(hoursOn(WEEK, '2025-04-19'), [{ opens: '10:00', closes: '14:00' }]);
    assert.deepEqual(hoursOn(WEEK, '2025-12-26'), []); // Tweede Kerstdag (Friday)
    assert.equal(hoursOn(WEEK, '2026-04-03').length, 2); // Goede Vrijdag
    assert.equal(hoursOn(WEEK, '2026-05-05').length, 2); // Bevrijdingsdag (Tuesday)
  });

  it('stays closed on Hemelvaartsdag when it falls on Bevrijdingsdag (Thursday 5 May 2016)', () => {
    assert.deepEqual(hoursOn(WEEK, '2016-05-05'), []);
    assert.equal(hoursOn({ ...WEEK, closedOnHolidays: ['bevrijdingsdag'] }, '2016-05-05').length, 0);
    assert.equal(hoursOn({ ...WEEK, closedOnHolidays: ['goede-vrijdag'] }, '2016-05-05').length, 2);
  });

  it('does not treat 27 April 2025 (a Sunday) as Koningsdag', () => {
    const sundays: OpeningSchedule = { walkInHours: [{ day: 7, opens: '12:00', closes: '16:00' }] };
    assert.deepEqual(hoursOn(sundays, '2025-04-27'), [{ opens: '12:00', closes: '16:00' }]);
  });

  it('follows closedOnHolidays', () => {
    const custom: OpeningSchedule = { ...WEEK, closedOnHolidays: ['goede-vrijdag'] };
    assert.deepEqual(hoursOn(custom, '2026-04-03'), []);
    assert.equal(hoursOn(custom, '2025-12-26').length, 2);
  });

  it('lets exceptions replace the weekly hours, also on holidays', () => {
    const schedule: OpeningSchedule = {
      ...WEEK,
      exceptions: [
        { date: '2026-05-14', opens: '10:00', closes: '12:00' }, // Hemelvaartsdag
        { date: '2026-12-02', opens: '14:00', closes: '20:00' },
        { date: '2026-12-02', opens: '09:00', closes: '11:00' },
        { date: '2026-12-01', closed: true },
        { date: '2026-12-03', opens: '10:00', closes: '12:00' },
        { date: '2026-12-03', closed: true },
      ],
    };
    assert.deepEqual(hoursOn(schedule, '2026-05-14'), [{ opens: '10:00', closes: '12:00' }]);
    assert.deepEqual(hoursOn(schedule, '2026-12-02'), [
      { opens: '09:00', closes: '11:00' },
      { opens: '14:00', closes: '20:00' },
    ]);
    assert.deepEqual(hoursOn(schedule, '2026-12-01'), []);
    assert.deepEqual(hoursOn(schedule, '2026-12-03'), []); // a closed exception wins
    assert.equal(hoursOn(schedule, '2026-12-04').length, 2);
  });

  it('drops empty ranges and rejects malformed times', () => {
    const schedule: OpeningSchedule = { walkInHours: [{ day: 1, opens: '12:00', closes: '12:00' }] };
    assert.deepEqual(hoursOn(schedule, '2026-11-30'), []);
    assert.throws(() => hoursOn({ walkInHours: [{ day: 1, opens: '9.30', closes: '12:00' }] }, '2026-11-30'), RangeError);
  });
});

describe('openState on ordinary days', () => {
  it('is open during a range, with closing time and next change', () => {
    assert.deepEqual(openState(WEEK, at('2026-11-30T09:00:00Z')), {
      openNow: true,
      nextChange: { at: '2026-11-30T12:30:00+01:00', open: false },
      closesAt: '12:30',
    });
  });

  it('is closed during the lunch break and reopens the same day', () => {
    assert.deepEqual(openState(WEEK, at('2026-11-30T11:45:00Z')), {
      openNow: false,
      nextChange: { at: '2026-11-30T13:30:00+01:00', open: true },
    });
  });

  it('treats opening time as inclusive and closing time as exclusive', () => {
    assert.equal(openState(WEEK, at('2026-11-30T08:29:59Z')).openNow, false);
    assert.equal(openState(WEEK, at('2026-11-30T08:30:00Z')).openNow, true);
    assert.equal(openState(WEEK, at('2026-11-30T14:59:59Z')).openNow, true);
    assert.equal(openState(WEEK, at('2026-11-30T15:00:00Z')).openNow, false);
  });

  it('uses +02:00 in summer', () => {
    assert.deepEqual(openState(WEEK, at('2026-06-02T08:00:00Z')), {
      openNow: true,
      nextChange: { at: '2026-06-02T12:30:00+02:00', open: false },
      closesAt: '12:30',
    });
  });

  it('uses the Amsterdam date even when it differs from UTC and the process zone', () => {
    // 00:30 on Monday in Amsterdam, still Sunday in UTC and New York.
    assert.deepEqual(openState(WEEK, at('2026-11-29T23:30:00Z')), {
      openNow: false,
      nextChange: { at: '2026-11-30T09:30:00+01:00', open: true },
    });
  });
});

describe('openState: merging ranges', () => {
  it('merges adjacent ranges', () => {
    const schedule: OpeningSchedule = {
      walkInHours: [
        { day: 1, opens: '12:30', closes: '16:00' },
        { day: 1, opens: '09:30', closes: '12:30' },
      ],
    };
    assert.deepEqual(openState(schedule, at('2026-11-30T11:00:00Z')), {
      openNow: true,
      nextChange: { at: '2026-11-30T16:00:00+01:00', open: false },
      closesAt: '16:00',
    });
  });

  it('merges overlapping ranges', () => {
    const schedule: OpeningSchedule = {
      walkInHours: [
        { day: 1, opens: '09:00', closes: '13:00' },
        { day: 1, opens: '12:00', closes: '17:00' },
        { day: 1, opens: '10:00', closes: '11:00' },
      ],
    };
    assert.equal(openState(schedule, at('2026-11-30T09:00:00Z')).closesAt, '17:00');
  });

  it('merges across midnight', () => {
    const schedule: OpeningSchedule = {
      walkInHours: [
        { day: 5, opens: '20:00', closes: '24:00' },
        { day: 6, opens: '00:00', closes: '02:00' },
      ],
    };
    const now = at('2026-11-27T22:00:00Z'); // Friday 23:00
    const state = openState(schedule, now);
    assert.deepEqual(state, { openNow: true, nextChange: { at: '2026-11-28T02:00:00+01:00', open: false } });
    assert.equal(describeOpenState(state, 'nl', now), 'Nu open tot morgen om 02:00');
    assert.equal(describeOpenState(state, 'en', now), 'Open now until tomorrow at 02:00');
  });

  it("reports closesAt '24:00' when open until midnight", () => {
    const schedule: OpeningSchedule = { walkInHours: [{ day: 5, opens: '20:00', closes: '24:00' }] };
    assert.deepEqual(openState(schedule, at('2026-11-27T22:00:00Z')), {
      openNow: true,
      nextChange: { at: '2026-11-28T00:00:00+01:00', open: false },
      closesAt: '24:00',
    });
  });
});

describe('openState across weekends and holidays', () => {
  it('skips the weekend', () => {
    // Friday 27 November 2026, 17:00.
    assert.deepEqual(openState(WORKDAYS, at('2026-11-27T16:00:00Z')), {
      openNow: false,
      nextChange: { at: '2026-11-30T09:30:00+01:00', open: true },
    });
    assert.deepEqual(openState(WEEK, at('2026-11-27T16:00:00Z')).nextChange, {
      at: '2026-11-28T10:00:00+01:00',
      open: true,
    });
  });

  it('skips Easter Sunday and Monday', () => {
    // Saturday 4 April 2026, 15:00 CEST; 5 and 6 April are Eerste and Tweede Paasdag.
    assert.deepEqual(openState(WEEK, at('2026-04-04T13:00:00Z')).nextChange, {
      at: '2026-04-07T09:30:00+02:00',
      open: true,
    });
  });

  it('skips Christmas', () => {
    // Wednesday 24 December 2025, 17:00.
    assert.deepEqual(openState(WEEK, at('2025-12-24T16:00:00Z')).nextChange, {
      at: '2025-12-27T10:00:00+01:00',
      open: true,
    });
    assert.deepEqual(openState(WORKDAYS, at('2025-12-24T16:00:00Z')).nextChange, {
      at: '2025-12-29T09:30:00+01:00',
      open: true,
    });
  });

  it('is closed on Tweede Kerstdag (Friday 26 December 2025)', () => {
    assert.deepEqual(openState(WEEK, at('2025-12-26T09:00:00Z')), {
      openNow: false,
      nextChange: { at: '2025-12-27T10:00:00+01:00', open: true },
    });
    const openOnHolidays: OpeningSchedule = { ...WEEK, closedOnHolidays: [] };
    assert.equal(openState(openOnHolidays, at('2025-12-26T09:00:00Z')).openNow, true);
  });

  it('is closed on Koningsdag 2025 (Saturday 26 April) but open the Saturday before', () => {
    assert.deepEqual(openState(WEEK, at('2025-04-26T09:00:00Z')), {
      openNow: false,
      nextChange: { at: '2025-04-28T09:30:00+02:00', open: true },
    });
    assert.deepEqual(openState(WEEK, at('2025-04-19T09:00:00Z')), {
      openNow: true,
      nextChange: { at: '2025-04-19T14:00:00+02:00', open: false },
      closesAt: '14:00',
    });
  });

  it('is open on Goede Vrijdag by default', () => {
    const now = at('2026-04-03T08:00:00Z'); // Friday 3 April 2026, 10:00 CEST
    assert.equal(openState(WEEK, now).openNow, true);
    assert.equal(openState({ ...WEEK, closedOnHolidays: ['goede-vrijdag'] }, now).openNow, false);
  });
});

describe('openState with exceptions', () => {
  it('honours a closed exception', () => {
    const schedule: OpeningSchedule = { ...WEEK, exceptions: [{ date: '2026-12-01', closed: true }] };
    assert.deepEqual(openState(schedule, at('2026-12-01T09:00:00Z')), {
      openNow: false,
      nextChange: { at: '2026-12-02T09:30:00+01:00', open: true },
    });
    // From Monday after closing, Tuesday is skipped.
    assert.deepEqual(openState(schedule, at('2026-11-30T15:30:00Z')).nextChange, {
      at: '2026-12-02T09:30:00+01:00',
      open: true,
    });
  });

  it('opens for an extra-hours exception on a holiday (Hemelvaartsdag 2026)', () => {
    const schedule: OpeningSchedule = {
      ...WEEK,
      exceptions: [{ date: '2026-05-14', opens: '10:00', closes: '12:00' }],
    };
    assert.deepEqual(openState(schedule, at('2026-05-14T07:00:00Z')), {
      openNow: false,
      nextChange: { at: '2026-05-14T10:00:00+02:00', open: true },
    });
    assert.deepEqual(openState(schedule, at('2026-05-14T09:00:00Z')), {
      openNow: true,
      nextChange: { at: '2026-05-14T12:00:00+02:00', open: false },
      closesAt: '12:00',
    });
    assert.equal(openState(WEEK, at('2026-05-14T09:00:00Z')).openNow, false);
  });

  it('uses exception hours instead of the weekly hours', () => {
    const schedule: OpeningSchedule = {
      ...WEEK,
      exceptions: [{ date: '2026-12-02', opens: '12:00', closes: '20:00' }],
    };
    assert.deepEqual(openState(schedule, at('2026-12-02T09:00:00Z')), {
      openNow: false,
      nextChange: { at: '2026-12-02T12:00:00+01:00', open: true },
    });
    assert.equal(openState(schedule, at('2026-12-02T18:00:00Z')).closesAt, '20:00');
  });
});

describe('openState across DST changes', () => {
  // Sundays 01:00–04:00: on 29 March 2026 that is 2 real hours, on 25 October 2026 it is 4.
  // Also open on holidays, so Easter Sunday (5 April 2026) does not get in the way.
  const NIGHT: OpeningSchedule = { walkInHours: [{ day: 7, opens: '01:00', closes: '04:00' }], closedOnHolidays: [] };

  it('handles the spring-forward Sunday (29 March 2026)', () => {
    assert.deepEqual(openState(NIGHT, at('2026-03-28T23:30:00Z')), {
      openNow: false,
      nextChange: { at: '2026-03-29T01:00:00+01:00', open: true },
    });
    const open = { openNow: true, nextChange: { at: '2026-03-29T04:00:00+02:00', open: false }, closesAt: '04:00' };
    assert.deepEqual(openState(NIGHT, at('2026-03-29T00:00:00Z')), open); // 01:00 CET
    assert.deepEqual(openState(NIGHT, at('2026-03-29T00:59:00Z')), open); // 01:59 CET
    assert.deepEqual(openState(NIGHT, at('2026-03-29T01:00:00Z')), open); // 03:00 CEST
    assert.deepEqual(openState(NIGHT, at('2026-03-29T01:59:00Z')), open); // 03:59 CEST
    assert.deepEqual(openState(NIGHT, at('2026-03-29T02:00:00Z')), {
      openNow: false,
      nextChange: { at: '2026-04-05T01:00:00+02:00', open: true },
    });
  });

  it('handles the fall-back Sunday (25 October 2026)', () => {
    assert.deepEqual(openState(NIGHT, at('2026-10-24T22:59:00Z')), {
      openNow: false,
      nextChange: { at: '2026-10-25T01:00:00+02:00', open: true },
    });
    const open = { openNow: true, nextChange: { at: '2026-10-25T04:00:00+01:00', open: false }, closesAt: '04:00' };
    assert.deepEqual(openState(NIGHT, at('2026-10-24T23:00:00Z')), open); // 01:00 CEST
    assert.deepEqual(openState(NIGHT, at('2026-10-25T00:30:00Z')), open); // 02:30 CEST
    assert.deepEqual(openState(NIGHT, at('2026-10-25T01:30:00Z')), open); // 02:30 CET
    assert.deepEqual(openState(NIGHT, at('2026-10-25T02:59:00Z')), open); // 03:59 CET
    assert.deepEqual(openState(NIGHT, at('2026-10-25T03:00:00Z')), {
      openNow: false,
      nextChange: { at: '2026-11-01T01:00:00+01:00', open: true },
    });
  });

  it('opens for the real duration of the range', () => {
    const duration = (date: string) => amsterdamInstant(date, '04:00').getTime() - amsterdamInstant(date, '01:00').getTime();
    assert.equal(duration('2026-03-29'), 2 * 3_600_000);
    assert.equal(duration('2026-10-25'), 4 * 3_600_000);
    assert.equal(duration('2026-11-01'), 3 * 3_600_000);
  });

  it('never opens for a range entirely inside the skipped hour', () => {
    const gap: OpeningSchedule = { walkInHours: [{ day: 7, opens: '02:00', closes: '03:00' }] };
    // 5 April 2026 is Eerste Paasdag (closed by default), so the next opening is 12 April.
    assert.deepEqual(openState(gap, at('2026-03-29T00:30:00Z')), {
      openNow: false,
      nextChange: { at: '2026-04-12T02:00:00+02:00', open: true },
    });
  });

  it('keeps ordinary hours right on the DST weekdays', () => {
    // Monday 30 March 2026, first weekday in summer time.
    assert.deepEqual(openState(WEEK, at('2026-03-28T14:00:00Z')).nextChange, {
      at: '2026-03-30T09:30:00+02:00',
      open: true,
    });
    // Monday 26 October 2026, first weekday in winter time.
    assert.deepEqual(openState(WEEK, at('2026-10-24T14:00:00Z')).nextChange, {
      at: '2026-10-26T09:30:00+01:00',
      open: true,
    });
  });
});

describe('openState without a change in 14 days', () => {
  it('gives nextChange null when never open', () => {
    const state = openState({ walkInHours: [] }, at('2026-11-30T09:00:00Z'));
    assert.deepEqual(state, { openNow: false, nextChange: null });
  });

  it('only looks 14 days ahead', () => {
    const now = at('2026-11-30T09:00:00Z'); // Monday 10:00
    const only = (date: string): OpeningSchedule => ({
      walkInHours: [],
      exceptions: [{ date, opens: '09:30', closes: '12:30' }],
    });
    assert.deepEqual(openState(only('2026-12-14'), now).nextChange, { at: '2026-12-14T09:30:00+01:00', open: true });
    assert.deepEqual(openState(only('2026-12-15'), now).nextChange, null);
    assert.deepEqual(openState(only('2026-12-20'), now).nextChange, null);
  });

  it('gives nextChange null when open around the clock', () => {
    const always: OpeningSchedule = {
      walkInHours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
      closedOnHolidays: [],
    };
    const now = at('2026-11-30T09:00:00Z');
    const state = openState(always, now);
    assert.deepEqual(state, { openNow: true, nextChange: null });
    assert.equal(describeOpenState(state, 'nl', now), 'Nu open');
    assert.equal(describeOpenState(state, 'en', now), 'Open now');
  });
});

describe('describeOpenState', () => {
  it('describes open with closing time', () => {
    const now = at('2026-11-30T09:00:00Z');
    const state = openState(WEEK, now);
    assert.equal(describeOpenState(state, 'nl', now), 'Nu open tot 12:30');
    assert.equal(describeOpenState(state, 'en', now), 'Open now until 12:30');
  });

  it('says today during the lunch break', () => {
    const now = at('2026-11-30T11:45:00Z');
    const state = openState(WEEK, now);
    assert.equal(describeOpenState(state, 'nl', now), 'Gesloten. Weer open vandaag om 13:30');
    assert.equal(describeOpenState(state, 'en', now), 'Closed. Opens again today at 13:30');
  });

  it('says today just after midnight in Amsterdam', () => {
    const now = at('2026-11-29T23:30:00Z'); // Monday 00:30 in Amsterdam, Sunday elsewhere
    assert.equal(describeOpenState(openState(WEEK, now), 'nl', now), 'Gesloten. Weer open vandaag om 09:30');
  });

  it('says tomorrow', () => {
    const now = at('2026-12-01T16:00:00Z'); // Tuesday 17:00
    const state = openState(WEEK, now);
    assert.equal(describeOpenState(state, 'nl', now), 'Gesloten. Weer open morgen om 09:30');
    assert.equal(describeOpenState(state, 'en', now), 'Closed. Opens again tomorrow at 09:30');
  });

  it('names the weekday within a week', () => {
    const thursdays: OpeningSchedule = { walkInHours: [{ day: 4, opens: '09:30', closes: '12:30' }] };
    const now = at('2026-11-30T09:00:00Z'); // Monday
    const state = openState(thursdays, now);
    assert.equal(describeOpenState(state, 'nl', now), 'Gesloten. Weer open donderdag om 09:30');
    assert.equal(describeOpenState(state, 'en', now), 'Closed. Opens again Thursday at 09:30');
    const weekend = at('2026-11-27T16:00:00Z'); // Friday 17:00
    assert.equal(describeOpenState(openState(WORKDAYS, weekend), 'nl', weekend), 'Gesloten. Weer open maandag om 09:30');
    assert.equal(describeOpenState(openState(WORKDAYS, weekend), 'en', weekend), 'Closed. Opens again Monday at 09:30');
  });

  it('adds the date a week or more ahead', () => {
    const schedule: OpeningSchedule = {
      walkInHours: [{ day: 4, opens: '09:30', closes: '12:30' }],
      exceptions: [{ date: '2026-12-03', closed: true }],
    };
    const now = at('2026-11-30T09:00:00Z');
    const state = openState(schedule, now);
    assert.equal(describeOpenState(state, 'nl', now), 'Gesloten. Weer open donderdag 10 december om 09:30');
    assert.equal(describeOpenState(state, 'en', now), 'Closed. Opens again Thursday 10 December at 09:30');
  });

  it('says just closed without a next opening', () => {
    const now = at('2026-11-30T09:00:00Z');
    const state = openState({ walkInHours: [] }, now);
    assert.equal(describeOpenState(state, 'nl', now), 'Gesloten');
    assert.equal(describeOpenState(state, 'en', now), 'Closed');
  });
});
