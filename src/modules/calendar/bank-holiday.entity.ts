import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** An England & Wales bank holiday; working days are Monday to Friday except these. */
@Entity()
export class BankHoliday {
  @PrimaryKey({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean', default: false })
  substitute: boolean = false;
}
