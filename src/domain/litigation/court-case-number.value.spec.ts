import fc from 'fast-check';
import {
  COURT_CASE_TYPES,
  isCourtCaseNumber,
  parseCourtCaseNumber,
} from './court-case-number.value';
import type { CourtCaseNumberProblem } from './court-case-number.value';

describe('parseCourtCaseNumber', () => {
  it.each([
    ['（2024）赣0281行初12号', 2024, '赣0281', '行初', 12, 'first', 'litigation'],
    ['(2024)赣0281行初12号', 2024, '赣0281', '行初', 12, 'first', 'litigation'],
    ['（2024)赣02行终7号', 2024, '赣02', '行终', 7, 'second', 'litigation'],
    ['（2023）赣行申301号', 2023, '赣', '行申', 301, 'retrial', 'litigation'],
    ['（2022）最高法行再15号', 2022, '最高法', '行再', 15, 'retrial', 'litigation'],
    ['（2024）京73行初1号', 2024, '京73', '行初', 1, 'first', 'litigation'],
    ['（2024）赣0281行审45号', 2024, '赣0281', '行审', 45, null, 'enforcement_review'],
    ['（2024）赣0281行审复2号', 2024, '赣0281', '行审复', 2, null, 'enforcement_review'],
    ['（2024）赣0281行赔初3号', 2024, '赣0281', '行赔初', 3, 'first', 'compensation'],
    ['（2024）赣02行赔终9号', 2024, '赣02', '行赔终', 9, 'second', 'compensation'],
    ['（2016）兵0101行初8号', 2016, '兵0101', '行初', 8, 'first', 'litigation'],
  ] as const)('reads %s', (text, year, courtCode, typeCode, sequence, instance, category) => {
    expect(parseCourtCaseNumber(text)).toEqual({
      ok: true,
      value: {
        year,
        courtCode,
        typeCode,
        sequence,
        style: 'current',
        instance,
        category,
        canonical: `（${year}）${courtCode}${typeCode}${sequence}号`,
      },
    });
  });

  it.each([
    ['(2015)海行初字第5号', '海', '行初', 5, 'first', '（2015）海行初字第5号'],
    ['（2014）一中行终字第123号', '一中', '行终', 123, 'second', '（2014）一中行终字第123号'],
    ['(2012)高行赔初字第04号', '高', '行赔初', 4, 'first', '（2012）高行赔初字第4号'],
    ['(2013)最高法行提字第2号', '最高法', '行提', 2, 'retrial', '（2013）最高法行提字第2号'],
  ] as const)(
    'reads the pre-2016 style %s',
    (text, courtCode, typeCode, sequence, instance, canonical) => {
      expect(parseCourtCaseNumber(text)).toMatchObject({
        ok: true,
        value: { courtCode, typeCode, sequence, instance, style: 'pre2016', canonical },
      });
    },
  );

  it('normalises full-width digits, spaces and leading zeros into one canonical form', () => {
    const variants = [
      '（2024）赣0281行初12号',
      '(2024)赣0281行初12号',
      ' （２０２４）赣０２８１行初０１２号 ',
      '（2024） 赣0281 行初 12 号',
    ];
    for (const text of variants) {
      expect(parseCourtCaseNumber(text)).toMatchObject({
        ok: true,
        value: { canonical: '（2024）赣0281行初12号', sequence: 12 },
      });
    }
  });

  it.each<[string, CourtCaseNumberProblem, string]>([
    ['', 'empty', 'empty'],
    ['   ', 'empty', 'empty'],
    ['赣0281行初12号', 'year_missing', 'year in brackets'],
    ['（24）赣0281行初12号', 'year_missing', 'year in brackets'],
    ['（1989）赣0281行初12号', 'year_out_of_range', '1989'],
    ['（2024）赣0281行初12', 'suffix_missing', '号'],
    ['（2024）X0281行初12号', 'court_code_invalid', 'province abbreviation'],
    ['（2024）赣028行初12号', 'court_code_invalid', '3 digits'],
    ['（2024）赣0281民初12号', 'type_code_unknown', '民初'],
    ['（2024）赣0281行12号', 'type_code_unknown', 'not an administrative case type'],
    ['（2024）赣0281行初号', 'sequence_invalid', 'sequence'],
    ['（2024）赣0281行初0号', 'sequence_invalid', 'sequence'],
    ['（2024）赣0281行初12a号', 'sequence_invalid', 'sequence'],
    ['（2024）赣0281行初12345678号', 'sequence_invalid', '7'],
    ['（2015）赣0281行初12号', 'style_mismatch', '字第'],
    ['（2016）海行初字第5号', 'style_mismatch', '2015'],
    ['（2024）赣行提3号', 'style_mismatch', 'before 2016'],
    ['(2015)海行初字5号', 'sequence_invalid', '字第'],
    ['(2015)海民初字第5号', 'type_code_unknown', 'administrative case type'],
    ['(2013)行提字第2号', 'type_code_unknown', 'court abbreviation'],
    ['(2015)海行初字第号', 'sequence_invalid', 'sequence'],
    ['(2015)海1行初字第5号', 'court_code_invalid', 'plain text'],
  ])('refuses %j as %s, saying what is wrong', (text, problem, words) => {
    const result = parseCourtCaseNumber(text);
    expect(result).toMatchObject({ ok: false, problem });
    if (!result.ok) expect(result.message).toContain(words);
  });

  it('refuses a year after the latest one given', () => {
    expect(parseCourtCaseNumber('（2026）赣0281行初1号', { latestYear: 2025 })).toMatchObject({
      ok: false,
      problem: 'year_out_of_range',
      message: expect.stringContaining('2025'),
    });
    expect(isCourtCaseNumber('（2025）赣0281行初1号', { latestYear: 2025 })).toBe(true);
  });

  it('knows each type code once, with the instance it implies', () => {
    const codes = COURT_CASE_TYPES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of COURT_CASE_TYPES) {
      expect(entry.code.startsWith('行')).toBe(true);
      const expected = entry.code.endsWith('初')
        ? 'first'
        : entry.code.endsWith('终')
          ? 'second'
          : entry.category === 'enforcement_review'
            ? null
            : 'retrial';
      expect(entry.instance).toBe(expected);
    }
  });

  it('reads back every number it writes (canonical forms are fixed points)', () => {
    const provinces = [...'京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新兵'];
    const current = COURT_CASE_TYPES.filter((entry) => !entry.pre2016Only).map((e) => e.code);
    fc.assert(
      fc.property(
        fc.integer({ min: 2016, max: 2099 }),
        fc.constantFrom(...provinces),
        fc.constantFrom('', '01', '0281', '73'),
        fc.constantFrom(...current),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.boolean(),
        (year, province, digits, typeCode, sequence, ascii) => {
          const [open, close] = ascii ? ['(', ')'] : ['（', '）'];
          const text = `${open}${year}${close}${province}${digits}${typeCode}${sequence}号`;
          const result = parseCourtCaseNumber(text);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.value).toMatchObject({ year, typeCode, sequence });
          expect(parseCourtCaseNumber(result.value.canonical)).toEqual(result);
        },
      ),
    );
  });
});
