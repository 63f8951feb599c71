/**
 * England & Wales working-day arithmetic on ISO calendar dates (`YYYY-MM-DD`): the reference the tests hold the
 * database's own calendar (`add_working_days`, which the application uses) against.
 *
 * A working day is a Monday–Friday that is not an England & Wales bank holiday (see ./bank-holidays).
 * Dates are handled as whole-day numbers computed with integer arithmetic (proleptic Gregorian calendar),
 * so no `Date` object, local timezone or DST transition is ever involved.
 *
 * Range: bank holidays are only held for CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR. Any function that would
 * need to know whether a day outside that range is a working day throws a RangeError instead of guessing.
 *
 * Errors:
 *   - TypeError  when a date argument is not a string or n is not a number;
 *   - RangeError when a date string is not a real calendar date in the form YYYY-MM-DD, when the answer
 *     needs a day outside the held range, or when n is negative or not an integer.
 */

import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
} from '../../src/modules/calendar/bank-holidays';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const FIRST_HELD_DATE = `${CALENDAR_FIRST_YEAR}-01-01`;
const LAST_HELD_DATE = `${CALENDAR_LAST_YEAR}-12-31`;
const FIRST_HELD_DAY = daysFromCivil(CALENDAR_FIRST_YEAR, 1, 1);
const LAST_HELD_DAY = daysFromCivil(CALENDAR_LAST_YEAR, 12, 31);
const HELD_RANGE = `${FIRST_HELD_DATE}..${LAST_HELD_DATE}, the years for which England & Wales bank holidays are held`;

const BANK_HOLIDAY_DAYS: ReadonlySet<number> = new Set(
  ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => parseIsoDate('bank holiday data', 'date', holiday.date)),
);

/** True when `date` is a Monday–Friday that is not an England & Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  const day = parseIsoDate('isWorkingDay', 'date', date);
  if (day < FIRST_HELD_DAY || day > LAST_HELD_DAY) {
    throw new RangeError(`isWorkingDay: expected a date within ${HELD_RANGE}; received "${date}"`);
  }
  return isWorkingDayNumber(day);
}

/**
 * The date that is `n` working days after `date`. Counting starts on the day after `date`, whether or not
 * `date` itself is a working day; `n = 0` returns `date` unchanged (whatever it is).
 */
export function addWorkingDays(date: string, n: number): string {
  return addWorkingDaysFor('addWorkingDays', date, n);
}

/**
 * The number of working days d with from < d ≤ to (so `workingDaysBetween(x, addWorkingDays(x, n)) === n`).
 * Returns 0 when `to` is on or before `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const first = parseIsoDate('workingDaysBetween', 'from', from) + 1;
  const last = parseIsoDate('workingDaysBetween', 'to', to);
  if (last < first) {
    return 0;
  }
  if (first < FIRST_HELD_DAY || last > LAST_HELD_DAY) {
    throw new RangeError(
      `workingDaysBetween: expected the days after \`from\` up to \`to\` to lie within ${HELD_RANGE}; ` +
        `received from "${from}", to "${to}"`,
    );
  }
  let count = 0;
  for (let day = first; day <= last; day += 1) {
    if (isWorkingDayNumber(day)) {
      count += 1;
    }
  }
  return count;
}

/** The first working day strictly after `date` (same as `addWorkingDays(date, 1)`). */
export function nextWorkingDay(date: string): string {
  return addWorkingDaysFor('nextWorkingDay', date, 1);
}

// ---------------------------------------------------------------------------------------------------------

function addWorkingDaysFor(fn: string, date: string, n: number): string {
  const start = parseIsoDate(fn, 'date', date);
  assertCount(fn, n);
  if (n === 0) {
    return formatIsoDate(start);
  }
  if (start + 1 < FIRST_HELD_DAY) {
    throw new RangeError(
      `${fn}: expected a date from ${formatIsoDate(FIRST_HELD_DAY - 1)} on (counting starts the next day, ` +
        `and bank holidays are only held for ${FIRST_HELD_DATE}..${LAST_HELD_DATE}); received "${date}"`,
    );
  }
  let day = start;
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (day > LAST_HELD_DAY) {
      throw new RangeError(
        `${fn}: expected a result on or before ${LAST_HELD_DATE}, the last date for which England & Wales ` +
          `bank holidays are held; received date "${date}" and n = ${n}, which runs past it`,
      );
    }
    if (isWorkingDayNumber(day)) {
      remaining -= 1;
    }
  }
  return formatIsoDate(day);
}

function isWorkingDayNumber(day: number): boolean {
  // Day 0 is 1970-01-01, a Thursday; isoWeekday: Monday = 1 … Sunday = 7.
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return isoWeekday <= 5 && !BANK_HOLIDAY_DAYS.has(day);
}

function assertCount(fn: string, n: number): void {
  if (typeof n !== 'number') {
    throw new TypeError(`${fn}: expected \`n\` to be a non-negative integer; received ${describe(n)}`);
  }
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${fn}: expected \`n\` to be a non-negative integer; received ${n}`);
  }
}

/** Parses a `YYYY-MM-DD` string to a day number (days since 1970-01-01), validating it strictly. */
function parseIsoDate(fn: string, param: string, value: unknown): number {
  if (typeof value !== 'string') {
    throw new TypeError(
      `${fn}: expected \`${param}\` to be an ISO date string "YYYY-MM-DD"; received ${describe(value)}`,
    );
  }
  const match = ISO_DATE.exec(value);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  const dayOfMonth = match ? Number(match[3]) : NaN;
  if (!match || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) {
    throw new RangeError(
      `${fn}: expected \`${param}\` to be a calendar date in the form "YYYY-MM-DD"; received ${JSON.stringify(value)}`,
    );
  }
  return daysFromCivil(year, month, dayOfMonth);
}

function formatIsoDate(day: number): string {
  const { year, month, dayOfMonth } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).

function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): { year: number; month: number; dayOfMonth: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth };
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return 'an array';
      return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
    default:
      return `a ${typeof value}`;
  }
}
