import { normaliseFirmwareVersion } from '../../src/modules/catalogue/firmware';
import { dmcFingerprint } from '../../src/modules/dmc/fingerprint';
import { DeviceType } from '../../src/modules/common/enums';

describe('firmware version normalisation', () => {
  it.each([
    ['0002012F', '0002012F', 'HEX'],
    ['0x2012f', '0002012F', 'HEX'],
    ['  0002012f ', '0002012F', 'HEX'],
    ['02.01.2F', '0002012F', 'BCD'],
    ['1.2.3', '00010203', 'BCD'],
    ['00000000', '00000000', 'HEX'],
  ])('normalises %j to %s (%s)', (raw, hex, encoding) => {
    expect(normaliseFirmwareVersion(raw)).toEqual({ raw: raw.trim(), hex, encoding });
  });

  it('keeps versions that are not hex-like as text, with no hex form', () => {
    expect(normaliseFirmwareVersion('v2 build 17')).toEqual({
      raw: 'v2 build 17',
      hex: null,
      encoding: 'TEXT',
    });
    expect(normaliseFirmwareVersion('123456789')).toEqual({ raw: '123456789', hex: null, encoding: 'TEXT' });
  });

  it('refuses a blank version', () => {
    expect(() => normaliseFirmwareVersion('  ')).toThrow('a firmware version cannot be blank');
  });
});

describe('DMC fingerprint', () => {
  it('is the sorted slot list, independent of input order, with twins repeated', () => {
    const a = dmcFingerprint([
      { deviceType: DeviceType.GSME, firmwareVersionId: 9 },
      { deviceType: DeviceType.CHF, firmwareVersionId: 12 },
      { deviceType: DeviceType.PPMID, firmwareVersionId: 7 },
      { deviceType: DeviceType.PPMID, firmwareVersionId: 7 },
      { deviceType: DeviceType.ESME, firmwareVersionId: 40 },
    ]);
    expect(a).toBe('CHF:12+ESME:40+GSME:9+PPMID:7+PPMID:7');
    expect(
      dmcFingerprint([
        { deviceType: DeviceType.ESME, firmwareVersionId: 10 },
        { deviceType: DeviceType.ESME, firmwareVersionId: 9 },
      ]),
    ).toBe('ESME:9+ESME:10');
  });
});
