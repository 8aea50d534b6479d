import { compareLegalDates, isLegalDate, yearOf } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import type { Procedure } from '../deadlines/deadline-definition.type';
import type { FieldProblem } from '../hearings/hearing.rules';
import type { CaseEventDraft } from '../reconsideration/reconsideration-case.types';
import { parseCourtCaseNumber } from './court-case-number.value';
import type { CourtCaseNumber } from './court-case-number.value';
import { LITIGATION_INSTANCES, RETRIAL_PROCEDURES } from './litigation-case.types';
import type {
  LitigationFacts,
  LitigationInstance,
  LitigationRefusal,
  RetrialProcedure,
} from './litigation-case.types';
import {
  checkNotBefore,
  COMPLAINT_RECEIPT,
  litigationArticle,
  refuseLitigation,
} from './litigation-decision.factory';

/** A new litigation case as the API and the court liaison give it (the workflow fields). */
export interface LitigationFilingInput {
  readonly courtCaseNumber: string;
  readonly instance: LitigationInstance;
  readonly procedure?: Procedure;
  readonly retrialProcedure?: RetrialProcedure;
  readonly filedOn?: LegalDate;
  readonly complaintReceivedOn: LegalDate;
}

export type LitigationFilingRefusal =
  /** 400: malformed input, each problem named by its field. */
  | { readonly kind: 'invalid'; readonly errors: readonly FieldProblem[] }
  | Extract<LitigationRefusal, { readonly kind: 'rule' }>;

export type LitigationFilingDecision =
  | {
      readonly ok: true;
      readonly courtCaseNumber: CourtCaseNumber;
      readonly facts: LitigationFacts;
      readonly event: CaseEventDraft;
    }
  | { readonly ok: false; readonly refusal: LitigationFilingRefusal };

/** A case just filed: pending, nothing recorded after the complaint copy. */
export function newLitigationFacts(
  filing: Pick<
    LitigationFacts,
    'instance' | 'procedure' | 'retrialProcedure' | 'filedOn' | 'complaintReceivedOn'
  >,
): LitigationFacts {
  return {
    status: 'pending',
    ...filing,
    evidenceObstacleRemovedOn: null,
    defenseSubmittedOn: null,
    defenseLate: false,
    judgment: null,
    appeal: null,
    closedOn: null,
    judicialRecommendations: [],
  };
}

const PROCEDURES: readonly Procedure[] = ['ordinary', 'simplified'];

function malformed(input: LitigationFilingInput, today: LegalDate): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const number = parseCourtCaseNumber(input.courtCaseNumber, { latestYear: yearOf(today) });
  if (!number.ok) errors.push({ field: 'courtCaseNumber', message: number.message });
  if (!LITIGATION_INSTANCES.includes(input.instance)) {
    errors.push({
      field: 'instance',
      message: `must be one of ${LITIGATION_INSTANCES.join(', ')}`,
    });
  }
  if (input.procedure !== undefined && !PROCEDURES.includes(input.procedure)) {
    errors.push({ field: 'procedure', message: 'must be ordinary or simplified' });
  }
  if (input.retrialProcedure !== undefined) {
    if (!RETRIAL_PROCEDURES.includes(input.retrialProcedure)) {
      errors.push({
        field: 'retrialProcedure',
        message: `must be one of ${RETRIAL_PROCEDURES.join(', ')}`,
      });
    } else if (input.instance !== 'retrial') {
      errors.push({ field: 'retrialProcedure', message: 'applies to a retrial only' });
    }
  }
  for (const field of ['filedOn', 'complaintReceivedOn'] as const) {
    const value = input[field];
    if (value !== undefined && !isLegalDate(value)) {
      errors.push({ field, message: 'must be a date YYYY-MM-DD' });
    }
  }
  return errors;
}

/**
 * Checks a new litigation case and gives its initial facts (status `pending`) and the `created`
 * event. 400 for malformed input (the court case number says what is wrong with it); 422 when:
 * - the instance contradicts the case number's type code (行初 is a first instance, 行终 a
 *   second, 行再/行申 a retrial: DESIGN "Numbers");
 * - the simplified procedure is asked for other than at first instance (行政诉讼法 第八十二条:
 *   first-instance cases only, never a retrial; a remand is a first instance the module knows by
 *   its previous instance);
 * - a date is after today, or the complaint copy came before the filing (第六十七条第一款: the
 *   court sends it within 5 days of filing).
 */
export function decideLitigationFiling(
  input: LitigationFilingInput,
  today: LegalDate,
): LitigationFilingDecision {
  const errors = malformed(input, today);
  const number = parseCourtCaseNumber(input.courtCaseNumber, { latestYear: yearOf(today) });
  if (errors.length > 0 || !number.ok) {
    return { ok: false, refusal: { kind: 'invalid', errors } };
  }
  const caseNumber = number.value;
  if (caseNumber.instance !== null && caseNumber.instance !== input.instance) {
    return refuseLitigation(
      'instance_mismatch',
      'Fuyi (DESIGN, "Numbers"): the type code of the court case number gives the instance',
      `${caseNumber.canonical} is numbered ${caseNumber.typeCode}, a ${caseNumber.instance} ` +
        `instance, not ${input.instance}`,
    );
  }
  const procedure = input.procedure ?? 'ordinary';
  if (procedure === 'simplified' && input.instance !== 'first') {
    return refuseLitigation(
      'simplified_procedure_not_allowed',
      litigationArticle('第八十二条'),
      `the simplified procedure is for first-instance cases only, not a ${input.instance} ` +
        'instance',
    );
  }
  const filedOn = input.filedOn ?? null;
  for (const [what, on] of [
    ['the filing', filedOn],
    [COMPLAINT_RECEIPT, input.complaintReceivedOn],
  ] as const) {
    if (on !== null && compareLegalDates(on, today) > 0) {
      return refuseLitigation(
        'date_in_future',
        litigationArticle('第六十七条第一款'),
        `${what} on ${on} is after today (${today}): a legal date records what has already ` +
          'happened',
      );
    }
  }
  const order = checkNotBefore(
    litigationArticle('第六十七条第一款'),
    [COMPLAINT_RECEIPT, input.complaintReceivedOn],
    ['the filing', filedOn],
  );
  if (order !== null) return order;

  const facts = newLitigationFacts({
    instance: input.instance,
    procedure,
    retrialProcedure: input.retrialProcedure ?? null,
    filedOn,
    complaintReceivedOn: input.complaintReceivedOn,
  });
  return {
    ok: true,
    courtCaseNumber: caseNumber,
    facts,
    event: {
      type: 'created',
      occurredOn: input.complaintReceivedOn,
      payload: {
        courtCaseNumber: caseNumber.canonical,
        instance: input.instance,
        procedure,
        filedOn,
        complaintReceivedOn: input.complaintReceivedOn,
      },
    },
  };
}
