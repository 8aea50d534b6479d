import { computeDeadline } from '../deadlines/compute-deadline.rule';
import { DEADLINE_KINDS } from '../deadlines/deadline-definition.type';
import { calendar, d, factsIn } from './case-facts.fixture';
import { planDeadlines } from './plan-deadlines.rule';
import { CASE_STATUSES } from './reconsideration-case.types';
import type { CaseFacts } from './reconsideration-case.types';

const summary = (facts: CaseFacts) => {
  const plan = planDeadlines(facts);
  return {
    open: plan.open.map((input) => `${input.kind}@${input.triggerOn}`).sort(),
    met: plan.met.map((entry) => `${entry.kind}@${entry.on}`).sort(),
    cancelled: [...plan.cancelled].sort(),
  };
};

describe('planDeadlines', () => {
  it('received: the acceptance review and the correction notice run from receipt', () => {
    expect(summary(factsIn('received'))).toEqual({
      open: ['acceptance_review@2024-09-27', 'correction_notice@2024-09-27'],
      met: [],
      cancelled: [],
    });
  });

  it('received again after correction: the review restarts from the materials', () => {
    const facts = factsIn('received', {
      correctionNoticeOn: d('2024-09-30'),
      correctionNoticeServedOn: d('2024-10-08'),
      correctionReceivedOn: d('2024-10-09'),
      reviewStartOn: d('2024-10-09'),
    });
    expect(summary(facts)).toEqual({
      open: ['acceptance_review@2024-10-09'],
      met: ['correction_notice@2024-09-30', 'correction_reply@2024-10-09'],
      cancelled: [],
    });
    expect(planDeadlines(facts).open[0]).toMatchObject({
      triggerEvent: 'corrected_materials_received',
    });
  });

  it('correction_requested: the reply runs from the service (or the notice), the review is cancelled', () => {
    expect(summary(factsIn('correction_requested'))).toEqual({
      open: ['correction_reply@2024-09-30'],
      met: ['correction_notice@2024-09-30'],
      cancelled: ['acceptance_review'],
    });
    expect(
      summary(factsIn('correction_requested', { correctionNoticeServedOn: d('2024-10-08') })).open,
    ).toEqual(['correction_reply@2024-10-08']);
  });

  it('under_review: copy met, reply and decision open', () => {
    expect(summary(factsIn('under_review'))).toEqual({
      open: ['decision@2024-10-08', 'respondent_reply@2024-10-12'],
      met: ['acceptance_review@2024-10-08', 'copy_to_respondent@2024-10-10'],
      cancelled: ['correction_notice'],
    });
  });

  it('under_review before the copy: the copy deadline is open, by procedure', () => {
    const plan = planDeadlines(
      factsIn('under_review', {
        copySentOn: null,
        respondentReceivedOn: null,
        procedure: 'simplified',
      }),
    );
    expect(plan.open).toEqual([
      { kind: 'copy_to_respondent', procedure: 'simplified', triggerOn: '2024-10-08' },
      {
        kind: 'decision',
        procedure: 'simplified',
        triggerOn: '2024-10-08',
        ledger: { suspensions: [], extensions: [] },
      },
    ]);
  });

  it('suspended: the decision is paused; grounds (一)(二)(四) start the 60 days', () => {
    const facts = factsIn('suspended', { suspensionGround: 'applicant_incapacitated' });
    expect(summary(facts).open).toEqual([
      'decision@2024-10-08',
      'respondent_reply@2024-10-12',
      'suspension_termination@2024-10-20',
    ]);
    const decision = planDeadlines(facts).open.find((input) => input.kind === 'decision');
    expect(decision && computeDeadline(calendar, decision)).toMatchObject({
      paused: true,
      pausedOn: '2024-10-20',
    });
    expect(summary(factsIn('suspended')).open).not.toContain('suspension_termination@2024-10-20');
  });

  it('after a resumption the 60 days are cancelled and the decision counts the suspension and extension', () => {
    const facts = factsIn('under_review', {
      suspensions: [
        { suspendedOn: d('2024-10-20'), resumedOn: d('2024-11-15'), ground: 'applicant_died' },
      ],
      extension: { approvedOn: d('2024-12-20'), days: 10, reason: 'complex', approvedBy: 'h' },
    });
    const plan = planDeadlines(facts);
    expect(plan.cancelled).toContain('suspension_termination');
    const decision = plan.open.find((input) => input.kind === 'decision');
    // 12-07 + 26 + 10 = 2025-01-12 (Sunday) → 01-13.
    expect(decision && computeDeadline(calendar, decision).dueOn).toBe('2025-01-13');
  });

  it('concluded: the decision is met; unsent copy and reply are cancelled', () => {
    expect(summary(factsIn('concluded'))).toEqual({
      open: [],
      met: [
        'acceptance_review@2024-10-08',
        'copy_to_respondent@2024-10-10',
        'decision@2024-11-20',
        'respondent_reply@2024-10-20',
      ],
      cancelled: ['correction_notice'],
    });
    expect(
      summary(
        factsIn('concluded', {
          copySentOn: null,
          respondentReceivedOn: null,
          replyReceivedOn: null,
        }),
      ).cancelled,
    ).toEqual(['copy_to_respondent', 'correction_notice', 'respondent_reply']);
  });

  it.each(['served', 'archived'] as const)('%s: the window to sue runs from service', (status) => {
    expect(summary(factsIn(status)).open).toEqual(['litigation_window@2024-11-25']);
  });

  it('rejected: the review is met on the rejection', () => {
    expect(summary(factsIn('rejected'))).toEqual({
      open: [],
      met: ['acceptance_review@2024-10-08'],
      cancelled: ['correction_notice'],
    });
  });

  it('rejected while a correction was pending: review and reply cancelled', () => {
    expect(
      summary(factsIn('rejected', { correctionNoticeOn: d('2024-09-30'), correctionItems: ['x'] })),
    ).toEqual({
      open: [],
      met: ['correction_notice@2024-09-30'],
      cancelled: ['acceptance_review', 'correction_reply'],
    });
  });

  it('abandoned: the reply period lapsed and is cancelled', () => {
    expect(summary(factsIn('abandoned'))).toEqual({
      open: [],
      met: ['correction_notice@2024-09-30'],
      cancelled: ['acceptance_review', 'correction_reply'],
    });
  });

  it.each(CASE_STATUSES)(
    '%s: catalogue kinds only, each in at most one list, all computable',
    (status) => {
      const plan = planDeadlines(factsIn(status));
      const kinds = [
        ...plan.open.map((input) => input.kind),
        ...plan.met.map((entry) => entry.kind),
        ...plan.cancelled,
      ];
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const kind of kinds) expect(DEADLINE_KINDS).toContain(kind);
      for (const input of plan.open) expect(() => computeDeadline(calendar, input)).not.toThrow();
    },
  );
});
