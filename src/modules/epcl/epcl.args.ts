import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../core/graphql/relay';
import { LocalDate } from '../../core/graphql/scalars';
import {
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  InstallationStatus,
  ReportGroup,
} from '../common/enums';

/* Arguments of the EPCL connections: filters and orderings. */

export enum EpclEntryOrder {
  ID_ASC = 'ID_ASC',
  ID_DESC = 'ID_DESC',
  EPCL_ID_ASC = 'EPCL_ID_ASC',
  EPCL_ID_DESC = 'EPCL_ID_DESC',
  DATE_FIRST_ADDED_ASC = 'DATE_FIRST_ADDED_ASC',
  DATE_FIRST_ADDED_DESC = 'DATE_FIRST_ADDED_DESC',
}
export enum ReportEntryOrder {
  ANNEX_ROW_ASC = 'ANNEX_ROW_ASC',
  ID_ASC = 'ID_ASC',
}
export enum EpclReportOrder {
  NUMBER_ASC = 'NUMBER_ASC',
  NUMBER_DESC = 'NUMBER_DESC',
}
registerEnumType(EpclEntryOrder, { name: 'EpclEntryOrder' });
registerEnumType(ReportEntryOrder, { name: 'ReportEntryOrder' });
registerEnumType(EpclReportOrder, { name: 'EpclReportOrder' });

@InputType({ description: 'Every condition given must hold; a list matches any of its values.' })
export class EpclEntryFilter {
  @Field(() => [EpclEntryState], { nullable: true })
  states?: EpclEntryState[];

  @Field(() => [InstallationStatus], { nullable: true })
  installationStatuses?: InstallationStatus[];

  @Field(() => [String], { nullable: true, description: 'Cohort codes, e.g. MOC_SECURE.' })
  cohorts?: string[];

  @Field(() => Int, { nullable: true, description: 'Entries requested in this EPCL report.' })
  reportNumber?: number;

  @Field(() => ReportGroup, {
    nullable: true,
    description: 'With reportNumber: only this group; alone: in this group of any report.',
  })
  group?: ReportGroup;

  @Field(() => [EntryBasis], { nullable: true })
  basis?: EntryBasis[];

  @Field(() => ID, { nullable: true })
  dmcId?: string;

  @Field(() => [String], { nullable: true })
  epclIds?: string[];

  @Field(() => LocalDate, { nullable: true })
  firstAddedFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  firstAddedTo?: string;
}

@InputType()
export class EpclReportFilter {
  @Field(() => [EpclReportState], { nullable: true })
  states?: EpclReportState[];
}

@ArgsType()
export class EpclEntriesArgs extends PageArgs {
  @Field(() => EpclEntryFilter, { nullable: true })
  filter?: EpclEntryFilter;

  @Field(() => [EpclEntryOrder], { nullable: true, description: 'Default ID_ASC.' })
  orderBy?: EpclEntryOrder[];
}

@ArgsType()
export class EpclReportsArgs extends PageArgs {
  @Field(() => EpclReportFilter, { nullable: true })
  filter?: EpclReportFilter;

  @Field(() => [EpclReportOrder], { nullable: true })
  orderBy?: EpclReportOrder[];
}
