/**
 * The two servers answer the same question in different shapes (our `epclEntries … dmc { slots }` versus
 * Amber's `allEpclEntries … dmcByDmcId { dmcSlotsByDmcId { nodes } }`). Both are reduced to the values the
 * question is about, so "same data" means same entries, same order, same count and same slot details.
 * Left out on purpose: `id` and `endCursor` (opaque, encoded differently by design), and slot order (each
 * server may order a DMC's slots by its own key; the slots are compared as a sorted list).
 */
export type Answer = {
  totalCount: number;
  hasNextPage: boolean;
  entries: {
    epclId: string | null;
    state: string;
    dateFirstAdded: string | null;
    label: string | null;
    /** `slotNo|deviceType|versionRaw|releasedOn|modelName|modelDeviceType|manufacturer`, sorted. */
    slots: string[];
  }[];
};

type Json = Record<string, unknown>;

class ShapeError extends Error {
  override name = 'ShapeError';
}

function field(value: unknown, key: string, where: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(
      `${where}: expected an object with "${key}", got ${JSON.stringify(value)?.slice(0, 200)}`,
    );
  }
  return (value as Json)[key];
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${where}: expected a list, got ${JSON.stringify(value)}`);
  return value;
}

function dataOf(body: unknown, server: string): unknown {
  const errors = field(body, 'errors', server);
  if (errors !== undefined)
    throw new Error(`${server} answered with errors: ${JSON.stringify(errors).slice(0, 1000)}`);
  return field(body, 'data', server);
}

type SlotReader = {
  slotNo: unknown;
  deviceType: unknown;
  firmware: unknown;
  model: unknown;
  manufacturer: unknown;
};

function slotKey(slot: SlotReader, where: string): string {
  const parts = [
    slot.slotNo,
    slot.deviceType,
    field(slot.firmware, 'versionRaw', where),
    field(slot.firmware, 'releasedOn', where),
    field(slot.model, 'modelName', where),
    field(slot.model, 'deviceType', where),
    field(slot.manufacturer, 'name', where),
  ];
  return parts.map((p) => String(p)).join('|');
}

function connection(
  root: unknown,
  where: string,
  entry: (node: unknown, where: string) => Answer['entries'][number],
): Answer {
  const pageInfo = field(root, 'pageInfo', where);
  return {
    totalCount: Number(field(root, 'totalCount', where)),
    hasNextPage: Boolean(field(pageInfo, 'hasNextPage', `${where}.pageInfo`)),
    entries: list(field(root, 'nodes', where), `${where}.nodes`).map((node, i) =>
      entry(node, `${where}.nodes[${i}]`),
    ),
  };
}

function entryBase(node: unknown, where: string) {
  return {
    epclId: field(node, 'epclId', where) as string | null,
    state: String(field(node, 'state', where)),
    dateFirstAdded: field(node, 'dateFirstAdded', where) as string | null,
  };
}

/** bench/nested.graphql, as our server answers it. */
export function answerFromOurs(body: unknown): Answer {
  const root = field(dataOf(body, 'our server'), 'epclEntries', 'data');
  return connection(root, 'epclEntries', (node, where) => {
    const dmc = field(node, 'dmc', where);
    const slots = list(field(dmc, 'slots', `${where}.dmc`), `${where}.dmc.slots`).map((slot, i) => {
      const at = `${where}.dmc.slots[${i}]`;
      const firmware = field(slot, 'firmwareVersion', at);
      const model = field(firmware, 'deviceModel', at);
      return slotKey(
        {
          slotNo: field(slot, 'slotNo', at),
          deviceType: field(slot, 'deviceType', at),
          firmware,
          model,
          manufacturer: field(model, 'manufacturer', at),
        },
        at,
      );
    });
    return {
      ...entryBase(node, where),
      label: field(dmc, 'label', `${where}.dmc`) as string | null,
      slots: slots.sort(),
    };
  });
}

/** bench/nested.postgraphile.graphql, as PostGraphile (Amber preset) answers it. */
export function answerFromPeer(body: unknown): Answer {
  const root = field(dataOf(body, 'PostGraphile'), 'allEpclEntries', 'data');
  return connection(root, 'allEpclEntries', (node, where) => {
    const dmc = field(node, 'dmcByDmcId', where);
    const slotConnection = field(dmc, 'dmcSlotsByDmcId', `${where}.dmcByDmcId`);
    const slots = list(field(slotConnection, 'nodes', where), `${where}.dmcSlotsByDmcId.nodes`).map(
      (slot, i) => {
        const at = `${where}.dmcByDmcId.dmcSlotsByDmcId.nodes[${i}]`;
        const firmware = field(slot, 'firmwareVersionByFirmwareVersionId', at);
        const model = field(firmware, 'deviceModelByDeviceModelId', at);
        return slotKey(
          {
            slotNo: field(slot, 'slotNo', at),
            deviceType: field(slot, 'deviceType', at),
            firmware,
            model,
            manufacturer: field(model, 'manufacturerByManufacturerId', at),
          },
          at,
        );
      },
    );
    return {
      ...entryBase(node, where),
      label: field(dmc, 'label', `${where}.dmcByDmcId`) as string | null,
      slots: slots.sort(),
    };
  });
}

/** The first difference, as a readable sentence; undefined when the answers agree. */
export function firstDifference(ours: Answer, peer: Answer): string | undefined {
  if (ours.totalCount !== peer.totalCount)
    return `totalCount: ours ${ours.totalCount}, PostGraphile ${peer.totalCount}`;
  if (ours.hasNextPage !== peer.hasNextPage) {
    return `pageInfo.hasNextPage: ours ${ours.hasNextPage}, PostGraphile ${peer.hasNextPage}`;
  }
  const oursIds = ours.entries.map((e) => e.epclId).join(',');
  const peerIds = peer.entries.map((e) => e.epclId).join(',');
  if (oursIds !== peerIds) return `entries (epclId, in order): ours [${oursIds}], PostGraphile [${peerIds}]`;
  for (const [i, entry] of ours.entries.entries()) {
    const other = peer.entries[i];
    for (const key of ['state', 'dateFirstAdded', 'label'] as const) {
      if (entry[key] !== other[key]) {
        return `entry ${entry.epclId} ${key}: ours ${JSON.stringify(entry[key])}, PostGraphile ${JSON.stringify(other[key])}`;
      }
    }
    if (entry.slots.join('\n') !== other.slots.join('\n')) {
      return `entry ${entry.epclId} slots:\n  ours         ${entry.slots.join('\n               ')}\n  PostGraphile ${other.slots.join('\n               ')}`;
    }
  }
  return undefined;
}
