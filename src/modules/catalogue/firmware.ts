import { FirmwareEncoding } from '../common/enums';

export type NormalisedFirmware = { raw: string; hex: string | null; encoding: FirmwareEncoding };

/**
 * Normalises a published firmware version for equality comparison. Suppliers have submitted versions as
 * hex (`0002012F`, `0x2012f`) and as dotted BCD-like digits (`02.01.2F`); both reduce to 8 upper-case hex
 * digits. Anything else keeps its raw form only (`encoding: TEXT`, `hex: null`). Versions are never ordered:
 * which version follows which is known only from upgrade paths.
 */
export function normaliseFirmwareVersion(raw: string): NormalisedFirmware {
  const trimmed = raw.trim();
  if (trimmed === '') throw new RangeError('a firmware version cannot be blank');
  const bare = trimmed.replace(/^0x/i, '');
  const dotted = /^[0-9A-Fa-f]{1,2}([.:-][0-9A-Fa-f]{1,2}){1,3}$/.test(bare);
  const digits = dotted
    ? bare
        .split(/[.:-]/)
        .map((part) => part.padStart(2, '0'))
        .join('')
    : bare;
  if (/^[0-9A-Fa-f]{1,8}$/.test(digits)) {
    return {
      raw: trimmed,
      hex: digits.toUpperCase().padStart(8, '0'),
      encoding: dotted ? FirmwareEncoding.BCD : FirmwareEncoding.HEX,
    };
  }
  return { raw: trimmed, hex: null, encoding: FirmwareEncoding.TEXT };
}
