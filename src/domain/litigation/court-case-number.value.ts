import type { LitigationInstance } from './litigation-case.types';

/*
 * Court case numbers (案号). Since 2016-01-01 (最高人民法院关于人民法院案件案号的若干规定, 法〔2015〕137号):
 * `（收案年度）法院代字 类型代字 案件编号 号`, e.g. `（2024）赣0281行初12号` — the court code is the
 * province's one-character abbreviation and 0, 2 or 4 digits (赣 high court, 赣02 intermediate,
 * 赣0281 basic, 京73 a specialised court), or 最高法. Before 2016 courts wrote their own
 * abbreviation and `字第`: `(2015)海行初字第5号`. Either bracket style is accepted (full-width
 * `（）` or ASCII `()`), as are full-width digits and stray spaces; the canonical form uses
 * full-width brackets, ASCII digits and a sequence without leading zeros.
 */

/** What kind of administrative matter a type code numbers. */
export type CourtCaseCategory = 'litigation' | 'compensation' | 'enforcement_review';

export interface CourtCaseType {
  readonly code: string;
  readonly name: string;
  readonly category: CourtCaseCategory;
  /** The instance the code implies; null when it is no trial instance (enforcement review). */
  readonly instance: LitigationInstance | null;
  /** Used only in pre-2016 numbers. */
  readonly pre2016Only: boolean;
}

const type = (
  code: string,
  name: string,
  category: CourtCaseCategory,
  instance: LitigationInstance | null,
  pre2016Only = false,
): CourtCaseType => ({ code, name, category, instance, pre2016Only });

/** The administrative type codes (类型代字) Fuyi knows. Retrial review counts as retrial. */
export const COURT_CASE_TYPES: readonly CourtCaseType[] = [
  type('行初', '行政一审', 'litigation', 'first'),
  type('行终', '行政二审', 'litigation', 'second'),
  type('行申', '行政申请再审审查', 'litigation', 'retrial'),
  type('行抗', '行政抗诉再审审查', 'litigation', 'retrial'),
  type('行监', '行政依职权再审审查', 'litigation', 'retrial'),
  type('行再', '行政再审', 'litigation', 'retrial'),
  type('行提', '行政提审 (2016 年前)', 'litigation', 'retrial', true),
  type('行审', '非诉行政行为申请执行审查', 'enforcement_review', null),
  type('行审复', '非诉执行审查复议', 'enforcement_review', null),
  type('行赔初', '行政赔偿一审', 'compensation', 'first'),
  type('行赔终', '行政赔偿二审', 'compensation', 'second'),
  type('行赔申', '行政赔偿申请再审审查', 'compensation', 'retrial'),
  type('行赔抗', '行政赔偿抗诉再审审查', 'compensation', 'retrial'),
  type('行赔监', '行政赔偿依职权再审审查', 'compensation', 'retrial'),
  type('行赔再', '行政赔偿再审', 'compensation', 'retrial'),
];

/** Longest first, so that 行赔初 is not read as 行 + garbage and 行审复 not as 行审. */
const TYPES_BY_LENGTH = [...COURT_CASE_TYPES].sort((a, b) => b.code.length - a.code.length);

/** 省、自治区、直辖市 abbreviations and 兵 (新疆生产建设兵团 courts). */
const PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新兵';
const SUPREME_COURT = '最高法';

/** The 1989 law took effect on 1990-10-01: no administrative case number is older. */
export const FIRST_CASE_YEAR = 1990;
/** The numbering rules of 法〔2015〕137号 apply from 2016. */
export const CURRENT_STYLE_FROM_YEAR = 2016;
const MAX_SEQUENCE_DIGITS = 7;

export interface CourtCaseNumber {
  readonly year: number;
  readonly courtCode: string;
  readonly typeCode: string;
  readonly sequence: number;
  readonly style: 'current' | 'pre2016';
  readonly category: CourtCaseCategory;
  /** The instance the type code implies (null for enforcement review). */
  readonly instance: LitigationInstance | null;
  /** `（2024）赣0281行初12号` / `（2015）海行初字第5号`. */
  readonly canonical: string;
}

export type CourtCaseNumberProblem =
  | 'empty'
  | 'year_missing'
  | 'year_out_of_range'
  | 'court_code_invalid'
  | 'type_code_unknown'
  | 'sequence_invalid'
  | 'suffix_missing'
  | 'style_mismatch';

export type CourtCaseNumberResult =
  | { readonly ok: true; readonly value: CourtCaseNumber }
  | { readonly ok: false; readonly problem: CourtCaseNumberProblem; readonly message: string };

export interface CourtCaseNumberOptions {
  /** The latest acceptable year (e.g. this year): a case cannot be filed in the future. */
  readonly latestYear?: number;
}

const FULL_WIDTH_DIGIT_ZERO = 0xff10;

/** Full-width digits to ASCII, every kind of whitespace removed. */
function normaliseText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (/\s/u.test(char)) continue;
    if (code >= FULL_WIDTH_DIGIT_ZERO && code <= FULL_WIDTH_DIGIT_ZERO + 9) {
      out += String.fromCharCode(48 + code - FULL_WIDTH_DIGIT_ZERO);
    } else {
      out += char;
    }
  }
  return out;
}

const fail = (problem: CourtCaseNumberProblem, message: string): CourtCaseNumberResult => ({
  ok: false,
  problem,
  message,
});

const knownCodes = (): string =>
  COURT_CASE_TYPES.filter((entry) => !entry.pre2016Only)
    .map((entry) => entry.code)
    .join('、');

/** The type code at the start of `text`, longest match first. */
function typeAt(text: string): CourtCaseType | null {
  return TYPES_BY_LENGTH.find((entry) => text.startsWith(entry.code)) ?? null;
}

/** `digits` as a case sequence (案件编号): 1…9999999, leading zeros dropped. */
function sequenceOf(digits: string): number | null {
  if (!/^\d+$/.test(digits)) return null;
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '' || trimmed.length > MAX_SEQUENCE_DIGITS) return null;
  return Number(trimmed);
}

/**
 * Parses and validates a court case number. Refusals say what is wrong, for a 400 answer.
 */
export function parseCourtCaseNumber(
  text: string,
  options: CourtCaseNumberOptions = {},
): CourtCaseNumberResult {
  const value = normaliseText(typeof text === 'string' ? text : '');
  if (value === '') return fail('empty', 'the court case number (案号) is empty');

  const head = /^[（(](\d{4})[）)]/.exec(value);
  if (head === null) {
    return fail(
      'year_missing',
      `${value} does not start with the year in brackets, e.g. （2024）赣0281行初12号`,
    );
  }
  const year = Number(head[1]);
  const latestYear = options.latestYear ?? Number.POSITIVE_INFINITY;
  if (year < FIRST_CASE_YEAR || year > latestYear) {
    return fail(
      'year_out_of_range',
      `the year ${year} is not possible: administrative cases are numbered from ${FIRST_CASE_YEAR}` +
        (Number.isFinite(latestYear) ? ` to ${latestYear}` : ''),
    );
  }
  if (!value.endsWith('号')) {
    return fail('suffix_missing', `${value} must end with 号, e.g. （2024）赣0281行初12号`);
  }
  const body = value.slice(head[0].length, -1);
  return body.includes('字') ? parsePre2016(year, body) : parseCurrent(year, body);
}

function parseCurrent(year: number, body: string): CourtCaseNumberResult {
  const court = new RegExp(`^(${SUPREME_COURT}|[${PROVINCES}]\\d*)`).exec(body);
  if (court === null) {
    return fail(
      'court_code_invalid',
      `the court code must be 最高法 or a province abbreviation (${PROVINCES}) with 0, 2 or 4 ` +
        `digits, e.g. 赣0281; got ${body.slice(0, 6)}`,
    );
  }
  const courtCode = court[1];
  const digits = courtCode.length - 1;
  if (courtCode !== SUPREME_COURT && ![0, 2, 4].includes(digits)) {
    return fail(
      'court_code_invalid',
      `the court code ${courtCode} has ${digits} digits: a court code has 0, 2 or 4 (赣, 赣02, 赣0281)`,
    );
  }
  const rest = body.slice(courtCode.length);
  const caseType = typeAt(rest);
  if (caseType === null) {
    return fail(
      'type_code_unknown',
      `${rest.slice(0, 3) || 'nothing'} after the court code is not an administrative case type; ` +
        `known: ${knownCodes()}`,
    );
  }
  if (caseType.pre2016Only) {
    return fail(
      'style_mismatch',
      `${caseType.code} was used only before 2016; current numbers use 行再 or 行申`,
    );
  }
  const sequence = sequenceOf(rest.slice(caseType.code.length));
  if (sequence === null) {
    return fail(
      'sequence_invalid',
      `the case sequence after ${caseType.code} must be a number from 1 with at most ` +
        `${MAX_SEQUENCE_DIGITS} digits, e.g. ${caseType.code}12号`,
    );
  }
  if (year < CURRENT_STYLE_FROM_YEAR) {
    return fail(
      'style_mismatch',
      `a ${year} case is numbered in the pre-2016 style with 字第, e.g. (${year})海行初字第5号`,
    );
  }
  return parsed('current', year, courtCode, caseType, sequence);
}

function parsePre2016(year: number, body: string): CourtCaseNumberResult {
  const at = body.indexOf('字第');
  if (at < 0) {
    return fail(
      'sequence_invalid',
      'a pre-2016 number writes 字第 before the sequence, e.g. (2015)海行初字第5号',
    );
  }
  const before = body.slice(0, at);
  // The court's own abbreviation, then the type code: try every split, longest type code first.
  let courtCode = '';
  let caseType: CourtCaseType | null = null;
  for (let start = 1; start < before.length && caseType === null; start++) {
    const candidate = TYPES_BY_LENGTH.find((entry) => entry.code === before.slice(start));
    if (candidate !== undefined) {
      caseType = candidate;
      courtCode = before.slice(0, start);
    }
  }
  if (caseType === null) {
    return fail(
      'type_code_unknown',
      `${before || 'nothing'} before 字第 is not a court abbreviation followed by an ` +
        `administrative case type (${knownCodes()}、行提)`,
    );
  }
  if (/[\d()（）]/.test(courtCode)) {
    return fail('court_code_invalid', `the court abbreviation ${courtCode} is not plain text`);
  }
  const sequence = sequenceOf(body.slice(at + 2));
  if (sequence === null) {
    return fail(
      'sequence_invalid',
      `the case sequence after 字第 must be a number from 1 with at most ${MAX_SEQUENCE_DIGITS} ` +
        'digits, e.g. 行初字第5号',
    );
  }
  if (year >= CURRENT_STYLE_FROM_YEAR) {
    return fail(
      'style_mismatch',
      `the 字第 style ended in 2015: a ${year} case is numbered like （${year}）赣0281行初12号`,
    );
  }
  return parsed('pre2016', year, courtCode, caseType, sequence);
}

/** The parsed number and its canonical text (full-width brackets, no leading zeros). */
function parsed(
  style: CourtCaseNumber['style'],
  year: number,
  courtCode: string,
  caseType: CourtCaseType,
  sequence: number,
): CourtCaseNumberResult {
  const number = style === 'current' ? `${sequence}` : `字第${sequence}`;
  return {
    ok: true,
    value: {
      year,
      courtCode,
      typeCode: caseType.code,
      sequence,
      style,
      category: caseType.category,
      instance: caseType.instance,
      canonical: `（${year}）${courtCode}${caseType.code}${number}号`,
    },
  };
}

/** True when the text is a valid court case number (for a DTO validator). */
export function isCourtCaseNumber(text: string, options: CourtCaseNumberOptions = {}): boolean {
  return parseCourtCaseNumber(text, options).ok;
}
