import { ADVISORY_LOCKS } from '../../core/db/advisory-locks';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { actorOf as viewerActor } from '../../core/graphql/authz';
import type { Context } from '../../core/graphql/context';
import { decodeGlobalId } from '../../core/graphql/compiler/global-id';
import { ruleViolation, userError, type UserError } from '../../core/graphql/user-error';
import {
  EntryBasis,
  EpclEntryState,
  EpclReportState,
  EvidenceRole,
  ReportGroup,
  SosDecision,
  SscMode,
} from '../common/enums';
import { Supplier } from '../inventory/inventory.entity';
import { TestReport } from '../testing/testing.entity';
import { EpclEntry, EpclEntryEvidence, EpclReport, EpclReportEntry } from './epcl.entity';
import { claimIdempotency, recordIdempotency, Replay } from './idempotency.service';
import { EpclListVersion, EpclObjection } from './lifecycle.entity';

/*
 * The EPCL process as writes (issue 8). Each operation validates its input before writing, then runs in one
 * unit of work that first locks every row it will change (reports, then entries, by id: a fixed order, so
 * concurrent lifecycle writes queue instead of deadlocking), compares `expectedVersion` with the locked row,
 * and writes. The database enforces the state machines (migrations/*DomainRules*) and records the history
 * (migrations/*LifecycleHistory*) from the settings `setLifecycle` puts in the transaction.
 */

export type LifecycleResult<K = number> = { id: K | null; userErrors: UserError[] };

/** Who the history names for a change made by a viewer: its credential's subject (`key:<prefix>`, the token subject), else its role. */
export const actorOf = (ctx: Context) => viewerActor(ctx.viewer);

/** Today in England & Wales, YYYY-MM-DD: statutory days end at midnight London time. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export type LifecycleSettings = {
  effectiveOn: string;
  actor: string;
  reason: string;
  reportId?: number | null;
};

/** Puts what the history triggers record into the current transaction (`set_config(…, true)`). */
export async function setLifecycle(em: EntityManager, s: LifecycleSettings): Promise<void> {
  await em.execute(
    `select set_config('lifecycle.effective_on', ?, true), set_config('lifecycle.actor', ?, true),
            set_config('lifecycle.reason', ?, true), set_config('lifecycle.report_id', ?, true)`,
    [s.effectiveOn, s.actor, s.reason, s.reportId == null ? '' : String(s.reportId)],
  );
}

/** Ends the transaction's unit of work with a result that writes nothing: every change is rolled back. */
export class Refused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super('refused');
  }
}
export const refuse = (code: string, message: string, field: string[] | null = null): never => {
  throw new Refused([userError(code, message, field)]);
};

/**
 * Runs `work` in one transaction; a refusal or a database rule violation becomes user errors. Under an
 * idempotency key (idempotency.service.ts), the transaction first waits for any call with the same key and
 * replays its result, and stores its own result when it applies.
 */
export async function inTransaction<K>(
  ctx: Context,
  field: string[] | null,
  work: (em: EntityManager) => Promise<K>,
): Promise<LifecycleResult<K>> {
  try {
    const id = await ctx.transactional(async (em) => {
      await claimIdempotency(em);
      const result = await work(em);
      await recordIdempotency(em, result);
      return result;
    });
    return { id, userErrors: [] };
  } catch (error) {
    if (error instanceof Replay) return error.result as LifecycleResult<K>;
    if (error instanceof Refused) return { id: null, userErrors: error.userErrors };
    const violation = ruleViolation(error, field);
    if (violation) return { id: null, userErrors: [violation] };
    throw error;
  }
}

/**
 * The report of `reportNumber`, locked for this transaction (FOR UPDATE unless `lock` says otherwise), at the
 * version the caller expects; refused with NOT_FOUND or STALE_VERSION otherwise.
 */
export async function lockReport(
  em: EntityManager,
  reportNumber: number,
  expectedVersion?: number | null,
  lock: LockMode.PESSIMISTIC_WRITE | LockMode.PESSIMISTIC_READ = LockMode.PESSIMISTIC_WRITE,
): Promise<EpclReport> {
  const report = await em.findOne(EpclReport, { number: reportNumber }, { lockMode: lock });
  if (!report) return refuse('NOT_FOUND', `no EPCL report ${reportNumber}`, ['input', 'reportNumber']);
  checkVersion(report, expectedVersion, `EPCL report ${report.number}`);
  return report;
}

export const EPCL_ID = /^[0-9]{6}$/;
export const MAX_TEXT = 2000;
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function checkDate(errors: UserError[], value: string, field: string, today: string) {
  if (value > today)
    errors.push(
      userError('INVALID_INPUT', `${field} cannot be in the future (today is ${today}); received ${value}`, [
        'input',
        field,
      ]),
    );
}

export function checkText(
  errors: UserError[],
  value: string | null | undefined,
  field: string,
  required: boolean,
) {
  const text = value?.trim() ?? '';
  if ((required && text.length === 0) || text.length > MAX_TEXT || CONTROL.test(text))
    errors.push(
      userError(
        'INVALID_INPUT',
        `${field} must be ${required ? '1' : '0'}–${MAX_TEXT} characters after trimming, without control characters; received ${text.length}`,
        ['input', field],
      ),
    );
  return text || null;
}

export function checkVersion(
  locked: { rowVersion: number },
  expected: number | null | undefined,
  what: string,
): void {
  if (expected != null && expected !== locked.rowVersion)
    refuse(
      'STALE_VERSION',
      `${what} has changed since you read it: it is at version ${locked.rowVersion}, you expected ${expected}; read it again and retry`,
      ['input', 'expectedVersion'],
    );
}

/* ── The Secretary of State's decision ───────────────────────────────────────────────────────────────── */

export type SosDecisionInput = {
  reportNumber: number;
  decision: SosDecision;
  decidedOn: string;
  approvedEpclIds?: string[] | null;
  expectedVersion?: number | null;
};

/**
 * Records the Secretary of State's decision on a report awaiting it: the report moves to the decision, its
 * PROPOSED entries to APPROVED (all of them, or those listed) or REJECTED, effective on `decidedOn`.
 */
export async function recordSecretaryOfStateDecision(
  ctx: Context,
  input: SosDecisionInput,
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  if (!Number.isInteger(input.reportNumber) || input.reportNumber < 1)
    errors.push(
      userError('INVALID_INPUT', 'reportNumber must be a positive report number', ['input', 'reportNumber']),
    );
  checkDate(errors, input.decidedOn, 'decidedOn', londonToday());
  const ids = input.approvedEpclIds ?? null;
  if (ids) {
    ids.forEach((id, i) => {
      if (!EPCL_ID.test(id))
        errors.push(
          userError(
            'INVALID_INPUT',
            `an EPCL ID is 6 digits, zero-padded, e.g. 002255; received ${JSON.stringify(id)}`,
            ['input', 'approvedEpclIds', String(i)],
          ),
        );
      else if (ids.indexOf(id) !== i)
        errors.push(
          userError('INVALID_INPUT', `EPCL ID ${id} is listed twice`, [
            'input',
            'approvedEpclIds',
            String(i),
          ]),
        );
    });
    if (input.decision === SosDecision.REJECTED && ids.length > 0)
      errors.push(
        userError('INVALID_INPUT', 'a REJECTED decision approves no entry: leave approvedEpclIds out', [
          'input',
          'approvedEpclIds',
        ]),
      );
  }
  if (input.decision === SosDecision.PARTIALLY_APPROVED && (!ids || ids.length === 0))
    errors.push(
      userError(
        'INVALID_INPUT',
        'a PARTIALLY_APPROVED decision lists the approved entries in approvedEpclIds',
        ['input', 'approvedEpclIds'],
      ),
    );
  if (errors.length) return { id: null, userErrors: errors };

  return inTransaction(ctx, null, async (em) => {
    const report = await lockReport(em, input.reportNumber, input.expectedVersion);
    if (report.state !== EpclReportState.AWAITING_SOS)
      refuse(
        'INVALID_STATE_TRANSITION',
        `EPCL report ${report.number} is ${report.state}: the Secretary of State decides on a report AWAITING_SOS (after its objection window has closed)`,
      );
    if (report.objectionDeadline && input.decidedOn <= report.objectionDeadline)
      refuse(
        'INVALID_INPUT',
        `decidedOn must be after the objection deadline ${report.objectionDeadline}; received ${input.decidedOn}`,
        ['input', 'decidedOn'],
      );

    const memberships = await em.find(EpclReportEntry, { report }, { fields: ['entry'] });
    const entries = await em.find(
      EpclEntry,
      { id: { $in: memberships.map((m) => m.entry.id) } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    const inReport = new Map(entries.map((e) => [e.epclId, e]));
    const unknown = (ids ?? []).map((id, i) => [id, i] as const).filter(([id]) => !inReport.has(id));
    if (unknown.length)
      throw new Refused(
        unknown.map(([id, i]) =>
          userError('INVALID_INPUT', `EPCL entry ${id} is not requested in report ${report.number}`, [
            'input',
            'approvedEpclIds',
            String(i),
          ]),
        ),
      );
    // Entries no longer proposed (e.g. withdrawn) are not decided, unless listed: then the database refuses.
    const proposed = entries.filter((e) => e.state === EpclEntryState.PROPOSED);
    const approved = new Set(
      input.decision === SosDecision.REJECTED ? [] : (ids ?? proposed.map((e) => e.epclId)),
    );
    if (input.decision === SosDecision.APPROVED && proposed.some((e) => !approved.has(e.epclId)))
      refuse(
        'INVALID_INPUT',
        `an APPROVED decision approves all ${proposed.length} proposed entries of the report; use PARTIALLY_APPROVED for some`,
        ['input', 'approvedEpclIds'],
      );

    await setLifecycle(em, {
      effectiveOn: input.decidedOn,
      actor: actorOf(ctx),
      reason: `Secretary of State decision on EPCL report ${report.number}: ${input.decision}`,
      reportId: report.id,
    });
    for (const entry of entries) {
      if (approved.has(entry.epclId)) entry.state = EpclEntryState.APPROVED;
      else if (entry.state === EpclEntryState.PROPOSED) entry.state = EpclEntryState.REJECTED;
    }
    report.state = input.decision as unknown as EpclReportState;
    report.sosDecision = input.decision;
    report.sosDecidedOn = input.decidedOn;
    await em.flush();
    return report.id;
  });
}

/* ── Publishing a version of the list ────────────────────────────────────────────────────────────────── */

/**
 * Publishes a version of the EPCL: every APPROVED entry goes ON_EPCL on `publishedOn`, which becomes its
 * date first added unless it was added before (the database keeps that date written once).
 */
export async function publishEpclListVersion(
  ctx: Context,
  input: { version: string; publishedOn: string },
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  const version = input.version.trim();
  if (version.length < 1 || version.length > 50 || CONTROL.test(version))
    errors.push(
      userError(
        'INVALID_INPUT',
        `version must be 1–50 characters after trimming, without control characters; received ${version.length}`,
        ['input', 'version'],
      ),
    );
  checkDate(errors, input.publishedOn, 'publishedOn', londonToday());
  if (errors.length) return { id: null, userErrors: errors };

  return inTransaction(ctx, ['input', 'version'], async (em) => {
    const entries = await em.find(
      EpclEntry,
      { state: EpclEntryState.APPROVED },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    if (entries.length === 0)
      refuse('NOTHING_TO_PUBLISH', 'no entry is APPROVED and waiting to be added to the EPCL', [
        'input',
        'version',
      ]);
    // The report whose decision approved each entry, and when: history must not run backwards.
    const approvals = await em.execute<
      { entry_id: number; report_id: number | null; effective_on: string }[]
    >(
      `select distinct on (entry_id) entry_id, report_id, effective_on::text as effective_on from state_change
        where entry_id = any(?::int[]) and to_state = 'APPROVED' order by entry_id, effective_on desc, id desc`,
      [`{${entries.map((e) => e.id).join(',')}}`], // an array literal: knex would expand a JS array
    );
    const latestApproval = approvals.reduce((max, a) => (a.effective_on > max ? a.effective_on : max), '');
    if (latestApproval && input.publishedOn < latestApproval)
      refuse(
        'INVALID_INPUT',
        `publishedOn must not be before the approval of the entries it adds (${latestApproval}); received ${input.publishedOn}`,
        ['input', 'publishedOn'],
      );
    const [last] = await em.find(EpclListVersion, {}, { orderBy: { publishedOn: 'desc' }, limit: 1 });
    if (last && input.publishedOn < last.publishedOn)
      refuse(
        'INVALID_INPUT',
        `publishedOn must not be before the last published list version (${last.version}, ${last.publishedOn}); received ${input.publishedOn}`,
        ['input', 'publishedOn'],
      );

    const reportOf = new Map(approvals.map((a) => [a.entry_id, a.report_id]));
    const byReport = new Map<number | null, EpclEntry[]>();
    for (const entry of entries) {
      const report = reportOf.get(entry.id) ?? null;
      byReport.set(report, [...(byReport.get(report) ?? []), entry]);
    }
    for (const [reportId, group] of byReport) {
      await setLifecycle(em, {
        effectiveOn: input.publishedOn,
        actor: actorOf(ctx),
        reason: `EPCL list version ${version} published`,
        reportId,
      });
      for (const entry of group) {
        entry.state = EpclEntryState.ON_EPCL;
        entry.dateFirstAdded ??= input.publishedOn;
      }
      await em.flush();
    }
    const listVersion = em.create(EpclListVersion, {
      version,
      publishedOn: input.publishedOn,
      entriesAdded: entries.length,
      actor: actorOf(ctx),
    });
    await em.flush();
    return listVersion.id;
  });
}

/* ── Proposing an entry ─────────────────────────────────────────────────────────────────────────────── */

/** The advisory lock that serialises EPCL ID allocation (any constant unique to this purpose). */
const EPCL_ID_ALLOCATION_LOCK = ADVISORY_LOCKS.epclIdAllocation;

export type ProposeInput = {
  entryId: string;
  basis: EntryBasis;
  basisEpclId?: string | null;
  evidence?: { testReportId: string; role: EvidenceRole }[] | null;
  proposedOn: string;
  expectedVersion: number;
};

export const keyOf = (id: string, typeName: string): number | undefined => {
  try {
    const decoded = decodeGlobalId(id);
    return decoded.typeName === typeName ? decoded.key : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Proposes an existing entry for the EPCL (from CANDIDATE, TEST_REPORT_FINAL, EXCLUDED_FROM_SCHEDULE,
 * REMOVED or REJECTED): sets its basis, the entry it rests on and its evidence, allocates its EPCL ID if it
 * has none (the next free one), effective on `proposedOn`. The database checks the basis (the relation to
 * the basis entry's DMC, no chains) and, at commit, the Clause 20.41 evidence.
 */
export async function proposeEpclEntry(ctx: Context, input: ProposeInput): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  const key = keyOf(input.entryId, 'EpclEntry');
  if (key === undefined)
    errors.push(userError('INVALID_INPUT', 'entryId must be the ID of an EpclEntry', ['input', 'entryId']));
  if (input.basisEpclId != null && !EPCL_ID.test(input.basisEpclId))
    errors.push(
      userError(
        'INVALID_INPUT',
        `an EPCL ID is 6 digits, zero-padded, e.g. 002255; received ${JSON.stringify(input.basisEpclId)}`,
        ['input', 'basisEpclId'],
      ),
    );
  const evidence = (input.evidence ?? []).map((e, i) => {
    const id = keyOf(e.testReportId, 'TestReport');
    if (id === undefined)
      errors.push(
        userError('INVALID_INPUT', 'testReportId must be the ID of a TestReport', [
          'input',
          'evidence',
          String(i),
          'testReportId',
        ]),
      );
    return { id, role: e.role, i };
  });
  checkDate(errors, input.proposedOn, 'proposedOn', londonToday());
  if (errors.length || key === undefined) return { id: null, userErrors: errors };

  return inTransaction(ctx, null, async (em) => {
    const entry = await em.findOne(EpclEntry, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!entry) return refuse('NOT_FOUND', `no EPCL entry ${input.entryId}`, ['input', 'entryId']);
    await entry.evidence.init();
    checkVersion(entry, input.expectedVersion, `EPCL entry ${entry.epclId ?? input.entryId}`);
    let basisEntry: EpclEntry | null = null;
    if (input.basisEpclId != null) {
      basisEntry = await em.findOne(EpclEntry, { epclId: input.basisEpclId });
      if (!basisEntry)
        return refuse('NOT_FOUND', `no EPCL entry ${input.basisEpclId}`, ['input', 'basisEpclId']);
    }
    for (const e of evidence) {
      const report = await em.findOne(TestReport, e.id!);
      if (!report)
        return refuse('NOT_FOUND', `no test report ${input.evidence![e.i].testReportId}`, [
          'input',
          'evidence',
          String(e.i),
          'testReportId',
        ]);
      if (!entry.evidence.getItems().some((x) => x.testReport.id === report.id && x.role === e.role))
        entry.evidence.add(em.create(EpclEntryEvidence, { entry, testReport: report, role: e.role }));
    }
    if (!entry.epclId) {
      await em.execute('select pg_advisory_xact_lock(?)', [EPCL_ID_ALLOCATION_LOCK]);
      const [{ next }] = await em.execute<{ next: string }[]>(
        `select lpad((coalesce(max(epcl_id::int), 0) + 1)::text, 6, '0') as next from epcl_entry`,
      );
      entry.epclId = next;
    }
    await setLifecycle(em, {
      effectiveOn: input.proposedOn,
      actor: actorOf(ctx),
      reason: `proposed (${input.basis})`,
    });
    entry.basis = input.basis;
    entry.basisEntry = basisEntry;
    entry.state = EpclEntryState.PROPOSED;
    await em.flush();
    return entry.id;
  });
}

/* ── One entry: withdrawal and removal ───────────────────────────────────────────────────────────────── */

export type EntryChangeInput = {
  epclId: string;
  effectiveOn: string;
  reason: string;
  expectedVersion: number;
};

/** Moves one entry to `to`, effective on the given date, if it is still at `expectedVersion`. */
export async function changeEntryState(
  ctx: Context,
  input: EntryChangeInput,
  to: EpclEntryState.WITHDRAWN | EpclEntryState.REMOVED,
  dateField: string,
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  if (!EPCL_ID.test(input.epclId))
    errors.push(
      userError(
        'INVALID_INPUT',
        `an EPCL ID is 6 digits, zero-padded, e.g. 002255; received ${JSON.stringify(input.epclId)}`,
        ['input', 'epclId'],
      ),
    );
  checkDate(errors, input.effectiveOn, dateField, londonToday());
  const reason = checkText(errors, input.reason, 'reason', true);
  if (errors.length) return { id: null, userErrors: errors };

  return inTransaction(ctx, null, async (em) => {
    const entry = await em.findOne(
      EpclEntry,
      { epclId: input.epclId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!entry) return refuse('NOT_FOUND', `no EPCL entry ${input.epclId}`, ['input', 'epclId']);
    checkVersion(entry, input.expectedVersion, `EPCL entry ${input.epclId}`);
    if (entry.state === to) refuse('INVALID_STATE_TRANSITION', `EPCL entry ${input.epclId} is already ${to}`);
    await setLifecycle(em, { effectiveOn: input.effectiveOn, actor: actorOf(ctx), reason: reason! });
    entry.state = to;
    await em.flush();
    return entry.id;
  });
}

/* ── Drafting a report ───────────────────────────────────────────────────────────────────────────────── */

/** Creates a report in DRAFTING; its history starts on `reportDate`. Returns its id. */
export async function createEpclReport(
  ctx: Context,
  input: { number: number; title: string; reportDate: string; dmctTranches?: number[] | null },
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  if (!Number.isInteger(input.number) || input.number < 1)
    errors.push(userError('INVALID_INPUT', 'number must be a positive report number', ['input', 'number']));
  const title = checkText(errors, input.title, 'title', true);
  checkDate(errors, input.reportDate, 'reportDate', londonToday());
  (input.dmctTranches ?? []).forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1)
      errors.push(
        userError('INVALID_INPUT', `a DMCT tranche is a positive number; received ${n}`, [
          'input',
          'dmctTranches',
          String(i),
        ]),
      );
  });
  if (errors.length) return { id: null, userErrors: errors };
  return inTransaction(ctx, ['input', 'number'], async (em) => {
    await setLifecycle(em, { effectiveOn: input.reportDate, actor: actorOf(ctx), reason: 'report drafted' });
    const report = em.create(EpclReport, {
      number: input.number,
      title: title!,
      reportDate: input.reportDate,
      dmctTranches: input.dmctTranches ?? [],
    });
    await em.flush();
    return report.id;
  });
}

export type ReportEntryInput = { epclId: string; group: ReportGroup; annexRow?: number | null };

/**
 * Adds entries to a report while it is DRAFTING, each in its group; the database checks the groups (Group 1
 * tested entries, Group 2 SE/child entries whose basis is in Group 1 or already approved). Group 1 is
 * written first, so a Group 2 entry may rest on an entry added in the same call. Entries keep their state.
 */
export async function addEntriesToEpclReport(
  ctx: Context,
  input: { reportNumber: number; entries: ReportEntryInput[]; expectedVersion?: number | null },
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  checkReportNumber(errors, input.reportNumber);
  if (input.entries.length < 1 || input.entries.length > 1000)
    errors.push(
      userError('INVALID_INPUT', `give 1–1000 entries; received ${input.entries.length}`, [
        'input',
        'entries',
      ]),
    );
  input.entries.forEach((e, i) => {
    if (!EPCL_ID.test(e.epclId))
      errors.push(
        userError(
          'INVALID_INPUT',
          `an EPCL ID is 6 digits, zero-padded, e.g. 002255; received ${JSON.stringify(e.epclId)}`,
          ['input', 'entries', String(i), 'epclId'],
        ),
      );
    else if (input.entries.findIndex((o) => o.epclId === e.epclId) !== i)
      errors.push(
        userError('INVALID_INPUT', `EPCL entry ${e.epclId} is listed twice`, [
          'input',
          'entries',
          String(i),
          'epclId',
        ]),
      );
    if (e.annexRow != null && (!Number.isInteger(e.annexRow) || e.annexRow < 1))
      errors.push(
        userError('INVALID_INPUT', 'annexRow is a positive row number', [
          'input',
          'entries',
          String(i),
          'annexRow',
        ]),
      );
  });
  if (errors.length) return { id: null, userErrors: errors };

  return inTransaction(ctx, ['input', 'entries'], async (em) => {
    const report = await lockReport(em, input.reportNumber, input.expectedVersion);
    if (report.state !== EpclReportState.DRAFTING)
      refuse(
        'INVALID_STATE_TRANSITION',
        `EPCL report ${report.number} is ${report.state}: entries are added while it is DRAFTING`,
      );
    const entries = await em.find(
      EpclEntry,
      { epclId: { $in: input.entries.map((e) => e.epclId) } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    const byEpclId = new Map(entries.map((e) => [e.epclId, e]));
    const missing = input.entries.map((e, i) => [e, i] as const).filter(([e]) => !byEpclId.has(e.epclId));
    if (missing.length)
      throw new Refused(
        missing.map(([e, i]) =>
          userError('NOT_FOUND', `no EPCL entry ${e.epclId}`, ['input', 'entries', String(i), 'epclId']),
        ),
      );
    const ordered = [...input.entries].sort(
      (a, b) =>
        Number(a.group !== ReportGroup.GROUP_1_TESTED) - Number(b.group !== ReportGroup.GROUP_1_TESTED),
    );
    for (const e of ordered) {
      em.create(EpclReportEntry, {
        report,
        entry: byEpclId.get(e.epclId)!,
        reportGroup: e.group,
        annexRow: e.annexRow ?? null,
      });
      await em.flush(); // one row at a time, in this order: the group rule reads the rows before it
    }
    // The report changed: bump its row version (the database does on any update).
    await em.execute('update epcl_report set row_version = row_version where id = ?', [report.id]);
    return report.id;
  });
}

/* ── Report steps before the decision: SSC review and confirmation, publication ─────────────────────────── */

type ReportStep = { to: EpclReportState; effectiveOn: string; reason: string };

/**
 * Moves a report through `steps` (each a recorded change, with its own effective date) after `apply` has
 * set the dates the steps need; the database refuses a step its state machine does not allow.
 */
async function stepReport(
  ctx: Context,
  reportNumber: number,
  expectedVersion: number | null | undefined,
  steps: ReportStep[],
  apply: (report: EpclReport) => void,
): Promise<LifecycleResult> {
  return inTransaction(ctx, null, async (em) => {
    const report = await lockReport(em, reportNumber, expectedVersion);
    // A step to the state the report is already in changes no state, so the database's state machine never
    // sees it: refuse it here, before `apply` could overwrite the step's dates.
    if (report.state === steps[0].to)
      refuse('INVALID_STATE_TRANSITION', `EPCL report ${report.number} is already ${report.state}`);
    apply(report);
    for (const step of steps) {
      await setLifecycle(em, { ...step, actor: actorOf(ctx), reportId: report.id });
      report.state = step.to;
      await em.flush();
    }
    return report.id;
  });
}

function checkReportNumber(errors: UserError[], n: number) {
  if (!Number.isInteger(n) || n < 1)
    errors.push(
      userError('INVALID_INPUT', 'reportNumber must be a positive report number', ['input', 'reportNumber']),
    );
}

/** Sends a drafted report to the Security Sub-Committee (DRAFTING → SSC_REVIEW). */
export async function submitEpclReportToSsc(
  ctx: Context,
  input: { reportNumber: number; submittedOn: string; expectedVersion?: number | null },
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  checkReportNumber(errors, input.reportNumber);
  checkDate(errors, input.submittedOn, 'submittedOn', londonToday());
  if (errors.length) return { id: null, userErrors: errors };
  return stepReport(
    ctx,
    input.reportNumber,
    input.expectedVersion,
    [{ to: EpclReportState.SSC_REVIEW, effectiveOn: input.submittedOn, reason: 'submitted to the SSC' }],
    () => undefined,
  );
}

/** Records the SSC's confirmation that the report raises no new security risks (SSC_REVIEW → SSC_CONFIRMED). */
export async function recordSscDecision(
  ctx: Context,
  input: { reportNumber: number; confirmedOn: string; mode: SscMode; expectedVersion?: number | null },
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  checkReportNumber(errors, input.reportNumber);
  checkDate(errors, input.confirmedOn, 'confirmedOn', londonToday());
  if (errors.length) return { id: null, userErrors: errors };
  return stepReport(
    ctx,
    input.reportNumber,
    input.expectedVersion,
    [
      {
        to: EpclReportState.SSC_CONFIRMED,
        effectiveOn: input.confirmedOn,
        reason: `SSC confirmed no new security risks (${input.mode.toLowerCase()})`,
      },
    ],
    (report) => {
      report.sscConfirmedOn = input.confirmedOn;
      report.sscMode = input.mode;
    },
  );
}

/**
 * Publishes a confirmed report and records SECAS's notification of it, which opens the objection window
 * (SSC_CONFIRMED → PUBLISHED → OBJECTION_WINDOW_OPEN); the database computes the objection deadline, 5
 * working days after the notification, and refuses publication without all ten Live Service Criteria.
 */
export async function publishEpclReport(
  ctx: Context,
  input: {
    reportNumber: number;
    publishedOn: string;
    secasNotifiedOn: string;
    expectedVersion?: number | null;
  },
): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  checkReportNumber(errors, input.reportNumber);
  const today = londonToday();
  checkDate(errors, input.publishedOn, 'publishedOn', today);
  checkDate(errors, input.secasNotifiedOn, 'secasNotifiedOn', today);
  if (input.secasNotifiedOn < input.publishedOn)
    errors.push(
      userError(
        'INVALID_INPUT',
        `SECAS notifies parties of a published report: secasNotifiedOn must not be before publishedOn (${input.publishedOn}); received ${input.secasNotifiedOn}`,
        ['input', 'secasNotifiedOn'],
      ),
    );
  if (errors.length) return { id: null, userErrors: errors };
  return stepReport(
    ctx,
    input.reportNumber,
    input.expectedVersion,
    [
      { to: EpclReportState.PUBLISHED, effectiveOn: input.publishedOn, reason: 'published (Clause 20.43)' },
      {
        to: EpclReportState.OBJECTION_WINDOW_OPEN,
        effectiveOn: input.secasNotifiedOn,
        reason: 'SECAS notified SEC Parties: objection window open',
      },
    ],
    (report) => {
      report.publishedOn = input.publishedOn;
      report.secasNotifiedOn = input.secasNotifiedOn;
    },
  );
}

/* ── Objections ──────────────────────────────────────────────────────────────────────────────────────── */

export type ObjectionInput = {
  reportNumber: number;
  supplierId: number;
  receivedOn: string;
  grounds: string;
};

/**
 * Records a Supplier Party's objection to a report whose objection window is open, received by the end of
 * the objection deadline day; later ones are refused with OBJECTION_WINDOW_CLOSED (the database enforces it
 * too). Returns the report's id.
 */
export async function recordObjection(ctx: Context, input: ObjectionInput): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  if (!Number.isInteger(input.reportNumber) || input.reportNumber < 1)
    errors.push(
      userError('INVALID_INPUT', 'reportNumber must be a positive report number', ['input', 'reportNumber']),
    );
  if (!Number.isInteger(input.supplierId) || input.supplierId < 1)
    errors.push(
      userError('INVALID_INPUT', 'supplierId must be a positive supplier id', ['input', 'supplierId']),
    );
  checkDate(errors, input.receivedOn, 'receivedOn', londonToday());
  const grounds = checkText(errors, input.grounds, 'grounds', true);
  if (errors.length) return { id: null, userErrors: errors };

  return inTransaction(ctx, null, async (em) => {
    const report = await lockReport(em, input.reportNumber, null, LockMode.PESSIMISTIC_READ);
    const supplier = await em.findOne(Supplier, input.supplierId);
    if (!supplier) return refuse('NOT_FOUND', `no supplier ${input.supplierId}`, ['input', 'supplierId']);
    if (report.state !== EpclReportState.OBJECTION_WINDOW_OPEN)
      refuse(
        'OBJECTION_WINDOW_CLOSED',
        `EPCL report ${report.number} is ${report.state}: objections are received only while its objection window is open`,
      );
    if (report.objectionDeadline && input.receivedOn > report.objectionDeadline)
      refuse(
        'OBJECTION_WINDOW_CLOSED',
        `the objection deadline of EPCL report ${report.number} was ${report.objectionDeadline}; received on ${input.receivedOn}`,
        ['input', 'receivedOn'],
      );
    em.create(EpclObjection, {
      report,
      supplier,
      receivedOn: input.receivedOn,
      grounds: grounds!,
      actor: actorOf(ctx),
    });
    await em.flush();
    return report.id;
  });
}

/* ── Transitions that fall due with time ─────────────────────────────────────────────────────────────── */

/**
 * Closes every objection window whose deadline day has ended in London: the report moves to
 * OBJECTION_WINDOW_CLOSED and on to AWAITING_SOS, both effective on the deadline. Reports another
 * transaction holds are left for the next run. Returns the numbers of the reports moved.
 */
export async function closeDueObjectionWindows(em: EntityManager, today = londonToday()): Promise<number[]> {
  // Joins the caller's transaction when there is one (the scheduler's, holding its advisory lock).
  return em.transactional(async (tx) => {
    const due = await tx.find(
      EpclReport,
      { state: EpclReportState.OBJECTION_WINDOW_OPEN, objectionDeadline: { $lt: today } },
      // skip locked: a report another transaction holds is left for the next run
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { id: 'asc' } },
    );
    for (const report of due) {
      const effectiveOn = report.objectionDeadline!;
      await setLifecycle(tx, {
        effectiveOn,
        actor: 'scheduler',
        reason: `objection window ended with its deadline day, ${effectiveOn} (Europe/London)`,
        reportId: report.id,
      });
      report.state = EpclReportState.OBJECTION_WINDOW_CLOSED;
      await tx.flush();
      await setLifecycle(tx, {
        effectiveOn,
        actor: 'scheduler',
        reason: `objection window closed: awaiting the Secretary of State's decision`,
        reportId: report.id,
      });
      report.state = EpclReportState.AWAITING_SOS;
      await tx.flush();
    }
    return due.map((r) => r.number);
  });
}
