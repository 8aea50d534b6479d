import { decideCaseCommand } from './decide-case-command.rule';
import { NOT_CONCLUDED } from './decide-closure-command.rule';
import { LegalCalendar } from '../calendar/legal-calendar.model';
import { parseLegalDate } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { TEST_CALENDAR_DATA } from '../calendar/test-calendar.fixture';
import type {
  CaseCommand,
  CaseCommandType,
  CaseFacts,
  CaseStatus,
  Decision,
  DecisionContext,
} from './reconsideration-case.types';

/*
 * Test data for the reconsideration state machine: a case received on Friday 2024-09-27, just
 * before National Day (its 5-working-day review ends on 2024-10-10), and the same case carried
 * to each status with consistent facts.
 */

export const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);
export const d = (text: string): LegalDate => parseLegalDate(text);

export function context(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return {
    today: d('2025-06-30'),
    calendar,
    actorRoles: ['clerk'],
    actorId: 'user-clerk',
    ...overrides,
  };
}

export const headContext = (overrides: Partial<DecisionContext> = {}): DecisionContext =>
  context({ actorRoles: ['head'], actorId: 'user-head', ...overrides });

/** Decides a command in the given context (a clerk's by default). */
export const decide = (
  facts: CaseFacts,
  command: CaseCommand,
  ctx: DecisionContext = context(),
): Decision => decideCaseCommand(facts, command, ctx);

/** Decides a command as the office's head. */
export const decideAsHead = (facts: CaseFacts, command: CaseCommand): Decision =>
  decide(facts, command, headContext());

/** What a refusal by a rule of time or law looks like, for `toMatchObject`. */
export const refusal = (rule: string, basis?: string, httpStatus = 422) => ({
  ok: false,
  refusal: { kind: 'rule', httpStatus, rule, ...(basis === undefined ? {} : { basis }) },
});

/** A case just received: in person on 2024-09-27, the act known on 2024-09-10. */
export function baseFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status: 'received',
    procedure: 'ordinary',
    major: false,
    channel: 'in_person',
    knownOn: d('2024-09-10'),
    receivedOn: d('2024-09-27'),
    postmarkedOn: null,
    actOn: d('2024-09-05'),
    realEstate: false,
    remedyRightsNotTold: false,
    remedyRightsLearnedOn: null,
    limitationObstacle: null,
    handlerId: null,
    reviewStartOn: d('2024-09-27'),
    correctionNoticeOn: null,
    correctionItems: [],
    correctionNoticeServedOn: null,
    correctionReceivedOn: null,
    correctionPostmarkedOn: null,
    correctionExtensions: [],
    acceptedOn: null,
    acceptedHow: null,
    rejectedOn: null,
    abandonedOn: null,
    copySentOn: null,
    respondentReceivedOn: null,
    replyReceivedOn: null,
    replyPostmarkedOn: null,
    opinionHeardOn: null,
    writtenReviewReason: null,
    hearingHeld: false,
    suspendedOn: null,
    suspensionGround: null,
    suspensions: [],
    extension: null,
    decisionDueOn: null,
    ...NOT_CONCLUDED,
    servedOn: null,
    archivedOn: null,
    ...overrides,
  };
}

/** Accepted on 2024-10-08 (decision due 2024-12-07, a Saturday → 2024-12-09), copy sent, heard. */
export const UNDER_REVIEW: Partial<CaseFacts> = {
  status: 'under_review',
  handlerId: 'user-clerk',
  acceptedOn: d('2024-10-08'),
  acceptedHow: 'decided',
  copySentOn: d('2024-10-10'),
  respondentReceivedOn: d('2024-10-12'),
  opinionHeardOn: d('2024-11-01'),
  decisionDueOn: d('2024-12-09'),
};

/** The same case carried to `status` with consistent facts. */
export function factsIn(status: CaseStatus, overrides: Partial<CaseFacts> = {}): CaseFacts {
  const byStatus: Record<CaseStatus, Partial<CaseFacts>> = {
    received: {},
    // Served 10-08: 10 working days end on 10-21 (Saturday 10-12 is a working day).
    correction_requested: {
      status: 'correction_requested',
      correctionNoticeOn: d('2024-09-30'),
      correctionItems: ['the contested decision document'],
      correctionNoticeServedOn: d('2024-10-08'),
    },
    under_review: UNDER_REVIEW,
    suspended: {
      ...UNDER_REVIEW,
      status: 'suspended',
      suspendedOn: d('2024-10-20'),
      suspensionGround: 'awaiting_other_case',
      decisionDueOn: null,
    },
    concluded: {
      ...UNDER_REVIEW,
      status: 'concluded',
      replyReceivedOn: d('2024-10-20'),
      concludedOn: d('2024-11-20'),
      outcome: 'uphold',
      decisionNumber: '乐府复决〔2024〕12号',
    },
    served: {
      ...UNDER_REVIEW,
      status: 'served',
      concludedOn: d('2024-11-20'),
      outcome: 'uphold',
      servedOn: d('2024-11-25'),
    },
    archived: {
      ...UNDER_REVIEW,
      status: 'archived',
      concludedOn: d('2024-11-20'),
      outcome: 'uphold',
      servedOn: d('2024-11-25'),
      archivedOn: d('2024-12-01'),
    },
    rejected: { status: 'rejected', rejectedOn: d('2024-10-08') },
    abandoned: {
      status: 'abandoned',
      correctionNoticeOn: d('2024-09-30'),
      correctionItems: ['the contested decision document'],
      correctionNoticeServedOn: d('2024-10-08'),
      abandonedOn: d('2024-10-22'),
    },
  };
  return baseFacts({ ...byStatus[status], ...overrides });
}

/** A command of each type that the rules accept for `factsIn(status)` when the table allows it. */
export function sampleCommand(type: CaseCommandType, status: CaseStatus): CaseCommand {
  switch (type) {
    case 'assign':
      return { type, handlerId: 'user-clerk-2' };
    case 'request_correction':
      return { type, noticeOn: d('2024-09-30'), items: ['the signature page'] };
    case 'record_correction_notice_served':
      return { type, servedOn: d('2024-10-08') };
    case 'receive_correction':
      // On an abandoned case: posted on the period's last day, arriving after the abandonment.
      return status === 'abandoned'
        ? { type, receivedOn: d('2024-10-24'), postmarkedOn: d('2024-10-21') }
        : { type, receivedOn: d('2024-10-10') };
    case 'extend_correction_period':
      return {
        type,
        approvedOn: d('2024-10-15'),
        days: 10,
        reason: 'the applicant is in hospital',
      };
    case 'accept':
      return { type, acceptedOn: d('2024-10-08') };
    case 'reject':
      return { type, rejectedOn: d('2024-10-08'), reason: 'not within the scope of review' };
    case 'send_copy':
      return { type, sentOn: d('2024-10-10'), respondentReceivedOn: d('2024-10-12') };
    case 'record_reply':
      return { type, receivedOn: d('2024-10-21') };
    case 'record_opinion_heard':
      return { type, heardOn: d('2024-11-01'), how: 'phone' };
    case 'record_written_review':
      return { type, reason: 'the applicant could not be reached' };
    case 'suspend':
      return { type, suspendedOn: d('2024-11-05'), ground: 'awaiting_other_case' };
    case 'resume':
      return { type, resumedOn: d('2024-11-15') };
    case 'extend':
      return { type, approvedOn: d('2024-11-20'), days: 30, reason: 'complex evidence' };
    case 'switch_procedure':
      return { type, approvedOn: d('2024-10-15') };
    case 'conclude':
      return status === 'suspended'
        ? {
            type,
            concludedOn: d('2024-11-20'),
            outcome: 'terminated',
            terminationReason: 'withdrawn',
          }
        : {
            type,
            concludedOn: d('2024-11-20'),
            outcome: 'uphold',
            decisionNumber: '乐府复决〔2024〕12号',
          };
    case 'serve':
      return { type, servedOn: d('2024-11-25') };
    case 'archive':
      return { type, archivedOn: d('2024-12-01') };
    case 'reopen':
      return { type, reason: 'the outcome was recorded on the wrong case' };
    case 'deem_accept':
      return { type };
    case 'deem_abandon':
      return { type };
  }
}

/**
 * The lifecycle of DESIGN.md, written out independently of the implementation: each line a
 * status and the commands it allows.
 */
export const EXPECTED_TABLE = Object.fromEntries(
  `received: assign request_correction accept reject deem_accept
   correction_requested: assign record_correction_notice_served receive_correction
     extend_correction_period reject deem_abandon
   under_review: assign send_copy record_reply record_opinion_heard record_written_review suspend
     extend switch_procedure conclude
   suspended: assign resume extend conclude
   concluded: assign serve reopen
   served: assign archive
   archived:
   rejected:
   abandoned: receive_correction`
    .split(/\s(?=[a-z_]+:)/)
    .map((line) => line.trim().split(/:\s*/))
    .map(([status, commands]) => [status, commands.split(/\s+/).filter(Boolean)]),
) as Record<CaseStatus, CaseCommandType[]>;

/** A case under review (accepted 2024-10-08), with the given facts changed. */
export function underReview(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return factsIn('under_review', overrides);
}
