import { Migration } from '@mikro-orm/migrations';

/**
 * Typed EPCL events (issue 9), hand-written.
 *
 * 1. Commit order. `domain_event.id` is a bigserial taken at insert time, so ids are NOT in commit order:
 *    a transaction that inserted id 10 may commit after one that inserted id 11, and a reader that trusts
 *    `id > last` skips 10 for ever. Each event therefore also gets a `position`, assigned at commit time by
 *    a deferred constraint trigger under one transaction-scoped advisory lock (a single writer): the lock is
 *    released only after the commit is visible, so positions become visible strictly in increasing order
 *    and a reader of `position > last` never sees a later position before an earlier one. (Positions can
 *    have gaps only where a transaction rolled back after its events were sequenced; gaps are harmless, the
 *    prefix property is what matters.) The lock is held only from the commit's deferred-trigger phase to
 *    its end, after every row lock of the transaction is taken, so it cannot take part in a deadlock.
 * 2. One NOTIFY per committing transaction (payload: its last position) instead of one per row: the relay
 *    reads everything after the last position it saw, whatever the notification says.
 * 3. The state-change events carry what the history (state_change) records: the effective date, the actor,
 *    the reason and the report the change was made under (the lifecycle's transaction-local settings), so
 *    every writer's state changes become typed events without code in its mutation.
 * 4. `ObjectionRecorded` on every objection.
 */
export class Migration20261129220000_EpclEvents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "domain_event" add column "position" bigint null,
      add column "tx" xid8 null default pg_current_xact_id(), add column "committed_at" timestamptz null;`);
    // Events recorded before this migration were committed long ago: their id order is their order.
    this.addSql(`alter table domain_event disable trigger domain_event_append_only;`);
    this.addSql(`update domain_event set position = id, committed_at = occurred_at;`);
    this.addSql(`alter table domain_event enable trigger domain_event_append_only;`);
    this.addSql(`create sequence domain_event_position_seq;`);
    this.addSql(
      `select setval('domain_event_position_seq', greatest((select max(id) from domain_event), 1));`,
    );
    this.addSql(
      `alter table "domain_event" add constraint "domain_event_position_unique" unique ("position");`,
    );
    this.addSql(`create index "domain_event_unsequenced" on "domain_event" ("tx") where position is null;`);

    // Append-only, except that position is set once (by the sequencing trigger) and published_at once.
    this.addSql(`create or replace function domain_event_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE'
           or (new.id, new.occurred_at, new.type, new.aggregate_type, new.aggregate_id, new.payload, new.tx)
              is distinct from (old.id, old.occurred_at, old.type, old.aggregate_type, old.aggregate_id, old.payload, old.tx)
           or (old.position is not null and (new.position, new.committed_at) is distinct from (old.position, old.committed_at))
           or (old.published_at is not null and new.published_at is distinct from old.published_at) then
          perform raise_rule('domain_event_append_only',
            'domain events are append-only: only position (with committed_at) and published_at may be set, once');
        end if;
        return new;
      end $$;`);

    this.addSql(`drop trigger domain_event_notify on domain_event;`);
    this.addSql(`drop function domain_event_notify();`);
    this.addSql(`create function domain_event_sequence() returns trigger language plpgsql as $$
      declare n bigint; base bigint;
      begin
        -- The first of the transaction's deferred calls sequences all its events; the others find theirs done.
        if (select position from domain_event where id = new.id) is not null then return null; end if;
        perform pg_advisory_xact_lock(8190020002);
        select count(*) into n from domain_event where position is null and tx = pg_current_xact_id();
        if n = 0 then return null; end if;
        base := nextval('domain_event_position_seq');
        if n > 1 then perform setval('domain_event_position_seq', base + n - 1); end if;
        update domain_event d set position = base + s.rn - 1, committed_at = clock_timestamp()
          from (select id, row_number() over (order by id) as rn from domain_event
                 where position is null and tx = pg_current_xact_id()) s
         where d.id = s.id;
        perform pg_notify('domain_event', (base + n - 1)::text);
        return null;
      end $$;`);
    this.addSql(`create constraint trigger domain_event_sequence after insert on domain_event
      deferrable initially deferred for each row execute function domain_event_sequence();`);

    // What the history records, on the event itself.
    this.addSql(`create function lifecycle_event_context() returns jsonb language sql stable as $$
      select jsonb_build_object('effectiveOn', lifecycle_effective_on(), 'actor', lifecycle_actor(),
        'reason', lifecycle_setting('reason'), 'reportId', lifecycle_setting('report_id')::int,
        'viaLifecycle', lifecycle_setting('effective_on') is not null);
    $$;`);
    this
      .addSql(`create or replace function emit_domain_event(event_type text, aggregate_type text, aggregate_id text, payload jsonb)
      returns void language sql as $$
        insert into domain_event (type, aggregate_type, aggregate_id, payload)
        values (event_type, aggregate_type, aggregate_id,
                case when event_type in ('EpclEntryCreated', 'EpclEntryStateChanged', 'EpclEntryAdded',
                                         'EpclReportStateChanged', 'TestReportStateChanged')
                     then lifecycle_event_context() || payload else payload end);
      $$;`);

    this.addSql(`create function epcl_objection_events() returns trigger language plpgsql as $$
      begin
        perform emit_domain_event('ObjectionRecorded', 'EpclObjection', new.id::text,
          jsonb_build_object('objectionId', new.id, 'reportId', new.report_id, 'supplierId', new.supplier_id,
                             'receivedOn', new.received_on));
        return null;
      end $$;`);
    this.addSql(`create trigger epcl_objection_events after insert on epcl_objection
      for each row execute function epcl_objection_events();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists epcl_objection_events on epcl_objection;`);
    this.addSql(`drop function if exists epcl_objection_events();`);
    this
      .addSql(`create or replace function emit_domain_event(event_type text, aggregate_type text, aggregate_id text, payload jsonb)
      returns void language sql as $$
        insert into domain_event (type, aggregate_type, aggregate_id, payload)
        values (event_type, aggregate_type, aggregate_id, payload);
      $$;`);
    this.addSql(`drop function if exists lifecycle_event_context();`);
    this.addSql(`drop trigger if exists domain_event_sequence on domain_event;`);
    this.addSql(`drop function if exists domain_event_sequence();`);
    this.addSql(`create function domain_event_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('domain_event', new.id::text);
        return null;
      end $$;`);
    this.addSql(`create trigger domain_event_notify after insert on domain_event
      for each row execute function domain_event_notify();`);
    this.addSql(`create or replace function domain_event_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (new.id, new.occurred_at, new.type, new.aggregate_type, new.aggregate_id, new.payload)
             is distinct from (old.id, old.occurred_at, old.type, old.aggregate_type, old.aggregate_id, old.payload)
           or old.published_at is not null then
          perform raise_rule('domain_event_append_only',
            'domain events are append-only: only published_at may be set, once');
        end if;
        return new;
      end $$;`);
    this.addSql(`drop index if exists "domain_event_unsequenced";`);
    this.addSql(`alter table "domain_event" drop constraint if exists "domain_event_position_unique";`);
    this.addSql(`drop sequence if exists domain_event_position_seq;`);
    this.addSql(
      `alter table "domain_event" drop column "position", drop column "tx", drop column "committed_at";`,
    );
  }
}
