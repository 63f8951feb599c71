import { Migration } from '@mikro-orm/migrations';

/**
 * England & Wales working days: bank holidays 2019–2030 (substitute days and one-off changes included) and
 * the SQL functions that count statutory windows (5 working days to object to an EPCL report, 10 to refer a
 * draft DMCT Testing Report). Same semantics as src/modules/calendar/working-days.ts; a test compares them.
 * A later year is added by a new migration inserting its rows.
 */
export class Migration20261128173400_WorkingDayCalendar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`insert into bank_holiday (date, name, substitute) values
      ('2019-01-01', 'New Year''s Day', false),
      ('2019-04-19', 'Good Friday', false),
      ('2019-04-22', 'Easter Monday', false),
      ('2019-05-06', 'Early May bank holiday', false),
      ('2019-05-27', 'Spring bank holiday', false),
      ('2019-08-26', 'Summer bank holiday', false),
      ('2019-12-25', 'Christmas Day', false),
      ('2019-12-26', 'Boxing Day', false),
      ('2020-01-01', 'New Year''s Day', false),
      ('2020-04-10', 'Good Friday', false),
      ('2020-04-13', 'Easter Monday', false),
      ('2020-05-08', 'Early May bank holiday (VE day)', false),
      ('2020-05-25', 'Spring bank holiday', false),
      ('2020-08-31', 'Summer bank holiday', false),
      ('2020-12-25', 'Christmas Day', false),
      ('2020-12-28', 'Boxing Day', true),
      ('2021-01-01', 'New Year''s Day', false),
      ('2021-04-02', 'Good Friday', false),
      ('2021-04-05', 'Easter Monday', false),
      ('2021-05-03', 'Early May bank holiday', false),
      ('2021-05-31', 'Spring bank holiday', false),
      ('2021-08-30', 'Summer bank holiday', false),
      ('2021-12-27', 'Christmas Day', true),
      ('2021-12-28', 'Boxing Day', true),
      ('2022-01-03', 'New Year''s Day', true),
      ('2022-04-15', 'Good Friday', false),
      ('2022-04-18', 'Easter Monday', false),
      ('2022-05-02', 'Early May bank holiday', false),
      ('2022-06-02', 'Spring bank holiday', false),
      ('2022-06-03', 'Platinum Jubilee bank holiday', false),
      ('2022-08-29', 'Summer bank holiday', false),
      ('2022-09-19', 'Bank holiday for the State Funeral of Queen Elizabeth II', false),
      ('2022-12-26', 'Boxing Day', false),
      ('2022-12-27', 'Christmas Day', true),
      ('2023-01-02', 'New Year''s Day', true),
      ('2023-04-07', 'Good Friday', false),
      ('2023-04-10', 'Easter Monday', false),
      ('2023-05-01', 'Early May bank holiday', false),
      ('2023-05-08', 'Bank holiday for the coronation of King Charles III', false),
      ('2023-05-29', 'Spring bank holiday', false),
      ('2023-08-28', 'Summer bank holiday', false),
      ('2023-12-25', 'Christmas Day', false),
      ('2023-12-26', 'Boxing Day', false),
      ('2024-01-01', 'New Year''s Day', false),
      ('2024-03-29', 'Good Friday', false),
      ('2024-04-01', 'Easter Monday', false),
      ('2024-05-06', 'Early May bank holiday', false),
      ('2024-05-27', 'Spring bank holiday', false),
      ('2024-08-26', 'Summer bank holiday', false),
      ('2024-12-25', 'Christmas Day', false),
      ('2024-12-26', 'Boxing Day', false),
      ('2025-01-01', 'New Year''s Day', false),
      ('2025-04-18', 'Good Friday', false),
      ('2025-04-21', 'Easter Monday', false),
      ('2025-05-05', 'Early May bank holiday', false),
      ('2025-05-26', 'Spring bank holiday', false),
      ('2025-08-25', 'Summer bank holiday', false),
      ('2025-12-25', 'Christmas Day', false),
      ('2025-12-26', 'Boxing Day', false),
      ('2026-01-01', 'New Year''s Day', false),
      ('2026-04-03', 'Good Friday', false),
      ('2026-04-06', 'Easter Monday', false),
      ('2026-05-04', 'Early May bank holiday', false),
      ('2026-05-25', 'Spring bank holiday', false),
      ('2026-08-31', 'Summer bank holiday', false),
      ('2026-12-25', 'Christmas Day', false),
      ('2026-12-28', 'Boxing Day', true),
      ('2027-01-01', 'New Year''s Day', false),
      ('2027-03-26', 'Good Friday', false),
      ('2027-03-29', 'Easter Monday', false),
      ('2027-05-03', 'Early May bank holiday', false),
      ('2027-05-31', 'Spring bank holiday', false),
      ('2027-08-30', 'Summer bank holiday', false),
      ('2027-12-27', 'Christmas Day', true),
      ('2027-12-28', 'Boxing Day', true),
      ('2028-01-03', 'New Year''s Day', true),
      ('2028-04-14', 'Good Friday', false),
      ('2028-04-17', 'Easter Monday', false),
      ('2028-05-01', 'Early May bank holiday', false),
      ('2028-05-29', 'Spring bank holiday', false),
      ('2028-08-28', 'Summer bank holiday', false),
      ('2028-12-25', 'Christmas Day', false),
      ('2028-12-26', 'Boxing Day', false),
      ('2029-01-01', 'New Year''s Day', false),
      ('2029-03-30', 'Good Friday', false),
      ('2029-04-02', 'Easter Monday', false),
      ('2029-05-07', 'Early May bank holiday', false),
      ('2029-05-28', 'Spring bank holiday', false),
      ('2029-08-27', 'Summer bank holiday', false),
      ('2029-12-25', 'Christmas Day', false),
      ('2029-12-26', 'Boxing Day', false),
      ('2030-01-01', 'New Year''s Day', false),
      ('2030-04-19', 'Good Friday', false),
      ('2030-04-22', 'Easter Monday', false),
      ('2030-05-06', 'Early May bank holiday', false),
      ('2030-05-27', 'Spring bank holiday', false),
      ('2030-08-26', 'Summer bank holiday', false),
      ('2030-12-25', 'Christmas Day', false),
      ('2030-12-26', 'Boxing Day', false);`);

    for (const statement of FUNCTIONS.split('\n-- next\n')) this.addSql(statement);
  }
}

const FUNCTIONS = `create function is_working_day(d date) returns boolean
language plpgsql stable strict
as $fn$
declare
  first_held date;
  last_held date;
begin
  select make_date(extract(year from min(b.date))::integer, 1, 1),
         make_date(extract(year from max(b.date))::integer, 12, 31)
    into first_held, last_held
    from bank_holiday b;
  if last_held is null then
    raise exception using errcode = '22023',
      message = 'is_working_day: bank_holiday holds no rows';
  end if;
  if d < first_held or d > last_held then
    raise exception using errcode = '22023',
      message = format('is_working_day: expected a date within %s..%s, the years for which England & Wales bank holidays are held; received %s',
                       first_held, last_held, d);
  end if;
  return extract(isodow from d) < 6
     and not exists (select 1 from bank_holiday b where b.date = d);
end
$fn$;
-- next
create function add_working_days(start date, n integer) returns date
language plpgsql stable strict
as $fn$
declare
  first_held date;
  last_held date;
  d date := start;
  remaining integer := n;
begin
  if n < 0 then
    raise exception using errcode = '22023',
      message = format('add_working_days: expected n to be a non-negative integer; received %s', n);
  end if;
  if n = 0 then
    return start;
  end if;
  select make_date(extract(year from min(b.date))::integer, 1, 1),
         make_date(extract(year from max(b.date))::integer, 12, 31)
    into first_held, last_held
    from bank_holiday b;
  if last_held is null then
    raise exception using errcode = '22023',
      message = 'add_working_days: bank_holiday holds no rows';
  end if;
  if start + 1 < first_held then
    raise exception using errcode = '22023',
      message = format('add_working_days: expected a start date from %s on (counting starts the next day, and bank holidays are only held for %s..%s); received %s',
                       first_held - 1, first_held, last_held, start);
  end if;
  -- At most one iteration per calendar day up to last_held, whatever n is.
  while remaining > 0 loop
    d := d + 1;
    if d > last_held then
      raise exception using errcode = '22023',
        message = format('add_working_days: expected a result on or before %s, the last date for which England & Wales bank holidays are held; received start %s and n = %s, which runs past it',
                         last_held, start, n);
    end if;
    if extract(isodow from d) < 6
       and not exists (select 1 from bank_holiday b where b.date = d) then
      remaining := remaining - 1;
    end if;
  end loop;
  return d;
end
$fn$;`;
