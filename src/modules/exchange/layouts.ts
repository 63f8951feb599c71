import type { Cell, Column } from './sheets';

/**
 * Column layouts of the files we exchange. The DCC's EPCL workbook and Annex A are not public text
 * (docs/domain.md §2, §7.1): the volume tables follow report 22 as printed [S]; the entry layouts carry what
 * the domain notes expect per entry — EPCL ID, cohort / S1SP, installation status, per device slot the
 * manufacturer, model, hardware version and firmware, date first added, and in Annex A the basis and the
 * test reports — in a layout of our own [I].
 */

/** Device types in the order their column groups appear; twins get numbered groups (`PPMID 2 …`). */
export const DEVICE_ORDER = ['CHF', 'ESME', 'GSME', 'GPF', 'PPMID', 'IHD', 'HCALCS'] as const;
/** Groups always present, so an empty database still gets a complete header. */
export const DEFAULT_DEVICE_GROUPS = ['CHF', 'ESME', 'GSME', 'GPF', 'PPMID'];
export const DEVICE_FIELDS = [
  { suffix: 'Manufacturer', key: 'manufacturer' },
  { suffix: 'Manufacturer ID', key: 'manufacturerId' },
  { suffix: 'Model', key: 'model' },
  { suffix: 'Hardware Version', key: 'hardware' },
  { suffix: 'Firmware Version', key: 'firmware' },
] as const;

export type SlotDevice = {
  type: string;
  manufacturer: string;
  manufacturerId: string | null;
  model: string;
  hardware: string;
  firmware: string;
};

/** `CHF`, `ESME`, … `PPMID 2`: one group per device type and occurrence, wide enough for `dmcs`. */
export function deviceGroups(dmcs: readonly SlotDevice[][]): string[] {
  const most = new Map<string, number>();
  for (const devices of dmcs) {
    const n = new Map<string, number>();
    for (const d of devices) n.set(d.type, (n.get(d.type) ?? 0) + 1);
    for (const [t, k] of n) most.set(t, Math.max(most.get(t) ?? 0, k));
  }
  for (const t of DEFAULT_DEVICE_GROUPS) most.set(t, Math.max(most.get(t) ?? 0, 1));
  return DEVICE_ORDER.flatMap((t) =>
    Array.from({ length: most.get(t) ?? 0 }, (_, i) => (i === 0 ? t : `${t} ${i + 1}`)),
  );
}

export const deviceColumns = (groups: readonly string[]): Column[] =>
  groups.flatMap((g) => DEVICE_FIELDS.map((f) => ({ header: `${g} ${f.suffix}`, type: 'text' as const })));

export function deviceCells(groups: readonly string[], devices: readonly SlotDevice[]): Cell[] {
  const byGroup = new Map<string, SlotDevice>();
  const seen = new Map<string, number>();
  for (const d of devices) {
    const k = (seen.get(d.type) ?? 0) + 1;
    seen.set(d.type, k);
    byGroup.set(k === 1 ? d.type : `${d.type} ${k}`, d);
  }
  return groups.flatMap((g) => {
    const d = byGroup.get(g);
    return DEVICE_FIELDS.map((f) => (d ? (d[f.key] ?? null) : null));
  });
}

/** The leading columns of an EPCL list row. */
export const EPCL_LIST_COLUMNS: Column[] = [
  { header: 'EPCL ID', type: 'text' },
  { header: 'Cohort', type: 'text' },
  { header: 'S1SP', type: 'text' },
  { header: 'Installation Status', type: 'text' },
  { header: 'Basis', type: 'text' },
  { header: 'Basis EPCL ID', type: 'text' },
  { header: 'Date First Added', type: 'date' },
];

/** The leading columns of an Annex A row. */
export const ANNEX_A_COLUMNS: Column[] = [
  { header: 'Group', type: 'int' },
  { header: 'EPCL ID', type: 'text' },
  { header: 'Cohort', type: 'text' },
  { header: 'S1SP', type: 'text' },
  { header: 'Installation Status', type: 'text' },
  { header: 'State', type: 'text' },
  { header: 'Basis', type: 'text' },
  { header: 'Basis EPCL ID', type: 'text' },
];
export const ANNEX_A_TRAILING: Column[] = [{ header: 'Test Reports', type: 'text', width: 60 }];

export const EVIDENCE_COLUMNS: Column[] = [
  { header: 'EPCL ID', type: 'text' },
  { header: 'Role', type: 'text' },
  { header: 'Test Report', type: 'text', width: 60 },
];

export const TEST_REPORT_COLUMNS: Column[] = [
  { header: 'Title', type: 'text', width: 60 },
  { header: 'Kind', type: 'text' },
  { header: 'Version', type: 'text' },
  { header: 'State', type: 'text' },
  { header: 'Tranche', type: 'int' },
  { header: 'Capability Release', type: 'text' },
  { header: 'Draft Issued', type: 'date' },
  { header: 'Shared With Suppliers', type: 'date' },
  { header: 'TAG Reviewed', type: 'date' },
  { header: 'Final', type: 'date' },
  { header: 'Document Ref', type: 'text' },
];

export const REPORT_COLUMNS: Column[] = [
  { header: 'Field', type: 'text' },
  { header: 'Value', type: 'text', width: 60 },
];

/** Report 22's volume tables as printed: section and row labels [S]. */
export const VOLUME_SECTIONS = {
  OVERALL: { title: 'Overall', suffix: 'tested and SE' },
  GROUP_1_TESTED: { title: 'Group 1', suffix: 'tested' },
  GROUP_2_SE: { title: 'Group 2', suffix: 'SE' },
} as const;
export const volumeRowLabel = (section: keyof typeof VOLUME_SECTIONS, basis: string): string =>
  basis === 'AT_TARGET_FW'
    ? `Requested EPCL entries (${VOLUME_SECTIONS[section].suffix}) at target FW`
    : basis === 'POTENTIAL_FW_UPGRADE'
      ? `Potential FW upgrades to target FW (${VOLUME_SECTIONS[section].suffix})`
      : 'Totals by Installation Status';

export const VOLUME_COLUMNS: Column[] = [
  { header: 'Table', type: 'text' },
  { header: 'Row', type: 'text', width: 55 },
  { header: 'Figures', type: 'text' },
  { header: 'Installs Active', type: 'int' },
  { header: 'Installs Dormant', type: 'int' },
  { header: 'Installs Mixed', type: 'int' },
  { header: 'Devices Active', type: 'int' },
  { header: 'Devices Dormant', type: 'int' },
  { header: 'Devices Mixed', type: 'int' },
];

export const CANDIDATE_COLUMNS: Column[] = [
  { header: 'Installation ID', type: 'text' },
  { header: 'Supplier', type: 'text' },
  { header: 'Cohort', type: 'text' },
  { header: 'Installation Status', type: 'text' },
  { header: 'Target DMC ID', type: 'text' },
  { header: 'Target EPCL ID', type: 'text' },
  { header: 'Devices', type: 'int' },
  { header: 'Hops', type: 'int' },
  { header: 'Firmware Upgrades', type: 'text', width: 80 },
];

export const INSTALLATION_COLUMNS: Column[] = [
  { header: 'Installation ID', type: 'text' },
  { header: 'Supplier', type: 'text' },
  { header: 'Cohort', type: 'text' },
  { header: 'Installation Status', type: 'text' },
  { header: 'Status As Of', type: 'date' },
  { header: 'Migration State', type: 'text' },
  { header: 'Exclusion Category', type: 'text' },
  { header: 'Electricity Only', type: 'text' },
  { header: 'Devices', type: 'int' },
  { header: 'DMC ID', type: 'text' },
  { header: 'EPCL ID', type: 'text' },
  { header: 'Entry State', type: 'text' },
  { header: 'Date First Added', type: 'date' },
  { header: 'Eligible', type: 'text' },
  { header: 'Blocker', type: 'text' },
];
