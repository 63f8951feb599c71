import type { Client } from 'pg';

/**
 * A deliberately simple reference for docs/domain.md §4.1: brute force over devices, in memory, with no
 * precomputation. Tests compare the data (and later the SQL paths) against it.
 */
export type RefInstallation = {
  id: number;
  cohortId: number;
  status: string;
  /** `dormantMeter`: a meter recorded dormant (in a Mixed installation it takes DCC-performed paths only). */
  devices: { type: string; model: number; fw: number; dormantMeter?: boolean }[];
};
export type RefTarget = {
  dmcId: number;
  cohortId: number;
  statuses: string[];
  slots: { type: string; model: number; fw: number }[];
};
export type RefPath = { from: number; to: number; cohortId: number | null; dormantOk?: boolean };

export type RefMatch = { installationId: number; dmcId: number; atTarget: boolean; hops: number };

/** Firmware reachable from `from` by directed paths usable for `cohortId` (multi-hop), with the fewest hops. */
export function reachableHops(
  paths: RefPath[],
  cohortId: number,
  from: number,
  dormant = false,
): Map<number, number> {
  const seen = new Map<number, number>();
  let frontier = [from];
  for (let hops = 1; frontier.length; hops++) {
    const next: number[] = [];
    for (const fw of frontier) {
      for (const p of paths) {
        if (
          p.from !== fw ||
          (p.cohortId !== null && p.cohortId !== cohortId) ||
          (dormant && p.dormantOk === false)
        )
          continue;
        if (!seen.has(p.to) && p.to !== from) {
          seen.set(p.to, hops);
          next.push(p.to);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

export function reachable(paths: RefPath[], cohortId: number, from: number): Set<number> {
  return new Set(reachableHops(paths, cohortId, from).keys());
}

/** Every way to pair the installation's devices with the target's slots of the same type and model. */
function pairings(
  devices: RefInstallation['devices'],
  slots: RefTarget['slots'],
): [number, number, RefInstallation['devices'][number]][][] {
  if (devices.length !== slots.length) return [];
  const results: [number, number, RefInstallation['devices'][number]][][] = [];
  const used = new Array(slots.length).fill(false);
  const walk = (i: number, acc: [number, number, RefInstallation['devices'][number]][]) => {
    if (i === devices.length) {
      results.push([...acc]);
      return;
    }
    slots.forEach((slot, j) => {
      if (used[j] || slot.type !== devices[i].type || slot.model !== devices[i].model) return;
      used[j] = true;
      acc.push([devices[i].fw, slot.fw, devices[i]]);
      walk(i + 1, acc);
      acc.pop();
      used[j] = false;
    });
  };
  walk(0, []);
  return results;
}

export function referenceMatches(
  installations: RefInstallation[],
  targets: RefTarget[],
  paths: RefPath[],
): RefMatch[] {
  const matches: RefMatch[] = [];
  for (const inst of installations) {
    for (const t of targets) {
      if (t.cohortId !== inst.cohortId || !t.statuses.includes(inst.status)) continue;
      let atTarget = false;
      let hops = Infinity;
      for (const pairs of pairings(inst.devices, t.slots)) {
        if (pairs.every(([fw, target]) => fw === target)) atTarget = true;
        // Dormant installations, and a Mixed installation's dormant meter, only over DCC-performed paths.
        const dcc = (d: RefInstallation['devices'][number]) =>
          inst.status === 'DORMANT' ||
          (inst.status === 'MIXED' && !!d.dormantMeter && (d.type === 'ESME' || d.type === 'GSME'));
        const each = pairs.map(([fw, target, d]) =>
          fw === target ? 0 : reachableHops(paths, inst.cohortId, fw, dcc(d)).get(target),
        );
        if (each.every((h) => h !== undefined))
          hops = Math.min(
            hops,
            each.reduce((x, y) => x + y, 0),
          );
      }
      if (atTarget) matches.push({ installationId: inst.id, dmcId: t.dmcId, atTarget: true, hops: 0 });
      else if (hops < Infinity)
        matches.push({ installationId: inst.id, dmcId: t.dmcId, atTarget: false, hops });
    }
  }
  return matches;
}

/** Loads unmigrated, non-excluded installations, report N's targets and all upgrade paths. */
export async function loadReference(db: Client, reportNumber: number) {
  const devices = await db.query<{
    installation_id: number;
    cohort_id: number;
    status: string;
    device_type: string;
    device_model_id: number;
    fw: number;
    meter_status: string | null;
  }>(
    `select i.id as installation_id, i.cohort_id, i.status, d.device_type, f.device_model_id, f.id as fw, d.meter_status
       from installation i join device d on d.installation_id = i.id join firmware_version f on f.id = d.firmware_version_id
      where i.migration_state = 'UNMIGRATED' and i.exclusion_category is null`,
  );
  const byId = new Map<number, RefInstallation>();
  for (const r of devices.rows) {
    const inst = byId.get(r.installation_id) ?? {
      id: r.installation_id,
      cohortId: r.cohort_id,
      status: r.status,
      devices: [],
    };
    inst.devices.push({
      type: r.device_type,
      model: r.device_model_id,
      fw: r.fw,
      dormantMeter: r.meter_status === 'DORMANT',
    });
    byId.set(r.installation_id, inst);
  }
  const slots = await db.query<{
    dmc_id: number;
    cohort_id: number;
    statuses: string[];
    device_type: string;
    device_model_id: number;
    fw: number;
  }>(
    `select d.id as dmc_id, d.cohort_id,
            array(select distinct e.installation_status from epcl_entry e join epcl_report_entry re on re.entry_id = e.id
                    join epcl_report r on r.id = re.report_id where e.dmc_id = d.id and r.number = $1) as statuses,
            s.device_type, f.device_model_id, f.id as fw
       from dmc d join dmc_slot s on s.dmc_id = d.id join firmware_version f on f.id = s.firmware_version_id
      where exists (select 1 from epcl_entry e join epcl_report_entry re on re.entry_id = e.id join epcl_report r on r.id = re.report_id
                     where e.dmc_id = d.id and r.number = $1)`,
    [reportNumber],
  );
  const targets = new Map<number, RefTarget>();
  for (const r of slots.rows) {
    const t = targets.get(r.dmc_id) ?? {
      dmcId: r.dmc_id,
      cohortId: r.cohort_id,
      statuses: r.statuses,
      slots: [],
    };
    t.slots.push({ type: r.device_type, model: r.device_model_id, fw: r.fw });
    targets.set(r.dmc_id, t);
  }
  const paths = await db.query<{ from: number; to: number; cohort_id: number | null; dormant_ok: boolean }>(
    `select from_firmware_id as "from", to_firmware_id as "to", cohort_id, dormant_upgrade_by_dcc as dormant_ok from firmware_upgrade_path where ota_supported`,
  );
  return {
    installations: [...byId.values()],
    targets: [...targets.values()],
    paths: paths.rows.map((p) => ({
      from: p.from,
      to: p.to,
      cohortId: p.cohort_id,
      dormantOk: p.dormant_ok,
    })),
  };
}
