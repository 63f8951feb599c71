/**
 * Translates PostgreSQL errors into domain errors with stable codes. The database is the authority for the
 * rules (see migrations/*DomainRules*); this table gives each of its constraints a code and a short
 * explanation clients can rely on. Unknown constraint failures still get a generic, stable code.
 */
export class DomainRuleError extends Error {
  override name = 'DomainRuleError';
  constructor(
    /** Stable, SCREAMING_SNAKE code, e.g. `EPCL_ID_FORMAT`. */
    readonly code: string,
    message: string,
    /** The database constraint that refused the write. */
    readonly constraint: string | undefined,
    readonly hint?: string,
    /** The explanation this table gives for the rule, without PostgreSQL's own text (for production). */
    readonly explanation?: string,
  ) {
    super(message);
  }
}

type PgError = {
  code?: string;
  constraint?: string;
  detail?: string;
  hint?: string;
  message: string;
  table?: string;
};

/** Constraint name → stable code and, for declarative constraints, a message that says what was expected. */
const RULES: Record<string, { code: string; message?: string }> = {
  manufacturer_name_unique: {
    code: 'MANUFACTURER_NAME_TAKEN',
    message: 'another manufacturer already has that name',
  },
  manufacturer_name_not_blank: { code: 'NAME_REQUIRED', message: 'a manufacturer name cannot be blank' },
  epcl_entry_epcl_id_format: {
    code: 'EPCL_ID_FORMAT',
    message: 'an EPCL ID is 6 digits, zero-padded, e.g. 002255',
  },
  epcl_entry_epcl_id_unique: {
    code: 'EPCL_ID_TAKEN',
    message: 'that EPCL ID is already allocated to another entry',
  },
  epcl_entry_dmc_id_installation_status_unique: {
    code: 'DUPLICATE_EPCL_ENTRY',
    message: 'a DMC has at most one EPCL entry per installation status (Active, Dormant, Mixed)',
  },
  epcl_entry_basis_entry_required: {
    code: 'EPCL_ENTRY_BASIS_ENTRY',
    message:
      'entries on the SUBSTANTIVELY_EQUIVALENT, CHILD_OF_TESTED or TESTED_VIA_DORMANT basis name the entry they rest on, and only those',
  },
  epcl_entry_on_epcl_has_date: {
    code: 'EPCL_ENTRY_DATE_FIRST_ADDED',
    message: 'an entry on the EPCL has a date first added',
  },
  epcl_entry_via_dormant_not_dormant: {
    code: 'EPCL_ENTRY_BASIS',
    message: 'the Clause 20.9 basis applies to Active and Mixed entries, not Dormant ones',
  },
  epcl_entry_date_first_added_write_once: { code: 'DATE_FIRST_ADDED_WRITE_ONCE' },
  epcl_entry_epcl_id_write_once: { code: 'EPCL_ID_WRITE_ONCE' },
  epcl_entry_state_transition: { code: 'INVALID_STATE_TRANSITION' },
  epcl_entry_basis_entry_valid: { code: 'EPCL_ENTRY_BASIS' },
  epcl_entry_basis_same_status: { code: 'EPCL_ENTRY_BASIS_STATUS' },
  epcl_entry_20_41_evidence: { code: 'MISSING_CLAUSE_20_41_EVIDENCE' },
  epcl_report_entry_group_basis: { code: 'REPORT_GROUP_BASIS' },
  epcl_report_entry_basis_present: { code: 'REPORT_GROUP_BASIS' },
  epcl_report_state_transition: { code: 'INVALID_STATE_TRANSITION' },
  epcl_report_publication_guard: { code: 'REPORT_NOT_READY_TO_PUBLISH' },
  test_report_state_transition: { code: 'INVALID_STATE_TRANSITION' },
  test_report_state_dates: {
    code: 'TEST_REPORT_STATE_DATES',
    message:
      'a DMCT Testing Report past DRAFT has the date it was shared with suppliers, and a FINAL report its final date',
  },
  testing_issue_closed_date: {
    code: 'TESTING_ISSUE_CLOSED_DATE',
    message: 'a Testing Issue has a closed date exactly when it is no longer OPEN',
  },
  testing_issue_ref_unique: {
    code: 'TESTING_ISSUE_REF_TAKEN',
    message: 'another Testing Issue already has that reference',
  },
  dmc_slot_no_positive: { code: 'INVALID_INPUT', message: 'a slot number is 1 to 9' },
  dmc_slot_dmc_id_device_type_slot_no_unique: {
    code: 'DUPLICATE_SLOT',
    message: 'a DMC has one slot per device type and slot number',
  },
  dmc_relation_same_cohort: { code: 'DMC_RELATION_COHORT' },
  dmc_relation_child_strict_subset: { code: 'CHILD_NOT_STRICT_SUBSET' },
  dmc_relation_se_basis_tested: { code: 'SE_BASIS_NOT_TESTED' },
  dmc_relation_no_se_chain: { code: 'SE_CHAIN' },
  dmc_relation_not_self: { code: 'DMC_RELATION_SELF', message: 'a DMC cannot be related to itself' },
  dmc_relation_rationale_not_blank: {
    code: 'RATIONALE_REQUIRED',
    message: 'a DMC relation needs a rationale',
  },
  dmc_fingerprint_matches_slots: { code: 'DMC_FINGERPRINT' },
  dmc_minimum_composition: { code: 'DMC_COMPOSITION' },
  dmc_cohort_id_fingerprint_unique: {
    code: 'DUPLICATE_DMC',
    message: 'a DMC with the same slots already exists in this cohort',
  },
  firmware_upgrade_path_same_device_model: { code: 'UPGRADE_PATH_CROSSES_DEVICE_MODELS' },
  firmware_upgrade_path_not_loop: {
    code: 'UPGRADE_PATH_LOOP',
    message: 'an upgrade path goes from one firmware to a different one',
  },
  firmware_upgrade_path_unique: {
    code: 'DUPLICATE_UPGRADE_PATH',
    message: 'that upgrade path already exists for this cohort',
  },
  firmware_version_hex_format: {
    code: 'FIRMWARE_FORMAT',
    message: 'a normalised firmware version is upper-case hex',
  },
  device_eui64_format: {
    code: 'EUI64_FORMAT',
    message:
      'a device ID is an EUI-64: 8 upper-case hex octets joined by hyphens, e.g. 00-DB-12-34-56-78-90-A0',
  },
  device_type_matches_firmware: {
    code: 'DEVICE_TYPE_MISMATCH',
    message: "a device's type must match its firmware's device model",
  },
  dmc_slot_type_matches_firmware: {
    code: 'DEVICE_TYPE_MISMATCH',
    message: "a slot's type must match its firmware's device model",
  },
  testing_issue_not_counted_needs_rationale: {
    code: 'RATIONALE_REQUIRED',
    message: 'a Testing Issue that does not count against the threshold needs a rationale (Clause 20.29)',
  },
  testing_issue_severity_range: { code: 'SEVERITY_RANGE', message: 'severity is 1 (most severe) to 5' },
  domain_event_append_only: { code: 'APPEND_ONLY' },
  epcl_report_number_unique: {
    code: 'REPORT_NUMBER_TAKEN',
    message: 'an EPCL report with that number already exists',
  },
  epcl_report_entry_report_id_entry_id_unique: {
    code: 'ENTRY_ALREADY_IN_REPORT',
    message: 'that entry is already requested in this report',
  },
  epcl_objection_within_window: { code: 'OBJECTION_WINDOW_CLOSED' },
  epcl_objection_grounds_not_blank: {
    code: 'INVALID_INPUT',
    message: 'an objection states its grounds',
  },
  epcl_list_version_version_unique: {
    code: 'LIST_VERSION_TAKEN',
    message: 'an EPCL list version with that label is already published',
  },
  pacing_record_append_only: { code: 'APPEND_ONLY' },
  pacing_action_dmc_required: {
    code: 'DMC_REQUIRED',
    message: 'THROTTLE and HALT_DMC name the DMC they apply to',
  },
  installation_excluded_has_category: {
    code: 'EXCLUSION_CATEGORY',
    message: 'an excluded installation has an exclusion category, and only an excluded one',
  },
};

const SQLSTATE_CODES: Record<string, string> = {
  '23505': 'UNIQUE_VIOLATION',
  '23503': 'REFERENCE_VIOLATION',
  '23502': 'MISSING_VALUE',
  '23514': 'CHECK_VIOLATION',
  '22023': 'INVALID_PARAMETER',
  '22P02': 'INVALID_TEXT',
  '22007': 'INVALID_DATE',
  '22008': 'INVALID_DATE',
};

/** Every code a database rule can give (the named rules, then the generic codes of unnamed failures). */
export const DOMAIN_RULE_CODES: readonly string[] = [
  ...new Set(Object.values(RULES).map((r) => r.code)),
].sort();
export const GENERIC_DB_CODES: readonly string[] = [...new Set(Object.values(SQLSTATE_CODES))].sort();

function asPgError(error: unknown): PgError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as PgError & { cause?: unknown };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  // MikroORM wraps driver errors; the original is on `cause` or the wrapper copies its fields.
  return e.cause ? asPgError(e.cause) : undefined;
}

/** A DomainRuleError for a PostgreSQL integrity/data error, or undefined if `error` is something else. */
export function translateDbError(error: unknown): DomainRuleError | undefined {
  const pg = asPgError(error);
  if (!pg?.code || !(pg.code in SQLSTATE_CODES)) return undefined;
  const rule = pg.constraint ? RULES[pg.constraint] : undefined;
  const raw = pg.message.replace(/^.* - /s, '');
  const message = rule?.message ? `${rule.message} (${raw})` : raw;
  return new DomainRuleError(
    rule?.code ?? SQLSTATE_CODES[pg.code],
    message,
    pg.constraint,
    pg.hint || undefined,
    rule?.message,
  );
}
