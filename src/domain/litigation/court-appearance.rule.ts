import { compareLegalDates, isLegalDate } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import type { FieldProblem } from '../hearings/hearing.rules';
import type { LitigationRefusal } from './litigation-case.types';
import {
  litigationArticle,
  nonBlank,
  officialsArticle,
  refuseLitigation,
} from './litigation-decision.factory';

/*
 * The responsible official's appearance in court (行政诉讼法 第三条第三款: 被诉行政机关负责人应当
 * 出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭; 负责人出庭应诉规定 (法释〔2020〕3号);
 * 行诉解释 第一百二十八条–第一百三十二条): the plan before a session and the record after it.
 */

/**
 * 负责人出庭应诉规定 第二条第一款: 正职、副职负责人、参与分管被诉行政行为实施工作的副职级别的负责人
 * 以及其他参与分管的负责人 (also 行诉解释 第一百二十八条第一款). Every rank here qualifies; the head of
 * an entrusted organisation or of a lower-level agency does not (第二条第二款) and is recorded as
 * staff (第十条第二款 lets such a person stand in as staff).
 */
export const OFFICIAL_RANKS = ['principal', 'deputy', 'other_in_charge'] as const;
export type OfficialRank = (typeof OFFICIAL_RANKS)[number];

/** 负责人出庭应诉规定 第八条 (一)–(四). */
export const ABSENCE_REASONS = [
  'force_majeure', // 不可抗力
  'accident', // 意外事件
  'irreplaceable_duty', // 需要履行他人不能代替的公务
  'other_legitimate', // 无法出庭的其他正当事由
] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const APPEARANCE_CLASSIFICATIONS = [
  'qualifying_appearance',
  'excused_absence',
  'unexcused_absence',
  'staff_only_no_reason',
  'lawyer_only',
  'nobody',
] as const;
export type AppearanceClassification = (typeof APPEARANCE_CLASSIFICATIONS)[number];

export interface Official {
  readonly name: string;
  readonly title: string;
  readonly rank: OfficialRank;
}

/** 相应的工作人员 (第十条; 行诉解释 第一百三十条). */
export interface StaffMember {
  readonly name: string;
  readonly title: string;
}

/** As received (API.md), before validation: codes as text, optional fields absent or null. */
export interface AppearancePlanInput {
  readonly official?: {
    readonly name: string;
    readonly title: string;
    readonly rank: string;
  } | null;
  readonly identityProofFiledOn?: string | null;
  readonly absenceReason?: string | null;
  readonly absenceProofSealed?: boolean | null;
  readonly staff?: { readonly name: string; readonly title: string } | null;
}

export interface AppearancePlan {
  /** Who will appear; null when the head cannot (then the reason and the staff member). */
  readonly official: Official | null;
  readonly identityProofFiledOn: LegalDate | null;
  readonly absenceReason: AbsenceReason | null;
  readonly absenceProofSealed: boolean;
  readonly staff: StaffMember | null;
}

export interface AppearanceRecordInput extends Omit<AppearancePlanInput, 'identityProofFiledOn'> {
  readonly heldOn: string;
  readonly appeared: boolean;
  readonly absenceExplanation?: string | null;
  readonly lawyerOnly?: boolean | null;
  readonly spokeOnMerits?: boolean | null;
}

export interface AppearanceRecord {
  readonly heldOn: LegalDate;
  /** A qualifying official appeared (and `official` says who). */
  readonly appeared: boolean;
  readonly official: Official | null;
  readonly absenceReason: AbsenceReason | null;
  readonly absenceExplanation: string | null;
  /** 第九条第一款: the proof sealed by the agency or signed by its principal head. */
  readonly absenceProofSealed: boolean;
  readonly staff: StaffMember | null;
  /** Only a lawyer appeared (行诉解释 第一百二十八条第二款: 不得仅委托律师出庭). */
  readonly lawyerOnly: boolean;
  /** The official spoke on resolving the dispute in substance (第十一条第三款); null: not recorded. */
  readonly spokeOnMerits: boolean | null;
}

export type AppearanceValidation<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** `invalid`: 400 with the field errors; `rule`: 422 (a date after today). */
      readonly refusal:
        | { readonly kind: 'invalid'; readonly errors: readonly FieldProblem[] }
        | Extract<LitigationRefusal, { readonly kind: 'rule' }>;
    };

const trimmed = (text: string | null | undefined): string | null =>
  nonBlank(text) ? text.trim() : null;

/** Field errors of an official or staff member; the name and title when well formed. */
function person(
  field: string,
  input: { readonly name: string; readonly title: string } | null | undefined,
  errors: FieldProblem[],
): StaffMember | null {
  if (input === null || input === undefined) return null;
  const name = trimmed(input.name);
  const title = trimmed(input.title);
  if (name === null) errors.push({ field: `${field}.name`, message: 'the name is required' });
  if (title === null) errors.push({ field: `${field}.title`, message: 'the title is required' });
  return name === null || title === null ? null : { name, title };
}

function official(input: AppearancePlanInput['official'], errors: FieldProblem[]): Official | null {
  const found = person('official', input, errors);
  if (input === null || input === undefined) return null;
  if (!OFFICIAL_RANKS.includes(input.rank as OfficialRank)) {
    errors.push({
      field: 'official.rank',
      message: `must be one of ${OFFICIAL_RANKS.join(', ')} (负责人出庭应诉规定 第二条)`,
    });
    return null;
  }
  return found === null ? null : { ...found, rank: input.rank as OfficialRank };
}

function absenceReason(
  value: string | null | undefined,
  errors: FieldProblem[],
): AbsenceReason | null {
  if (value === null || value === undefined) return null;
  if (ABSENCE_REASONS.includes(value as AbsenceReason)) return value as AbsenceReason;
  errors.push({
    field: 'absenceReason',
    message: `must be one of ${ABSENCE_REASONS.join(', ')} (负责人出庭应诉规定 第八条)`,
  });
  return null;
}

function refuseFuture(what: string, on: LegalDate, today: LegalDate, basis: string) {
  return refuseLitigation(
    'date_in_future',
    basis,
    `${what} on ${on} is after today (${today}): a legal date records what has already happened`,
  );
}

/**
 * The plan for a session (API.md `appearance-plan`): 400 for a malformed one — an official with a
 * rank outside 第二条, an absence reason outside 第八条 or next to an official who will appear, a
 * sealed proof with no reason, an identity proof filed for nobody named (第六条); 422 for a filing
 * date after today.
 */
export function validateAppearancePlan(
  input: AppearancePlanInput,
  today: LegalDate,
): AppearanceValidation<AppearancePlan> {
  const errors: FieldProblem[] = [];
  const named = official(input.official, errors);
  const reason = absenceReason(input.absenceReason, errors);
  const staff = person('staff', input.staff, errors);
  if (input.official && input.absenceReason) {
    errors.push({
      field: 'absenceReason',
      message: 'a plan naming the official who will appear gives no absence reason',
    });
  }
  if (input.absenceProofSealed === true && !input.absenceReason) {
    errors.push({ field: 'absenceProofSealed', message: 'a proof of absence needs the reason' });
  }
  const filedOn = input.identityProofFiledOn ?? null;
  if (filedOn !== null) {
    if (!isLegalDate(filedOn)) {
      errors.push({ field: 'identityProofFiledOn', message: 'must be a date YYYY-MM-DD' });
    } else if (!input.official && !input.staff) {
      errors.push({
        field: 'identityProofFiledOn',
        message: 'name the official or staff member whose identity proof was filed (第六条)',
      });
    }
  }
  if (errors.length > 0) return { ok: false, refusal: { kind: 'invalid', errors } };
  if (filedOn !== null && compareLegalDates(filedOn as LegalDate, today) > 0) {
    return refuseFuture(
      'the filing of the identity proof',
      filedOn as LegalDate,
      today,
      officialsArticle('第六条第一款'),
    );
  }
  return {
    ok: true,
    value: {
      official: named,
      identityProofFiledOn: filedOn as LegalDate | null,
      absenceReason: reason,
      absenceProofSealed: input.absenceProofSealed === true,
      staff,
    },
  };
}

/**
 * The record of what happened at a session (API.md `appearance`). A well-formed record is always
 * accepted — it is a fact — and classified; 400 for a malformed one:
 * - `appeared: true` needs the official who appeared, and then no absence reason, explanation or
 *   proof, and not `lawyerOnly`;
 * - `appeared: false` names no official (`official` is who appeared) and cannot have spoken on the
 *   merits (第十一条第三款 binds the official who appears);
 * - an absence reason is one of 第八条; `other_legitimate` (第四项) needs its explanation; an
 *   explanation or a sealed proof needs a reason;
 * - `lawyerOnly` contradicts a staff member having appeared.
 * 422 `date_in_future` for a session recorded as held after today.
 */
export function validateAppearanceRecord(
  input: AppearanceRecordInput,
  today: LegalDate,
): AppearanceValidation<AppearanceRecord> {
  const errors: FieldProblem[] = [];
  if (!isLegalDate(input.heldOn)) {
    errors.push({ field: 'heldOn', message: 'must be a date YYYY-MM-DD' });
  }
  if (typeof input.appeared !== 'boolean') {
    errors.push({ field: 'appeared', message: 'must be true or false' });
  }
  const named = official(input.official, errors);
  const reason = absenceReason(input.absenceReason, errors);
  const staff = person('staff', input.staff, errors);
  const explanation = trimmed(input.absenceExplanation);
  const sealed = input.absenceProofSealed === true;
  const lawyerOnly = input.lawyerOnly === true;
  const present = (field: string, message: string) => errors.push({ field, message });

  if (input.appeared === true) {
    if (!input.official) present('official', 'appeared: true needs the official who appeared');
    if (input.absenceReason) present('absenceReason', 'the official appeared: no absence reason');
    if (explanation !== null) present('absenceExplanation', 'the official appeared');
    if (sealed) present('absenceProofSealed', 'the official appeared: no proof of absence');
    if (lawyerOnly) present('lawyerOnly', 'the official appeared: not a lawyer alone');
  }
  if (input.appeared === false) {
    if (input.official) {
      present('official', 'official names who appeared; with appeared: false leave it out');
    }
    if (input.spokeOnMerits === true) {
      present(
        'spokeOnMerits',
        'only an official who appeared speaks on the merits (第十一条第三款)',
      );
    }
  }
  if (reason === 'other_legitimate' && explanation === null) {
    present('absenceExplanation', 'another legitimate reason (第八条第四项) needs its explanation');
  }
  if (!input.absenceReason && input.appeared === false) {
    if (explanation !== null) present('absenceExplanation', 'an explanation needs the reason');
    if (sealed) present('absenceProofSealed', 'a proof of absence needs the reason');
  }
  if (lawyerOnly && input.staff) {
    present('lawyerOnly', 'a staff member appeared: not a lawyer alone');
  }
  if (errors.length > 0) return { ok: false, refusal: { kind: 'invalid', errors } };
  const heldOn = input.heldOn as LegalDate;
  if (compareLegalDates(heldOn, today) > 0) {
    return refuseFuture('the session', heldOn, today, litigationArticle('第三条第三款'));
  }
  return {
    ok: true,
    value: {
      heldOn,
      appeared: input.appeared,
      official: named,
      absenceReason: reason,
      absenceExplanation: explanation,
      absenceProofSealed: sealed,
      staff,
      lawyerOnly,
      spokeOnMerits: input.spokeOnMerits ?? null,
    },
  };
}

/**
 * Classifies a well-formed record:
 *
 * | appeared | staff | absence reason | proof sealed | lawyer only | classification          |
 * |----------|-------|----------------|--------------|-------------|-------------------------|
 * | yes      | any   | —              | —            | —           | qualifying_appearance   |
 * | no       | yes   | given          | yes          | —           | excused_absence         |
 * | no       | yes   | given          | no           | —           | unexcused_absence       |
 * | no       | yes   | none           | —            | —           | staff_only_no_reason    |
 * | no       | no    | any            | any          | yes         | lawyer_only             |
 * | no       | no    | any            | any          | no          | nobody                  |
 *
 * - Qualifying: a 第二条 official appeared (every recorded rank qualifies).
 * - Excused: a 第八条 reason, its proof sealed or signed by the principal head (第九条第一款), and
 *   the staff member the head must send instead (行政诉讼法 第三条第三款; 第十条). Whether the court
 *   accepts the reason (第九条第二款) is the court's; Fuyi records what the agency did.
 * - Unexcused: a reason stated without the proof 第九条 requires.
 * - Staff only, no reason: 第十二条第一款第一项 (未说明理由).
 * - With no staff, a reason does not help: a lawyer alone is no appearance (行诉解释 第一百二十八条
 *   第二款、第一百三十二条), and nobody at all is 第十二条第一款第三项.
 */
export function classifyAppearance(record: AppearanceRecord): AppearanceClassification {
  if (record.appeared) return 'qualifying_appearance';
  if (record.staff !== null) {
    if (record.absenceReason === null) return 'staff_only_no_reason';
    return record.absenceProofSealed ? 'excused_absence' : 'unexcused_absence';
  }
  return record.lawyerOnly ? 'lawyer_only' : 'nobody';
}

/** One held session of one defendant in one case-instance, for 第七条. */
export interface DutySession {
  readonly heldOn: LegalDate;
  /** The court's notice asked the head to appear at this session. */
  readonly headSummoned: boolean;
  readonly classification: AppearanceClassification;
}

export interface AppearanceDuty {
  readonly satisfied: boolean;
  readonly firstQualifyingOn: LegalDate | null;
  /** Sessions after the first appearance to which the court summoned the head again, missed. */
  readonly missedResummonsOn: readonly LegalDate[];
  readonly basis: string;
}

/**
 * 负责人出庭应诉规定 第七条: in one instance, one qualifying appearance satisfies the duty, unless
 * the court summons the head again — each later session with a summons then needs its own.
 * Earlier absences are cured by the appearance. Each instance is its own (第七条第二款): pass the
 * sessions of one case-instance and one defendant.
 */
export function appearanceDuty(sessions: readonly DutySession[]): AppearanceDuty {
  const ordered = [...sessions].sort((a, b) => compareLegalDates(a.heldOn, b.heldOn));
  const first = ordered.find((session) => session.classification === 'qualifying_appearance');
  const missedResummonsOn =
    first === undefined
      ? []
      : ordered
          .filter(
            (session) =>
              compareLegalDates(session.heldOn, first.heldOn) > 0 &&
              session.headSummoned &&
              session.classification !== 'qualifying_appearance',
          )
          .map((session) => session.heldOn);
  return {
    satisfied: first !== undefined && missedResummonsOn.length === 0,
    firstQualifyingOn: first?.heldOn ?? null,
    missedResummonsOn,
    basis: officialsArticle('第七条'),
  };
}
