import type { DeviceType } from '../common/enums';

export type SlotKey = { deviceType: DeviceType; firmwareVersionId: number };

/**
 * The canonical identity of a DMC within its cohort: its slots as `DEVICE_TYPE:firmwareVersionId`, sorted
 * and joined by `+`, e.g. `CHF:12+ESME:40`. Twin devices repeat (`PPMID:7+PPMID:7`). The database computes
 * the same string (`dmc_fingerprint()`) and refuses a DMC whose stored fingerprint differs.
 */
export function dmcFingerprint(slots: readonly SlotKey[]): string {
  return slots
    .map((s) => ({ t: s.deviceType, f: s.firmwareVersionId }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.f - b.f))
    .map((s) => `${s.t}:${s.f}`)
    .join('+');
}
