import { LegalCalendar } from '../calendar/legal-calendar.model';
import { parseLegalDate } from '../calendar/legal-date.value';
import type { LegalDate } from '../calendar/legal-date.value';
import { TEST_CALENDAR_DATA } from '../calendar/test-calendar.fixture';
import { newLitigationFacts } from './decide-litigation-filing.rule';
import type {
  JudgmentFacts,
  LitigationCommand,
  LitigationCommandType,
  LitigationDecisionContext,
  LitigationFacts,
  LitigationStatus,
} from './litigation-case.types';

/*
 * Test data for the litigation state machine: a first-instance case filed on Wed 2024-09-18,
 * the complaint copy received on Fri 2024-09-20 (its 15 days end on 10-05, inside National Day,
 * so the defence is due on Tue 2024-10-08), carried to each status with consistent facts.
 */

export const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);
export const d = (text: string): LegalDate => parseLegalDate(text);

export function litigationContext(
  overrides: Partial<LitigationDecisionContext> = {},
): LitigationDecisionContext {
  return { today: d('2025-06-30'), calendar, ...overrides };
}

export function baseLitigationFacts(overrides: Partial<LitigationFacts> = {}): LitigationFacts {
  return {
    ...newLitigationFacts({
      instance: 'first',
      procedure: 'ordinary',
      retrialProcedure: null,
      filedOn: d('2024-09-18'),
      complaintReceivedOn: d('2024-09-20'),
    }),
    ...overrides,
  };
}

/** A first-instance judgment dismissing the claims, served on Thu 2024-12-12 (window to 12-27). */
export function sampleJudgment(overrides: Partial<JudgmentFacts> = {}): JudgmentFacts {
  return {
    decidedOn: d('2024-12-10'),
    kind: 'judgment',
    disposition: 'dismissed_claims',
    partial: false,
    servedOn: d('2024-12-12'),
    result: 'win',
    ...overrides,
  };
}

/** The sample case in `status`, with the facts that status implies. */
export function litigationFactsIn(
  status: LitigationStatus,
  overrides: Partial<LitigationFacts> = {},
): LitigationFacts {
  const defended = { defenseSubmittedOn: d('2024-09-30') };
  const judged = { ...defended, judgment: sampleJudgment() };
  const appealed = {
    ...judged,
    appeal: { appealedOn: d('2024-12-20'), by: 'plaintiff' as const },
  };
  const byStatus: Record<LitigationStatus, Partial<LitigationFacts>> = {
    pending: {},
    defended,
    judged,
    appealed,
    closed: { ...appealed, closedOn: d('2025-03-03') },
  };
  return baseLitigationFacts({ ...byStatus[status], status, ...overrides });
}

/** A command the sample case in `status` can take when the table allows it. */
export function sampleLitigationCommand(type: LitigationCommandType): LitigationCommand {
  switch (type) {
    case 'submit_defense':
      return { type, submittedOn: d('2024-09-30') };
    case 'record_judgment':
      return {
        type,
        decidedOn: d('2024-12-10'),
        kind: 'judgment',
        disposition: 'revoked',
        servedOn: d('2024-12-12'),
      };
    case 'record_service':
      return { type, servedOn: d('2024-12-12') };
    case 'appeal':
      return { type, appealedOn: d('2024-12-20'), by: 'agency' };
    case 'close':
      return { type, closedOn: d('2025-03-03') };
    case 'record_judicial_recommendation':
      return { type, receivedOn: d('2025-03-10'), summary: '建议加强行政执法程序规范' };
  }
}

/** The transition table as the tests expect it, written out independently of the rule. */
export const EXPECTED_LITIGATION_TABLE: Record<LitigationStatus, LitigationCommandType[]> = {
  pending: ['submit_defense', 'record_judgment', 'record_judicial_recommendation'],
  defended: ['record_judgment', 'record_judicial_recommendation'],
  judged: ['record_service', 'appeal', 'close', 'record_judicial_recommendation'],
  appealed: ['record_service', 'close', 'record_judicial_recommendation'],
  closed: ['record_judicial_recommendation'],
};
