import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  DeviceType,
  EpclEntryState,
  ExclusionCategory,
  InstallationStatus,
  MeterStatus,
  MigrationState,
} from '../src/modules/common/enums';
import { dmcFingerprint } from '../src/modules/dmc/fingerprint';
import { COHORTS, type Catalogue } from './catalogue';
import type { Dataset, DmcRow, ModelFirmware, SlotRow } from './dataset';
import { Random } from './random';
import type { Report22 } from './report22';

/*
 * The synthetic national inventory: installations and their devices, streamed into PostgreSQL with COPY.
 *
 * What it guarantees (and tests check through a brute-force reference):
 *  - exactly `report22Candidates` unmigrated, non-excluded MOC Secure installations could be firmware-upgraded
 *    to one of report 22's DMCs with an entry for their status; none is at target firmware for them (the
 *    report's published "at target" cells are 0), and none is eligible today on an earlier report's entry;
 *    this calibrates the demo inventory to the report's published estimate (by construction);
 *  - every other MOC Secure installation is either migrated or blocked for report 22 for a stated reason
 *    (firmware newer than every target, a firmware line with no upgrade path, a different hardware version,
 *    an extra PPMID, a different composition, or an exclusion category);
 *  - other cohorts get installations around their own DMCs, at target or behind it, mostly migrated.
 * About 1.47 meters per installation (500,000 meters / 340,000 installations in the seed), plus the comms
 * hub and, with gas, the gas proxy.
 */

export type InventoryOptions = {
  installations: number;
  seed: number;
  /** Default: 66,000, or fewer when the inventory is small (at most 45 % of it). */
  report22Candidates?: number;
  onProgress?: (done: number, total: number) => void;
};

export type InventoryResult = { installations: number; devices: number; report22Candidates: number };

type Kind = 'R22_CANDIDATE' | 'SECURE_MIGRATED' | 'SECURE_BLOCKED' | 'OTHER_COHORT';

const STATUS_AS_OF = '2021-11-30';
const TYPE_PREFIX: Record<DeviceType, string> = {
  [DeviceType.CHF]: '0A',
  [DeviceType.ESME]: '1E',
  [DeviceType.GSME]: '26',
  [DeviceType.GPF]: '2F',
  [DeviceType.PPMID]: '3C',
  [DeviceType.IHD]: '44',
  [DeviceType.HCALCS]: '4B',
};

export function defaultReport22Candidates(installations: number): number {
  return Math.min(66_000, Math.floor(installations * 0.45));
}

/** Installation + devices as generated, before serialisation. */
type Generated = {
  cohortId: number;
  status: InstallationStatus;
  migration: MigrationState;
  exclusion: ExclusionCategory | null;
  slots: SlotRow[];
};

export class InventoryGenerator {
  private readonly rng: Random;
  private readonly r22Targets: { dmc: DmcRow; statuses: InstallationStatus[] }[];
  private readonly r22Fingerprints: Set<string>;
  /** `fingerprint|status` of Secure DMCs with an entry on the EPCL: installations there are eligible today. */
  private readonly eligibleNow: Set<string>;
  private readonly secureId: number;
  private readonly otherDmcs: DmcRow[];
  private readonly lineOf = new Map<number, { line: ModelFirmware; index: number }>();

  constructor(
    private readonly data: Dataset,
    private readonly catalogue: Catalogue,
    report22: Report22,
    seed: number,
  ) {
    this.rng = new Random(seed);
    this.secureId = data.cohort(COHORTS.MOC_SECURE).id;
    this.r22Targets = report22.dmcs.map((dmc) => ({
      dmc,
      statuses: (report22.entriesByDmc.get(dmc.id) ?? []).map((e) => e.installationStatus),
    }));
    this.r22Fingerprints = new Set(report22.dmcs.map((d) => d.fingerprint));
    const dmcById = new Map(data.dmcs.map((d) => [d.id, d]));
    this.eligibleNow = new Set(
      data.entries
        .filter((e) => e.state === EpclEntryState.ON_EPCL && dmcById.get(e.dmcId)?.cohortId === this.secureId)
        .map((e) => `${dmcById.get(e.dmcId)!.fingerprint}|${e.installationStatus}`),
    );
    const r22Ids = new Set(report22.dmcs.map((d) => d.id));
    this.otherDmcs = data.dmcs.filter((d) => !r22Ids.has(d.id) && d.cohortId !== this.secureId);
    for (const line of data.modelFirmware.values()) {
      line.chain.forEach((fw, index) => this.lineOf.set(fw.id, { line, index }));
      line.orphans.forEach((fw) => this.lineOf.set(fw.id, { line, index: -1 }));
    }
  }

  private statusFor(gas: boolean, allowed?: InstallationStatus[]): InstallationStatus {
    const options = (
      allowed ?? [InstallationStatus.ACTIVE, InstallationStatus.DORMANT, InstallationStatus.MIXED]
    ).filter((s) => gas || s !== InstallationStatus.MIXED);
    const weight = { ACTIVE: 0.7, DORMANT: 0.22, MIXED: 0.08 } as const;
    return this.rng.weighted(options.map((s) => [s, weight[s]] as const));
  }

  /** A report-22 firmware-upgrade candidate: same models as a target, behind it on at least one slot. */
  private candidate(): Generated {
    for (;;) {
      const target = this.rng.pick(this.r22Targets);
      const gas = target.dmc.slots.some((s) => s.deviceType === DeviceType.GSME);
      const statuses = target.statuses.filter((s) => gas || s !== InstallationStatus.MIXED);
      if (statuses.length === 0) continue;
      const slots = target.dmc.slots.map((s) => {
        const { line, index } = this.lineOf.get(s.firmwareVersionId)!;
        const behind = index > 0 && this.rng.chance(0.55);
        return { ...s, firmwareVersionId: line.chain[behind ? this.rng.int(index) : index].id };
      });
      const fingerprint = dmcFingerprint(slots);
      if (this.r22Fingerprints.has(fingerprint)) continue; // at target for some report-22 DMC
      const status = this.statusFor(gas, statuses);
      // Already eligible today on an earlier report's entry: not a potential upgrade, so not a candidate.
      if (this.eligibleNow.has(`${fingerprint}|${status}`)) continue;
      return {
        cohortId: this.secureId,
        status,
        migration: MigrationState.UNMIGRATED,
        exclusion: null,
        slots,
      };
    }
  }

  /** Report-22-like slots (Secure models, target firmware band). */
  private secureSlots(gas: boolean): SlotRow[] {
    const s = this.catalogue.secure;
    const pick = (lines: ModelFirmware[]) => {
      const line = this.rng.pick(lines);
      return {
        deviceType: line.model.deviceType,
        slotNo: 1,
        firmwareVersionId: line.chain[this.rng.between(0, 5)].id,
      };
    };
    return [pick(s.chf), pick(s.esme), ...(gas ? [pick(s.gsme), pick(s.gpf)] : [])];
  }

  /** A MOC Secure installation that is not a report-22 candidate, for a stated reason. */
  private secureBlocked(): Generated {
    const gas = this.rng.chance(0.45);
    const slots = this.secureSlots(gas);
    const s = this.catalogue.secure;
    const reason = this.rng.weighted([
      ['NEWER_FIRMWARE', 3],
      ['NO_PATH', 2],
      ['HARDWARE', 2],
      ['EXTRA_PPMID', 2],
      ['GAS_ONLY', 1],
      ['EXCLUDED', 2],
    ] as const);
    let exclusion: ExclusionCategory | null = null;
    const replace = (type: DeviceType, firmwareVersionId: number) => {
      const i = slots.findIndex((x) => x.deviceType === type);
      slots[i] = { ...slots[i], firmwareVersionId };
    };
    if (reason === 'NEWER_FIRMWARE') {
      const i = this.rng.int(slots.length);
      const { line } = this.lineOf.get(slots[i].firmwareVersionId)!;
      slots[i] = { ...slots[i], firmwareVersionId: line.chain[this.rng.between(6, 7)].id };
    } else if (reason === 'NO_PATH') {
      const i = this.rng.int(slots.length);
      const { line } = this.lineOf.get(slots[i].firmwareVersionId)!;
      slots[i] = { ...slots[i], firmwareVersionId: line.orphans[0].id };
    } else if (reason === 'HARDWARE') {
      replace(DeviceType.ESME, this.rng.pick(s.esmeHwVariant.chain).id);
    } else if (reason === 'EXTRA_PPMID') {
      slots.push({
        deviceType: DeviceType.PPMID,
        slotNo: 1,
        firmwareVersionId: this.rng.pick(s.ppmid[0].chain).id,
      });
    } else if (reason === 'GAS_ONLY') {
      const gasSlots = this.secureSlots(true).filter((x) => x.deviceType !== DeviceType.ESME);
      slots.splice(0, slots.length, ...gasSlots);
    } else {
      exclusion = this.rng.pick(Object.values(ExclusionCategory));
    }
    const hasGas = slots.some((x) => x.deviceType === DeviceType.GSME);
    const hasElec = slots.some((x) => x.deviceType === DeviceType.ESME);
    return {
      cohortId: this.secureId,
      status: this.statusFor(hasGas && hasElec),
      migration: exclusion ? MigrationState.EXCLUDED : MigrationState.UNMIGRATED,
      exclusion,
      slots,
    };
  }

  private secureMigrated(): Generated {
    const gas = this.rng.chance(0.47);
    return {
      cohortId: this.secureId,
      status: this.statusFor(gas),
      migration: MigrationState.MIGRATED,
      exclusion: null,
      slots: this.secureSlots(gas),
    };
  }

  /** Around another cohort's DMC: at target or behind it; mostly migrated. */
  private otherCohort(): Generated {
    const dmc = this.rng.pick(this.otherDmcs);
    const slots = dmc.slots.map((s) => {
      const { line, index } = this.lineOf.get(s.firmwareVersionId)!;
      return index > 0 && this.rng.chance(0.35)
        ? { ...s, firmwareVersionId: line.chain[this.rng.int(index)].id }
        : s;
    });
    const gas = slots.some((s) => s.deviceType === DeviceType.GSME);
    const migration = this.rng.weighted([
      [MigrationState.MIGRATED, 60],
      [MigrationState.UNMIGRATED, 30],
      [MigrationState.EXCLUDED, 5],
      [MigrationState.FAILED, 3],
      [MigrationState.SCHEDULED, 2],
    ] as const);
    return {
      cohortId: dmc.cohortId,
      status: this.statusFor(gas),
      migration,
      exclusion:
        migration === MigrationState.EXCLUDED ? this.rng.pick(Object.values(ExclusionCategory)) : null,
      slots,
    };
  }

  generate(kind: Kind): Generated {
    switch (kind) {
      case 'R22_CANDIDATE':
        return this.candidate();
      case 'SECURE_MIGRATED':
        return this.secureMigrated();
      case 'SECURE_BLOCKED':
        return this.secureBlocked();
      case 'OTHER_COHORT':
        return this.otherCohort();
    }
  }

  /** The kind of the i-th installation: candidates spread evenly through the ids, the rest by share. */
  kindAt(i: number, total: number, candidates: number): Kind {
    const before = Math.floor((i * candidates) / total);
    const after = Math.floor(((i + 1) * candidates) / total);
    if (after > before) return 'R22_CANDIDATE';
    return this.rng.weighted([
      ['SECURE_MIGRATED', 25],
      ['SECURE_BLOCKED', 10],
      ['OTHER_COHORT', 65],
    ] as const);
  }

  randomSupplier(): number {
    return 1 + this.rng.int(this.data.suppliers.length);
  }

  migratedOn(): string {
    return new Date(Date.UTC(2019, 5, 1) + this.rng.int(900) * 86_400_000).toISOString().slice(0, 10);
  }

  meterSplit(): boolean {
    return this.rng.chance(0.5);
  }
}

function eui64(type: DeviceType, seq: number): string {
  const hex = seq.toString(16).toUpperCase().padStart(10, '0');
  return `00-DB-${TYPE_PREFIX[type]}-${hex.slice(0, 2)}-${hex.slice(2, 4)}-${hex.slice(4, 6)}-${hex.slice(6, 8)}-${hex.slice(8, 10)}`;
}

const N = '\\N';

/** Writes to a COPY stream, waiting for the socket to drain when PostgreSQL falls behind. */
function writer(stream: NodeJS.WritableStream) {
  return (chunk: string) =>
    stream.write(chunk)
      ? Promise.resolve()
      : new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

function finish(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.on('finish', () => resolve());
    stream.on('error', (e: Error) => reject(e));
    stream.end();
  });
}

/**
 * Streams the inventory into `installation`, then `device`, over one connection so that it all sits in the
 * caller's transaction. The generator is deterministic, so the device pass replays it with the same seed
 * rather than holding millions of rows in memory. Use `withBulkLoad` around it for large volumes.
 */
export async function loadInventory(
  db: ClientBase,
  data: Dataset,
  catalogue: Catalogue,
  report22: Report22,
  options: InventoryOptions,
): Promise<InventoryResult> {
  const total = options.installations;
  const candidates = Math.min(options.report22Candidates ?? defaultReport22Candidates(total), total);
  let devices = 0;
  for (const pass of ['installation', 'device'] as const) {
    const gen = new InventoryGenerator(data, catalogue, report22, options.seed);
    const stream = db.query(
      copyFrom(
        pass === 'installation'
          ? 'copy installation (id, cohort_id, status, status_as_of, supplier_id, migration_state, migrated_on, exclusion_category, elec_only_migration, synthetic) from stdin'
          : 'copy device (eui64, installation_id, device_type, firmware_version_id, meter_status) from stdin',
      ),
    );
    const write = writer(stream);
    let deviceSeq = 0;
    const batch = 5_000;
    for (let start = 0; start < total; start += batch) {
      let text = '';
      const end = Math.min(total, start + batch);
      for (let i = start; i < end; i++) {
        const id = i + 1;
        const g = gen.generate(gen.kindAt(i, total, candidates));
        const migratedOn = g.migration === MigrationState.MIGRATED ? gen.migratedOn() : N;
        const supplier = gen.randomSupplier();
        const elecActive =
          g.status === InstallationStatus.MIXED ? gen.meterSplit() : g.status === InstallationStatus.ACTIVE;
        if (pass === 'installation') {
          text += `${id}\t${g.cohortId}\t${g.status}\t${STATUS_AS_OF}\t${supplier}\t${g.migration}\t${migratedOn}\t${g.exclusion ?? N}\tf\tt\n`;
          continue;
        }
        for (const slot of g.slots) {
          let meter: string = N;
          if (slot.deviceType === DeviceType.ESME)
            meter = elecActive ? MeterStatus.ACTIVE : MeterStatus.DORMANT;
          else if (slot.deviceType === DeviceType.GSME) {
            const gasActive =
              g.status === InstallationStatus.MIXED ? !elecActive : g.status === InstallationStatus.ACTIVE;
            meter = gasActive ? MeterStatus.ACTIVE : MeterStatus.DORMANT;
          }
          text += `${eui64(slot.deviceType, ++deviceSeq)}\t${id}\t${slot.deviceType}\t${slot.firmwareVersionId}\t${meter}\n`;
        }
      }
      await write(text);
      options.onProgress?.(pass === 'installation' ? end / 2 : total / 2 + end / 2, total);
    }
    await finish(stream);
    devices = deviceSeq;
  }
  return { installations: total, devices, report22Candidates: candidates };
}
