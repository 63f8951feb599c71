import {
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
  registerEnumType,
} from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { PageInfo } from '../../core/graphql/connection';
import type { Of } from '../../core/graphql/relay';
import { LocalDate } from '../../core/graphql/scalars';
import { EpclEntryState, EpclReportState, TestingIssueStatus, TestReportState } from '../common/enums';
import { EpclEntry, EpclObjection, EpclReport } from '../epcl/epcl.types';
import { TestingIssue, TestReport } from '../testing/testing.types';
import { EpclEventType } from './events.sql';

registerEnumType(EpclEventType, {
  name: 'EpclEventType',
  description: 'The kinds of EPCL event (a contract: values are added, never renamed).',
  valuesConfig: {
    ENTRY_STATE_CHANGED: { description: 'EpclEntryStateChanged: an entry changed state (or was proposed).' },
    ENTRY_ADDED_TO_LIST: {
      description: 'EpclEntryAddedToList: an entry was first added to the published EPCL.',
    },
    REPORT_STATE_CHANGED: { description: 'EpclReportStateChanged: an EPCL report changed state.' },
    OBJECTION_WINDOW_CLOSING: {
      description: "ObjectionWindowClosing: a report's objection deadline is 2 working days away, then 1.",
    },
    OBJECTION_RECORDED: { description: 'ObjectionRecorded: a Supplier Party objected to a report.' },
    TEST_REPORT_STATE_CHANGED: { description: 'TestReportStateChanged: a test report changed state.' },
    TESTING_ISSUE_CHANGED: {
      description:
        'TestingIssueChanged: a testing issue was raised or its status or threshold counting changed.',
    },
    SUPPLIER_IMPACT: {
      description: "SupplierImpact: a report's decision changed what a supplier's installations can do.",
    },
  },
});

/** What every event resolver gets: the event, and (for a subscription) loaders of its own. */
export type EventSource = {
  __typename: string;
  cursor: string;
  occurredAt: Date;
  type: EpclEventType;
  /** Fresh per delivered event over a subscription, so an object is read as it is now, not cached. */
  loaders?: Map<unknown, unknown>;
  [field: string]: unknown;
};

@InterfaceType('EpclEvent', {
  description:
    'A committed EPCL change, in commit order. `cursor` resumes a subscription (`epclEvents(after:)`) or pages `events` from this event.',
  resolveType: (value: EventSource) => value.__typename,
})
export abstract class EpclEvent {
  @Field({ description: 'Opaque; pass as `after` to receive only later events.' })
  cursor!: string;

  @Field(() => DateTimeISOResolver, { description: 'When the writing transaction started.' })
  occurredAt!: Date;

  @Field(() => EpclEventType)
  type!: EpclEventType;
}

@ObjectType({ implements: EpclEvent, description: 'An EPCL entry changed state.' })
export class EpclEntryStateChanged extends EpclEvent {
  @Field(() => EpclEntry, { nullable: true, description: 'The entry as it is now.' })
  entry!: Of<EpclEntry> | null;

  @Field(() => EpclEntryState, { nullable: true, description: 'Null when the entry was created (proposed).' })
  from!: EpclEntryState | null;

  @Field(() => EpclEntryState)
  to!: EpclEntryState;

  @Field(() => LocalDate, { description: 'The date in the process the change takes effect.' })
  effectiveOn!: string;

  @Field({ description: 'Who made the change (as in the history).' })
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType({ implements: EpclEvent, description: 'An EPCL entry was first added to the published list.' })
export class EpclEntryAddedToList extends EpclEvent {
  @Field(() => EpclEntry, { nullable: true })
  entry!: Of<EpclEntry> | null;

  @Field(() => LocalDate, { nullable: true, description: 'The date first added.' })
  addedOn!: string | null;

  @Field(() => LocalDate)
  effectiveOn!: string;

  @Field()
  actor!: string;
}

@ObjectType({ implements: EpclEvent, description: 'An EPCL report changed state.' })
export class EpclReportStateChanged extends EpclEvent {
  @Field(() => EpclReport, { nullable: true })
  report!: Of<EpclReport> | null;

  @Field(() => EpclReportState)
  from!: EpclReportState;

  @Field(() => EpclReportState)
  to!: EpclReportState;

  @Field(() => LocalDate)
  effectiveOn!: string;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType({
  implements: EpclEvent,
  description:
    "A report's objection window closes soon: announced once when 2 working days are left, once when 1 is (England & Wales working days).",
})
export class ObjectionWindowClosing extends EpclEvent {
  @Field(() => EpclReport, { nullable: true })
  report!: Of<EpclReport> | null;

  @Field(() => LocalDate, {
    description: 'The objection deadline (objections are received to the end of it).',
  })
  closesOn!: string;

  @Field(() => Int)
  workingDaysLeft!: number;
}

@ObjectType({
  implements: EpclEvent,
  description: "A Supplier Party's objection to a report. Suppliers receive only their own.",
})
export class ObjectionRecorded extends EpclEvent {
  @Field(() => EpclReport, { nullable: true })
  report!: Of<EpclReport> | null;

  @Field(() => EpclObjection, { nullable: true })
  objection!: Of<EpclObjection> | null;
}

@ObjectType({ implements: EpclEvent, description: 'A test report changed state.' })
export class TestReportStateChanged extends EpclEvent {
  @Field(() => TestReport, { nullable: true })
  testReport!: Of<TestReport> | null;

  @Field(() => TestReportState)
  from!: TestReportState;

  @Field(() => TestReportState)
  to!: TestReportState;

  @Field(() => LocalDate)
  effectiveOn!: string;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType({
  implements: EpclEvent,
  description:
    'A testing issue was raised, or its status or whether it counts against the threshold changed.',
})
export class TestingIssueChanged extends EpclEvent {
  @Field(() => TestingIssue, { nullable: true })
  testingIssue!: Of<TestingIssue> | null;

  @Field(() => TestingIssueStatus)
  status!: TestingIssueStatus;

  @Field()
  countsAgainstThreshold!: boolean;
}

@ObjectType({
  implements: EpclEvent,
  description:
    "What a report's decision (APPROVED or PARTIALLY_APPROVED) changed for one supplier's unmigrated installations, counted as `epclReport.volumes` counts them. Only the supplier concerned (and DCC staff) receive it.",
})
export class SupplierImpact extends EpclEvent {
  @Field(() => EpclReport, { nullable: true })
  report!: Of<EpclReport> | null;

  @Field(() => Int)
  supplierId!: number;

  @Field(() => Int, {
    description: 'Installations of the supplier the decision concerns (becameEligible + byFirmwareUpgrade).',
  })
  installations!: number;

  @Field(() => Int, { description: 'Eligible for migration now, at their current firmware.' })
  becameEligible!: number;

  @Field(() => Int, { description: 'Eligible once a firmware upgrade is applied.' })
  byFirmwareUpgrade!: number;
}

export const EVENT_TYPES = [
  EpclEntryStateChanged,
  EpclEntryAddedToList,
  EpclReportStateChanged,
  ObjectionWindowClosing,
  ObjectionRecorded,
  TestReportStateChanged,
  TestingIssueChanged,
  SupplierImpact,
];

@InputType({
  description:
    'Which events: fields combine with AND, the values of one field with OR; an event that does not concern a field (a report event has no DMC) does not match a filter on it.',
})
export class EpclEventFilter {
  @Field(() => [EpclEventType], { nullable: true })
  types?: EpclEventType[];

  @Field(() => [String], { nullable: true, description: 'EPCL ids of entries (e.g. EPCL-0042).' })
  epclIds?: string[];

  @Field(() => [Int], {
    nullable: true,
    description:
      "Report numbers: the report's own events, and those of the entries in it or changed under it.",
  })
  reportNumbers?: number[];

  @Field(() => [ID], { nullable: true, description: 'DMC IDs: events of their entries and testing issues.' })
  dmcIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Cohort codes of the DMCs (e.g. MOC_SECURE).' })
  cohorts?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'States changed to (entry, report, test report states, e.g. APPROVED) or testing issue statuses.',
  })
  states?: string[];
}

@ArgsType()
export class EventsArgs {
  @Field(() => EpclEventFilter, { nullable: true })
  filter?: EpclEventFilter;

  @Field(() => Int, { nullable: true, description: '1–500 events (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'A cursor: only events committed after it.' })
  after?: string;
}

@ObjectType()
export class EpclEventEdge {
  @Field()
  cursor!: string;

  @Field(() => EpclEvent)
  node!: EpclEvent;
}

@ObjectType({ description: 'EPCL events in commit order.' })
export class EpclEventConnection {
  @Field(() => [EpclEventEdge])
  edges!: EpclEventEdge[];

  @Field(() => [EpclEvent])
  nodes!: EpclEvent[];

  @Field(() => PageInfo)
  pageInfo!: Of<PageInfo>;
}
