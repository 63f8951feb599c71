/**
 * The query shapes `bench:catalogue` measures: what clients of a catalogue typically send. Each shape is
 * asked of both servers in their own dialect (ours, and PostGraphile's Amber schema), and each answer is
 * reduced to the values the question is about (`project`), so "same data" is checked per shape before any
 * number is taken. Opaque values (global IDs, cursors) are left out: each server encodes them its own way.
 */

type Json = Record<string, unknown>;

/** Values taken from the data before the shapes are built (an epclId to look up, IDs to refetch). */
export type ShapeInputs = {
  epclId: string;
  /** Global IDs of the same EPCL entries, as each server encodes them. */
  oursIds: string[];
  peerIds: string[];
};

export type Shape = {
  name: string;
  /** What the shape stands for, printed with the results. */
  about: string;
  /** Whether it asks for a totalCount (excluded from `ratio_no_count`). */
  counted: boolean;
  ours: string;
  peer: string;
  projectOurs: (data: Json) => unknown;
  projectPeer: (data: Json) => unknown;
};

const get = (value: unknown, ...path: string[]): unknown => {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) throw new Error(`no ${path.join('.')} in the answer`);
    v = (v as Json)[key];
  }
  return v;
};
const list = (value: unknown): Json[] => {
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value as Json[];
};

/** Entry → DMC → slots → firmware → model → manufacturer, as in the anchors' nested question. */
const nestedOurs = (count: boolean) => `{
  epclEntries(first: 20, filter: { states: [ON_EPCL] }, orderBy: [ID_ASC]) {
    ${count ? 'totalCount' : ''}
    pageInfo { hasNextPage endCursor }
    nodes {
      id epclId state dateFirstAdded
      dmc { label slots { slotNo deviceType firmwareVersion { versionRaw releasedOn
        deviceModel { modelName deviceType manufacturer { name } } } } }
    }
  }
}`;
const nestedPeer = (count: boolean) => `{
  allEpclEntries(first: 20, condition: { state: "ON_EPCL" }, orderBy: PRIMARY_KEY_ASC) {
    ${count ? 'totalCount' : ''}
    pageInfo { hasNextPage endCursor }
    nodes {
      id epclId state dateFirstAdded
      dmcByDmcId { label dmcSlotsByDmcId(orderBy: PRIMARY_KEY_ASC) { nodes { slotNo deviceType
        firmwareVersionByFirmwareVersionId { versionRaw releasedOn
          deviceModelByDeviceModelId { modelName deviceType manufacturerByManufacturerId { name } } } } } }
    }
  }
}`;

const slotKey = (slot: Json, fw: unknown, model: unknown, manufacturer: unknown) =>
  [
    slot.slotNo,
    slot.deviceType,
    get(fw, 'versionRaw'),
    get(fw, 'releasedOn'),
    get(model, 'modelName'),
    get(model, 'deviceType'),
    get(manufacturer, 'name'),
  ].join('|');

function nestedProjectOurs(count: boolean) {
  return (data: Json) => {
    const root = get(data, 'epclEntries');
    return {
      totalCount: count ? get(root, 'totalCount') : undefined,
      hasNextPage: get(root, 'pageInfo', 'hasNextPage'),
      entries: list(get(root, 'nodes')).map((n) => ({
        e: [n.epclId, n.state, n.dateFirstAdded, get(n, 'dmc', 'label')],
        slots: list(get(n, 'dmc', 'slots'))
          .map((s) =>
            slotKey(
              s,
              s.firmwareVersion,
              get(s, 'firmwareVersion', 'deviceModel'),
              get(s, 'firmwareVersion', 'deviceModel', 'manufacturer'),
            ),
          )
          .sort(),
      })),
    };
  };
}
function nestedProjectPeer(count: boolean) {
  return (data: Json) => {
    const root = get(data, 'allEpclEntries');
    return {
      totalCount: count ? get(root, 'totalCount') : undefined,
      hasNextPage: get(root, 'pageInfo', 'hasNextPage'),
      entries: list(get(root, 'nodes')).map((n) => ({
        e: [n.epclId, n.state, n.dateFirstAdded, get(n, 'dmcByDmcId', 'label')],
        slots: list(get(n, 'dmcByDmcId', 'dmcSlotsByDmcId', 'nodes'))
          .map((s) => {
            const fw = s.firmwareVersionByFirmwareVersionId;
            const model = get(fw, 'deviceModelByDeviceModelId');
            return slotKey(s, fw, model, get(model, 'manufacturerByManufacturerId'));
          })
          .sort(),
      })),
    };
  };
}

export function buildShapes(inputs: ShapeInputs): Shape[] {
  const entryFields = (dmc: string, cohort: string) =>
    `epclId state dateFirstAdded ${dmc} { label ${cohort} }`;
  return [
    {
      name: 'nested_count',
      about: '20 entries → DMC → slots → firmware → model → manufacturer, with totalCount (40,000)',
      counted: true,
      ours: nestedOurs(true),
      peer: nestedPeer(true),
      projectOurs: nestedProjectOurs(true),
      projectPeer: nestedProjectPeer(true),
    },
    {
      name: 'nested',
      about: 'the same nested lists under a connection, without totalCount',
      counted: false,
      ours: nestedOurs(false),
      peer: nestedPeer(false),
      projectOurs: nestedProjectOurs(false),
      projectPeer: nestedProjectPeer(false),
    },
    {
      name: 'to_one_chain',
      about: '50 firmware versions → device model → manufacturer (to-one chain)',
      counted: false,
      ours: `{ firmwareVersions(first: 50, orderBy: [ID_ASC]) { nodes { versionRaw deviceType
          deviceModel { modelName hardwareVersion manufacturer { name manufacturerIdentifier } } } } }`,
      peer: `{ allFirmwareVersions(first: 50, orderBy: PRIMARY_KEY_ASC) { nodes { versionRaw deviceType
          deviceModelByDeviceModelId { modelName hardwareVersion
            manufacturerByManufacturerId { name manufacturerIdentifier } } } } }`,
      projectOurs: (d) =>
        list(get(d, 'firmwareVersions', 'nodes')).map((n) => [
          n.versionRaw,
          n.deviceType,
          get(n, 'deviceModel', 'modelName'),
          get(n, 'deviceModel', 'hardwareVersion'),
          get(n, 'deviceModel', 'manufacturer', 'name'),
          get(n, 'deviceModel', 'manufacturer', 'manufacturerIdentifier'),
        ]),
      projectPeer: (d) =>
        list(get(d, 'allFirmwareVersions', 'nodes')).map((n) => [
          n.versionRaw,
          n.deviceType,
          get(n, 'deviceModelByDeviceModelId', 'modelName'),
          get(n, 'deviceModelByDeviceModelId', 'hardwareVersion'),
          get(n, 'deviceModelByDeviceModelId', 'manufacturerByManufacturerId', 'name'),
          get(n, 'deviceModelByDeviceModelId', 'manufacturerByManufacturerId', 'manufacturerIdentifier'),
        ]),
    },
    {
      name: 'small_count',
      about: '10 manufacturers with totalCount, each with its device models (a small counted connection)',
      counted: true,
      ours: `{ manufacturers(first: 10, orderBy: [ID_ASC]) { totalCount
          nodes { name deviceModels { modelName deviceType } } } }`,
      peer: `{ allManufacturers(first: 10, orderBy: PRIMARY_KEY_ASC) { totalCount
          nodes { name deviceModelsByManufacturerId(orderBy: PRIMARY_KEY_ASC) { nodes { modelName deviceType } } } } }`,
      projectOurs: (d) => ({
        total: get(d, 'manufacturers', 'totalCount'),
        m: list(get(d, 'manufacturers', 'nodes')).map((n) => [
          n.name,
          list(n.deviceModels)
            .map((m) => `${String(m.modelName)}|${String(m.deviceType)}`)
            .sort(),
        ]),
      }),
      projectPeer: (d) => ({
        total: get(d, 'allManufacturers', 'totalCount'),
        m: list(get(d, 'allManufacturers', 'nodes')).map((n) => [
          n.name,
          list(get(n, 'deviceModelsByManufacturerId', 'nodes'))
            .map((m) => `${String(m.modelName)}|${String(m.deviceType)}`)
            .sort(),
        ]),
      }),
    },
    {
      name: 'lookup_key',
      about: 'one entry by its natural key (epclId) → DMC → slots → firmware',
      counted: false,
      ours: `{ epclEntry(epclId: ${JSON.stringify(inputs.epclId)}) { epclId state
          dmc { label fingerprint slots { slotNo deviceType firmwareVersion { versionRaw } } } } }`,
      peer: `{ epclEntryByEpclId(epclId: ${JSON.stringify(inputs.epclId)}) { epclId state
          dmcByDmcId { label fingerprint dmcSlotsByDmcId(orderBy: PRIMARY_KEY_ASC) { nodes { slotNo deviceType
            firmwareVersionByFirmwareVersionId { versionRaw } } } } } }`,
      projectOurs: (d) => {
        const e = get(d, 'epclEntry') as Json;
        const slots = list(get(e, 'dmc', 'slots')).map(
          (s) =>
            `${String(s.slotNo)}|${String(s.deviceType)}|${String(get(s, 'firmwareVersion', 'versionRaw'))}`,
        );
        return [e.epclId, e.state, get(e, 'dmc', 'label'), get(e, 'dmc', 'fingerprint'), slots.sort()];
      },
      projectPeer: (d) => {
        const e = get(d, 'epclEntryByEpclId') as Json;
        const slots = list(get(e, 'dmcByDmcId', 'dmcSlotsByDmcId', 'nodes')).map(
          (s) =>
            `${String(s.slotNo)}|${String(s.deviceType)}|${String(get(s, 'firmwareVersionByFirmwareVersionId', 'versionRaw'))}`,
        );
        return [
          e.epclId,
          e.state,
          get(e, 'dmcByDmcId', 'label'),
          get(e, 'dmcByDmcId', 'fingerprint'),
          slots.sort(),
        ];
      },
    },
    {
      name: 'node_batch',
      about: `${inputs.oursIds.length} entries refetched by global ID (nodes(ids:) / aliased node(id:)) → DMC → cohort`,
      counted: false,
      ours: `{ nodes(ids: ${JSON.stringify(inputs.oursIds)}) { ... on EpclEntry { ${entryFields('dmc', 'cohort { code }')} } } }`,
      peer: `{ ${inputs.peerIds
        .map(
          (id, i) =>
            `n${i}: node(id: ${JSON.stringify(id)}) { ... on EpclEntry { ${entryFields('dmcByDmcId', 'cohortByCohortId { code }')} } }`,
        )
        .join('\n')} }`,
      projectOurs: (d) =>
        list(get(d, 'nodes')).map((n) => [
          n.epclId,
          n.state,
          n.dateFirstAdded,
          get(n, 'dmc', 'label'),
          get(n, 'dmc', 'cohort', 'code'),
        ]),
      projectPeer: (d) =>
        inputs.peerIds.map((_, i) => {
          const n = get(d, `n${i}`) as Json;
          return [
            n.epclId,
            n.state,
            n.dateFirstAdded,
            get(n, 'dmcByDmcId', 'label'),
            get(n, 'dmcByDmcId', 'cohortByCohortId', 'code'),
          ];
        }),
    },
    {
      name: 'filtered_page',
      about: '25 WITHDRAWN entries ordered by epclId, with DMC and cohort (a filtered, ordered page)',
      counted: false,
      ours: `{ epclEntries(first: 25, filter: { states: [WITHDRAWN] }, orderBy: [EPCL_ID_ASC]) {
          pageInfo { hasNextPage } nodes { ${entryFields('dmc', 'cohort { code }')} } } }`,
      peer: `{ allEpclEntries(first: 25, condition: { state: "WITHDRAWN" }, orderBy: [EPCL_ID_ASC, PRIMARY_KEY_ASC]) {
          pageInfo { hasNextPage } nodes { ${entryFields('dmcByDmcId', 'cohortByCohortId { code }')} } } }`,
      projectOurs: (d) => ({
        more: get(d, 'epclEntries', 'pageInfo', 'hasNextPage'),
        n: list(get(d, 'epclEntries', 'nodes')).map((n) => [
          n.epclId,
          n.state,
          n.dateFirstAdded,
          get(n, 'dmc', 'label'),
          get(n, 'dmc', 'cohort', 'code'),
        ]),
      }),
      projectPeer: (d) => ({
        more: get(d, 'allEpclEntries', 'pageInfo', 'hasNextPage'),
        n: list(get(d, 'allEpclEntries', 'nodes')).map((n) => [
          n.epclId,
          n.state,
          n.dateFirstAdded,
          get(n, 'dmcByDmcId', 'label'),
          get(n, 'dmcByDmcId', 'cohortByCohortId', 'code'),
        ]),
      }),
    },
  ];
}

/** The IDs both servers give the first `n` ON_EPCL entries (same rows, each server's own encoding). */
export const idsQuery = {
  ours: (n: number) =>
    `{ epclEntries(first: ${n}, filter: { states: [ON_EPCL] }, orderBy: [ID_ASC]) { nodes { id epclId } } }`,
  peer: (n: number) =>
    `{ allEpclEntries(first: ${n}, condition: { state: "ON_EPCL" }, orderBy: PRIMARY_KEY_ASC) { nodes { id epclId } } }`,
};
