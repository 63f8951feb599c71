/**
 * England & Wales bank holidays, 2019–2030 inclusive, written out literally.
 *
 * Source of truth for past years: the dates announced on GOV.UK (https://www.gov.uk/bank-holidays).
 * Future years (2024–2030) follow the regular rules:
 *   - New Year's Day (1 January), Christmas Day (25 December), Boxing Day (26 December): when one falls on
 *     a weekend a substitute day is given on the next weekday not already a bank holiday.
 *   - Good Friday and Easter Monday (Easter by the Anonymous Gregorian algorithm).
 *   - Early May bank holiday: first Monday of May. Spring bank holiday: last Monday of May.
 *   - Summer bank holiday: last Monday of August.
 * One-off changes held here:
 *   - 2020: Early May bank holiday moved from Monday 4 May to Friday 8 May (75th anniversary of VE Day).
 *   - 2022: Spring bank holiday moved from Monday 30 May to Thursday 2 June; extra Platinum Jubilee bank
 *     holiday Friday 3 June; extra bank holiday for the State Funeral of Queen Elizabeth II Monday 19 September.
 *   - 2023: extra bank holiday for the coronation of King Charles III, Monday 8 May.
 *
 * A substitute day carries the name of the holiday it replaces and `substitute: true` (as on GOV.UK, where
 * e.g. 27 December 2021 is "Christmas Day", "Substitute day").
 *
 * test/calendar/working-days.test.ts recomputes the regular rules for every year and checks this list
 * against them, allowing only the one-off changes above. Any future one-off (e.g. a new royal occasion)
 * must be added both here and to that test's exception list.
 */

export const CALENDAR_FIRST_YEAR = 2019;
export const CALENDAR_LAST_YEAR = 2030;

export interface BankHolidayRecord {
  /** ISO calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly name: string;
  /** True when the day is given in place of a holiday that fell on a weekend. */
  readonly substitute: boolean;
}

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlyArray<BankHolidayRecord> = Object.freeze(
  [
    // 2019
    { date: '2019-01-01', name: "New Year's Day", substitute: false },
    { date: '2019-04-19', name: 'Good Friday', substitute: false },
    { date: '2019-04-22', name: 'Easter Monday', substitute: false },
    { date: '2019-05-06', name: 'Early May bank holiday', substitute: false },
    { date: '2019-05-27', name: 'Spring bank holiday', substitute: false },
    { date: '2019-08-26', name: 'Summer bank holiday', substitute: false },
    { date: '2019-12-25', name: 'Christmas Day', substitute: false },
    { date: '2019-12-26', name: 'Boxing Day', substitute: false },

    // 2020 (Early May bank holiday moved to Friday 8 May for VE Day; Boxing Day on a Saturday)
    { date: '2020-01-01', name: "New Year's Day", substitute: false },
    { date: '2020-04-10', name: 'Good Friday', substitute: false },
    { date: '2020-04-13', name: 'Easter Monday', substitute: false },
    { date: '2020-05-08', name: 'Early May bank holiday (VE day)', substitute: false },
    { date: '2020-05-25', name: 'Spring bank holiday', substitute: false },
    { date: '2020-08-31', name: 'Summer bank holiday', substitute: false },
    { date: '2020-12-25', name: 'Christmas Day', substitute: false },
    { date: '2020-12-28', name: 'Boxing Day', substitute: true },

    // 2021 (Christmas Day on a Saturday, Boxing Day on a Sunday)
    { date: '2021-01-01', name: "New Year's Day", substitute: false },
    { date: '2021-04-02', name: 'Good Friday', substitute: false },
    { date: '2021-04-05', name: 'Easter Monday', substitute: false },
    { date: '2021-05-03', name: 'Early May bank holiday', substitute: false },
    { date: '2021-05-31', name: 'Spring bank holiday', substitute: false },
    { date: '2021-08-30', name: 'Summer bank holiday', substitute: false },
    { date: '2021-12-27', name: 'Christmas Day', substitute: true },
    { date: '2021-12-28', name: 'Boxing Day', substitute: true },

    // 2022 (New Year's Day on a Saturday; Platinum Jubilee; State Funeral; Christmas Day on a Sunday)
    { date: '2022-01-03', name: "New Year's Day", substitute: true },
    { date: '2022-04-15', name: 'Good Friday', substitute: false },
    { date: '2022-04-18', name: 'Easter Monday', substitute: false },
    { date: '2022-05-02', name: 'Early May bank holiday', substitute: false },
    { date: '2022-06-02', name: 'Spring bank holiday', substitute: false },
    { date: '2022-06-03', name: 'Platinum Jubilee bank holiday', substitute: false },
    { date: '2022-08-29', name: 'Summer bank holiday', substitute: false },
    {
      date: '2022-09-19',
      name: 'Bank holiday for the State Funeral of Queen Elizabeth II',
      substitute: false,
    },
    { date: '2022-12-26', name: 'Boxing Day', substitute: false },
    { date: '2022-12-27', name: 'Christmas Day', substitute: true },

    // 2023 (New Year's Day on a Sunday; Coronation)
    { date: '2023-01-02', name: "New Year's Day", substitute: true },
    { date: '2023-04-07', name: 'Good Friday', substitute: false },
    { date: '2023-04-10', name: 'Easter Monday', substitute: false },
    { date: '2023-05-01', name: 'Early May bank holiday', substitute: false },
    { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III', substitute: false },
    { date: '2023-05-29', name: 'Spring bank holiday', substitute: false },
    { date: '2023-08-28', name: 'Summer bank holiday', substitute: false },
    { date: '2023-12-25', name: 'Christmas Day', substitute: false },
    { date: '2023-12-26', name: 'Boxing Day', substitute: false },

    // 2024
    { date: '2024-01-01', name: "New Year's Day", substitute: false },
    { date: '2024-03-29', name: 'Good Friday', substitute: false },
    { date: '2024-04-01', name: 'Easter Monday', substitute: false },
    { date: '2024-05-06', name: 'Early May bank holiday', substitute: false },
    { date: '2024-05-27', name: 'Spring bank holiday', substitute: false },
    { date: '2024-08-26', name: 'Summer bank holiday', substitute: false },
    { date: '2024-12-25', name: 'Christmas Day', substitute: false },
    { date: '2024-12-26', name: 'Boxing Day', substitute: false },

    // 2025
    { date: '2025-01-01', name: "New Year's Day", substitute: false },
    { date: '2025-04-18', name: 'Good Friday', substitute: false },
    { date: '2025-04-21', name: 'Easter Monday', substitute: false },
    { date: '2025-05-05', name: 'Early May bank holiday', substitute: false },
    { date: '2025-05-26', name: 'Spring bank holiday', substitute: false },
    { date: '2025-08-25', name: 'Summer bank holiday', substitute: false },
    { date: '2025-12-25', name: 'Christmas Day', substitute: false },
    { date: '2025-12-26', name: 'Boxing Day', substitute: false },

    // 2026 (Boxing Day on a Saturday)
    { date: '2026-01-01', name: "New Year's Day", substitute: false },
    { date: '2026-04-03', name: 'Good Friday', substitute: false },
    { date: '2026-04-06', name: 'Easter Monday', substitute: false },
    { date: '2026-05-04', name: 'Early May bank holiday', substitute: false },
    { date: '2026-05-25', name: 'Spring bank holiday', substitute: false },
    { date: '2026-08-31', name: 'Summer bank holiday', substitute: false },
    { date: '2026-12-25', name: 'Christmas Day', substitute: false },
    { date: '2026-12-28', name: 'Boxing Day', substitute: true },

    // 2027 (Christmas Day on a Saturday, Boxing Day on a Sunday)
    { date: '2027-01-01', name: "New Year's Day", substitute: false },
    { date: '2027-03-26', name: 'Good Friday', substitute: false },
    { date: '2027-03-29', name: 'Easter Monday', substitute: false },
    { date: '2027-05-03', name: 'Early May bank holiday', substitute: false },
    { date: '2027-05-31', name: 'Spring bank holiday', substitute: false },
    { date: '2027-08-30', name: 'Summer bank holiday', substitute: false },
    { date: '2027-12-27', name: 'Christmas Day', substitute: true },
    { date: '2027-12-28', name: 'Boxing Day', substitute: true },

    // 2028 (New Year's Day on a Saturday)
    { date: '2028-01-03', name: "New Year's Day", substitute: true },
    { date: '2028-04-14', name: 'Good Friday', substitute: false },
    { date: '2028-04-17', name: 'Easter Monday', substitute: false },
    { date: '2028-05-01', name: 'Early May bank holiday', substitute: false },
    { date: '2028-05-29', name: 'Spring bank holiday', substitute: false },
    { date: '2028-08-28', name: 'Summer bank holiday', substitute: false },
    { date: '2028-12-25', name: 'Christmas Day', substitute: false },
    { date: '2028-12-26', name: 'Boxing Day', substitute: false },

    // 2029
    { date: '2029-01-01', name: "New Year's Day", substitute: false },
    { date: '2029-03-30', name: 'Good Friday', substitute: false },
    { date: '2029-04-02', name: 'Easter Monday', substitute: false },
    { date: '2029-05-07', name: 'Early May bank holiday', substitute: false },
    { date: '2029-05-28', name: 'Spring bank holiday', substitute: false },
    { date: '2029-08-27', name: 'Summer bank holiday', substitute: false },
    { date: '2029-12-25', name: 'Christmas Day', substitute: false },
    { date: '2029-12-26', name: 'Boxing Day', substitute: false },

    // 2030
    { date: '2030-01-01', name: "New Year's Day", substitute: false },
    { date: '2030-04-19', name: 'Good Friday', substitute: false },
    { date: '2030-04-22', name: 'Easter Monday', substitute: false },
    { date: '2030-05-06', name: 'Early May bank holiday', substitute: false },
    { date: '2030-05-27', name: 'Spring bank holiday', substitute: false },
    { date: '2030-08-26', name: 'Summer bank holiday', substitute: false },
    { date: '2030-12-25', name: 'Christmas Day', substitute: false },
    { date: '2030-12-26', name: 'Boxing Day', substitute: false },
  ].map((holiday) => Object.freeze(holiday)),
);
