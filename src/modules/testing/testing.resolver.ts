import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { resolveCompiled } from '../../core/graphql/compiler/run';
import { prepared, type Connection } from '../../core/graphql/relay';
import { HISTORY_DESCRIPTION, HistoryArgs } from '../epcl/epcl.resolver';
import {
  FieldProvenance,
  PROVENANCE_DESCRIPTION,
  StateChange,
  StateChangeConnection,
} from '../epcl/epcl.types';
import { testReportProvenance, type TestReportFacts } from '../epcl/provenance';
import {
  TestingIssue,
  TestingIssueConnection,
  TestingIssuesArgs,
  TestingIssueThreshold,
  TestReport,
  TestReportConnection,
  TestReportsArgs,
} from './testing.types';

/** Root fields of DMC testing. SQL: `TESTING_QUERIES` in testing.sql.ts. */
@Resolver()
export class TestingQueryResolver {
  @Query(() => TestReportConnection)
  testReports(
    @Args() args: TestReportsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<TestReport>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => TestingIssueConnection)
  testingIssues(
    @Args() args: TestingIssuesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<TestingIssue>> {
    return resolveCompiled(ctx, info, { ...args });
  }

  @Query(() => [TestingIssueThreshold], {
    description: 'Testing Issue Thresholds per capability release and severity (Clause 20.28).',
  })
  testingIssueThresholds(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TestingIssueThreshold[]> {
    return resolveCompiled(ctx, info, {});
  }
}

@Resolver(() => TestReport)
export class TestReportFieldsResolver {
  @FieldResolver(() => [FieldProvenance], { description: PROVENANCE_DESCRIPTION })
  provenance(@Root() root: TestReport, @Info() info: GraphQLResolveInfo): FieldProvenance[] {
    return testReportProvenance(prepared<TestReportFacts>(root, info));
  }

  @FieldResolver(() => StateChangeConnection, { description: HISTORY_DESCRIPTION })
  history(
    @Root() root: TestReport,
    @Info() info: GraphQLResolveInfo,
    @Args() _args: HistoryArgs,
  ): Connection<StateChange> {
    return prepared(root, info);
  }
}
