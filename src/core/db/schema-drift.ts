/**
 * What MikroORM's schema generator proposes that is not drift:
 * - the composite foreign keys and expression indexes of the hand-written migrations (rules, EPCL ID order
 *   indexes), which entities cannot express (it proposes to drop them, and to re-create them on the way down);
 * - CHECK constraints dropped and re-added unchanged: PostgreSQL stores expressions in canonical form
 *   (BETWEEN becomes >= AND <=, IN becomes = ANY) and the generator compares them as text.
 * Used by `npm run migration:create` (to write only real changes) and by the drift test.
 */
const HAND_WRITTEN = [
  / constraint "?(firmware_version_type_matches_model|dmc_slot_type_matches_firmware|device_type_matches_firmware|dmc_model_signature_dmc_id_foreign)"?[ ;]/i,
  / index "?(firmware_upgrade_path_unique|firmware_version_hex_unique|epcl_entry_epcl_order_index|epcl_entry_state_epcl_order_index|epcl_entry_added_order_index|epcl_entry_state_added_order_index)"?[ ;]/i,
];

const checkName = (statement: string) =>
  /^alter table "\w+" (?:drop|add) constraint "?(\w+)"?(?: check\(|;)/.exec(statement)?.[1];

export function realSchemaChanges(all: string[]): string[] {
  const statements = all.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('--'));
  const readded = new Set(statements.filter((s) => / add constraint \w+ check\(/.test(s)).map(checkName));
  return statements.filter((s) => {
    const name = checkName(s);
    if (name && readded.has(name)) return false;
    return !HAND_WRITTEN.some((pattern) => pattern.test(s));
  });
}
