import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/graphql/context';
import { badUserInput } from '../../core/graphql/errors';
import { LocalDate } from '../../core/graphql/scalars';
import { BankHoliday } from './calendar.types';

/** The working-day calendar the database counts statutory windows with (`add_working_days()`). */
@Resolver()
export class CalendarQueryResolver {
  @Query(() => [BankHoliday], {
    description:
      'England & Wales bank holidays between two dates (inclusive, at most 400 days apart), in order.',
  })
  async bankHolidays(
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
    @Ctx() ctx: Context,
  ): Promise<BankHoliday[]> {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days < 0 || days > 400) throw badUserInput('to', 'on or after `from`, at most 400 days later', to);
    const rows = await ctx.sql<{ date: string; name: string; substitute: boolean }>(
      `select date::text as date, name, substitute from bank_holiday where date between $1::date and $2::date order by date`,
      [from, to],
    );
    return rows.map((r) => Object.assign(new BankHoliday(), r));
  }
}
