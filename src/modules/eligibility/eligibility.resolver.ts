import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/graphql/context';
import { decodeIdOf, MAX_KEY } from '../../core/graphql/compiler/global-id';
import { badUserInput, forbidden, notFound } from '../../core/graphql/errors';
import { pageArgs } from '../../core/graphql/connection';
import { prepared } from '../../core/graphql/relay';
import { EpclReport } from '../epcl/epcl.types';
import { loadNode } from '../../core/graphql/compiler/node-loader';
import { DeviceModelRestriction, FirmwareVersion } from '../catalogue/catalogue.types';
import { Dmc } from '../dmc/dmc.types';
import { EpclEntry } from '../epcl/epcl.types';
import {
  INSTALLATION_COLUMNS,
  installationFromRow,
  supplierKey,
  viewerInstallations,
  viewerScope,
  type InstallationRow,
} from '../inventory/inventory.service';
import { Installation, InstallationConnection } from '../inventory/inventory.types';
import {
  BlockedInstallations,
  BlockedInstallationsFilter,
  DeviceUpgrade,
  Eligibility,
  ImpactEntry,
  ImpactEntryConnection,
  ImpactInstallation,
  ImpactInstallationConnection,
  UpgradeOption,
  ReportImpact,
  ReportVolumes,
  UpgradeCandidate,
  UpgradeCandidateConnection,
  UpgradeCandidatesArgs,
  type InstallsAndDevices,
} from './eligibility.types';
import { sqlParams } from '../../core/db/sql-params';
import {
  BLOCKED_REASON_SQL,
  BLOCKED_REASONS,
  blockedByReason,
  blockedFilterSql,
  explainEligibility,
  restrictionIds,
} from './eligibility.service';
import {
  countsByStatus as counts,
  impactEntriesPage,
  impactInstallationsPage,
  matchReport,
  reportVolumes,
  STATUSES,
  sumCounts as sum,
} from './report-volumes.service';
import { BlockerCode } from '../common/enums';
import { candidatesCtes, deviceHopsJson, LIVE_ENTRY_STATES } from './upgrade.sql';

/**
 * Query-cost weights of the analyses (the cost of a plain field is 1; see README, "Limits"). A report's
 * volumes or impact match every combination of the inventory against every entry of the report (about 0.3 s
 * each on the demo data, 0.5 s at 3,000,000 installations, docs/upgrade.md) and run on the small analysis pool,
 * so the default cost limit (25,000) lets one request ask for four, not dozens. Candidates for one target use
 * the per-DMC indexes (tens of ms) but multiply by their page and hops; transitive upgrades are a recursive
 * walk per firmware version.
 */
const COST = { REPORT_ANALYSIS: 5000, UPGRADE_CANDIDATES: 1000 } as const;

const cursorOf = (id: number) => Buffer.from(JSON.stringify(['CANDIDATE', id])).toString('base64');
function afterId(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(v) && v[0] === 'CANDIDATE' && Number.isInteger(v[1]) && v[1] > 0 && v[1] <= MAX_KEY)
      return v[1] as number;
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after', 'a cursor returned by this connection', cursor);
}

type CandidateRow = InstallationRow & {
  target_entry_id: number | null;
  hops: { deviceId: string; deviceType: string; from: number; to: number; path: number[] }[];
};

@Resolver()
export class EligibilityQueryResolver {
  @Query(() => UpgradeCandidateConnection, {
    // Query cost (src/core/graphql/limits.ts): every candidate match of the target DMC and its totals.
    complexity: COST.UPGRADE_CANDIDATES,
    description:
      'Unmigrated installations that could be firmware-upgraded to a DMC: same cohort, same device models (manufacturer, model, hardware), at least one firmware different, and every different firmware upgradeable to the DMC’s through directed over-the-air paths usable for the cohort. Dormant installations only over paths DCC may perform; a Mixed installation’s dormant meter likewise (no supplier operates it), its other devices over any usable path. Supplier viewers see only their own.',
  })
  async upgradeCandidates(
    @Args() args: UpgradeCandidatesArgs,
    @Ctx() ctx: Context,
  ): Promise<UpgradeCandidateConnection> {
    const dmcId = decodeIdOf('Dmc', args.targetDmc, 'targetDmc');
    const size = pageArgs(args, { forwardOnly: 'candidates page forwards only' }).limit;
    const after = afterId(args.after);
    const { values, p } = sqlParams();
    const target = p(dmcId, 'int');
    const filters = [viewerScope(ctx.viewer, p)];
    if (args.filter?.installationStatuses?.length)
      filters.push(`i.status = any(${p(args.filter.installationStatuses, 'text[]')})`);
    if (args.filter?.supplierId != null) {
      const supplierId = supplierKey(args.filter.supplierId, 'filter.supplierId');
      // A supplier asking for another supplier's candidates is refused, not answered with none.
      if (ctx.viewer.role === 'SUPPLIER' && supplierId !== ctx.viewer.supplierId)
        throw forbidden('A supplier may ask only for its own candidates (filter.supplierId)');
      filters.push(`i.supplier_id = ${p(supplierId, 'int')}`);
    }
    const [row] = await ctx.sql<{
      target_exists: boolean;
      totals: { status: string; installs: number; devices: number }[];
      page: CandidateRow[] | null;
    }>(
      `${candidatesCtes(target, filters, !args.includeWithoutEntry)}
       select exists (select 1 from dmc where id = ${target}) as target_exists,
              (select coalesce(json_agg(t), '[]'::json) from (select status, count(*)::int as installs, sum(device_count)::int as devices from cand group by status) t) as totals,
              (select json_agg(x order by x.id) from (
                 select ${INSTALLATION_COLUMNS}, ${deviceHopsJson('i.id', 'k.dmc_id', 'i.status')} as hops,
                        (select e.id from epcl_entry e where e.dmc_id = k.dmc_id and e.installation_status = i.status
                            and e.state in ${LIVE_ENTRY_STATES}) as target_entry_id
                   from (select * from cand ${after !== undefined ? `where id > ${p(after, 'int')}` : ''} order by id limit ${size + 1}) k
                   join installation i on i.id = k.id join supplier s on s.id = i.supplier_id left join device_combo c on c.id = i.combo_id) x) as page`,
      values,
    );
    if (!row.target_exists) throw notFound('DMC', 'id', args.targetDmc);
    const totalsBy = (key: 'installs' | 'devices') =>
      counts(Object.fromEntries(row.totals.map((t) => [t.status, t[key]])));
    const rows = row.page ?? [];
    const nodes = rows.slice(0, size).map((r) => ({
      installation: installationFromRow(r),
      targetEntryId: r.target_entry_id,
      devices: r.hops.map((h) => ({
        deviceId: h.deviceId,
        deviceType: h.deviceType as never,
        fromId: h.from,
        toId: h.to,
        pathIds: h.path,
        hops: h.path.length - 1,
      })),
      cursor: cursorOf(r.id),
    }));
    const totals: InstallsAndDevices = { installs: totalsBy('installs'), devices: totalsBy('devices') };
    return {
      edges: nodes.map((n) => ({ cursor: n.cursor, node: n })),
      nodes,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after !== undefined,
        startCursor: nodes[0]?.cursor ?? null,
        endCursor: nodes.at(-1)?.cursor ?? null,
      },
      totalCount: totals.installs.total,
      totals,
    };
  }
}

@Resolver(() => Installation)
export class InstallationEligibilityResolver {
  @FieldResolver(() => Eligibility)
  eligibility(@Root() root: Installation, @Ctx() ctx: Context): Promise<Eligibility> {
    return explainEligibility(ctx, root);
  }
}

@Resolver(() => EpclReport)
export class ReportVolumesResolver {
  @FieldResolver(() => ReportVolumes, {
    complexity: COST.REPORT_ANALYSIS,
    description:
      'The report’s Installs/Devices tables recomputed from the inventory (scoped to your installations for a supplier viewer), beside the published figures.',
  })
  async volumes(
    @Root() root: EpclReport,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ReportVolumes> {
    const { reportId } = prepared<{ reportId: number }>(root, info);
    return reportVolumes(ctx, reportId);
  }

  @FieldResolver(() => ReportImpact, {
    complexity: COST.REPORT_ANALYSIS,
    description:
      'Installations (by status) not eligible today that become eligible if the report is approved.',
  })
  async impact(
    @Root() root: EpclReport,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ): Promise<ReportImpact> {
    const { reportId } = prepared<{ reportId: number }>(root, info);
    const matched = (await matchReport(ctx, reportId)).filter((r) => !r.eligible_now);
    const by = (atTarget: boolean) =>
      counts(
        Object.fromEntries(
          STATUSES.map((s) => [
            s,
            matched
              .filter((m) => m.at_target === atTarget && m.status === s)
              .reduce((a, m) => a + m.installs, 0),
          ]),
        ),
      );
    const direct = by(true);
    const byFirmwareUpgrade = by(false);
    return { reportId, direct, byFirmwareUpgrade, total: sum([direct, byFirmwareUpgrade]) };
  }
}

const keyCursor = (kind: string, id: number) => Buffer.from(JSON.stringify([kind, id])).toString('base64');
function afterKey(kind: string, cursor: string | null | undefined): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (Array.isArray(v) && v[0] === kind && Number.isInteger(v[1]) && v[1] > 0 && v[1] <= MAX_KEY)
      return v[1] as number;
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after', 'a cursor returned by this connection', cursor);
}

@ArgsType()
class ImpactPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (default 20, at most 100).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string;
}

@Resolver(() => ReportImpact)
export class ReportImpactDrillDownResolver {
  @FieldResolver(() => ImpactEntryConnection, {
    complexity: COST.REPORT_ANALYSIS,
    description:
      'The report’s entries (by EPCL entry id; keyset cursors), each with the installations not eligible today that become eligible under it. Anyone may ask: DCC staff count every installation, a supplier only its own.',
  })
  async entries(
    @Root() root: ReportImpact,
    @Args() args: ImpactPageArgs,
    @Ctx() ctx: Context,
  ): Promise<ImpactEntryConnection> {
    const size = pageArgs(args).limit;
    const after = afterKey('IMPACT_ENTRY', args.after);
    const rows = await impactEntriesPage(ctx, root.reportId, size, after);
    const nodes = rows.slice(0, size).map((r) => ({
      entryId: r.entry_id,
      installations: r.installations,
      devices: r.devices,
    }));
    const cursors = nodes.map((n) => keyCursor('IMPACT_ENTRY', n.entryId));
    return {
      edges: nodes.map((node, i) => ({ cursor: cursors[i], node })),
      nodes,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after !== undefined,
        startCursor: cursors[0] ?? null,
        endCursor: cursors.at(-1) ?? null,
      },
      totalCount:
        rows[0]?.total ??
        (
          await ctx.sql<{ n: number }>(
            'select count(*)::int as n from epcl_report_entry where report_id = $1',
            [root.reportId],
          )
        )[0].n,
    };
  }

  @FieldResolver(() => ImpactInstallationConnection, {
    complexity: COST.REPORT_ANALYSIS,
    description:
      'The installations (by id; keyset cursors) not eligible today that become eligible if the report is approved, each with the entry it is counted under, as `impact` counts them. Anyone may ask: DCC staff see every installation, a supplier only its own.',
  })
  async installations(
    @Root() root: ReportImpact,
    @Args() args: ImpactPageArgs,
    @Ctx() ctx: Context,
  ): Promise<ImpactInstallationConnection> {
    const size = pageArgs(args).limit;
    const after = afterKey('IMPACT_INSTALLATION', args.after);
    const { total, page } = await impactInstallationsPage(ctx, root.reportId, size, after);
    const nodes = page.slice(0, size).map((r) => ({
      installation: installationFromRow(r),
      entryId: r.entry_id,
      atTarget: r.at_target,
      hops: r.hops,
    }));
    const cursors = page.slice(0, size).map((r) => keyCursor('IMPACT_INSTALLATION', r.id));
    return {
      edges: nodes.map((node, i) => ({ cursor: cursors[i], node })),
      nodes,
      pageInfo: {
        hasNextPage: page.length > size,
        hasPreviousPage: after !== undefined,
        startCursor: cursors[0] ?? null,
        endCursor: cursors.at(-1) ?? null,
      },
      totalCount: total,
    };
  }
}

@Resolver(() => ImpactEntry)
export class ImpactEntryFieldsResolver {
  @FieldResolver(() => EpclEntry)
  entry(
    @Root() root: ImpactEntry,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', root.entryId);
  }
}

@Resolver(() => ImpactInstallation)
export class ImpactInstallationFieldsResolver {
  @FieldResolver(() => EpclEntry, { description: 'The report’s entry it is counted under.' })
  entry(
    @Root() root: ImpactInstallation,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', root.entryId);
  }
}

/*
 * Catalogue objects reached from installations and eligibility answers: each batched per field and request
 * into one compiled statement with the selection asked for (see compiler/node-loader.ts).
 */

@Resolver(() => DeviceUpgrade)
export class DeviceUpgradeFieldsResolver {
  @FieldResolver(() => FirmwareVersion)
  fromFirmware(
    @Root() root: DeviceUpgrade,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FirmwareVersion | null> {
    return loadNode(ctx, info, 'FirmwareVersion', root.fromId);
  }

  @FieldResolver(() => FirmwareVersion)
  toFirmware(
    @Root() root: DeviceUpgrade,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FirmwareVersion | null> {
    return loadNode(ctx, info, 'FirmwareVersion', root.toId);
  }

  @FieldResolver(() => [FirmwareVersion], {
    description: 'Every version from the current one to the target, in upgrade order.',
  })
  async path(
    @Root() root: DeviceUpgrade,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(FirmwareVersion | null)[]> {
    return Promise.all(root.pathIds.map((id) => loadNode<FirmwareVersion>(ctx, info, 'FirmwareVersion', id)));
  }
}

@Resolver(() => UpgradeOption)
export class UpgradeOptionFieldsResolver {
  @FieldResolver(() => [DeviceModelRestriction], {
    description:
      'Post-enrolment functional restrictions of the target DMC’s device models (for the cohort): what the installation would live with once upgraded and migrated.',
  })
  async restrictions(
    @Root() root: UpgradeOption,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DeviceModelRestriction[]> {
    const ids = await restrictionIds(ctx, { dmcId: root.dmcId }, root.cohortId);
    return loadAll<DeviceModelRestriction>(ctx, info, 'DeviceModelRestriction', ids);
  }

  @FieldResolver(() => Dmc)
  dmc(
    @Root() root: UpgradeOption,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', root.dmcId);
  }

  @FieldResolver(() => EpclEntry)
  entry(
    @Root() root: UpgradeOption,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', root.entryId);
  }
}

@Resolver(() => Eligibility)
export class EligibilityFieldsResolver {
  @FieldResolver(() => [DeviceModelRestriction], {
    description:
      'Post-enrolment functional restrictions of the installation’s own device models (for its cohort), e.g. the Secure Liberty 110 boost and remote override, whatever its hardware version when the restriction names the model.',
  })
  async restrictions(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DeviceModelRestriction[]> {
    const ids = await restrictionIds(ctx, { modelIds: root.modelIds }, root.cohortId);
    return loadAll<DeviceModelRestriction>(ctx, info, 'DeviceModelRestriction', ids);
  }

  @FieldResolver(() => Dmc, { nullable: true })
  currentDmc(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Dmc | null> {
    return loadNode(ctx, info, 'Dmc', root.currentDmcId);
  }

  @FieldResolver(() => EpclEntry, {
    nullable: true,
    description: 'The EPCL entry of its current DMC for its status, in any state.',
  })
  entry(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', root.entryId);
  }

  @FieldResolver(() => [EpclEntry], {
    description:
      'The entry and what it rests on, in order: e.g. SE entry → tested entry, or Active (20.9) → tested Dormant entry. See each entry’s evidence and reports.',
  })
  basisChain(
    @Root() root: Eligibility,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(EpclEntry | null)[]> {
    return Promise.all(root.chainIds.map((id) => loadNode<EpclEntry>(ctx, info, 'EpclEntry', id)));
  }
}

@Resolver(() => UpgradeCandidate)
export class UpgradeCandidateFieldsResolver {
  @FieldResolver(() => EpclEntry, {
    nullable: true,
    description:
      'The target DMC’s EPCL entry for the installation’s status (proposed, approved or on the list) that the upgrade would make it eligible under; null only with `includeWithoutEntry: true`.',
  })
  targetEntry(
    @Root() root: UpgradeCandidate,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EpclEntry | null> {
    return loadNode(ctx, info, 'EpclEntry', root.targetEntryId);
  }
}

/** Several catalogue objects of one type by key, batched into the field's one compiled statement. */
async function loadAll<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  typeName: string,
  ids: number[],
): Promise<T[]> {
  const found = await Promise.all(ids.map((id) => loadNode<T>(ctx, info, typeName, id)));
  return found.filter((x): x is Awaited<T> => x !== null);
}

@Resolver(() => BlockedInstallations)
export class BlockedInstallationsResolver {
  @Query(() => BlockedInstallations, {
    description:
      'Installations that cannot migrate today, by reason, with a drill-down. Any viewer: a supplier sees only its own installations.',
  })
  async blockedInstallations(
    @Ctx() ctx: Context,
    @Arg('filter', () => BlockedInstallationsFilter, { nullable: true }) filter?: BlockedInstallationsFilter,
  ): Promise<BlockedInstallations> {
    return { filter: filter ?? null, byReason: await blockedByReason(ctx, filter ?? null) };
  }

  @FieldResolver(() => InstallationConnection, {
    description: 'The installations blocked for one reason, by id (the same filter and scope).',
  })
  installations(
    @Root() root: BlockedInstallations,
    @Ctx() ctx: Context,
    @Arg('reason', () => BlockerCode) reason: BlockerCode,
    @Arg('first', () => Int, { nullable: true, description: 'Page forwards: 1–100 items (default 20).' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<InstallationConnection> {
    if (!BLOCKED_REASONS.includes(reason))
      throw badUserInput('reason', `one of ${BLOCKED_REASONS.join(', ')}`, reason);
    return viewerInstallations(ctx, { first, after }, (p) => [
      ...blockedFilterSql(root.filter, p),
      `${BLOCKED_REASON_SQL} = ${p(reason, 'text')}`,
    ]);
  }
}
