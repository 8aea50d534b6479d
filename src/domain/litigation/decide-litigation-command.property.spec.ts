import fc from 'fast-check';
import { compareLegalDates, type LegalDate } from '../calendar/legal-date.value';
import { legalDatesBetween } from '../reconsideration/legal-date.arbitrary.fixture';
import { decideLitigationCommand } from './decide-litigation-command.rule';
import {
  APPELLANTS,
  DISPOSITIONS,
  JUDGMENT_KINDS,
  LITIGATION_STATUSES,
} from './litigation-case.types';
import type { LitigationCommand, LitigationFacts, LitigationStatus } from './litigation-case.types';
import { baseLitigationFacts, d, litigationContext } from './litigation-facts.fixture';

const date = legalDatesBetween('2024-09-01', '2025-12-31');

const command: fc.Arbitrary<LitigationCommand> = fc.oneof(
  fc.record({ type: fc.constant('submit_defense' as const), submittedOn: date }),
  fc.record(
    {
      type: fc.constant('record_judgment' as const),
      decidedOn: date,
      kind: fc.constantFrom(...JUDGMENT_KINDS),
      disposition: fc.constantFrom(...DISPOSITIONS),
      servedOn: date,
      partial: fc.boolean(),
    },
    { requiredKeys: ['type', 'decidedOn', 'kind', 'disposition'] },
  ),
  fc.record({ type: fc.constant('record_service' as const), servedOn: date }),
  fc.record({
    type: fc.constant('appeal' as const),
    appealedOn: date,
    by: fc.constantFrom(...APPELLANTS),
  }),
  fc.record({ type: fc.constant('close' as const), closedOn: date }),
  fc.record({
    type: fc.constant('record_judicial_recommendation' as const),
    receivedOn: date,
    summary: fc.constantFrom('', '建议规范执法程序'),
  }),
);

/** The status the recorded facts imply, independently of the machine. */
function statusImpliedBy(facts: LitigationFacts): LitigationStatus {
  if (facts.closedOn !== null) return 'closed';
  if (facts.appeal !== null) return 'appealed';
  if (facts.judgment !== null) return 'judged';
  if (facts.defenseSubmittedOn !== null) return 'defended';
  return 'pending';
}

const notBefore = (later: LegalDate | null | undefined, earlier: LegalDate | null | undefined) =>
  !later || !earlier || compareLegalDates(later, earlier) >= 0;

describe('decideLitigationCommand properties', () => {
  it('keeps status and facts consistent along any sequence of accepted commands', () => {
    const reached = new Set<LitigationStatus>();
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('first' as const, 'second' as const, 'retrial' as const),
        (commands, instance) => {
          const today = d('2025-12-31');
          let facts = baseLitigationFacts({ instance });
          for (const next of commands) {
            const decision = decideLitigationCommand(facts, next, litigationContext({ today }));
            if (!decision.ok) {
              if (decision.refusal.kind === 'illegal_transition') {
                expect(decision.refusal.status).toBe(facts.status);
                expect(decision.refusal.allowed).not.toContain(next.type);
              } else {
                expect(decision.refusal.httpStatus).toBe(422);
                expect(decision.refusal.rule).toMatch(/^[a-z]+(_[a-z]+)*$/);
                expect(decision.refusal.basis).not.toBe('');
              }
              continue;
            }
            expect(decision.event.type).toMatch(/^[a-z]+(_[a-z]+)*$/);
            facts = { ...facts, ...decision.changes };
            expect(LITIGATION_STATUSES).toContain(facts.status);
            expect(facts.status).toBe(statusImpliedBy(facts));
            reached.add(facts.status);

            const { judgment, appeal } = facts;
            expect(notBefore(facts.defenseSubmittedOn, facts.complaintReceivedOn)).toBe(true);
            expect(notBefore(judgment?.decidedOn, facts.complaintReceivedOn)).toBe(true);
            expect(notBefore(judgment?.servedOn, judgment?.decidedOn)).toBe(true);
            expect(notBefore(appeal?.appealedOn, judgment?.decidedOn)).toBe(true);
            expect(notBefore(facts.closedOn, appeal?.appealedOn ?? judgment?.decidedOn)).toBe(true);
            if (appeal !== null) expect(judgment?.kind).not.toBe('mediation');
            if (appeal !== null) expect(instance).not.toBe('second');
          }
        },
      ),
      { numRuns: 500 },
    );
    // The sequences do reach every status (the property is not vacuous).
    expect([...reached].sort()).toEqual([...LITIGATION_STATUSES].sort());
  });
});
