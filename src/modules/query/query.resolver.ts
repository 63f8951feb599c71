import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { compileLookups, type FieldSpec } from '../../core/graphql/compiler/compiler';
import { decodeGlobalId } from '../../core/graphql/compiler/global-id';
import { REGISTRY } from '../../core/graphql/compiler/registry';
import { resolveCompiled } from '../../core/graphql/compiler/run';
import { badUserInput, notFound } from '../../core/graphql/errors';
import { Node, type Connection } from '../../core/graphql/relay';
import {
  Cohort,
  DeviceModel,
  DeviceModelConnection,
  DeviceModelsArgs,
  FirmwareVersionConnection,
  FirmwareVersionsArgs,
  Manufacturer,
  ManufacturerConnection,
  ManufacturersArgs,
} from '../catalogue/catalogue.types';
import {
  deviceModelsConnection,
  firmwareVersionsConnection,
  manufacturersConnection,
} from '../catalogue/catalogue.sql';
import { Dmc, DmcConnection, DmcsArgs } from '../dmc/dmc.types';
import { dmcsConnection } from '../dmc/dmc.sql';
import { EpclEntriesArgs, EpclReportsArgs } from '../epcl/epcl.args';
import { EpclEntry, EpclEntryConnection, EpclReport, EpclReportConnection } from '../epcl/epcl.types';
import { epclEntriesConnection, epclReportsConnection } from '../epcl/epcl.sql';
import {
  TestingIssueConnection,
  TestingIssuesArgs,
  TestingIssueThreshold,
  TestReportConnection,
  TestReportsArgs,
} from '../testing/testing.types';
import { testingIssuesConnection, testReportsConnection } from '../testing/testing.sql';
import { findInstallation } from '../eligibility/eligibility.service';

/** Tables of the types `node(id:)` can fetch. */
const NODE_TABLES: Record<string, string> = {
  Cohort: 'cohort',
  Manufacturer: 'manufacturer',
  DeviceModel: 'device_model',
  FirmwareVersion: 'firmware_version',
  FirmwareUpgradePath: 'firmware_upgrade_path',
  DeviceModelRestriction: 'device_model_restriction',
  Dmc: 'dmc',
  DmcRelation: 'dmc_relation',
  TestReport: 'test_report',
  TestingIssue: 'testing_issue',
  EpclEntry: 'epcl_entry',
  EpclReport: 'epcl_report',
};

const lookup = (
  table: string,
  where: (row: string, args: Record<string, unknown>, param: (v: unknown, cast: string) => string) => string,
): FieldSpec => ({
  kind: 'object',
  from: table,
  where: (_p, c, args, ctx) => where(c, args, (v, cast) => ctx.param(v, cast)),
});

const all = (table: string, orderBy: string): FieldSpec => ({
  kind: 'list',
  from: table,
  where: () => 'true',
  orderBy: (c) => `${c}.${orderBy}`,
});

const EPCL_ID = /^[0-9]{6}$/;

@Resolver()
export class CatalogueQueryResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global ID; null if it no longer exists.',
  })
  async node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    const [result] = await this.lookups([id], ctx, info);
    return result;
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: 'Objects by global ID, in the order asked (null where none exists); at most 100.',
  })
  async nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown[]> {
    if (ids.length > 100) throw badUserInput('ids', 'at most 100 IDs', `${ids.length} IDs`);
    return ids.length ? this.lookups(ids, ctx, info) : [];
  }

  private async lookups(ids: string[], ctx: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
    // Installations are scoped to the viewer and resolved apart from the catalogue.
    if (ids.some((id) => decodeGlobalId(id).typeName === 'Installation')) {
      return Promise.all(
        ids.map((id) => {
          const { typeName, key } = decodeGlobalId(id);
          return typeName === 'Installation'
            ? findInstallation(ctx, { id: key })
            : this.lookups([id], ctx, info).then((r) => r[0]);
        }),
      );
    }
    const keys = ids.map((id, i) => {
      const { typeName, key } = decodeGlobalId(id, ids.length > 1 ? `ids[${i}]` : 'id');
      const table = NODE_TABLES[typeName];
      if (!table) throw badUserInput('id', 'the ID of an object this API serves', id);
      return { typeName, table, key };
    });
    const { sql, params } = compileLookups(info, REGISTRY, keys);
    const [row] = await ctx.sql<{ result: unknown[] }>(sql, params);
    return row.result;
  }

  @Query(() => EpclEntryConnection, { description: 'EPCL entries, filtered and ordered, a page at a time.' })
  epclEntries(
    @Args() args: EpclEntriesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EpclEntry>> {
    return resolveCompiled(ctx, info, epclEntriesConnection, { ...args });
  }

  @Query(() => EpclEntry, { description: 'An EPCL entry by its 6-digit EPCL ID, e.g. "002255".' })
  async epclEntry(
    @Arg('epclId', () => String) epclId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry> {
    if (!EPCL_ID.test(epclId))
      throw badUserInput('epclId', 'a 6-digit, zero-padded EPCL ID such as "002255"', epclId);
    const entry = await resolveCompiled<EpclEntry | null>(
      ctx,
      info,
      lookup('epcl_entry', (c, _a, p) => `${c}.epcl_id = ${p(epclId, 'text')}`),
      {},
    );
    if (!entry) throw notFound('EPCL entry', 'epclId', epclId);
    return entry;
  }

  @Query(() => EpclReportConnection, { description: 'EPCL reports, by number.' })
  epclReports(
    @Args() args: EpclReportsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<EpclReport>> {
    return resolveCompiled(ctx, info, epclReportsConnection, { ...args });
  }

  @Query(() => EpclReport, { description: 'An EPCL report by its number, e.g. 22.' })
  async epclReport(
    @Arg('number', () => Int) number: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclReport> {
    if (number < 1) throw badUserInput('number', 'a positive report number', number);
    const report = await resolveCompiled<EpclReport | null>(
      ctx,
      info,
      lookup('epcl_report', (c, _a, p) => `${c}.number = ${p(number, 'int')}`),
      {},
    );
    if (!report) throw notFound('EPCL report', 'number', number);
    return report;
  }

  @Query(() => DmcConnection, { description: 'Device Model Combinations, filtered.' })
  dmcs(
    @Args() args: DmcsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Dmc>> {
    return resolveCompiled(ctx, info, dmcsConnection, { ...args });
  }

  @Query(() => Dmc, { description: 'A DMC by its natural key: cohort code and fingerprint.' })
  async dmc(
    @Arg('cohort', () => String, { description: 'e.g. MOC_SECURE' }) cohort: string,
    @Arg('fingerprint', () => String, { description: 'e.g. CHF:12+ESME:40' }) fingerprint: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc> {
    const dmc = await resolveCompiled<Dmc | null>(
      ctx,
      info,
      lookup(
        'dmc',
        (c, _a, p) =>
          `${c}.fingerprint = ${p(fingerprint, 'text')} and ${c}.cohort_id = (select id from cohort where code = ${p(cohort, 'text')})`,
      ),
      {},
    );
    if (!dmc) throw notFound('DMC', 'fingerprint', `${cohort}/${fingerprint}`);
    return dmc;
  }

  @Query(() => DeviceModelConnection)
  deviceModels(
    @Args() args: DeviceModelsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<DeviceModel>> {
    return resolveCompiled(ctx, info, deviceModelsConnection, { ...args });
  }

  @Query(() => DeviceModel, {
    description: 'A device model by manufacturer name, model name and hardware version.',
  })
  async deviceModel(
    @Arg('manufacturer', () => String) manufacturer: string,
    @Arg('model', () => String) model: string,
    @Arg('hardwareVersion', () => String) hardwareVersion: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DeviceModel> {
    const found = await resolveCompiled<DeviceModel | null>(
      ctx,
      info,
      lookup(
        'device_model',
        (c, _a, p) =>
          `${c}.model_name = ${p(model, 'text')} and ${c}.hardware_version = ${p(hardwareVersion, 'text')} and ${c}.manufacturer_id = (select id from manufacturer where name = ${p(manufacturer, 'text')})`,
      ),
      {},
    );
    if (!found) throw notFound('device model', 'key', `${manufacturer} / ${model} / ${hardwareVersion}`);
    return found;
  }

  @Query(() => FirmwareVersionConnection)
  firmwareVersions(
    @Args() args: FirmwareVersionsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveCompiled(ctx, info, firmwareVersionsConnection, { ...args });
  }

  @Query(() => ManufacturerConnection)
  manufacturers(
    @Args() args: ManufacturersArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Manufacturer>> {
    return resolveCompiled(ctx, info, manufacturersConnection, { ...args });
  }

  @Query(() => [Cohort], { description: 'The four SMETS1 cohorts.' })
  cohorts(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Cohort[]> {
    return resolveCompiled(ctx, info, all('cohort', 'id'), {});
  }

  @Query(() => TestReportConnection)
  testReports(
    @Args() args: TestReportsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveCompiled(ctx, info, testReportsConnection, { ...args });
  }

  @Query(() => TestingIssueConnection)
  testingIssues(
    @Args() args: TestingIssuesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<unknown> {
    return resolveCompiled(ctx, info, testingIssuesConnection, { ...args });
  }

  @Query(() => [TestingIssueThreshold], {
    description: 'Testing Issue Thresholds per capability release and severity (Clause 20.28).',
  })
  testingIssueThresholds(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TestingIssueThreshold[]> {
    return resolveCompiled(ctx, info, all('testing_issue_threshold', 'capability_release, severity'), {});
  }
}
