import { idCardCheckCharacter, isValidIdCardNumber, maskIdNumber } from './id-card-number.value';

describe('isValidIdCardNumber (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each([
    '11010519491231002X', // check character X (sum mod 11 = 2)
    '360202199001011235',
    '440304200002290014', // 2000-02-29: a leap day
    '360281198510156716',
    '110101200512319992',
  ])('accepts %s', (value) => {
    expect(isValidIdCardNumber(value)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '360202199001011234'],
    ['a wrong check X', '36020219900101123X'],
    ['a lower-case x', '11010519491231002x'],
    ['no leap day in 1900', '110101190002290010'],
    ['month 13', '110101199013010011'],
    ['day 32', '110101199001320011'],
    ['day 00', '110101199001000011'],
    ['a birth year before 1900', '110101189912310011'],
    ['17 characters', '36020219900101123'],
    ['19 characters', '3602021990010112350'],
    ['a 15-digit first-generation number', '360202900101123'],
    ['letters', '36020219900101123A'],
    ['spaces around it', ' 360202199001011235'],
    ['nothing', ''],
  ])('refuses %s: %s', (_what, value) => {
    expect(isValidIdCardNumber(value)).toBe(false);
  });

  it('computes the check character of the first 17 digits', () => {
    expect(idCardCheckCharacter('11010519491231002')).toBe('X');
    expect(idCardCheckCharacter('36020219900101123')).toBe('5');
    expect(idCardCheckCharacter('3602021990010112')).toBeNull();
  });

  it('accepts exactly one check character for any 17 digits', () => {
    const first17 = '44030420000229001';
    const valid = '0123456789X'
      .split('')
      .filter((check) => isValidIdCardNumber(`${first17}${check}`));
    expect(valid).toEqual(['4']);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['360202199001011234', '3602**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['360202900101123', '3602*******1123'],
    ['123456789', '1234*6789'],
    ['12345678', '********'],
    ['', ''],
  ])('masks %s as %s', (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });
});
