import fc from 'fast-check';
import { context, factsIn } from './case-facts.fixture';
import { decideCaseCommand } from './decide-case-command.rule';
import { legalDatesBetween } from './legal-date.arbitrary.fixture';
import {
  CASE_STATUSES,
  OPINION_HEARING_METHODS,
  OUTCOMES,
  SUSPENSION_GROUNDS,
  TERMINATION_REASONS,
} from './reconsideration-case.types';
import type { CaseCommand } from './reconsideration-case.types';

const date = legalDatesBetween('2023-06-01', '2025-12-31');
const text = fc.oneof(fc.constant(''), fc.constant(' '), fc.string({ maxLength: 12 }));

const command: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.record({ type: fc.constant('assign' as const), handlerId: text }),
  fc.record({
    type: fc.constant('request_correction' as const),
    noticeOn: date,
    items: fc.array(text, { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('record_correction_notice_served' as const), servedOn: date }),
  fc.record(
    {
      type: fc.constant('receive_correction' as const),
      receivedOn: date,
      postmarkedOn: date,
    },
    { requiredKeys: ['type', 'receivedOn'] },
  ),
  fc.record(
    {
      type: fc.constant('accept' as const),
      acceptedOn: date,
      procedure: fc.constantFrom('ordinary' as const, 'simplified' as const),
    },
    { requiredKeys: ['type', 'acceptedOn'] },
  ),
  fc.record({ type: fc.constant('reject' as const), rejectedOn: date, reason: text }),
  fc.record(
    { type: fc.constant('send_copy' as const), sentOn: date, respondentReceivedOn: date },
    { requiredKeys: ['type', 'sentOn'] },
  ),
  fc.record(
    { type: fc.constant('record_reply' as const), receivedOn: date, postmarkedOn: date },
    { requiredKeys: ['type', 'receivedOn'] },
  ),
  fc.record({
    type: fc.constant('extend_correction_period' as const),
    approvedOn: date,
    days: fc.integer({ min: -5, max: 45 }),
    reason: text,
  }),
  fc.record({
    type: fc.constant('record_opinion_heard' as const),
    heardOn: date,
    how: fc.constantFrom(...OPINION_HEARING_METHODS),
  }),
  fc.record({ type: fc.constant('record_written_review' as const), reason: text }),
  fc.record({
    type: fc.constant('suspend' as const),
    suspendedOn: date,
    ground: fc.constantFrom(...SUSPENSION_GROUNDS),
  }),
  fc.record({ type: fc.constant('resume' as const), resumedOn: date }),
  fc.record({
    type: fc.constant('extend' as const),
    approvedOn: date,
    days: fc.integer({ min: -5, max: 45 }),
    reason: text,
  }),
  fc.record({ type: fc.constant('switch_procedure' as const), approvedOn: date }),
  fc.record(
    {
      type: fc.constant('conclude' as const),
      concludedOn: date,
      outcome: fc.constantFrom(...OUTCOMES),
      terminationReason: fc.constantFrom(...TERMINATION_REASONS),
      decisionNumber: text,
      lateReason: text,
    },
    { requiredKeys: ['type', 'concludedOn', 'outcome'] },
  ),
  fc.record({ type: fc.constant('serve' as const), servedOn: date }),
  fc.record({ type: fc.constant('archive' as const), archivedOn: date }),
  fc.record({ type: fc.constant('reopen' as const), reason: text }),
  fc.constant({ type: 'deem_accept' as const }),
  fc.constant({ type: 'deem_abandon' as const }),
);

describe('decideCaseCommand properties', () => {
  it('never throws: ok with a known status and one event, or a refusal', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATUSES),
        command,
        date,
        fc.subarray(['head', 'clerk']),
        fc
          .record({
            procedure: fc.constantFrom('ordinary' as const, 'simplified' as const),
            major: fc.boolean(),
            hearingHeld: fc.boolean(),
            remedyRightsNotTold: fc.boolean(),
            channel: fc.constantFrom('in_person' as const, 'mail' as const),
            postmarkedOn: fc.option(date, { nil: null }),
            correctionNoticeServedOn: fc.option(date, { nil: null }),
            remedyRightsLearnedOn: fc.option(date, { nil: null }),
            limitationObstacle: fc.option(
              fc.record({ startedOn: date, endedOn: date, reason: text }),
              { nil: null },
            ),
            correctionExtensions: fc.array(
              fc.record({
                approvedOn: date,
                days: fc.integer({ min: 1, max: 30 }),
                reason: text,
                approvedBy: fc.constant(null),
              }),
              { maxLength: 2 },
            ),
          })
          // Facts as the machine records them: extensions only once served, and not before.
          .map((facts) => {
            const servedOn = facts.correctionNoticeServedOn;
            return {
              ...facts,
              correctionExtensions:
                servedOn === null
                  ? []
                  : facts.correctionExtensions.map((extension) =>
                      extension.approvedOn < servedOn
                        ? { ...extension, approvedOn: servedOn }
                        : extension,
                    ),
            };
          }),
        (status, cmd, today, roles, overrides) => {
          const decision = decideCaseCommand(
            factsIn(status, overrides),
            cmd,
            context({ today, actorRoles: roles }),
          );
          if (decision.ok) {
            expect(CASE_STATUSES).toContain(decision.changes.status);
            expect(decision.event.type).toMatch(/^[a-z]+(_[a-z]+)*$/);
          } else if (decision.refusal.kind === 'rule') {
            expect([403, 422]).toContain(decision.refusal.httpStatus);
            expect(decision.refusal.rule).toMatch(/^[a-z]+(_[a-z]+)*$/);
            expect(decision.refusal.basis).not.toBe('');
            expect(decision.refusal.detail).not.toBe('');
          } else {
            expect(decision.refusal.status).toBe(status);
            expect(decision.refusal.allowed).not.toContain(cmd.type);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
