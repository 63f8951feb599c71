import type { Client } from 'pg';
import { translateDbError } from '../../src/core/db/db-errors';
import { addWorkingDays } from '../support/working-days';
import { connectTestDatabase } from '../support/db';

/**
 * The database itself refuses writes that break the domain rules, with a named constraint, a message that
 * says what is wrong, and a stable code once translated. Every case goes straight to PostgreSQL: no ORM or
 * API validation stands in front of it.
 */
let db: Client;
let done: () => Promise<void>;

beforeAll(async () => {
  ({ db, done } = await connectTestDatabase());
});
afterAll(() => done());

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, params);
  if (rows.length !== 1) throw new Error(`expected one row from ${sql}, got ${rows.length}`);
  return rows[0] as T;
}

/** Runs `sql` (in its own transaction, committed so deferred checks fire) and returns the error. */
async function rejection(
  sql: string,
  params: unknown[] = [],
): Promise<{ constraint?: string; message: string; code: string; rule?: string }> {
  await db.query('begin');
  try {
    await db.query(sql, params);
    await db.query('commit');
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    const e = error as { constraint?: string; message: string; code: string };
    return { constraint: e.constraint, message: e.message, code: e.code, rule: translateDbError(e)?.code };
  }
  throw new Error(`expected the database to reject: ${sql}`);
}

const entryByEpclId = (epclId: string) =>
  one<{ id: number; dmc_id: number; installation_status: string }>(
    'select id, dmc_id, installation_status from epcl_entry where epcl_id = $1',
    [epclId],
  );

describe('EPCL entries', () => {
  it('rejects a malformed EPCL ID', async () => {
    const { dmc_id } = await entryByEpclId('002255');
    for (const bad of ['2255', '0022550', '00225A', ' 02255']) {
      const err = await rejection(
        `insert into epcl_entry (epcl_id, dmc_id, installation_status, state) values ($1, $2, 'MIXED', 'CANDIDATE')`,
        [bad, dmc_id],
      );
      expect(err).toMatchObject({
        code: '23514',
        constraint: 'epcl_entry_epcl_id_format',
        rule: 'EPCL_ID_FORMAT',
      });
      expect(translateDbError(err)?.message).toContain('6 digits, zero-padded');
    }
  });

  it('rejects a second entry for the same DMC and installation status', async () => {
    const { dmc_id } = await entryByEpclId('002255');
    const err = await rejection(
      `insert into epcl_entry (epcl_id, dmc_id, installation_status, state) values ('999001', $1, 'ACTIVE', 'CANDIDATE')`,
      [dmc_id],
    );
    expect(err).toMatchObject({
      code: '23505',
      constraint: 'epcl_entry_dmc_id_installation_status_unique',
      rule: 'DUPLICATE_EPCL_ENTRY',
    });
  });

  it('refuses to change a date first added once set, or to clear it', async () => {
    const onEpcl = await one<{ id: number; date_first_added: string }>(
      `select id, date_first_added::text from epcl_entry where state = 'ON_EPCL' order by id limit 1`,
    );
    for (const value of ['2030-01-01', null]) {
      const err = await rejection('update epcl_entry set date_first_added = $1 where id = $2', [
        value,
        onEpcl.id,
      ]);
      expect(err).toMatchObject({
        code: '23514',
        constraint: 'epcl_entry_date_first_added_write_once',
        rule: 'DATE_FIRST_ADDED_WRITE_ONCE',
      });
      expect(err.message).toContain(`was first added on ${onEpcl.date_first_added}`);
    }
    const after = await one<{ d: string }>(
      'select date_first_added::text as d from epcl_entry where id = $1',
      [onEpcl.id],
    );
    expect(after.d).toBe(onEpcl.date_first_added);
  });

  it('sets the date first added when an entry first reaches ON_EPCL, and keeps it on re-adding', async () => {
    const { id } = await entryByEpclId('002255');
    await db.query(`update epcl_entry set state = 'APPROVED' where id = $1`, [id]);
    await db.query(`update epcl_entry set state = 'ON_EPCL' where id = $1`, [id]);
    const first = await one<{ d: string }>(
      'select date_first_added::text as d from epcl_entry where id = $1',
      [id],
    );
    expect(first.d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const state of ['REMOVED', 'PROPOSED', 'APPROVED', 'ON_EPCL']) {
      await db.query('update epcl_entry set state = $1 where id = $2', [state, id]);
    }
    const again = await one<{ d: string }>(
      'select date_first_added::text as d from epcl_entry where id = $1',
      [id],
    );
    expect(again.d).toBe(first.d);
    const events = await db.query(
      `select type from domain_event where aggregate_id = $1::text and type = 'EpclEntryAdded'`,
      [id],
    );
    expect(events.rowCount).toBe(1);
  });

  it('refuses a state transition the Clause 20 process does not allow', async () => {
    const { id } = await entryByEpclId('002370');
    const err = await rejection(`update epcl_entry set state = 'ON_EPCL' where id = $1`, [id]);
    expect(err).toMatchObject({
      constraint: 'epcl_entry_state_transition',
      rule: 'INVALID_STATE_TRANSITION',
    });
    expect(err.message).toBe('EPCL entry 002370 cannot move from PROPOSED to ON_EPCL');
  });

  it('requires the Dormant DMCT TCR and the matching SIT TCR for a proposed Clause 20.9 entry (20.41)', async () => {
    const { id } = await entryByEpclId('002255');
    const err = await rejection(
      `delete from epcl_entry_evidence where entry_id = $1 and role = 'ACTIVE_SIT_TCR'`,
      [id],
    );
    expect(err).toMatchObject({
      constraint: 'epcl_entry_20_41_evidence',
      rule: 'MISSING_CLAUSE_20_41_EVIDENCE',
    });
    expect(err.message).toContain('Active SIT Test Completion Report');
  });

  it('refuses an SE entry resting on an entry that is itself SE (no chains)', async () => {
    const se = await one<{ id: number; dmc_id: number; basis_entry_id: number }>(
      `select e.id, e.dmc_id, e.basis_entry_id from epcl_entry e join epcl_report_entry r on r.entry_id = e.id
        join epcl_report p on p.id = r.report_id where p.number = 22 and e.basis = 'SUBSTANTIVELY_EQUIVALENT' order by e.id limit 1`,
    );
    const other = await one<{ id: number }>(
      `select id from epcl_entry where basis = 'SUBSTANTIVELY_EQUIVALENT' and id <> $1 and dmc_id <> $2 order by id limit 1`,
      [se.id, se.dmc_id],
    );
    const err = await rejection('update epcl_entry set basis_entry_id = $1 where id = $2', [other.id, se.id]);
    expect(err).toMatchObject({ constraint: 'epcl_entry_basis_entry_valid', rule: 'EPCL_ENTRY_BASIS' });
    expect(err.message).toContain('the basis entry must be tested (no chains)');
  });

  it('refuses an SE entry resting on a tested entry of another installation status, by update or insert', async () => {
    // A Group 2 Active entry of report 22, re-pointed at the Dormant tested entry of the same basis DMC.
    const se = await one<{ id: number; epcl_id: string; dmc_id: number }>(
      `select e.id, e.epcl_id, e.dmc_id from epcl_entry e join epcl_entry b on b.id = e.basis_entry_id
        where e.basis = 'SUBSTANTIVELY_EQUIVALENT' and e.installation_status = 'ACTIVE' and b.epcl_id = '002255' order by e.id limit 1`,
    );
    const dormant = await entryByEpclId('002254');
    const err = await rejection('update epcl_entry set basis_entry_id = $1 where id = $2', [
      dormant.id,
      se.id,
    ]);
    expect(err).toMatchObject({
      code: '23514',
      constraint: 'epcl_entry_basis_same_status',
      rule: 'EPCL_ENTRY_BASIS_STATUS',
    });
    expect(err.message).toContain(`Active entry ${se.epcl_id}`);
    expect(err.message).toContain('cannot rest on dormant entry 002254');

    // A new Mixed SE entry on that DMC, resting on the Dormant tested entry: the same refusal on insert.
    const mixed = await rejection(
      `insert into epcl_entry (dmc_id, installation_status, basis, basis_entry_id, state)
       values ($1, 'MIXED', 'SUBSTANTIVELY_EQUIVALENT', $2, 'CANDIDATE')`,
      [se.dmc_id, dormant.id],
    );
    expect(mixed).toMatchObject({
      constraint: 'epcl_entry_basis_same_status',
      rule: 'EPCL_ENTRY_BASIS_STATUS',
    });
  });

  it('refuses a child entry resting on a tested entry of another installation status', async () => {
    // A seeded child entry, and a tested entry of its basis DMC for another status (e.g. its Dormant twin).
    const child = await one<{ id: number; epcl_id: string; status: string; other_id: number; other: string }>(
      `select c.id, c.epcl_id, c.installation_status as status, o.id as other_id, o.epcl_id as other
         from epcl_entry c
         join epcl_entry b on b.id = c.basis_entry_id
         join epcl_entry o on o.dmc_id = b.dmc_id and o.id <> b.id and o.installation_status <> c.installation_status
                          and o.basis in ('TESTED', 'TESTED_VIA_DORMANT')
        where c.basis = 'CHILD_OF_TESTED'
        order by c.id, o.id limit 1`,
    );
    const err = await rejection('update epcl_entry set basis_entry_id = $1 where id = $2', [
      child.other_id,
      child.id,
    ]);
    expect(err).toMatchObject({
      code: '23514',
      constraint: 'epcl_entry_basis_same_status',
      rule: 'EPCL_ENTRY_BASIS_STATUS',
    });
    expect(err.message).toContain(`entry ${child.epcl_id} (child of tested) cannot rest on`);
    expect(err.message).toContain(`entry ${child.other}`);

    // Changing the child's own status away from its basis's: the same refusal.
    const other = child.status === 'ACTIVE' ? 'DORMANT' : 'ACTIVE';
    const restated = await rejection('update epcl_entry set installation_status = $1 where id = $2', [
      other,
      child.id,
    ]);
    expect(restated).toMatchObject({ constraint: 'epcl_entry_basis_same_status' });
  });
});

describe('DMC relations', () => {
  const testedDmcs = async () => {
    const d1 = await entryByEpclId('002254');
    const d2 = await entryByEpclId('002369');
    return { d1: d1.dmc_id, d2: d2.dmc_id };
  };

  it('rejects a substantive-equivalence chain', async () => {
    const { d1, d2 } = await testedDmcs();
    // d1 is the basis of report 22's electricity-only SE DMCs: making it equivalent to d2 would chain them.
    const err = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('SUBSTANTIVELY_EQUIVALENT_TO', $1, $2, 'test')`,
      [d1, d2],
    );
    expect(err).toMatchObject({ code: '23514', constraint: 'dmc_relation_no_se_chain', rule: 'SE_CHAIN' });
    expect(err.message).toContain('substantive equivalence chains are not allowed');

    const seSubject = await one<{ subject_id: number; basis_id: number }>(
      `select subject_id, basis_id from dmc_relation where kind = 'SUBSTANTIVELY_EQUIVALENT_TO' and basis_id = $1 limit 1`,
      [d1],
    );
    await db.query(
      `insert into epcl_entry (dmc_id, installation_status, basis, state) values ($1, 'MIXED', 'TESTED', 'CANDIDATE')`,
      [seSubject.subject_id],
    );
    const newcomer = await one<{ id: number }>(
      `select d.id from dmc d where d.cohort_id = (select cohort_id from dmc where id = $1)
         and not exists (select 1 from dmc_relation r where r.subject_id = d.id or r.basis_id = d.id) order by d.id limit 1`,
      [d1],
    );
    const chained = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('SUBSTANTIVELY_EQUIVALENT_TO', $1, $2, 'test')`,
      [newcomer.id, seSubject.subject_id],
    );
    expect(chained).toMatchObject({ constraint: 'dmc_relation_no_se_chain', rule: 'SE_CHAIN' });
    expect(chained.message).toContain(`is itself substantively equivalent to DMC ${seSubject.basis_id}`);
  });

  it('rejects an SE basis that has no tested entry', async () => {
    const { d1 } = await testedDmcs();
    const untested = await one<{ id: number }>(
      `select d.id from dmc d where d.cohort_id = (select cohort_id from dmc where id = $1) and d.id <> $1
         and not exists (select 1 from epcl_entry e where e.dmc_id = d.id and e.basis in ('TESTED','TESTED_VIA_DORMANT')) order by d.id limit 1`,
      [d1],
    );
    const err = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('SUBSTANTIVELY_EQUIVALENT_TO', $1, $2, 'test')`,
      [d1, untested.id],
    );
    expect(err).toMatchObject({ constraint: 'dmc_relation_se_basis_tested', rule: 'SE_BASIS_NOT_TESTED' });
  });

  it('rejects a child that is not a strict subset of its parent', async () => {
    const { d1, d2 } = await testedDmcs();
    // d1 (CHF + ESME) ⊂ d2 (CHF + ESME + GSME + GPF): the reverse is not a child, nor is a DMC of itself.
    const err = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('CHILD_OF', $1, $2, 'test')`,
      [d2, d1],
    );
    expect(err).toMatchObject({
      constraint: 'dmc_relation_child_strict_subset',
      rule: 'CHILD_NOT_STRICT_SUBSET',
    });
    expect(err.message).toContain(`DMC ${d2} cannot be a child of DMC ${d1}`);
    const differentFirmware = await one<{ id: number }>(
      `select subject_id as id from dmc_relation where kind = 'SUBSTANTIVELY_EQUIVALENT_TO' and basis_id = $1 limit 1`,
      [d1],
    );
    const err2 = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('CHILD_OF', $1, $2, 'test')`,
      [differentFirmware.id, d2],
    );
    expect(err2.constraint).toBe('dmc_relation_child_strict_subset');
    // The genuine subset is accepted.
    await db.query(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('CHILD_OF', $1, $2, 'electricity-only part')`,
      [d1, d2],
    );
  });

  it('rejects a relation across cohorts and a blank rationale', async () => {
    const { d1, d2 } = await testedDmcs();
    const foreign = await one<{ id: number }>(
      'select id from dmc where cohort_id <> (select cohort_id from dmc where id = $1) limit 1',
      [d1],
    );
    const err = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('CHILD_OF', $1, $2, 'x')`,
      [foreign.id, d1],
    );
    expect(err).toMatchObject({ constraint: 'dmc_relation_same_cohort', rule: 'DMC_RELATION_COHORT' });
    const blank = await rejection(
      `insert into dmc_relation (kind, subject_id, basis_id, rationale) values ('CHILD_OF', $1, $2, '  ')`,
      [d1, d2],
    );
    expect(blank).toMatchObject({
      constraint: 'dmc_relation_rationale_not_blank',
      rule: 'RATIONALE_REQUIRED',
    });
  });

  it('checks at commit that a DMC fingerprint matches its slots', async () => {
    const { d1 } = await testedDmcs();
    const mismatch = await rejection(`update dmc set fingerprint = fingerprint || '+PPMID:1' where id = $1`, [
      d1,
    ]);
    expect(mismatch).toMatchObject({ constraint: 'dmc_fingerprint_matches_slots', rule: 'DMC_FINGERPRINT' });
  });
});

describe('firmware, devices and testing issues', () => {
  it('rejects an upgrade path across two device models', async () => {
    const pair = await one<{ a: number; b: number; ma: number; mb: number }>(
      `select a.id as a, b.id as b, a.device_model_id as ma, b.device_model_id as mb from firmware_version a
         join firmware_version b on b.device_type = a.device_type and b.device_model_id <> a.device_model_id limit 1`,
    );
    const err = await rejection(
      'insert into firmware_upgrade_path (from_firmware_id, to_firmware_id) values ($1, $2)',
      [pair.a, pair.b],
    );
    expect(err).toMatchObject({
      code: '23514',
      constraint: 'firmware_upgrade_path_same_device_model',
      rule: 'UPGRADE_PATH_CROSSES_DEVICE_MODELS',
    });
    expect(err.message).toBe(
      `a firmware upgrade path must stay within one device model: firmware ${pair.a} belongs to device model ${pair.ma} but firmware ${pair.b} belongs to device model ${pair.mb}`,
    );
  });

  it('rejects an EUI-64 in the wrong format', async () => {
    const device = await one<{ installation_id: number; device_type: string; firmware_version_id: number }>(
      'select installation_id, device_type, firmware_version_id from device limit 1',
    );
    for (const bad of [
      '00DB1234567890A0',
      '00-db-12-34-56-78-90-a0',
      '00-DB-12-34-56-78-90',
      '00:DB:12:34:56:78:90:A0',
    ]) {
      const err = await rejection(
        'insert into device (eui64, installation_id, device_type, firmware_version_id) values ($1, $2, $3, $4)',
        [bad, device.installation_id, device.device_type, device.firmware_version_id],
      );
      expect(err).toMatchObject({ code: '23514', constraint: 'device_eui64_format', rule: 'EUI64_FORMAT' });
    }
    await db.query(
      'insert into device (eui64, installation_id, device_type, firmware_version_id) values ($1, $2, $3, $4)',
      ['FF-DB-12-34-56-78-90-A0', device.installation_id, device.device_type, device.firmware_version_id],
    );
  });

  it("rejects a device whose type is not its firmware's device type", async () => {
    const device = await one<{ installation_id: number; firmware_version_id: number }>(
      `select installation_id, firmware_version_id from device where device_type = 'ESME' limit 1`,
    );
    const err = await rejection(
      `insert into device (eui64, installation_id, device_type, firmware_version_id) values ('FF-DB-00-00-00-00-00-01', $1, 'GSME', $2)`,
      [device.installation_id, device.firmware_version_id],
    );
    expect(err).toMatchObject({
      code: '23503',
      constraint: 'device_type_matches_firmware',
      rule: 'DEVICE_TYPE_MISMATCH',
    });
  });

  it('rejects a not-counted testing issue without a rationale (Clause 20.29)', async () => {
    const report = await one<{ id: number }>('select id from test_report order by id limit 1');
    for (const rationale of [null, '', '   ']) {
      const err = await rejection(
        `insert into testing_issue (ref, test_report_id, severity, status, counts_against_threshold, not_counted_rationale, title)
         values ('T-NEW-1', $1, 3, 'OPEN', false, $2, 'x')`,
        [report.id, rationale],
      );
      expect(err).toMatchObject({
        code: '23514',
        constraint: 'testing_issue_not_counted_needs_rationale',
        rule: 'RATIONALE_REQUIRED',
      });
    }
  });
});

describe('statutory windows and the outbox', () => {
  it('computes the objection deadline and the referral window from working days', async () => {
    const report = await one<{ objection_deadline: string }>(
      `select objection_deadline::text from epcl_report where number = 22`,
    );
    expect(report.objection_deadline).toBe('2021-12-10');
    const tr = await one<{ id: number }>(
      `insert into test_report (kind, title, state, shared_with_suppliers_on) values ('DMCT_TESTING_REPORT', 't', 'SHARED_WITH_SUPPLIERS', '2021-12-24') returning id`,
    );
    const window = await one<{ d: string }>(
      'select referral_window_ends_on::text as d from test_report where id = $1',
      [tr.id],
    );
    // 27, 28 Dec 2021 and 3 Jan 2022 are substitute bank holidays.
    expect(window.d).toBe('2022-01-12');
    expect(window.d).toBe(addWorkingDays('2021-12-24', 10));
  });

  it('writes a domain event in the same transaction as the state change, and never alone', async () => {
    const { id } = await entryByEpclId('002370');
    const count = async () =>
      Number(
        (
          await one<{ n: string }>(
            `select count(*) as n from domain_event where aggregate_id = $1::text and type = 'EpclEntryStateChanged'`,
            [id],
          )
        ).n,
      );
    const before = await count();
    await db.query('begin');
    await db.query(`update epcl_entry set state = 'WITHDRAWN' where id = $1`, [id]);
    await db.query('rollback');
    expect(await count()).toBe(before);
    await db.query(`update epcl_entry set state = 'WITHDRAWN' where id = $1`, [id]);
    expect(await count()).toBe(before + 1);
    const event = await one<{ payload: { previousState: string; state: string; epclId: string } }>(
      `select payload from domain_event where aggregate_id = $1::text and type = 'EpclEntryStateChanged' order by id desc limit 1`,
      [id],
    );
    expect(event.payload).toMatchObject({ previousState: 'PROPOSED', state: 'WITHDRAWN', epclId: '002370' });
  });

  it('keeps the outbox append-only', async () => {
    const event = await one<{ id: string }>('select id::text from domain_event order by id limit 1');
    const del = await rejection('delete from domain_event where id = $1', [event.id]);
    expect(del).toMatchObject({ constraint: 'domain_event_append_only', rule: 'APPEND_ONLY' });
    const edit = await rejection(`update domain_event set type = 'Forged' where id = $1`, [event.id]);
    expect(edit.constraint).toBe('domain_event_append_only');
    await db.query('update domain_event set published_at = now() where id = $1', [event.id]);
  });
});
