import { Field, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';

@ObjectType({ description: 'An England & Wales bank holiday: not a working day for statutory windows.' })
export class BankHoliday {
  @Field(() => LocalDate)
  date!: string;

  @Field()
  name!: string;

  @Field({ description: 'A substitute day for a holiday falling on a weekend.' })
  substitute!: boolean;
}
