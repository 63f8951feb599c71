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
 *  - other cohorts get installations around their own DMCs, at target or behind it, mostly migrated;
 *  - migrated installations are plausible: each sits at a DMC with an entry on the EPCL for its status, and
 *    migrated on or after that entry was first added (so never before its cohort's first entry); MOC Secure
 *    has 340,000 migrated installations per 3,000,000 (the seed's "over 500,000 meters / 340,000
 *    installations" at the national scale pacing uses), 47 % of them with gas: about 1.47 meters each.
 * About 1.47 meters per installation, plus the comms hub and, with gas, the gas proxy.
 */

export type InventoryOptions = {
  installations: number;
  seed: number;
  /** Default: 66,000, or fewer when the inventory is small (at most 45 % of it). */
  report22Candidates?: number;
  onProgress?: (done: number, total: number) => void;
};

export type InventoryResult = {
  installations: number;
  devices: number;
  report22Candidates: number;
  /** Migrated MOC Secure installations (340,000 per 3,000,000 installations). */
  secureMigrated?: number;
};

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

/** The national scale the demo sizes scale from (as the pacing seed's capacity does). */
const NATIONAL_INSTALLATIONS = 3_000_000;
/** MOC Secure installations migrated by November 2021, nationally (seed, LSC 6). */
const SECURE_MIGRATED_NATIONALLY = 340_000;

/** Migrated MOC Secure installations for an inventory: the seed's figure scaled, within what is left. */
export function secureMigratedCount(installations: number, candidates: number): number {
  return Math.min(
    Math.round((installations * SECURE_MIGRATED_NATIONALLY) / NATIONAL_INSTALLATIONS),
    Math.floor((installations - candidates) * 0.6),
  );
}

/**
 * Migrations draw on entries first added by this date: the seeded pacing history later moves some migration
 * dates into its window (the 20 working days to 26 November 2021), which must still follow the entry.
 */
const MIGRATABLE_BY = '2021-10-15';
/** The last migration date generated (the pacing history's last day). */
const MIGRATED_BY = '2021-11-26';

/** Installation + devices as generated, before serialisation. */
type Generated = {
  cohortId: number;
  status: InstallationStatus;
  migration: MigrationState;
  exclusion: ExclusionCategory | null;
  slots: SlotRow[];
  /** For a migrated installation: when the entry it migrated under was first added. */
  entryAddedOn?: string;
};

/** An entry on the EPCL an installation could have migrated under. */
type Migratable = { dmc: DmcRow; status: InstallationStatus; addedOn: string };

export class InventoryGenerator {
  private readonly rng: Random;
  private readonly r22Targets: { dmc: DmcRow; statuses: InstallationStatus[] }[];
  private readonly r22Fingerprints: Set<string>;
  /** `fingerprint|status` of Secure DMCs with an entry on the EPCL: installations there are eligible today. */
  private readonly eligibleNow: Set<string>;
  private readonly secureId: number;
  private readonly otherDmcs: DmcRow[];
  /** Entries on the EPCL by `secure|gas|status` (Secure) and for the other cohorts. */
  private readonly migratable = new Map<string, Migratable[]>();
  private readonly otherMigratable: Migratable[] = [];
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
    for (const e of data.entries) {
      const dmc = dmcById.get(e.dmcId);
      if (!dmc || e.state !== EpclEntryState.ON_EPCL || !e.dateFirstAdded || e.dateFirstAdded > MIGRATABLE_BY)
        continue;
      const gas = dmc.slots.some((x) => x.deviceType === DeviceType.GSME);
      const elec = dmc.slots.some((x) => x.deviceType === DeviceType.ESME);
      // A Mixed installation has an active and a dormant meter: it needs both fuels.
      if (e.installationStatus === InstallationStatus.MIXED && !(gas && elec)) continue;
      const m = { dmc, status: e.installationStatus, addedOn: e.dateFirstAdded };
      if (dmc.cohortId === this.secureId) {
        const key = `${gas}|${e.installationStatus}`;
        this.migratable.set(key, [...(this.migratable.get(key) ?? []), m]);
      } else if (!r22Ids.has(dmc.id)) this.otherMigratable.push(m);
    }
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

  /**
   * A Mixed installation shaped like a report-22 dual-fuel target and behind it: firmware could take it
   * there (over DCC-performed paths for its dormant meter), but report 22 has no Mixed entry, so it is no
   * candidate (`upgradeCandidates(includeWithoutEntry: true)` shows it).
   */
  private mixedBehind(): Generated | undefined {
    const duals = this.r22Targets.filter((t) => t.dmc.slots.some((x) => x.deviceType === DeviceType.GSME));
    if (!duals.length) return undefined;
    const target = this.rng.pick(duals);
    const slots = target.dmc.slots.map((x) => {
      const { line, index } = this.lineOf.get(x.firmwareVersionId)!;
      return { ...x, firmwareVersionId: line.chain[index > 0 ? this.rng.int(index) : index].id };
    });
    return {
      cohortId: this.secureId,
      status: InstallationStatus.MIXED,
      migration: MigrationState.UNMIGRATED,
      exclusion: null,
      slots,
    };
  }

  /** A MOC Secure installation that is not a report-22 candidate, for a stated reason. */
  private secureBlocked(): Generated {
    if (this.rng.chance(0.1)) {
      const mixed = this.mixedBehind();
      if (mixed) return mixed;
    }
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

  /** Migrated under a MOC Secure entry on the list for its status: at that DMC, after the entry was added. */
  private secureMigrated(): Generated {
    const gas = this.rng.chance(0.47);
    const status = this.statusFor(gas);
    const pool =
      this.migratable.get(`${gas}|${status}`) ??
      this.migratable.get(`${!gas}|${status}`) ??
      [...this.migratable.values()][0];
    if (!pool) throw new Error('no MOC Secure entry on the EPCL to migrate under');
    const m = this.rng.pick(pool);
    return {
      cohortId: this.secureId,
      status: m.status,
      migration: MigrationState.MIGRATED,
      exclusion: null,
      slots: m.dmc.slots,
      entryAddedOn: m.addedOn,
    };
  }

  /** Around another cohort's DMC: at target or behind it; mostly migrated. */
  private otherCohort(): Generated {
    const migration = this.rng.weighted([
      [MigrationState.MIGRATED, 60],
      [MigrationState.UNMIGRATED, 30],
      [MigrationState.EXCLUDED, 5],
      [MigrationState.FAILED, 3],
      [MigrationState.SCHEDULED, 2],
    ] as const);
    if (migration === MigrationState.MIGRATED && this.otherMigratable.length) {
      // Migrated under an entry on the list for its status: at that DMC, after the entry was added.
      const m = this.rng.pick(this.otherMigratable);
      return {
        cohortId: m.dmc.cohortId,
        status: m.status,
        migration,
        exclusion: null,
        slots: m.dmc.slots,
        entryAddedOn: m.addedOn,
      };
    }
    const dmc = this.rng.pick(this.otherDmcs);
    const slots = dmc.slots.map((s) => {
      const { line, index } = this.lineOf.get(s.firmwareVersionId)!;
      return index > 0 && this.rng.chance(0.35)
        ? { ...s, firmwareVersionId: line.chain[this.rng.int(index)].id }
        : s;
    });
    const gas = slots.some((s) => s.deviceType === DeviceType.GSME);
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

  /**
   * The kind of the i-th installation: candidates spread evenly through the ids, then migrated MOC Secure
   * installations spread evenly through the rest, the others by share.
   */
  kindAt(i: number, total: number, candidates: number, secureMigrated: number): Kind {
    const before = Math.floor((i * candidates) / total);
    const after = Math.floor(((i + 1) * candidates) / total);
    if (after > before) return 'R22_CANDIDATE';
    const j = i - before; // this installation's place among the non-candidates
    const rest = total - candidates;
    if (Math.floor(((j + 1) * secureMigrated) / rest) > Math.floor((j * secureMigrated) / rest))
      return 'SECURE_MIGRATED';
    return this.rng.weighted([
      ['SECURE_BLOCKED', 10],
      ['OTHER_COHORT', 65],
    ] as const);
  }

  randomSupplier(): number {
    return 1 + this.rng.int(this.data.suppliers.length);
  }

  /** A migration date on or after the day the entry was first added, up to the last pacing day. */
  migratedOn(entryAddedOn: string): string {
    const from = Date.parse(entryAddedOn + 'T00:00:00Z');
    const days = Math.round((Date.parse(MIGRATED_BY + 'T00:00:00Z') - from) / 86_400_000);
    return new Date(from + this.rng.int(days + 1) * 86_400_000).toISOString().slice(0, 10);
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
  const secureMigrated = secureMigratedCount(total, candidates);
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
        const g = gen.generate(gen.kindAt(i, total, candidates, secureMigrated));
        const migratedOn = g.migration === MigrationState.MIGRATED ? gen.migratedOn(g.entryAddedOn!) : N;
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
  return { installations: total, devices, report22Candidates: candidates, secureMigrated };
}
