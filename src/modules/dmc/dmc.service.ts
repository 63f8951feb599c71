import type { Context } from '../../core/graphql/context';
import { userError, type UserError } from '../../core/graphql/user-error';
import { DeviceType, InstallationStatus } from '../common/enums';
import { FirmwareVersion } from '../catalogue/catalogue.entity';
import { EpclEntry } from '../epcl/epcl.entity';
import {
  actorOf,
  checkDate,
  checkText,
  inTransaction,
  keyOf,
  londonToday,
  refuse,
  Refused,
  setLifecycle,
  type LifecycleResult,
} from '../epcl/lifecycle.service';
import { Cohort, Dmc, DmcSlot } from './dmc.entity';
import { dmcFingerprint } from './fingerprint';

export type CreateDmcInput = {
  cohort: string;
  label?: string | null;
  slots: { deviceType: DeviceType; slotNo?: number | null; firmwareVersionId: string }[];
  candidateEntries?: InstallationStatus[] | null;
  createdOn: string;
};

/**
 * Creates a DMC in a cohort from its slots (issue 8), with CANDIDATE EPCL entries for the installation
 * statuses given (their history starts on `createdOn`). Refused with DUPLICATE_DMC when the cohort already
 * has a DMC with the same slots; the database checks the composition (one CHF, at least one meter) and that
 * each slot's type is its firmware's (DMC_COMPOSITION, DEVICE_TYPE_MISMATCH).
 */
export async function createDmc(ctx: Context, input: CreateDmcInput): Promise<LifecycleResult> {
  const errors: UserError[] = [];
  const cohortCode = input.cohort.trim();
  if (!/^[A-Z][A-Z0-9_]{0,49}$/.test(cohortCode))
    errors.push(
      userError(
        'INVALID_INPUT',
        `cohort is a cohort code such as MOC_SECURE; received ${JSON.stringify(input.cohort)}`,
        ['input', 'cohort'],
      ),
    );
  const label = checkText(errors, input.label, 'label', false);
  checkDate(errors, input.createdOn, 'createdOn', londonToday());
  if (input.slots.length < 2 || input.slots.length > 9)
    errors.push(
      userError(
        'INVALID_INPUT',
        `a DMC has 2–9 slots (a CHF and at least one meter); received ${input.slots.length}`,
        ['input', 'slots'],
      ),
    );
  const slots = input.slots.map((s, i) => {
    const firmwareVersionId = keyOf(s.firmwareVersionId, 'FirmwareVersion');
    if (firmwareVersionId === undefined)
      errors.push(
        userError('INVALID_INPUT', 'firmwareVersionId must be the ID of a FirmwareVersion', [
          'input',
          'slots',
          String(i),
          'firmwareVersionId',
        ]),
      );
    const slotNo = s.slotNo ?? 1;
    if (!Number.isInteger(slotNo) || slotNo < 1 || slotNo > 9)
      errors.push(userError('INVALID_INPUT', 'slotNo is 1 to 9', ['input', 'slots', String(i), 'slotNo']));
    if (input.slots.findIndex((o) => o.deviceType === s.deviceType && (o.slotNo ?? 1) === slotNo) !== i)
      errors.push(
        userError(
          'INVALID_INPUT',
          `slot ${s.deviceType} ${slotNo} is listed twice: give twins slot numbers 1, 2`,
          ['input', 'slots', String(i)],
        ),
      );
    return { deviceType: s.deviceType, slotNo, firmwareVersionId: firmwareVersionId ?? 0 };
  });
  const statuses = input.candidateEntries ?? [];
  statuses.forEach((s, i) => {
    if (statuses.indexOf(s) !== i)
      errors.push(
        userError('INVALID_INPUT', `${s} is listed twice`, ['input', 'candidateEntries', String(i)]),
      );
  });
  if (errors.length) return { id: null, userErrors: errors };
  const fingerprint = dmcFingerprint(slots);

  return inTransaction(ctx, ['input', 'slots'], async (em) => {
    const cohort = await em.findOne(Cohort, { code: cohortCode });
    if (!cohort) return refuse('NOT_FOUND', `no cohort ${cohortCode}`, ['input', 'cohort']);
    const firmware = await em.find(FirmwareVersion, { id: { $in: slots.map((s) => s.firmwareVersionId) } });
    const known = new Set(firmware.map((f) => f.id));
    const missing = slots.map((s, i) => [s, i] as const).filter(([s]) => !known.has(s.firmwareVersionId));
    if (missing.length)
      throw new Refused(
        missing.map(([, i]) =>
          userError('NOT_FOUND', 'no firmware version with that ID', [
            'input',
            'slots',
            String(i),
            'firmwareVersionId',
          ]),
        ),
      );
    const existing = await em.findOne(Dmc, { cohort, fingerprint });
    if (existing)
      refuse(
        'DUPLICATE_DMC',
        `cohort ${cohortCode} already has a DMC with these slots (${fingerprint}, DMC ${existing.id}${existing.label ? `, ${existing.label}` : ''})`,
        ['input', 'slots'],
      );
    const dmc = em.create(Dmc, { cohort, fingerprint, label });
    for (const s of slots)
      em.create(DmcSlot, {
        dmc,
        deviceType: s.deviceType,
        slotNo: s.slotNo,
        firmwareVersion: em.getReference(FirmwareVersion, s.firmwareVersionId),
      });
    await em.flush();
    if (statuses.length) {
      await setLifecycle(em, {
        effectiveOn: input.createdOn,
        actor: actorOf(ctx),
        reason: 'DMC created: candidate for the EPCL',
      });
      for (const installationStatus of statuses) em.create(EpclEntry, { dmc, installationStatus });
      await em.flush();
    }
    // The deferred composition and fingerprint checks run now, inside the translation of rule violations.
    await em.execute('set constraints all immediate');
    return dmc.id;
  });
}
