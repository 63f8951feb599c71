import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from '../../src/modules/calendar/bank-holidays';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from '../support/working-days';

type Holiday = { date: string; name: string; substitute: boolean };

// ---------------------------------------------------------------------------------------------------------
// Independent recomputation of the regular England & Wales rules (uses Date in UTC only).

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function firstMonday(year: number, month: number): string {
  let date = iso(year, month, 1);
  while (weekday(date) !== 1) date = plusDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): string {
  let date = iso(year, month + 1, 0); // day 0 of the next month = last day of this month
  while (weekday(date) !== 1) date = plusDays(date, -1);
  return date;
}

function regularHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed: Holiday[] = [];
  const taken = new Set<string>();
  // Fixed-date holidays in date order; a weekend one moves to the next weekday not already taken.
  for (const [date, name] of [
    [iso(year, 1, 1), "New Year's Day"],
    [iso(year, 12, 25), 'Christmas Day'],
    [iso(year, 12, 26), 'Boxing Day'],
  ] as const) {
    const isWeekend = weekday(date) === 0 || weekday(date) === 6;
    taken.add(date);
    if (!isWeekend) {
      fixed.push({ date, name, substitute: false });
    }
  }
  for (const [date, name] of [
    [iso(year, 1, 1), "New Year's Day"],
    [iso(year, 12, 25), 'Christmas Day'],
    [iso(year, 12, 26), 'Boxing Day'],
  ] as const) {
    if (weekday(date) !== 0 && weekday(date) !== 6) continue;
    let substitute = date;
    while (weekday(substitute) === 0 || weekday(substitute) === 6 || taken.has(substitute)) {
      substitute = plusDays(substitute, 1);
    }
    taken.add(substitute);
    fixed.push({ date: substitute, name, substitute: true });
  }
  return [
    ...fixed,
    { date: plusDays(easter, -2), name: 'Good Friday', substitute: false },
    { date: plusDays(easter, 1), name: 'Easter Monday', substitute: false },
    { date: firstMonday(year, 5), name: 'Early May bank holiday', substitute: false },
    { date: lastMonday(year, 5), name: 'Spring bank holiday', substitute: false },
    { date: lastMonday(year, 8), name: 'Summer bank holiday', substitute: false },
  ].sort((x, y) => x.date.localeCompare(y.date));
}

/** The only departures from the regular rules that the data may contain. */
const ONE_OFF_CHANGES: Record<number, { removed: string[]; added: Holiday[] }> = {
  2020: {
    removed: ['2020-05-04'],
    added: [{ date: '2020-05-08', name: 'Early May bank holiday (VE day)', substitute: false }],
  },
  2022: {
    removed: ['2022-05-30'],
    added: [
      { date: '2022-06-02', name: 'Spring bank holiday', substitute: false },
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday', substitute: false },
      {
        date: '2022-09-19',
        name: 'Bank holiday for the State Funeral of Queen Elizabeth II',
        substitute: false,
      },
    ],
  },
  2023: {
    removed: [],
    added: [
      { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III', substitute: false },
    ],
  },
};

const YEARS = Array.from(
  { length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 },
  (_, index) => CALENDAR_FIRST_YEAR + index,
);

// ---------------------------------------------------------------------------------------------------------

describe('England & Wales bank holiday data', () => {
  it('covers 2019–2030', () => {
    expect(CALENDAR_FIRST_YEAR).toBe(2019);
    expect(CALENDAR_LAST_YEAR).toBe(2030);
    expect(YEARS).toHaveLength(12);
  });

  it('is sorted, has unique well-formed dates within the held years, and no weekend dates', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date);
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(iso(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))).toBe(date);
      expect(Number(date.slice(0, 4))).toBeGreaterThanOrEqual(CALENDAR_FIRST_YEAR);
      expect(Number(date.slice(0, 4))).toBeLessThanOrEqual(CALENDAR_LAST_YEAR);
      expect([0, 6]).not.toContain(weekday(date));
    }
  });

  it('computes Easter with the Anonymous Gregorian algorithm', () => {
    expect(YEARS.map(easterSunday)).toEqual([
      '2019-04-21',
      '2020-04-12',
      '2021-04-04',
      '2022-04-17',
      '2023-04-09',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it.each(YEARS)('%i matches the regular rules, allowing only the listed one-off changes', (year) => {
    const change = ONE_OFF_CHANGES[year] ?? { removed: [], added: [] };
    const regular = regularHolidays(year);
    for (const removed of change.removed) {
      expect(regular.map((holiday) => holiday.date)).toContain(removed);
    }
    const expected = [
      ...regular.filter((holiday) => !change.removed.includes(holiday.date)),
      ...change.added,
    ].sort((x, y) => x.date.localeCompare(y.date));
    const actual = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) =>
      holiday.date.startsWith(`${year}-`),
    ).map((holiday) => ({ ...holiday }));
    expect(actual).toEqual(expected);
  });

  it('holds the substitute days named in the statute-window examples', () => {
    const byDate = new Map(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday]));
    expect(byDate.get('2021-12-27')).toEqual({ date: '2021-12-27', name: 'Christmas Day', substitute: true });
    expect(byDate.get('2021-12-28')).toEqual({ date: '2021-12-28', name: 'Boxing Day', substitute: true });
    expect(byDate.get('2022-01-03')).toEqual({
      date: '2022-01-03',
      name: "New Year's Day",
      substitute: true,
    });
    expect(byDate.get('2022-12-26')).toEqual({ date: '2022-12-26', name: 'Boxing Day', substitute: false });
    expect(byDate.get('2022-12-27')).toEqual({ date: '2022-12-27', name: 'Christmas Day', substitute: true });
    expect(byDate.get('2020-12-28')).toEqual({ date: '2020-12-28', name: 'Boxing Day', substitute: true });
  });

  it('cannot be mutated', () => {
    expect(Object.isFrozen(ENGLAND_AND_WALES_BANK_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(ENGLAND_AND_WALES_BANK_HOLIDAYS[0])).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('5 working days from Friday 2021-12-24 is Wednesday 2022-01-05 (27, 28 Dec and 3 Jan are substitutes)', () => {
    expect(addWorkingDays('2021-12-24', 5)).toBe('2022-01-05');
    expect(weekday('2022-01-05')).toBe(3);
  });

  it('10 working days from Friday 2022-04-08 is Tuesday 2022-04-26 (Good Friday, Easter Monday)', () => {
    expect(addWorkingDays('2022-04-08', 10)).toBe('2022-04-26');
    expect(weekday('2022-04-26')).toBe(2);
  });

  it('skips weekends', () => {
    expect(addWorkingDays('2024-06-07', 1)).toBe('2024-06-10'); // Fri -> Mon
    expect(addWorkingDays('2024-06-05', 5)).toBe('2024-06-12'); // Wed -> Wed
    expect(addWorkingDays('2024-06-03', 4)).toBe('2024-06-07'); // Mon -> Fri
    expect(addWorkingDays('2024-06-03', 15)).toBe('2024-06-24');
  });

  it('counts from the day after the start, even when the start is not a working day', () => {
    expect(addWorkingDays('2024-06-08', 1)).toBe('2024-06-10'); // Sat -> Mon
    expect(addWorkingDays('2024-06-09', 1)).toBe('2024-06-10'); // Sun -> Mon
    expect(addWorkingDays('2024-06-09', 5)).toBe('2024-06-14');
    expect(addWorkingDays('2024-12-25', 1)).toBe('2024-12-27'); // Christmas Day -> skip Boxing Day
  });

  it('returns the date itself for n = 0, working day or not', () => {
    expect(addWorkingDays('2024-06-05', 0)).toBe('2024-06-05');
    expect(addWorkingDays('2024-06-08', 0)).toBe('2024-06-08'); // Saturday
    expect(addWorkingDays('2022-06-03', 0)).toBe('2022-06-03'); // bank holiday
  });

  it('handles the 2022 Platinum Jubilee week (Spring bank holiday Thu 2 June, Jubilee Fri 3 June)', () => {
    expect(addWorkingDays('2022-05-27', 1)).toBe('2022-05-30'); // 30 May 2022 was NOT a bank holiday
    expect(isWorkingDay('2022-05-30')).toBe(true);
    expect(isWorkingDay('2022-06-02')).toBe(false);
    expect(isWorkingDay('2022-06-03')).toBe(false);
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
    expect(addWorkingDays('2022-05-27', 5)).toBe('2022-06-07'); // 30, 31 May, 1, 6, 7 June
    expect(workingDaysBetween('2022-05-27', '2022-06-03')).toBe(3);
  });

  it('handles the 2020 VE Day bank holiday (Fri 8 May moved from Mon 4 May)', () => {
    expect(isWorkingDay('2020-05-04')).toBe(true);
    expect(isWorkingDay('2020-05-08')).toBe(false);
    expect(addWorkingDays('2020-05-01', 1)).toBe('2020-05-04');
    expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11');
    expect(addWorkingDays('2020-05-01', 5)).toBe('2020-05-11');
  });

  it("handles the Queen's State Funeral (Mon 19 September 2022)", () => {
    expect(isWorkingDay('2022-09-19')).toBe(false);
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
    expect(addWorkingDays('2022-09-12', 10)).toBe('2022-09-27');
  });

  it('handles the 2023 Coronation and 2022 Christmas substitute', () => {
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
  });

  it('reaches the edges of the held range', () => {
    expect(addWorkingDays('2018-12-31', 1)).toBe('2019-01-02'); // 2019-01-01 is a bank holiday
    expect(addWorkingDays('2030-12-27', 1)).toBe('2030-12-30');
    expect(addWorkingDays('2030-12-30', 1)).toBe('2030-12-31');
  });

  it('is consistent with workingDaysBetween and nextWorkingDay across the whole range', () => {
    for (let date = '2019-01-01'; date <= '2030-11-30'; date = plusDays(date, 1)) {
      const n = (Number(date.slice(8, 10)) * 7) % 23; // 0..22, varied
      const result = addWorkingDays(date, n);
      expect(workingDaysBetween(date, result)).toBe(n);
      if (n > 0) expect(isWorkingDay(result)).toBe(true);
      expect(nextWorkingDay(date)).toBe(addWorkingDays(date, 1));
    }
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends and bank holidays, true otherwise', () => {
    expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
    expect(isWorkingDay('2024-06-10')).toBe(true); // Monday
    expect(isWorkingDay('2021-12-27')).toBe(false); // substitute
    expect(isWorkingDay('2021-12-29')).toBe(true);
    expect(isWorkingDay('2019-01-01')).toBe(false);
    expect(isWorkingDay('2030-12-31')).toBe(true);
  });

  it('counts every year correctly (weekdays minus bank holidays)', () => {
    for (const year of YEARS) {
      let working = 0;
      let weekdays = 0;
      for (let date = iso(year, 1, 1); date.startsWith(`${year}-`); date = plusDays(date, 1)) {
        if (isWorkingDay(date)) working += 1;
        if (weekday(date) !== 0 && weekday(date) !== 6) weekdays += 1;
      }
      const holidays = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) =>
        holiday.date.startsWith(`${year}-`),
      );
      expect(working).toBe(weekdays - holidays.length);
      expect(workingDaysBetween(iso(year - 1, 12, 31), iso(year, 12, 31))).toBe(working);
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with from < d <= to', () => {
    expect(workingDaysBetween('2021-12-24', '2022-01-05')).toBe(5);
    expect(workingDaysBetween('2022-04-08', '2022-04-26')).toBe(10);
    expect(workingDaysBetween('2024-06-07', '2024-06-10')).toBe(1);
    expect(workingDaysBetween('2024-06-07', '2024-06-09')).toBe(0);
    expect(workingDaysBetween('2024-06-10', '2024-06-10')).toBe(0);
  });

  it('is 0 when to is before from', () => {
    expect(workingDaysBetween('2024-06-14', '2024-06-10')).toBe(0);
  });
});

describe('nextWorkingDay', () => {
  it('is the first working day strictly after the date', () => {
    expect(nextWorkingDay('2024-06-10')).toBe('2024-06-11');
    expect(nextWorkingDay('2024-06-07')).toBe('2024-06-10');
    expect(nextWorkingDay('2021-12-24')).toBe('2021-12-29');
    expect(nextWorkingDay('2022-12-23')).toBe('2022-12-28');
    expect(nextWorkingDay('2022-04-14')).toBe('2022-04-19');
  });
});

describe('invalid input', () => {
  it('rejects strings that are not YYYY-MM-DD calendar dates', () => {
    expect(() => isWorkingDay('2024-6-1')).toThrow(
      new RangeError(
        'isWorkingDay: expected `date` to be a calendar date in the form "YYYY-MM-DD"; received "2024-6-1"',
      ),
    );
    expect(() => addWorkingDays('2021-02-29', 1)).toThrow(
      new RangeError(
        'addWorkingDays: expected `date` to be a calendar date in the form "YYYY-MM-DD"; received "2021-02-29"',
      ),
    );
    expect(() => addWorkingDays('2024-02-29', 1)).not.toThrow(); // leap day
    expect(() => workingDaysBetween('2024-01-01', '2024-13-01')).toThrow(
      new RangeError(
        'workingDaysBetween: expected `to` to be a calendar date in the form "YYYY-MM-DD"; received "2024-13-01"',
      ),
    );
    expect(() => nextWorkingDay('2024-06-10T00:00:00Z')).toThrow(
      new RangeError(
        'nextWorkingDay: expected `date` to be a calendar date in the form "YYYY-MM-DD"; received "2024-06-10T00:00:00Z"',
      ),
    );
    for (const bad of [
      '',
      ' 2024-06-10',
      '2024-06-10 ',
      '2024-04-31',
      '2024-00-10',
      '2024-06-00',
      '20240610',
    ]) {
      expect(() => isWorkingDay(bad)).toThrow(RangeError);
    }
  });

  it('rejects non-string dates with a TypeError', () => {
    expect(() => isWorkingDay(undefined as unknown as string)).toThrow(
      new TypeError(
        'isWorkingDay: expected `date` to be an ISO date string "YYYY-MM-DD"; received undefined',
      ),
    );
    expect(() => addWorkingDays(new Date() as unknown as string, 1)).toThrow(TypeError);
  });

  it('rejects a negative or non-integer n', () => {
    expect(() => addWorkingDays('2024-06-10', -1)).toThrow(
      new RangeError('addWorkingDays: expected `n` to be a non-negative integer; received -1'),
    );
    expect(() => addWorkingDays('2024-06-10', 1.5)).toThrow(
      new RangeError('addWorkingDays: expected `n` to be a non-negative integer; received 1.5'),
    );
    expect(() => addWorkingDays('2024-06-10', Number.NaN)).toThrow(
      new RangeError('addWorkingDays: expected `n` to be a non-negative integer; received NaN'),
    );
    expect(() => addWorkingDays('2024-06-10', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-06-10', '5' as unknown as number)).toThrow(
      new TypeError('addWorkingDays: expected `n` to be a non-negative integer; received "5"'),
    );
  });

  it('rejects dates whose answer needs bank holidays outside 2019–2030', () => {
    expect(() => isWorkingDay('2031-01-06')).toThrow(
      new RangeError(
        'isWorkingDay: expected a date within 2019-01-01..2030-12-31, the years for which England & Wales bank holidays are held; received "2031-01-06"',
      ),
    );
    expect(() => isWorkingDay('2018-12-31')).toThrow(RangeError);
    expect(() => addWorkingDays('2030-12-30', 2)).toThrow(
      new RangeError(
        'addWorkingDays: expected a result on or before 2030-12-31, the last date for which England & Wales bank holidays are held; received date "2030-12-30" and n = 2, which runs past it',
      ),
    );
    expect(() => addWorkingDays('2018-12-30', 1)).toThrow(
      new RangeError(
        'addWorkingDays: expected a date from 2018-12-31 on (counting starts the next day, and bank holidays are only held for 2019-01-01..2030-12-31); received "2018-12-30"',
      ),
    );
    expect(() => nextWorkingDay('2030-12-31')).toThrow(
      new RangeError(
        'nextWorkingDay: expected a result on or before 2030-12-31, the last date for which England & Wales bank holidays are held; received date "2030-12-31" and n = 1, which runs past it',
      ),
    );
    expect(() => workingDaysBetween('2030-12-01', '2031-01-02')).toThrow(
      new RangeError(
        'workingDaysBetween: expected the days after `from` up to `to` to lie within 2019-01-01..2030-12-31, the years for which England & Wales bank holidays are held; received from "2030-12-01", to "2031-01-02"',
      ),
    );
    expect(() => workingDaysBetween('2018-12-30', '2019-01-02')).toThrow(RangeError);
    expect(workingDaysBetween('2018-12-31', '2019-01-02')).toBe(1);
    // n = 0 needs no holidays at all, so any valid date is accepted.
    expect(addWorkingDays('2035-06-01', 0)).toBe('2035-06-01');
  });
});
