import { Migration } from '@mikro-orm/migrations';

/**
 * Domain rules the database enforces itself, so that no writer (this service, a script, psql) can break them.
 * Hand-written and reviewed; the table shapes come from the generated initial migration.
 *
 * Every rule that raises uses SQLSTATE 23514 (check_violation) and names a constraint, so clients map
 * failures by constraint name exactly as they do for declarative CHECK and UNIQUE constraints
 * (see src/core/db/db-errors.ts).
 */
export class Migration20261128173500_DomainRules extends Migration {
  override async up(): Promise<void> {
    // ── Type consistency through composite foreign keys (cheap, declarative, index-backed) ──────────────
    this.addSql(`alter table firmware_version add constraint firmware_version_type_matches_model
      foreign key (device_model_id, device_type) references device_model (id, device_type) on update cascade;`);
    this.addSql(`alter table dmc_slot add constraint dmc_slot_type_matches_firmware
      foreign key (firmware_version_id, device_type) references firmware_version (id, device_type);`);
    this.addSql(`alter table device add constraint device_type_matches_firmware
      foreign key (firmware_version_id, device_type) references firmware_version (id, device_type);`);

    this.addSql(`create unique index firmware_upgrade_path_unique
      on firmware_upgrade_path (from_firmware_id, to_firmware_id, coalesce(cohort_id, 0));`);
    this.addSql(`create unique index firmware_version_hex_unique
      on firmware_version (device_model_id, version_hex) where version_hex is not null;`);

    // ── Helpers ───────────────────────────────────────────────────────────────────────────────────────────
    this.addSql(`create function raise_rule(p_constraint text, p_message text, p_hint text default null)
      returns void language plpgsql as $$
      begin
        raise exception using errcode = 'check_violation', constraint = p_constraint, message = p_message,
          hint = coalesce(p_hint, '');
      end $$;`);

    this
      .addSql(`create function emit_domain_event(event_type text, aggregate_type text, aggregate_id text, payload jsonb)
      returns void language sql as $$
        insert into domain_event (type, aggregate_type, aggregate_id, payload)
        values (event_type, aggregate_type, aggregate_id, payload);
      $$;`);

    // ── Firmware upgrade paths stay within one device model ─────────────────────────────────────────────
    this.addSql(`create function firmware_upgrade_path_check() returns trigger language plpgsql as $$
      declare from_model int; to_model int;
      begin
        select device_model_id into from_model from firmware_version where id = new.from_firmware_id;
        select device_model_id into to_model from firmware_version where id = new.to_firmware_id;
        if from_model is distinct from to_model then
          perform raise_rule('firmware_upgrade_path_same_device_model',
            format('a firmware upgrade path must stay within one device model: firmware %s belongs to device model %s but firmware %s belongs to device model %s',
                   new.from_firmware_id, from_model, new.to_firmware_id, to_model),
            'hardware cannot change by firmware; a different device model needs a device exchange');
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger firmware_upgrade_path_check before insert or update on firmware_upgrade_path
      for each row execute function firmware_upgrade_path_check();`);

    // ── DMC identity: the fingerprint is the canonical list of slots ─────────────────────────────────────
    this.addSql(`create function dmc_fingerprint(target_dmc int) returns text language sql stable as $$
        select coalesce(string_agg(device_type || ':' || firmware_version_id, '+'
                                   order by device_type, firmware_version_id), '')
        from dmc_slot where dmc_id = target_dmc;
      $$;`);
    this.addSql(`create function dmc_consistency_check() returns trigger language plpgsql as $$
      declare target int; stored text; computed text; chf int; meters int;
      begin
        -- Branches, not CASE: PL/pgSQL resolves every field reference of a CASE against the row type.
        if tg_table_name = 'dmc' then target := new.id;
        elsif tg_op = 'DELETE' then target := old.dmc_id;
        else target := new.dmc_id;
        end if;
        select fingerprint into stored from dmc where id = target;
        if not found then return null; end if;   -- the DMC itself was deleted
        computed := dmc_fingerprint(target);
        if stored is distinct from computed then
          perform raise_rule('dmc_fingerprint_matches_slots',
            format('DMC %s has fingerprint %L but its slots give %L', target, stored, computed),
            'the fingerprint is the slots as DEVICE_TYPE:firmwareVersionId joined by +, sorted');
        end if;
        select count(*) filter (where device_type = 'CHF'), count(*) filter (where device_type in ('ESME','GSME'))
          into chf, meters from dmc_slot where dmc_id = target;
        if chf <> 1 or meters < 1 then
          perform raise_rule('dmc_minimum_composition',
            format('DMC %s must have exactly one CHF slot and at least one ESME or GSME slot (has %s CHF, %s meters)', target, chf, meters));
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger dmc_consistency after insert or update on dmc
      deferrable initially deferred for each row execute function dmc_consistency_check();`);
    this.addSql(`create constraint trigger dmc_slot_consistency after insert or update or delete on dmc_slot
      deferrable initially deferred for each row execute function dmc_consistency_check();`);

    // ── DMC relations: same cohort; child = strict subset; SE basis tested and no chains ────────────────
    this.addSql(`create function dmc_relation_check() returns trigger language plpgsql as $$
      declare subject_cohort int; basis_cohort int; missing int; subject_size int; basis_size int; other int;
      begin
        select cohort_id into subject_cohort from dmc where id = new.subject_id;
        select cohort_id into basis_cohort from dmc where id = new.basis_id;
        if subject_cohort is distinct from basis_cohort then
          perform raise_rule('dmc_relation_same_cohort',
            format('DMC %s (cohort %s) and DMC %s (cohort %s) are in different cohorts; %s needs both in one cohort',
                   new.subject_id, subject_cohort, new.basis_id, basis_cohort, new.kind));
        end if;
        if new.kind = 'CHILD_OF' then
          select count(*) into missing from (
            select device_type, firmware_version_id from dmc_slot where dmc_id = new.subject_id
            except all
            select device_type, firmware_version_id from dmc_slot where dmc_id = new.basis_id) extra;
          select count(*) into subject_size from dmc_slot where dmc_id = new.subject_id;
          select count(*) into basis_size from dmc_slot where dmc_id = new.basis_id;
          if missing > 0 or subject_size >= basis_size then
            perform raise_rule('dmc_relation_child_strict_subset',
              format('DMC %s cannot be a child of DMC %s: a child''s slots must be a strict subset of its parent''s with the same firmware (%s of its %s slots are not in the parent, which has %s slots)',
                     new.subject_id, new.basis_id, missing, subject_size, basis_size));
          end if;
        else
          if not exists (select 1 from epcl_entry e where e.dmc_id = new.basis_id and e.basis in ('TESTED','TESTED_VIA_DORMANT')) then
            perform raise_rule('dmc_relation_se_basis_tested',
              format('DMC %s cannot be the basis of a substantive equivalence: it has no tested EPCL entry', new.basis_id));
          end if;
          select r.basis_id into other from dmc_relation r
            where r.kind = 'SUBSTANTIVELY_EQUIVALENT_TO' and r.subject_id = new.basis_id and r.id is distinct from new.id limit 1;
          if found then
            perform raise_rule('dmc_relation_no_se_chain',
              format('substantive equivalence chains are not allowed: basis DMC %s is itself substantively equivalent to DMC %s',
                     new.basis_id, other), format('declare DMC %s equivalent to DMC %s directly', new.subject_id, other));
          end if;
          if exists (select 1 from dmc_relation r where r.kind = 'SUBSTANTIVELY_EQUIVALENT_TO'
                       and r.basis_id = new.subject_id and r.id is distinct from new.id) then
            perform raise_rule('dmc_relation_no_se_chain',
              format('substantive equivalence chains are not allowed: DMC %s is already the basis of another equivalence', new.subject_id));
          end if;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger dmc_relation_check before insert or update on dmc_relation
      for each row execute function dmc_relation_check();`);

    // ── EPCL entries ──────────────────────────────────────────────────────────────────────────────────────
    this.addSql(`create function epcl_entry_transition_allowed(from_state text, to_state text) returns boolean
      language sql immutable as $$
        select (from_state, to_state) in (
          ('CANDIDATE','ON_DMCT_SCHEDULE'), ('CANDIDATE','EXCLUDED_FROM_SCHEDULE'), ('CANDIDATE','PROPOSED'),
          ('ON_DMCT_SCHEDULE','IN_TEST'), ('ON_DMCT_SCHEDULE','EXCLUDED_FROM_SCHEDULE'),
          ('IN_TEST','TEST_REPORT_DRAFT'), ('TEST_REPORT_DRAFT','TEST_REPORT_FINAL'),
          ('TEST_REPORT_FINAL','PROPOSED'), ('EXCLUDED_FROM_SCHEDULE','PROPOSED'),
          ('PROPOSED','APPROVED'), ('PROPOSED','REJECTED'), ('APPROVED','ON_EPCL'), ('ON_EPCL','REMOVED'),
          ('REMOVED','PROPOSED'), ('REJECTED','PROPOSED'), ('WITHDRAWN','CANDIDATE'))
          or (to_state = 'WITHDRAWN' and from_state not in ('ON_EPCL','REMOVED','WITHDRAWN'));
      $$;`);
    this.addSql(`create function epcl_entry_check() returns trigger language plpgsql as $$
      declare b epcl_entry%rowtype;
      begin
        if tg_op = 'UPDATE' then
          if old.date_first_added is not null and new.date_first_added is distinct from old.date_first_added then
            perform raise_rule('epcl_entry_date_first_added_write_once',
              format('EPCL entry %s was first added on %s; that date is written once and cannot change (to %s)',
                     coalesce(old.epcl_id, old.id::text), old.date_first_added, coalesce(new.date_first_added::text, 'null')));
          end if;
          if old.epcl_id is not null and new.epcl_id is distinct from old.epcl_id then
            perform raise_rule('epcl_entry_epcl_id_write_once',
              format('EPCL ID %s is allocated and cannot change (to %s)', old.epcl_id, coalesce(new.epcl_id, 'null')));
          end if;
          if new.state is distinct from old.state then
            if not epcl_entry_transition_allowed(old.state, new.state) then
              perform raise_rule('epcl_entry_state_transition',
                format('EPCL entry %s cannot move from %s to %s', coalesce(old.epcl_id, old.id::text), old.state, new.state));
            end if;
            new.state_changed_at := now();
          end if;
        end if;
        if new.state = 'ON_EPCL' and new.date_first_added is null then
          new.date_first_added := current_date;
        end if;
        if new.basis_entry_id is not null then
          select * into b from epcl_entry where id = new.basis_entry_id;
          if new.basis = 'TESTED_VIA_DORMANT' and
             (b.dmc_id <> new.dmc_id or b.installation_status <> 'DORMANT' or b.basis is distinct from 'TESTED') then
            perform raise_rule('epcl_entry_basis_entry_valid',
              format('an Active or Mixed entry on the Clause 20.9 basis must rest on the same DMC''s tested Dormant entry; entry %s is not one',
                     coalesce(b.epcl_id, b.id::text)));
          elsif new.basis in ('SUBSTANTIVELY_EQUIVALENT','CHILD_OF_TESTED') then
            if b.basis is null or b.basis not in ('TESTED','TESTED_VIA_DORMANT') then
              perform raise_rule('epcl_entry_basis_entry_valid',
                format('entry %s cannot rest on entry %s, whose basis is %s: the basis entry must be tested (no chains)',
                       coalesce(new.epcl_id, 'new'), coalesce(b.epcl_id, b.id::text), coalesce(b.basis, 'not set')));
            end if;
            if not exists (select 1 from dmc_relation r where r.subject_id = new.dmc_id and r.basis_id = b.dmc_id
                             and r.kind = case new.basis when 'CHILD_OF_TESTED' then 'CHILD_OF' else 'SUBSTANTIVELY_EQUIVALENT_TO' end) then
              perform raise_rule('epcl_entry_basis_entry_valid',
                format('entry %s has basis %s but DMC %s has no such relation to DMC %s of entry %s',
                       coalesce(new.epcl_id, 'new'), new.basis, new.dmc_id, b.dmc_id, coalesce(b.epcl_id, b.id::text)));
            end if;
          end if;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger epcl_entry_check before insert or update on epcl_entry
      for each row execute function epcl_entry_check();`);

    // Clause 20.41: an Active/Mixed entry on the 20.9 basis, once proposed, references the Dormant DMCT TCR
    // and the matching SIT TCR. Checked at commit so entry and evidence can be written in one transaction.
    this.addSql(`create function epcl_entry_evidence_rule() returns trigger language plpgsql as $$
      declare e epcl_entry%rowtype; target int; sit text;
      begin
        if tg_table_name = 'epcl_entry' then target := new.id;
        elsif tg_op = 'DELETE' then target := old.entry_id;
        else target := new.entry_id;
        end if;
        select * into e from epcl_entry where id = target;
        if not found or e.basis is distinct from 'TESTED_VIA_DORMANT'
           or e.state not in ('PROPOSED','APPROVED','ON_EPCL') then
          return null;
        end if;
        sit := case e.installation_status when 'ACTIVE' then 'ACTIVE_SIT_TCR' else 'MIXED_SIT_TCR' end;
        if not exists (select 1 from epcl_entry_evidence where entry_id = e.id and role = 'DORMANT_DMCT_TCR')
           or not exists (select 1 from epcl_entry_evidence where entry_id = e.id and role = sit) then
          perform raise_rule('epcl_entry_20_41_evidence',
            format('EPCL entry %s (%s, Clause 20.9 basis) must reference the Dormant DMCT Test Completion Report and the %s SIT Test Completion Report (Clause 20.41)',
                   coalesce(e.epcl_id, e.id::text), e.installation_status, initcap(e.installation_status)));
        end if;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger epcl_entry_evidence_rule after insert or update on epcl_entry
      deferrable initially deferred for each row execute function epcl_entry_evidence_rule();`);
    this
      .addSql(`create constraint trigger epcl_entry_evidence_removed after delete or update on epcl_entry_evidence
      deferrable initially deferred for each row execute function epcl_entry_evidence_rule();`);

    this.addSql(`create function epcl_entry_events() returns trigger language plpgsql as $$
      declare body jsonb;
      begin
        body := jsonb_build_object('entryId', new.id, 'epclId', new.epcl_id, 'dmcId', new.dmc_id,
          'installationStatus', new.installation_status, 'basis', new.basis, 'state', new.state,
          'dateFirstAdded', new.date_first_added);
        if tg_op = 'INSERT' then
          perform emit_domain_event('EpclEntryCreated', 'EpclEntry', new.id::text, body);
        elsif new.state is distinct from old.state then
          perform emit_domain_event('EpclEntryStateChanged', 'EpclEntry', new.id::text,
            body || jsonb_build_object('previousState', old.state));
        end if;
        if new.date_first_added is not null and (tg_op = 'INSERT' or old.date_first_added is null) then
          perform emit_domain_event('EpclEntryAdded', 'EpclEntry', new.id::text, body);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger epcl_entry_events after insert or update on epcl_entry
      for each row execute function epcl_entry_events();`);

    // ── Report membership: group 1 holds tested entries, group 2 SE or child entries ────────────────────
    this.addSql(`create function epcl_report_entry_check() returns trigger language plpgsql as $$
      declare e epcl_entry%rowtype; basis_ok boolean;
      begin
        select * into e from epcl_entry where id = new.entry_id;
        if new.report_group = 'GROUP_1_TESTED' and e.basis not in ('TESTED','TESTED_VIA_DORMANT') then
          perform raise_rule('epcl_report_entry_group_basis',
            format('entry %s has basis %s and cannot be in Group 1 (tested)', coalesce(e.epcl_id, e.id::text), coalesce(e.basis, 'not set')));
        elsif new.report_group = 'GROUP_2_SE' and e.basis not in ('SUBSTANTIVELY_EQUIVALENT','CHILD_OF_TESTED') then
          perform raise_rule('epcl_report_entry_group_basis',
            format('entry %s has basis %s and cannot be in Group 2 (substantively equivalent)', coalesce(e.epcl_id, e.id::text), coalesce(e.basis, 'not set')));
        end if;
        if e.basis_entry_id is not null then
          select exists (select 1 from epcl_report_entry x where x.report_id = new.report_id and x.entry_id = e.basis_entry_id
                                                         and x.report_group = 'GROUP_1_TESTED')
              or exists (select 1 from epcl_entry b where b.id = e.basis_entry_id and b.state in ('APPROVED','ON_EPCL'))
            into basis_ok;
          if not basis_ok then
            perform raise_rule('epcl_report_entry_basis_present',
              format('entry %s rests on entry %s, which is neither in Group 1 of this report nor already approved',
                     coalesce(e.epcl_id, e.id::text), e.basis_entry_id));
          end if;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger epcl_report_entry_check before insert or update on epcl_report_entry
      for each row execute function epcl_report_entry_check();`);

    // ── EPCL reports: statutory dates and state machine ────────────────────────────────────────────────
    this
      .addSql(`create function epcl_report_transition_allowed(from_state text, to_state text) returns boolean
      language sql immutable as $$
        select (from_state, to_state) in (
          ('DRAFTING','SSC_REVIEW'), ('SSC_REVIEW','SSC_CONFIRMED'), ('SSC_CONFIRMED','PUBLISHED'),
          ('PUBLISHED','OBJECTION_WINDOW_OPEN'), ('OBJECTION_WINDOW_OPEN','OBJECTION_WINDOW_CLOSED'),
          ('OBJECTION_WINDOW_CLOSED','AWAITING_SOS'), ('AWAITING_SOS','APPROVED'),
          ('AWAITING_SOS','PARTIALLY_APPROVED'), ('AWAITING_SOS','REJECTED'))
          or (to_state = 'WITHDRAWN' and from_state not in ('APPROVED','PARTIALLY_APPROVED','REJECTED','WITHDRAWN'));
      $$;`);
    this.addSql(`create function epcl_report_check() returns trigger language plpgsql as $$
      declare criteria int;
      begin
        new.objection_deadline := case when new.secas_notified_on is null then null
                                       else add_working_days(new.secas_notified_on, 5) end;
        if tg_op = 'UPDATE' and new.state is distinct from old.state then
          if not epcl_report_transition_allowed(old.state, new.state) then
            perform raise_rule('epcl_report_state_transition',
              format('EPCL report %s cannot move from %s to %s', old.number, old.state, new.state));
          end if;
          if new.state = 'PUBLISHED' then
            select count(*) into criteria from epcl_report_criterion where report_id = new.id;
            if criteria <> 10 or new.ssc_confirmed_on is null then
              perform raise_rule('epcl_report_publication_guard',
                format('EPCL report %s cannot be published: it needs all 10 Live Service Criteria assessed (has %s) and an SSC confirmation date (%s)',
                       new.number, criteria, coalesce(new.ssc_confirmed_on::text, 'missing')));
            end if;
          end if;
          perform emit_domain_event('EpclReportStateChanged', 'EpclReport', new.id::text,
            jsonb_build_object('reportId', new.id, 'number', new.number, 'state', new.state, 'previousState', old.state));
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger epcl_report_check before insert or update on epcl_report
      for each row execute function epcl_report_check();`);

    // ── Test reports: Clause 20 states and the 10-working-day referral window ──────────────────────────
    this
      .addSql(`create function test_report_transition_allowed(from_state text, to_state text) returns boolean
      language sql immutable as $$
        select (from_state, to_state) in (
          ('DRAFT','SHARED_WITH_SUPPLIERS'), ('SHARED_WITH_SUPPLIERS','REFERRED_TO_SOS'),
          ('SHARED_WITH_SUPPLIERS','TAG_REVIEWED'), ('REFERRED_TO_SOS','SOS_DETERMINED'),
          ('SOS_DETERMINED','TAG_REVIEWED'), ('TAG_REVIEWED','FINAL'))
          or (to_state = 'SUPERSEDED' and from_state <> 'SUPERSEDED');
      $$;`);
    this.addSql(`create function test_report_check() returns trigger language plpgsql as $$
      begin
        new.referral_window_ends_on := case when new.shared_with_suppliers_on is null then null
                                            else add_working_days(new.shared_with_suppliers_on, 10) end;
        if tg_op = 'UPDATE' and new.state is distinct from old.state then
          if not test_report_transition_allowed(old.state, new.state) then
            perform raise_rule('test_report_state_transition',
              format('test report %s cannot move from %s to %s', old.id, old.state, new.state),
              'DRAFT → SHARED_WITH_SUPPLIERS → [REFERRED_TO_SOS → SOS_DETERMINED] → TAG_REVIEWED → FINAL');
          end if;
          perform emit_domain_event('TestReportStateChanged', 'TestReport', new.id::text,
            jsonb_build_object('testReportId', new.id, 'state', new.state, 'previousState', old.state));
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger test_report_check before insert or update on test_report
      for each row execute function test_report_check();`);

    this.addSql(`create function testing_issue_events() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and (new.status, new.counts_against_threshold, new.tag_advised_on)
                                 is not distinct from (old.status, old.counts_against_threshold, old.tag_advised_on) then
          return null;
        end if;
        perform emit_domain_event('TestingIssueChanged', 'TestingIssue', new.id::text,
          jsonb_build_object('testingIssueId', new.id, 'ref', new.ref, 'status', new.status,
                             'countsAgainstThreshold', new.counts_against_threshold, 'testReportId', new.test_report_id));
        return null;
      end $$;`);
    this.addSql(`create trigger testing_issue_events after insert or update on testing_issue
      for each row execute function testing_issue_events();`);

    // ── The outbox is append-only ─────────────────────────────────────────────────────────────────────────
    this.addSql(`create function domain_event_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (new.id, new.occurred_at, new.type, new.aggregate_type, new.aggregate_id, new.payload)
             is distinct from (old.id, old.occurred_at, old.type, old.aggregate_type, old.aggregate_id, old.payload)
           or old.published_at is not null then
          perform raise_rule('domain_event_append_only',
            'domain events are append-only: only published_at may be set, once');
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger domain_event_append_only before update or delete on domain_event
      for each row execute function domain_event_append_only();`);
    this.addSql(`create function domain_event_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('domain_event', new.id::text);
        return null;
      end $$;`);
    this.addSql(`create trigger domain_event_notify after insert on domain_event
      for each row execute function domain_event_notify();`);

    // ── Reference data ──────────────────────────────────────────────────────────────────────────────────
    this.addSql(`insert into live_service_criterion (no, title) values
      (1, 'SMETS1 Migration Services ready including early migration support for relevant EPCL entry(ies)'),
      (2, 'Service Operations capability ready'),
      (3, 'SMETS1 Service and Migration can operate at the requisite volumes to support migration and operation of the relevant EPCL entry(ies) and operating capability, in parallel with all SMETS2 activity'),
      (4, 'Regression Testing has completed successfully for SMETS1 and SMETS2 Live Systems'),
      (5, 'Relevant testing for relevant EPCL entry(ies) has completed'),
      (6, 'Pre-existing services remain stable for SMETS2 and SMETS1 prior operating capabilities'),
      (7, 'Any lessons learnt from prior operating capabilities are incorporated in to live process'),
      (8, 'No detrimental impact to consumers experience expected'),
      (9, 'Assurance of required Business Continuity/Disaster Recovery'),
      (10, 'Completion of relevant security testing and approval of security architecture');`);
    this.addSql(`insert into svtad_clause (ref, summary) values
      ('20.6 (d) (i)', 'An entry may be added without testing where DCC considers it substantively equivalent to a tested combination'),
      ('20.8', 'DCC publishes the DMCT Status List'),
      ('20.9', 'Testing of a Dormant entry may suffice for the Active and Mixed entries of the same DMC'),
      ('20.10', 'DCC publishes the DMCT Schedule'),
      ('20.11', 'DCC publishes the list of exclusions from the DMCT Schedule'),
      ('20.15', 'DCC executes the standard DMCT test packs for the Capability Release'),
      ('20.28', 'Testing Issue Thresholds apply to the requested entries'),
      ('20.29', 'DCC may consider that an open Testing Issue should not count against the threshold'),
      ('20.30', 'TAG is advised of open Testing Issues'),
      ('20.34', 'DCC produces draft DMCT Testing Reports'),
      ('20.36', 'DCC makes draft reports available to Supplier Parties planning to enrol the combinations'),
      ('20.37', 'A Supplier Party may refer the matter to the Secretary of State within 10 Working Days'),
      ('20.38', 'TAG may consider a different determination of Testing Issues against thresholds'),
      ('20.39', 'The draft DMCT Testing Report is updated as necessary and deemed final'),
      ('20.40', 'The Secretary of State determines a referral'),
      ('20.41', 'Active and Mixed entries reference the Dormant DMCT and the SIT Test Completion Reports'),
      ('20.43', 'DCC publishes the EPCL report and notifies the Panel, the Secretary of State, the Authority and SEC Parties');`);
  }
}
