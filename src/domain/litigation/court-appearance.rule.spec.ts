import { appearancePlanIssues } from './appearance-plan-issues.rule';
import {
  ABSENCE_REASONS,
  appearanceDuty,
  classifyAppearance,
  validateAppearancePlan,
  validateAppearanceRecord,
} from './court-appearance.rule';
import type {
  AppearanceClassification,
  AppearancePlan,
  AppearanceRecordInput,
  DutySession,
} from './court-appearance.rule';
import { d } from './litigation-facts.fixture';

const TODAY = d('2024-10-10');
const HEAD = { name: '王明', title: '局长', rank: 'principal' };
const STAFF = { name: '李华', title: '法制科科长' };

const record = (overrides: Partial<AppearanceRecordInput> = {}): AppearanceRecordInput => ({
  heldOn: '2024-10-08',
  appeared: false,
  ...overrides,
});

function classified(input: AppearanceRecordInput): AppearanceClassification {
  const result = validateAppearanceRecord(input, TODAY);
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return classifyAppearance(result.value);
}

function fieldsRefused(input: AppearanceRecordInput): string[] {
  const result = validateAppearanceRecord(input, TODAY);
  if (result.ok || result.refusal.kind !== 'invalid') return [];
  return result.refusal.errors.map((error) => error.field);
}

describe('classifyAppearance: every row of the decision table', () => {
  it.each<[string, Partial<AppearanceRecordInput>, AppearanceClassification]>([
    ['the principal head appeared', { appeared: true, official: HEAD }, 'qualifying_appearance'],
    [
      'a deputy appeared, with staff and the merits spoken to',
      {
        appeared: true,
        official: { ...HEAD, rank: 'deputy' },
        staff: STAFF,
        spokeOnMerits: true,
      },
      'qualifying_appearance',
    ],
    [
      'another official in charge appeared',
      { appeared: true, official: { ...HEAD, rank: 'other_in_charge' } },
      'qualifying_appearance',
    ],
    [
      'a legal reason, sealed proof, staff sent',
      { absenceReason: 'irreplaceable_duty', absenceProofSealed: true, staff: STAFF },
      'excused_absence',
    ],
    [
      'a legal reason without sealed proof, staff sent',
      { absenceReason: 'accident', absenceProofSealed: false, staff: STAFF },
      'unexcused_absence',
    ],
    ['staff sent, no reason', { staff: STAFF }, 'staff_only_no_reason'],
    ['a lawyer alone', { lawyerOnly: true }, 'lawyer_only'],
    [
      'a lawyer alone, even with a sealed reason',
      { lawyerOnly: true, absenceReason: 'force_majeure', absenceProofSealed: true },
      'lawyer_only',
    ],
    ['nobody', {}, 'nobody'],
    [
      'nobody, even with a sealed reason',
      { absenceReason: 'force_majeure', absenceProofSealed: true },
      'nobody',
    ],
  ])('%s → %s', (_what, overrides, classification) => {
    expect(classified(record(overrides))).toBe(classification);
  });

  it('agrees with the table for every well-formed combination', () => {
    const expected = (input: AppearanceRecordInput): AppearanceClassification => {
      if (input.appeared) return 'qualifying_appearance';
      if (input.staff) {
        if (!input.absenceReason) return 'staff_only_no_reason';
        return input.absenceProofSealed ? 'excused_absence' : 'unexcused_absence';
      }
      return input.lawyerOnly ? 'lawyer_only' : 'nobody';
    };
    let wellFormed = 0;
    for (const appeared of [true, false]) {
      for (const staff of [STAFF, null]) {
        for (const absenceReason of [null, ...ABSENCE_REASONS]) {
          for (const absenceProofSealed of [true, false]) {
            for (const lawyerOnly of [true, false]) {
              const input = record({
                appeared,
                official: appeared ? HEAD : null,
                staff,
                absenceReason,
                absenceExplanation: absenceReason === null ? null : '说明',
                absenceProofSealed,
                lawyerOnly,
              });
              const result = validateAppearanceRecord(input, TODAY);
              if (!result.ok) continue;
              wellFormed++;
              expect(classifyAppearance(result.value)).toBe(expected(input));
            }
          }
        }
      }
    }
    // appeared: 2 (with or without staff); absent with no reason: 3; with each of 4 reasons: 6.
    expect(wellFormed).toBe(2 + 3 + 4 * 6);
  });
});

describe('validateAppearanceRecord', () => {
  it('normalises a well-formed record', () => {
    expect(
      validateAppearanceRecord(
        record({
          absenceReason: 'other_legitimate',
          absenceExplanation: ' 参加防汛抢险 ',
          absenceProofSealed: true,
          staff: { name: ' 李华 ', title: '科长' },
        }),
        TODAY,
      ),
    ).toEqual({
      ok: true,
      value: {
        heldOn: '2024-10-08',
        appeared: false,
        official: null,
        absenceReason: 'other_legitimate',
        absenceExplanation: '参加防汛抢险',
        absenceProofSealed: true,
        staff: { name: '李华', title: '科长' },
        lawyerOnly: false,
        spokeOnMerits: null,
      },
    });
  });

  it.each<[string, Partial<AppearanceRecordInput>, string[]]>([
    ['appeared without an official', { appeared: true }, ['official']],
    [
      'an absence reason although the official appeared',
      { appeared: true, official: HEAD, absenceReason: 'accident' },
      ['absenceReason'],
    ],
    [
      'absence explanation and proof although the official appeared',
      { appeared: true, official: HEAD, absenceExplanation: 'x', absenceProofSealed: true },
      ['absenceExplanation', 'absenceProofSealed'],
    ],
    [
      'a lawyer alone although the official appeared',
      { appeared: true, official: HEAD, lawyerOnly: true },
      ['lawyerOnly'],
    ],
    ['a reason code outside 第八条', { absenceReason: 'sick', staff: STAFF }, ['absenceReason']],
    [
      'a rank outside 第二条',
      { appeared: true, official: { ...HEAD, rank: 'section_chief' } },
      ['official.rank'],
    ],
    [
      'an official with blank name and title',
      { appeared: true, official: { name: ' ', title: '', rank: 'deputy' } },
      ['official.name', 'official.title'],
    ],
    ['an official named with appeared: false', { official: HEAD }, ['official']],
    [
      'spoke on the merits without appearing',
      { staff: STAFF, spokeOnMerits: true },
      ['spokeOnMerits'],
    ],
    [
      'another legitimate reason without explanation',
      { absenceReason: 'other_legitimate', staff: STAFF },
      ['absenceExplanation'],
    ],
    [
      'an explanation or sealed proof without a reason',
      { absenceExplanation: 'x', absenceProofSealed: true, staff: STAFF },
      ['absenceExplanation', 'absenceProofSealed'],
    ],
    ['a lawyer alone with staff present', { lawyerOnly: true, staff: STAFF }, ['lawyerOnly']],
    ['a staff member without a title', { staff: { name: '李华', title: ' ' } }, ['staff.title']],
    ['a malformed date', { heldOn: '2024-10-32' }, ['heldOn']],
    ['appeared not a boolean', { appeared: 'yes' as never }, ['appeared']],
  ])('answers 400 for %s', (_what, overrides, fields) => {
    expect(fieldsRefused(record(overrides))).toEqual(fields);
  });

  it('refuses a session held after today with 422 date_in_future', () => {
    expect(validateAppearanceRecord(record({ heldOn: '2024-10-11' }), TODAY)).toMatchObject({
      ok: false,
      refusal: {
        kind: 'rule',
        httpStatus: 422,
        rule: 'date_in_future',
        basis: '行政诉讼法 第三条第三款',
      },
    });
  });
});

describe('validateAppearancePlan', () => {
  it('normalises a plan naming the head', () => {
    expect(
      validateAppearancePlan({ official: HEAD, identityProofFiledOn: '2024-10-07' }, TODAY),
    ).toEqual({
      ok: true,
      value: {
        official: { name: '王明', title: '局长', rank: 'principal' },
        identityProofFiledOn: '2024-10-07',
        absenceReason: null,
        absenceProofSealed: false,
        staff: null,
      },
    });
  });

  it('accepts an empty plan (nothing decided yet)', () => {
    expect(validateAppearancePlan({}, TODAY)).toMatchObject({ ok: true });
  });

  it.each([
    [
      'an official and an absence reason',
      { official: HEAD, absenceReason: 'accident' },
      ['absenceReason'],
    ],
    ['a reason code outside 第八条', { absenceReason: 'busy', staff: STAFF }, ['absenceReason']],
    [
      'a sealed proof without a reason',
      { absenceProofSealed: true, staff: STAFF },
      ['absenceProofSealed'],
    ],
    [
      'an identity proof for nobody named',
      { identityProofFiledOn: '2024-10-07' },
      ['identityProofFiledOn'],
    ],
    [
      'a malformed filing date',
      { official: HEAD, identityProofFiledOn: '7 Oct' },
      ['identityProofFiledOn'],
    ],
    ['a rank outside 第二条', { official: { ...HEAD, rank: 'lawyer' } }, ['official.rank']],
  ])('answers 400 for %s', (_what, input, fields) => {
    const result = validateAppearancePlan(input, TODAY);
    expect(result).toMatchObject({ ok: false, refusal: { kind: 'invalid' } });
    if (!result.ok && result.refusal.kind === 'invalid') {
      expect(result.refusal.errors.map((error) => error.field)).toEqual(fields);
    }
  });

  it('refuses an identity proof filed after today with 422', () => {
    expect(
      validateAppearancePlan({ staff: STAFF, identityProofFiledOn: '2024-10-11' }, TODAY),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'date_in_future', basis: '负责人出庭应诉规定 第六条第一款' },
    });
  });
});

describe('appearancePlanIssues', () => {
  const plan = (overrides: Partial<AppearancePlan> = {}): AppearancePlan => ({
    official: null,
    identityProofFiledOn: null,
    absenceReason: null,
    absenceProofSealed: false,
    staff: null,
    ...overrides,
  });
  const codes = (value: AppearancePlan | null, headSummoned = false, headSummonRequired = false) =>
    appearancePlanIssues(value, { headSummoned, headSummonRequired }).map((issue) => issue.code);

  it.each<[string, AppearancePlan | null, boolean, string[]]>([
    [
      'no plan, head summoned',
      null,
      true,
      ['summoned_head_not_planned', 'absence_reason_missing', 'staff_missing'],
    ],
    ['no plan', null, false, ['absence_reason_missing', 'staff_missing']],
    [
      'the head named, proof not filed',
      plan({ official: { ...HEAD, rank: 'principal' } }),
      true,
      ['identity_proof_missing'],
    ],
    [
      'the head named, proof filed',
      plan({ official: { ...HEAD, rank: 'principal' }, identityProofFiledOn: d('2024-10-07') }),
      true,
      [],
    ],
    [
      'a reason without sealed proof, staff named',
      plan({ absenceReason: 'accident', staff: STAFF }),
      false,
      ['absence_proof_not_sealed', 'identity_proof_missing'],
    ],
    [
      'a complete absence plan',
      plan({
        absenceReason: 'accident',
        absenceProofSealed: true,
        staff: STAFF,
        identityProofFiledOn: d('2024-10-07'),
      }),
      false,
      [],
    ],
  ])('%s', (_what, value, summoned, expected) => {
    expect(codes(value, summoned)).toEqual(expected);
  });

  it('counts a 第四条 case as summoned', () => {
    expect(codes(null, false, true)).toContain('summoned_head_not_planned');
  });
});

describe('appearanceDuty (负责人出庭应诉规定 第七条)', () => {
  const session = (
    heldOn: string,
    classification: AppearanceClassification,
    headSummoned = false,
  ): DutySession => ({ heldOn: d(heldOn), classification, headSummoned });

  it.each<[string, DutySession[], boolean, string | null, string[]]>([
    ['no session', [], false, null, []],
    [
      'one qualifying appearance',
      [session('2024-03-01', 'qualifying_appearance', true)],
      true,
      '2024-03-01',
      [],
    ],
    [
      'an absence cured by a later appearance',
      [session('2024-04-01', 'qualifying_appearance'), session('2024-03-01', 'nobody', true)],
      true,
      '2024-04-01',
      [],
    ],
    [
      'a later session without summons',
      [session('2024-03-01', 'qualifying_appearance'), session('2024-04-01', 'excused_absence')],
      true,
      '2024-03-01',
      [],
    ],
    [
      'a new summons missed',
      [
        session('2024-03-01', 'qualifying_appearance'),
        session('2024-04-01', 'staff_only_no_reason', true),
      ],
      false,
      '2024-03-01',
      ['2024-04-01'],
    ],
    [
      'a new summons answered',
      [
        session('2024-03-01', 'qualifying_appearance'),
        session('2024-04-01', 'qualifying_appearance', true),
      ],
      true,
      '2024-03-01',
      [],
    ],
    ['only absences', [session('2024-03-01', 'excused_absence', true)], false, null, []],
  ])('%s', (_what, sessions, satisfied, firstOn, missed) => {
    expect(appearanceDuty(sessions)).toEqual({
      satisfied,
      firstQualifyingOn: firstOn,
      missedResummonsOn: missed,
      basis: '负责人出庭应诉规定 第七条',
    });
  });
});
