/** Hand-written SQL of the exports (reads): entries with their DMC devices, report front matter, inventory. */

/** The devices of DMC `d` as `SlotDevice` JSON, in slot order. */
export const DMC_DEVICES = `(select coalesce(json_agg(json_build_object('type', s.device_type, 'manufacturer', m.name,
    'manufacturerId', m.manufacturer_identifier, 'model', dm.model_name, 'hardware', dm.hardware_version,
    'firmware', f.version_raw) order by s.device_type, s.slot_no, s.id), '[]'::json)
  from dmc_slot s join firmware_version f on f.id = s.firmware_version_id join device_model dm on dm.id = f.device_model_id
  join manufacturer m on m.id = dm.manufacturer_id where s.dmc_id = d.id)`;

/** The test reports entry `e` references, as JSON. */
const EVIDENCE = `(select coalesce(json_agg(json_build_object('role', ev.role, 'title', t.title) order by ev.role, t.title), '[]'::json)
       from epcl_entry_evidence ev join test_report t on t.id = ev.test_report_id where ev.entry_id = e.id) as evidence`;

/** Entries on the EPCL as of $1 (a date): state ON_EPCL and first added on or before it. */
export const EPCL_LIST_SQL = `select e.epcl_id, co.code as cohort, co.s1sp_name, e.installation_status, e.basis,
    b.epcl_id as basis_epcl_id, e.date_first_added::text as date_first_added, ${DMC_DEVICES} as devices,
    ${EVIDENCE}
  from epcl_entry e join dmc d on d.id = e.dmc_id join cohort co on co.id = d.cohort_id
  left join epcl_entry b on b.id = e.basis_entry_id
 where e.state = 'ON_EPCL' and e.date_first_added <= $1::date
 order by e.epcl_id`;

/** Report $1's entries in Annex A order, with evidence. */
export const ANNEX_A_SQL = `select case re.report_group when 'GROUP_1_TESTED' then 1 else 2 end as report_group, e.epcl_id,
    co.code as cohort, co.s1sp_name, e.installation_status, e.state, e.basis, b.epcl_id as basis_epcl_id,
    ${DMC_DEVICES} as devices, ${EVIDENCE}
  from epcl_report_entry re join epcl_entry e on e.id = re.entry_id join dmc d on d.id = e.dmc_id
  join cohort co on co.id = d.cohort_id left join epcl_entry b on b.id = e.basis_entry_id
 where re.report_id = $1
 order by re.report_group, re.annex_row nulls last, e.epcl_id`;

/** The test reports with these titles ($1, text[]): the Test Reports sheet. */
export const TEST_REPORTS_SQL = `select t.title, t.kind, t.version, t.state, t.tranche, t.capability_release,
    t.draft_issued_on::text as draft_issued_on, t.shared_with_suppliers_on::text as shared_with_suppliers_on,
    t.tag_reviewed_on::text as tag_reviewed_on, t.final_on::text as final_on, t.document_ref
  from test_report t where t.title = any($1::text[]) order by t.title`;

export const REPORT_SQL = `select r.id, r.number, r.title, r.dmct_tranches, r.version, r.report_date::text as report_date, r.author_email,
    r.classification, r.state, r.ssc_confirmed_on::text as ssc_confirmed_on, r.ssc_mode, r.lists_published_on::text as lists_published_on,
    r.published_on::text as published_on, r.secas_notified_on::text as secas_notified_on,
    r.objection_deadline::text as objection_deadline, r.sos_decision, r.sos_decided_on::text as sos_decided_on,
    r.signatory_name, r.signatory_role, r.objections_to, r.risk_register_url, r.upgradeable_unmigrated_installs,
    r.upgradeable_as_of::text as upgradeable_as_of, r.upgradeable_source
  from epcl_report r where r.number = $1`;

/** A supplier's (or every) installation with its DMC, the entry for its status, and what blocks it. */
export function installationsSql(scope: string): string {
  return `select i.id::text as id, s.name as supplier, co.code as cohort, i.status, i.status_as_of::text as status_as_of,
      i.migration_state, i.exclusion_category, i.elec_only_migration,
      (select count(*)::int from device x where x.installation_id = i.id) as devices,
      c.dmc_id::text as dmc_id, e.epcl_id, e.state as entry_state, e.date_first_added::text as date_first_added,
      case when i.migration_state = 'MIGRATED' then 'MIGRATED'
           when i.migration_state = 'EXCLUDED' then 'EXCLUDED'
           when c.dmc_id is null then 'NO_DMC_FOR_DEVICES'
           when e.id is null then 'NO_ENTRY_FOR_STATUS'
           when e.state <> 'ON_EPCL' then 'ENTRY_NOT_ON_EPCL' end as blocker
    from installation i join supplier s on s.id = i.supplier_id join cohort co on co.id = i.cohort_id
    left join device_combo c on c.id = i.combo_id
    left join epcl_entry e on e.dmc_id = c.dmc_id and e.installation_status = i.status
   where ${scope}
   order by i.id`;
}
