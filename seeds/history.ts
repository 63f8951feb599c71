import type { ClientBase } from 'pg';

/*
 * The history of the seeded objects (issue 8), written after the catalogue in a few set-based statements, so
 * that `history`, `asOf` and `stateChangedAt` answer with the dates of the process rather than of the load.
 * Dates come from the loaded rows themselves (the seed document's dates for report 22, the synthetic dates of
 * reports 1–21): nothing here restates them. Every row names `seed` as its actor and says in its reason
 * whether the date is STATED by the seed document, ASSUMED, or SYNTHETIC (the same words `provenance` uses).
 * Objects whose state is not the result of a recorded step (entries still in the testing pipeline) get no
 * rows: their state before the load is not known.
 */

/**
 * When drafting of each report began: its entries' earliest draft test report, else its SSC or report date.
 * One grouped pass (a per-row subquery took seconds on the freshly loaded, unanalysed tables).
 */
const DRAFTING = `drafting as materialized (select r.id, coalesce(d.first_draft, r.ssc_confirmed_on, r.report_date) as drafting_on
    from epcl_report r left join (select re.report_id, min(tr.draft_issued_on) as first_draft
      from epcl_report_entry re join epcl_entry_evidence v on v.entry_id = re.entry_id
      join test_report tr on tr.id = v.test_report_id group by re.report_id) d on d.report_id = r.id)`;
const DRAFTING_ON = '(select drafting_on from drafting where drafting.id = r.id)';

const REPORT_ORDER = `array['DRAFTING','SSC_REVIEW','SSC_CONFIRMED','PUBLISHED','OBJECTION_WINDOW_OPEN',
  'OBJECTION_WINDOW_CLOSED','AWAITING_SOS','APPROVED','PARTIALLY_APPROVED','REJECTED']`;

/** Source words for a report's steps: report 22's dates are stated or assumed, the others synthetic. */
const src = (stated: 'STATED' | 'ASSUMED', note: string) =>
  `case when r.synthetic then 'SYNTHETIC: date of the synthetic report' else '${stated}: ${note}' end`;

/** Entries requested in a report: proposed with its drafting, decided with it, on the list when first added. */
const ENTRIES_SQL = `with ${DRAFTING} insert into state_change (aggregate, entry_id, report_id, from_state, to_state, effective_on, actor, reason)
      select 'EPCL_ENTRY', e.id, r.id, s.from_state, s.to_state, s.eff, 'seed', s.reason
        from epcl_entry e
        join (select distinct on (re.entry_id) re.entry_id, re.report_id from epcl_report_entry re
                join epcl_report x on x.id = re.report_id order by re.entry_id, x.number desc) last
          on last.entry_id = e.id
        join epcl_report r on r.id = last.report_id
        cross join lateral (values
          (1, 'CANDIDATE', 'PROPOSED', ${DRAFTING_ON},
             case when r.synthetic then 'SYNTHETIC: proposed with the drafting of its report' else 'ASSUMED: proposed with the drafting of EPCL report ' || r.number end),
          (2, 'PROPOSED', case when e.state = 'REJECTED' then 'REJECTED' else 'APPROVED' end, r.sos_decided_on,
             'SYNTHETIC: the Secretary of State decision on report ' || r.number),
          (3, 'APPROVED', 'ON_EPCL', e.date_first_added,
             case when e.synthetic then 'SYNTHETIC: added to the EPCL on its date first added' else 'STATED: date first added' end))
          as s(ord, from_state, to_state, eff, reason)
       where s.eff is not null
         and (s.ord = 1 or (s.ord = 2 and e.state in ('APPROVED','ON_EPCL','REJECTED'))
              or (s.ord = 3 and e.state = 'ON_EPCL'))`;

export async function writeSeedHistory(db: ClientBase): Promise<{ rows: number }> {
  let rows = 0;
  // EPCL reports: every step up to the state loaded, each on the date the row gives for it.
  rows += (
    await db.query(`with ${DRAFTING} insert into state_change (aggregate, report_id, from_state, to_state, effective_on, actor, reason)
      select 'EPCL_REPORT', r.id, s.from_state, s.to_state, s.eff, 'seed', s.reason
        from epcl_report r
        cross join lateral (values
          (1, null, 'DRAFTING', ${DRAFTING_ON}, ${src('ASSUMED', 'drafting taken to start when the draft DMCT Testing Reports were issued (2 November 2021, stated)')}),
          (2, 'DRAFTING', 'SSC_REVIEW', r.ssc_confirmed_on, ${src('ASSUMED', 'sent to the SSC by its confirmation date')}),
          (3, 'SSC_REVIEW', 'SSC_CONFIRMED', r.ssc_confirmed_on, ${src('STATED', 'SSC confirmed offline on 10 November 2021')}),
          (4, 'SSC_CONFIRMED', 'PUBLISHED', r.published_on, ${src('ASSUMED', 'published on the report date, 3 December 2021 (DMCT lists published 29 November 2021, stated)')}),
          (5, 'PUBLISHED', 'OBJECTION_WINDOW_OPEN', r.secas_notified_on, ${src('ASSUMED', 'SECAS notification taken as the report date; the objection deadline follows from it')}),
          (6, 'OBJECTION_WINDOW_OPEN', 'OBJECTION_WINDOW_CLOSED', r.objection_deadline, ${src('ASSUMED', 'the window closed with its deadline day')}),
          (7, 'OBJECTION_WINDOW_CLOSED', 'AWAITING_SOS', r.objection_deadline, ${src('ASSUMED', 'awaiting the Secretary of State from the deadline')}),
          (8, 'AWAITING_SOS', r.state, r.sos_decided_on, ${src('STATED', 'the Secretary of State decision')}))
          as s(ord, from_state, to_state, eff, reason)
       where s.eff is not null
         and (s.ord <= array_position(${REPORT_ORDER}, r.state)
              or (s.ord = 8 and r.state in ('APPROVED','PARTIALLY_APPROVED','REJECTED')))`)
  ).rowCount!;

  // Entries requested in a report: proposed with its drafting, decided with it, on the list when first added.
  rows += (await db.query(ENTRIES_SQL)).rowCount!;

  // Test reports: DMCT Testing Reports through their Clause 20 dates; TCRs issued final.
  rows += (
    await db.query(`insert into state_change (aggregate, test_report_id, from_state, to_state, effective_on, actor, reason)
      select 'TEST_REPORT', t.id, s.from_state, s.to_state, s.eff, 'seed', s.reason
        from test_report t
        cross join lateral (values
          (1, null, 'DRAFT', t.draft_issued_on, case when t.tranche in (44, 46) and t.draft_issued_on = '2021-11-02' then 'STATED: draft DMCT Testing Reports produced on 2 November 2021 (Clause 20.34)' else 'SYNTHETIC: draft issued' end),
          (2, 'DRAFT', 'SHARED_WITH_SUPPLIERS', t.shared_with_suppliers_on, case when t.tranche in (44, 46) and t.draft_issued_on = '2021-11-02' then 'ASSUMED: made available to Supplier Parties the day the drafts were produced (Clause 20.36; no date stated)' else 'SYNTHETIC: shared with Supplier Parties' end),
          (3, 'SHARED_WITH_SUPPLIERS', 'REFERRED_TO_SOS', t.referred_to_sos_on, 'SYNTHETIC: referred to the Secretary of State'),
          (4, 'REFERRED_TO_SOS', 'SOS_DETERMINED', t.sos_determined_on, 'SYNTHETIC: referral determined'),
          (5, case when t.referred_to_sos_on is null then 'SHARED_WITH_SUPPLIERS' else 'SOS_DETERMINED' end, 'TAG_REVIEWED', t.tag_reviewed_on,
             case when t.synthetic then 'SYNTHETIC: TAG review date' else 'ASSUMED: TAG review' end),
          (6, 'TAG_REVIEWED', 'FINAL', t.final_on, 'SYNTHETIC: deemed final (Clause 20.39; date not stated)'))
          as s(ord, from_state, to_state, eff, reason)
       where t.kind = 'DMCT_TESTING_REPORT' and s.eff is not null
         and s.ord <= array_position(array['DRAFT','SHARED_WITH_SUPPLIERS','REFERRED_TO_SOS','SOS_DETERMINED','TAG_REVIEWED','FINAL'], t.state)
      union all
      select 'TEST_REPORT', t.id, null, t.state, t.final_on, 'seed', 'SYNTHETIC: test completion report issued final'
        from test_report t where t.kind <> 'DMCT_TESTING_REPORT' and t.final_on is not null`)
  ).rowCount!;

  // A synthetic list version for each report whose entries went on the list, so entries name theirs.
  rows += (
    await db.query(`insert into epcl_list_version (version, published_on, entries_added, actor)
      select 'EPCL after report ' || r.number || ' (synthetic)', min(e.date_first_added), count(*), 'seed'
        from epcl_report r join epcl_report_entry re on re.report_id = r.id join epcl_entry e on e.id = re.entry_id
       where e.state = 'ON_EPCL' and e.date_first_added is not null
       group by r.number order by r.number`)
  ).rowCount!;

  // stateChangedAt from the effective dates (midnight London): a column only the seed sets this way, so the
  // entry's triggers (row version, rule checks of a state change, catalogue version) have nothing to do.
  await db.query('alter table epcl_entry disable trigger user');
  await db.query(`update epcl_entry e set state_changed_at = h.eff::timestamp at time zone 'Europe/London'
      from (select entry_id, max(effective_on) as eff from state_change group by entry_id) h where h.entry_id = e.id`);
  await db.query('alter table epcl_entry enable trigger user');
  return { rows };
}
