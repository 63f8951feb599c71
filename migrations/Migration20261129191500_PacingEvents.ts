import { Migration } from '@mikro-orm/migrations';

/**
 * Pacing decisions and actions are announced on the domain event outbox (like EPCL state changes), so the
 * dashboard's live feed and subscribers see a Go/No-go or a halted DMC as soon as it commits. Hand-written:
 * the tables come from the generated MigrationPacing migration. Decisions and actions are a record: rows
 * are never updated or deleted.
 */
export class Migration20261129191500_PacingEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function go_no_go_decision_events() returns trigger language plpgsql as $$
      begin
        perform emit_domain_event('GoNoGoDecisionRecorded', 'GoNoGoDecision', new.id::text,
          jsonb_build_object('decisionDate', new.decision_date, 'decision', new.decision,
                             'decidedBy', new.decided_by, 'reason', new.reason));
        return null;
      end $$;`);
    this.addSql(`create trigger go_no_go_decision_events after insert on go_no_go_decision
      for each row execute function go_no_go_decision_events();`);

    this.addSql(`create function pacing_action_events() returns trigger language plpgsql as $$
      begin
        perform emit_domain_event('PacingActionRecorded', 'PacingAction', new.id::text,
          jsonb_build_object('actionDate', new.action_date, 'action', new.action, 'dmcId', new.dmc_id,
                             'cohortId', new.cohort_id, 'reason', new.reason, 'recordedBy', new.recorded_by));
        return null;
      end $$;`);
    this.addSql(`create trigger pacing_action_events after insert on pacing_action
      for each row execute function pacing_action_events();`);

    this.addSql(`create function pacing_record_append_only() returns trigger language plpgsql as $$
      begin
        perform raise_rule('pacing_record_append_only',
          format('%s rows are a record: they cannot be changed or deleted (record a new one instead)', tg_table_name));
        return null;
      end $$;`);
    this.addSql(`create trigger go_no_go_decision_append_only before update or delete on go_no_go_decision
      for each row execute function pacing_record_append_only();`);
    this.addSql(`create trigger pacing_action_append_only before update or delete on pacing_action
      for each row execute function pacing_record_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists pacing_action_append_only on pacing_action;`);
    this.addSql(`drop trigger if exists go_no_go_decision_append_only on go_no_go_decision;`);
    this.addSql(`drop function if exists pacing_record_append_only();`);
    this.addSql(`drop trigger if exists pacing_action_events on pacing_action;`);
    this.addSql(`drop function if exists pacing_action_events();`);
    this.addSql(`drop trigger if exists go_no_go_decision_events on go_no_go_decision;`);
    this.addSql(`drop function if exists go_no_go_decision_events();`);
  }
}
