import { DeviceType, OperatingCapability } from '../src/modules/common/enums';
import { Dataset, type DeviceModelRow, type FirmwareRow, type ModelFirmware } from './dataset';
import { Random } from './random';

/*
 * The reference catalogue shared by every scenario: cohorts, manufacturers, device models, firmware chains
 * with their upgrade paths, suppliers. It never depends on --seed, so report 22 is identical in every data
 * set. Everything not named in the seed document is synthetic and flagged so.
 */

export const COHORTS = {
  IOC: 'IOC',
  MOC_SECURE: 'MOC_SECURE',
  MOC_MDS: 'MOC_MDS',
  FOC: 'FOC',
} as const;

/** Secure's models used by report 22 and its inventory. */
export type SecureModels = {
  chf: ModelFirmware[];
  /** Liberty 110 hardware 1.0 first; the Liberty 110 hardware 2.0 variant is kept apart (`esmeHwVariant`). */
  esme: ModelFirmware[];
  esmeHwVariant: ModelFirmware;
  gsme: ModelFirmware[];
  gpf: ModelFirmware[];
  ppmid: ModelFirmware[];
  liberty110: ModelFirmware;
};

/** Models by cohort and device type, for the national catalogue's DMCs. */
export type CohortModels = Map<string, Map<DeviceType, ModelFirmware[]>>;

export type Catalogue = { secure: SecureModels; cohortModels: CohortModels };

const SYNTHETIC_MANUFACTURERS = [
  'Aldwick Metering',
  'Brackenfield Instruments',
  'Carrow Energy Devices',
  'Dunmore Controls',
  'Elmstead Systems',
  'Fenwick Smart',
  'Garston Telemetry',
  'Hallam Devices',
  'Ivybridge Meters',
  'Kirkby Comms',
  'Lydford Electronics',
  'Marden Gas Technologies',
  'Northam Digital',
  'Oakham Instruments',
];

const SUPPLIERS = [
  'Amberline Energy',
  'Brightwater Power',
  'Cedar Gas & Electric',
  'Dovecote Energy',
  'Eastbrook Utilities',
  'Foxglove Power',
  'Greystone Energy',
  'Heathfield Supply',
  'Ironbridge Energy',
  'Juniper Home Energy',
  'Kestrel Power',
  'Larkspur Energy',
];

/** Raw firmware strings in the forms suppliers publish: hex, 0x-prefixed lower case, dotted BCD-like. */
function firmwareRaw(rng: Random, modelIndex: number, version: number): string {
  const major = 1 + Math.floor(version / 4);
  const minor = (version % 4) * 16 + (modelIndex % 16);
  const patch = (modelIndex * 7 + version * 13) % 256;
  const hex = [0, major, minor, patch].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join('');
  const form = rng.int(10);
  if (form === 0) return '0x' + hex.replace(/^0+/, '').toLowerCase();
  if (form === 1)
    return [major, minor, patch].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join('.');
  return hex;
}

/**
 * A model's firmware: `length` versions in a chain (each upgradeable to the next, with occasional skip
 * edges) plus `orphans` versions that no path reaches or leaves (a different firmware line).
 */
function firmwareLine(
  data: Dataset,
  rng: Random,
  model: DeviceModelRow,
  length: number,
  orphans: number,
  firstRelease: string,
): ModelFirmware {
  const chain: FirmwareRow[] = [];
  const start = Date.parse(firstRelease + 'T00:00:00Z');
  for (let v = 0; v < length + orphans; v++) {
    const released = new Date(start + v * 97 * 86_400_000).toISOString().slice(0, 10);
    const fw = data.addFirmware(model, firmwareRaw(rng, model.id, v + 1), released);
    chain.push(fw);
  }
  const line = { model, chain: chain.slice(0, length), orphans: chain.slice(length) };
  for (let i = 0; i + 1 < line.chain.length; i++) {
    data.addUpgradePath(line.chain[i], line.chain[i + 1]);
    // Skip edges: the first of each line only its operating supplier can perform (never on a Dormant meter,
    // which then takes the chain one version at a time); the others DCC may perform too.
    if (i + 2 < line.chain.length && i % 3 === 1)
      data.addUpgradePath(line.chain[i], line.chain[i + 2], null, { dormantUpgradeByDcc: i !== 1 });
  }
  data.modelFirmware.set(model.id, line);
  return line;
}

export function buildCatalogue(data: Dataset): Catalogue {
  const rng = new Random(22_2021);

  data.addCohort({
    code: COHORTS.IOC,
    name: 'Initial Operating Capability',
    operatingCapability: OperatingCapability.IOC,
    s1spName: 'IOC S1SP',
  });
  data.addCohort({
    code: COHORTS.MOC_SECURE,
    name: 'MOC Secure',
    operatingCapability: OperatingCapability.MOC,
    s1spName: 'Secure',
  });
  data.addCohort({
    code: COHORTS.MOC_MDS,
    name: 'MOC MDS',
    operatingCapability: OperatingCapability.MOC,
    s1spName: 'Morrison Data Services',
  });
  data.addCohort({
    code: COHORTS.FOC,
    name: 'Final Operating Capability',
    operatingCapability: OperatingCapability.FOC,
    s1spName: 'FOC S1SP',
  });

  // Secure: the S1SP and meter manufacturer of report 22. The Liberty 110 ESME is named in the seed.
  const secure = data.addManufacturer({
    name: 'Secure Meters (UK) Ltd',
    manufacturerIdentifier: null,
    synthetic: false,
  });
  const model = (
    manufacturerId: number,
    deviceType: DeviceType,
    modelName: string,
    hardwareVersion: string,
    synthetic = true,
  ) =>
    data.addDeviceModel({
      manufacturerId,
      deviceType,
      modelName,
      modelIdentifier: null,
      hardwareVersion,
      synthetic,
    });

  const liberty110 = firmwareLine(
    data,
    rng,
    model(secure.id, DeviceType.ESME, 'Liberty 110', '1.0', false),
    8,
    1,
    '2016-03-01',
  );
  const secureModels: SecureModels = {
    chf: [
      firmwareLine(data, rng, model(secure.id, DeviceType.CHF, 'SKU1 Comms Hub', '1.0'), 8, 1, '2016-01-15'),
      firmwareLine(data, rng, model(secure.id, DeviceType.CHF, 'SKU2 Comms Hub', '2.0'), 8, 1, '2017-02-01'),
    ],
    esme: [
      liberty110,
      firmwareLine(data, rng, model(secure.id, DeviceType.ESME, 'Liberty 100', '1.0'), 8, 1, '2015-06-01'),
      firmwareLine(data, rng, model(secure.id, DeviceType.ESME, 'Liberty 115', '1.0'), 8, 1, '2017-05-01'),
    ],
    esmeHwVariant: firmwareLine(
      data,
      rng,
      model(secure.id, DeviceType.ESME, 'Liberty 110', '2.0'),
      4,
      0,
      '2018-09-01',
    ),
    gsme: [
      firmwareLine(data, rng, model(secure.id, DeviceType.GSME, 'Europa G4', '1.0'), 8, 1, '2016-04-01'),
      firmwareLine(data, rng, model(secure.id, DeviceType.GSME, 'Europa G5', '1.0'), 8, 1, '2017-08-01'),
    ],
    gpf: [firmwareLine(data, rng, model(secure.id, DeviceType.GPF, 'SGPF-1', '1.0'), 8, 1, '2016-04-01')],
    ppmid: [
      firmwareLine(data, rng, model(secure.id, DeviceType.PPMID, 'SPPMID-1', '1.0'), 5, 0, '2016-09-01'),
    ],
    liberty110,
  };

  // Paths the matching rules must read closely [I]: on each Secure line, a shortcut from the first version to
  // the third that only MOC Secure may use (cohort-restricted), and from its other firmware line (the
  // orphan version) a way back to the first version that needs a site visit (not over the air) and one to the
  // second that only the IOC cohort may use: neither lets a MOC Secure installation on the orphan migrate.
  const secureCohort = data.cohort(COHORTS.MOC_SECURE).id;
  const iocCohort = data.cohort(COHORTS.IOC).id;
  for (const line of [...secureModels.chf, ...secureModels.esme, ...secureModels.gsme, ...secureModels.gpf]) {
    data.addUpgradePath(line.chain[0], line.chain[2], secureCohort);
    if (line.orphans.length) {
      data.addUpgradePath(line.orphans[0], line.chain[0], null, { otaSupported: false });
      data.addUpgradePath(line.orphans[0], line.chain[1], iocCohort);
    }
  }

  data.addRestriction({
    deviceModelId: liberty110.model.id,
    cohortId: data.cohort(COHORTS.MOC_SECURE).id,
    restriction:
      'Boost and remote override: the boost function keeps operating with the configuration set on the HAN before migration, but once enrolled neither changing the boost configuration nor operating the remote override is accessible via the DCC SMETS1 Core Communication Services.',
    // The communication names the "Secure Liberty 110 ESME", not a hardware version [I].
    allHardwareVersions: true,
    communicationRef: 'REQ000000175511',
    communicationTitle: 'SMETS1 - Secure Liberty 110 ESME DMCT Approach',
    communicatedOn: '2021-03-08',
  });

  // Synthetic manufacturers, each serving one non-Secure cohort (comms hubs are S1SP-specific) and a few
  // meters to others. Firmware line lengths follow a long tail: most models have 3–6 versions, some 1 or 12.
  const cohortModels: CohortModels = new Map();
  const addToCohort = (cohort: string, line: ModelFirmware) => {
    const byType = cohortModels.get(cohort) ?? new Map<DeviceType, ModelFirmware[]>();
    cohortModels.set(cohort, byType);
    const list = byType.get(line.model.deviceType) ?? [];
    byType.set(line.model.deviceType, list);
    list.push(line);
  };
  for (const line of [
    ...secureModels.chf,
    ...secureModels.esme,
    ...secureModels.gsme,
    ...secureModels.gpf,
    ...secureModels.ppmid,
  ]) {
    addToCohort(COHORTS.MOC_SECURE, line);
  }
  const homeCohort = [
    COHORTS.IOC,
    COHORTS.IOC,
    COHORTS.IOC,
    COHORTS.IOC,
    COHORTS.IOC,
    COHORTS.MOC_MDS,
    COHORTS.MOC_MDS,
    COHORTS.MOC_MDS,
    COHORTS.MOC_MDS,
    COHORTS.FOC,
    COHORTS.FOC,
    COHORTS.FOC,
    COHORTS.FOC,
    COHORTS.FOC,
  ];
  const types = [DeviceType.CHF, DeviceType.ESME, DeviceType.GSME, DeviceType.GPF, DeviceType.PPMID];
  SYNTHETIC_MANUFACTURERS.forEach((name, index) => {
    const mfr = data.addManufacturer({
      name,
      manufacturerIdentifier: (0xa100 + index * 0x11).toString(16).toUpperCase(),
      synthetic: true,
    });
    const cohort = homeCohort[index];
    for (const type of types) {
      if (type === DeviceType.CHF && index % 2 === 1) continue;
      if (type === DeviceType.PPMID && index % 3 !== 0) continue;
      const models = type === DeviceType.ESME || type === DeviceType.GSME ? rng.between(1, 2) : 1;
      for (let m = 0; m < models; m++) {
        const hwVersions = rng.chance(0.3) ? 2 : 1;
        for (let hw = 0; hw < hwVersions; hw++) {
          const dm = model(
            mfr.id,
            type,
            `${name.split(' ')[0].slice(0, 3).toUpperCase()}-${type}-${m + 1}`,
            `${hw + 1}.0`,
          );
          const length = rng.weighted([
            [1, 1],
            [2, 2],
            [3, 4],
            [4, 4],
            [5, 3],
            [6, 2],
            [8, 1],
            [12, 1],
          ] as const);
          const line = firmwareLine(
            data,
            rng,
            dm,
            length,
            rng.chance(0.25) ? 1 : 0,
            `201${rng.between(3, 7)}-0${rng.between(1, 9)}-01`,
          );
          addToCohort(cohort, line);
          // Meters also reach one other cohort (suppliers bought meters widely; hubs are S1SP-specific).
          if (type !== DeviceType.CHF && rng.chance(0.4))
            addToCohort(rng.pick([COHORTS.IOC, COHORTS.MOC_MDS, COHORTS.FOC]), line);
        }
      }
    }
  });

  SUPPLIERS.forEach((name, index) =>
    data.addSupplier({ name, secPartyId: `SP${String(index + 1).padStart(4, '0')}`, synthetic: true }),
  );

  return { secure: secureModels, cohortModels };
}
