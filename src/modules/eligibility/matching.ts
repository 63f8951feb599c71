/**
 * The matching rules of docs/domain.md §4, as pure functions: no ORM, no GraphQL, no SQL. The database path
 * (upgrade.sql.ts) answers the same questions for millions of installations; these functions explain one
 * installation in detail and document the rules.
 *
 * An installation is AT TARGET for DMC T when it is in T's cohort, its devices and T's slots pair up one to
 * one with the same device type, manufacturer, model and hardware version (the device model), and every
 * firmware equals T's. It COULD BE FIRMWARE-UPGRADED to T when all but firmware match, at least one firmware
 * differs, and every differing device has a directed upgrade path (any number of hops) to T's firmware that
 * is usable for the cohort: over the air, and for a Dormant installation only through upgrades DCC may
 * perform. A Mixed installation's dormant meter (it has no operating supplier) follows the Dormant rule too;
 * its other devices may use any usable path. Only unmigrated installations count. Child DMCs match by their own slots, never as a subset.
 */

import { BlockerCode } from '../common/enums';

export type DeviceFacts = {
  deviceType: string;
  modelId: number;
  firmwareId: number;
  deviceId?: string;
  /** For meters: ACTIVE or DORMANT (a Mixed installation's dormant meter takes DCC-performed paths only). */
  meterStatus?: string | null;
};
export type TargetSlot = { deviceType: string; modelId: number; firmwareId: number };
export type Target = { dmcId: number; cohortId: number; slots: TargetSlot[] };
export type UpgradeEdge = {
  from: number;
  to: number;
  cohortId: number | null;
  otaSupported: boolean;
  dormantUpgradeByDcc: boolean;
};
export type InstallationFacts = {
  cohortId: number;
  status: 'ACTIVE' | 'DORMANT' | 'MIXED';
  devices: DeviceFacts[];
};

export type Blocker = { code: BlockerCode; message: string };
export type DeviceHops = { device: DeviceFacts; targetFirmwareId: number; path: number[] };

export type Match =
  | { kind: 'AT_TARGET' }
  | { kind: 'UPGRADE'; devices: DeviceHops[]; hops: number }
  | { kind: 'NO_MATCH'; blockers: Blocker[] };

/** The usable edges for a cohort: over the air; with `dcc`, only upgrades DCC may perform. */
function usable(edges: UpgradeEdge[], cohortId: number, dcc: boolean): Map<number, number[]> {
  const next = new Map<number, number[]>();
  for (const e of edges) {
    if (!e.otaSupported || (e.cohortId !== null && e.cohortId !== cohortId)) continue;
    if (dcc && !e.dormantUpgradeByDcc) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  return next;
}

/**
 * Whether a device of an installation needs DCC-performed upgrades: every device of a Dormant installation,
 * and the dormant meter of a Mixed one (no supplier operates it).
 */
export function needsDccPath(status: InstallationFacts['status'], device: DeviceFacts): boolean {
  return (
    status === 'DORMANT' ||
    (status === 'MIXED' &&
      device.meterStatus === 'DORMANT' &&
      (device.deviceType === 'ESME' || device.deviceType === 'GSME'))
  );
}

/** The shortest directed firmware path from `from` to `to` (both included), or null. Never by version order. */
export function shortestPath(next: Map<number, number[]>, from: number, to: number): number[] | null {
  if (from === to) return [from];
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const n of next.get(at) ?? []) {
      if (previous.has(n)) continue;
      previous.set(n, at);
      if (n === to) {
        const path = [to];
        for (let p = at; p !== from; p = previous.get(p)!) path.unshift(p);
        return [from, ...path];
      }
      queue.push(n);
    }
  }
  return null;
}

const key = (d: { deviceType: string; modelId: number }) => `${d.deviceType}:${d.modelId}`;

/** Every one-to-one pairing of devices with slots of the same device model (twins may pair either way). */
function pairings(devices: DeviceFacts[], slots: TargetSlot[]): [DeviceFacts, TargetSlot][][] {
  const out: [DeviceFacts, TargetSlot][][] = [];
  const used = slots.map(() => false);
  const walk = (i: number, acc: [DeviceFacts, TargetSlot][]) => {
    if (i === devices.length) return void out.push([...acc]);
    slots.forEach((slot, j) => {
      if (used[j] || key(slot) !== key(devices[i])) return;
      used[j] = true;
      acc.push([devices[i], slot]);
      walk(i + 1, acc);
      acc.pop();
      used[j] = false;
    });
  };
  walk(0, []);
  return out;
}

function countBy<T>(items: T[], f: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(f(i), (m.get(f(i)) ?? 0) + 1);
  return m;
}

/** How an installation relates to one target DMC. */
export function matchInstallation(inst: InstallationFacts, target: Target, edges: UpgradeEdge[]): Match {
  if (inst.cohortId !== target.cohortId) {
    return {
      kind: 'NO_MATCH',
      blockers: [
        {
          code: BlockerCode.COHORT_MISMATCH,
          message: `the installation is in cohort ${inst.cohortId}, the DMC in ${target.cohortId}`,
        },
      ],
    };
  }
  const blockers: Blocker[] = [];
  const haveTypes = countBy(inst.devices, (d) => d.deviceType);
  const needTypes = countBy(target.slots, (s) => s.deviceType);
  for (const [type, n] of needTypes) {
    if ((haveTypes.get(type) ?? 0) < n)
      blockers.push({
        code: BlockerCode.MISSING_DEVICE,
        message: `the DMC has ${n} ${type} but the installation ${haveTypes.get(type) ?? 0}`,
      });
  }
  for (const [type, n] of haveTypes) {
    if ((needTypes.get(type) ?? 0) < n)
      blockers.push({
        code: BlockerCode.EXTRA_DEVICE,
        message: `the installation has ${n} ${type} but the DMC ${needTypes.get(type) ?? 0}`,
      });
  }
  if (blockers.length) return { kind: 'NO_MATCH', blockers };
  const haveModels = countBy(inst.devices, key);
  const needModels = countBy(target.slots, key);
  const mismatched = [...needModels]
    .filter(([k, n]) => haveModels.get(k) !== n)
    .map(([k]) => k.split(':')[0]);
  if (mismatched.length) {
    return {
      kind: 'NO_MATCH',
      blockers: [...new Set(mismatched)].map((type) => ({
        code: BlockerCode.HARDWARE_OR_MODEL_MISMATCH,
        message: `the ${type} is a different manufacturer, model or hardware version: firmware cannot change that (a device exchange can)`,
      })),
    };
  }
  const anyPath = usable(edges, inst.cohortId, false);
  const dccPath = usable(edges, inst.cohortId, true);
  const next = (d: DeviceFacts) => (needsDccPath(inst.status, d) ? dccPath : anyPath);
  let best: DeviceHops[] | undefined;
  let bestHops = Infinity;
  for (const pairs of pairings(inst.devices, target.slots)) {
    if (pairs.every(([d, s]) => d.firmwareId === s.firmwareId)) return { kind: 'AT_TARGET' };
    const paths = pairs.map(([d, s]) => ({
      device: d,
      targetFirmwareId: s.firmwareId,
      path: shortestPath(next(d), d.firmwareId, s.firmwareId),
    }));
    if (paths.some((p) => p.path === null)) continue;
    const hops = paths.reduce((sum, p) => sum + p.path!.length - 1, 0);
    if (hops < bestHops) {
      bestHops = hops;
      best = paths as DeviceHops[];
    }
  }
  if (best) return { kind: 'UPGRADE', devices: best.filter((d) => d.path.length > 1), hops: bestHops };
  const stuck = inst.devices.filter(
    (d) => !target.slots.some((s) => key(s) === key(d) && shortestPath(next(d), d.firmwareId, s.firmwareId)),
  );
  return {
    kind: 'NO_MATCH',
    blockers: stuck.map((d) => ({
      code: BlockerCode.NO_UPGRADE_PATH,
      message: `no ${needsDccPath(inst.status, d) ? 'DCC-performed ' : ''}upgrade path from firmware ${d.firmwareId} of the ${inst.status === 'MIXED' && needsDccPath(inst.status, d) ? 'dormant ' : ''}${d.deviceType} to the DMC's firmware`,
    })),
  };
}
