import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../core/graphql/scalars';
import { EpclEntryState } from '../common/enums';

@InputType({
  description:
    'A point in the EPCL’s history: a published list version (the list as of its publication date) or a date (the list as of the end of that day). Give exactly one.',
})
export class EpclListPoint {
  @Field(() => String, { nullable: true, description: 'A version published with `publishEpclListVersion`.' })
  version?: string | null;

  @Field(() => LocalDate, { nullable: true })
  date?: string | null;
}

@ObjectType({ description: 'An entry whose state differs between the two points, with both states.' })
export class EpclListDiffEntry {
  entryId!: number;

  @Field(() => EpclEntryState, {
    nullable: true,
    description:
      'Its state at `from`, from its history; null when it did not exist then, or (for an entry with no recorded history) before its date first added, when its earlier state is unknown.',
  })
  fromState!: EpclEntryState | null;

  @Field(() => EpclEntryState, { nullable: true, description: 'Its state at `to` (null: it did not exist).' })
  toState!: EpclEntryState | null;
}

@ObjectType({
  description:
    'What changed on the EPCL between two points: entries added to the list, removed from it (withdrawn, removed, or otherwise no longer ON_EPCL), and other entries whose state changed (e.g. PROPOSED → APPROVED). In EPCL ID order.',
})
export class EpclListDiff {
  @Field(() => LocalDate)
  fromDate!: string;

  @Field(() => LocalDate)
  toDate!: string;

  @Field(() => String, { nullable: true, description: 'The list version `from` named, if any.' })
  fromVersion!: string | null;

  @Field(() => String, { nullable: true, description: 'The list version `to` named, if any.' })
  toVersion!: string | null;

  @Field(() => [EpclListDiffEntry], { description: 'ON_EPCL at `to`, not at `from`.' })
  added!: EpclListDiffEntry[];

  @Field(() => [EpclListDiffEntry], { description: 'ON_EPCL at `from`, not at `to`.' })
  removed!: EpclListDiffEntry[];

  @Field(() => [EpclListDiffEntry], {
    description: 'On the list at neither point (or at both), with a different state at each.',
  })
  changed!: EpclListDiffEntry[];

  @Field(() => Int, { description: 'Entries ON_EPCL at `from`.' })
  fromSize!: number;

  @Field(() => Int, { description: 'Entries ON_EPCL at `to`.' })
  toSize!: number;
}
