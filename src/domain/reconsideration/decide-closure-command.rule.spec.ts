import { d, decide, factsIn, headContext, refusal, underReview } from './case-facts.fixture';
import { NOT_CONCLUDED } from './decide-closure-command.rule';
import type { CaseCommand, CaseCommandOf, CaseFacts } from './reconsideration-case.types';

const conclude = (overrides: Partial<CaseCommandOf<'conclude'>> = {}): CaseCommand => ({
  type: 'conclude',
  concludedOn: d('2024-11-20'),
  outcome: 'uphold',
  decisionNumber: '乐府复决〔2024〕12号',
  ...overrides,
});

describe('conclude', () => {
  it('concludes in time with a decision number', () => {
    expect(decide(underReview(), conclude())).toEqual({
      ok: true,
      changes: {
        status: 'concluded',
        concludedOn: '2024-11-20',
        outcome: 'uphold',
        terminationReason: null,
        decisionNumber: '乐府复决〔2024〕12号',
        concludedLate: false,
        lateReason: null,
        decisionDueOn: '2024-12-09',
      },
      event: {
        type: 'concluded',
        occurredOn: '2024-11-20',
        payload: {
          concludedOn: '2024-11-20',
          outcome: 'uphold',
          terminationReason: null,
          decisionNumber: '乐府复决〔2024〕12号',
          decisionDueOn: '2024-12-09',
          late: false,
          lateReason: null,
          suspensionEndedOn: null,
          previousStatus: 'under_review',
        },
      },
    });
  });

  it('refuses a decision unheard in ordinary procedure with 422 opinions_not_heard (第四十九条)', () => {
    expect(decide(underReview({ opinionHeardOn: null }), conclude())).toMatchObject(
      refusal('opinions_not_heard', '行政复议法 第四十九条'),
    );
  });

  it.each<[string, Partial<CaseFacts>, Partial<CaseCommandOf<'conclude'>>]>([
    [
      'a written review with its reason',
      { opinionHeardOn: null, writtenReviewReason: 'unreachable' },
      {},
    ],
    [
      'the simplified procedure',
      { opinionHeardOn: null, procedure: 'simplified' },
      { concludedOn: d('2024-11-05') },
    ],
    [
      'a dismissal of the application',
      { opinionHeardOn: null },
      { outcome: 'dismiss_application' },
    ],
    ['a mediation', { opinionHeardOn: null }, { outcome: 'mediation' }],
  ])('concludes without hearing opinions after %s', (_what, facts, command) => {
    expect(decide(underReview(facts), conclude(command)).ok).toBe(true);
  });

  it('refuses a major case with no hearing with 422 hearing_required (第五十条)', () => {
    expect(decide(underReview({ major: true }), conclude())).toMatchObject(
      refusal('hearing_required', '行政复议法 第五十条'),
    );
    expect(decide(underReview({ major: true, hearingHeld: true }), conclude()).ok).toBe(true);
  });

  it('refuses a termination without ground with 422 termination_reason_required (第四十一条)', () => {
    expect(decide(underReview(), conclude({ outcome: 'terminated' }))).toMatchObject(
      refusal('termination_reason_required', '行政复议法 第四十一条'),
    );
    expect(
      decide(underReview(), conclude({ outcome: 'terminated', terminationReason: 'withdrawn' })),
    ).toMatchObject({ ok: true, changes: { terminationReason: 'withdrawn' } });
  });

  it('refuses a termination ground on another outcome with 422 termination_reason_not_allowed', () => {
    expect(decide(underReview(), conclude({ terminationReason: 'withdrawn' }))).toMatchObject(
      refusal('termination_reason_not_allowed'),
    );
  });

  it('requires a reason to conclude after the deadline (第六十二条) and records it late', () => {
    expect(decide(underReview(), conclude({ concludedOn: d('2024-12-10') }))).toMatchObject(
      refusal('late_reason_required', '行政复议法 第六十二条'),
    );
    expect(decide(underReview(), conclude({ concludedOn: d('2024-12-09') }))).toMatchObject({
      ok: true,
      changes: { concludedLate: false },
    });
    expect(
      decide(
        underReview(),
        conclude({ concludedOn: d('2024-12-10'), lateReason: 'expert report' }),
      ),
    ).toMatchObject({
      ok: true,
      changes: { concludedLate: true, lateReason: 'expert report' },
      event: { payload: { late: true } },
    });
  });

  it.each<[string, Partial<CaseFacts>, string]>([
    ['before acceptance', {}, '2024-10-07'],
    [
      'before the last resumption',
      {
        suspensions: [
          { suspendedOn: d('2024-10-20'), resumedOn: d('2024-11-25'), ground: 'force_majeure' },
        ],
      },
      '2024-11-20',
    ],
    ['before the opinions were heard', { opinionHeardOn: d('2024-11-21') }, '2024-11-20'],
  ])('refuses a conclusion %s with 422 dates_out_of_order', (_what, facts, on) => {
    expect(decide(underReview(facts), conclude({ concludedOn: d(on) }))).toMatchObject(
      refusal('dates_out_of_order'),
    );
  });

  describe('while suspended', () => {
    it('refuses a decision with 422 suspended_terminate_only', () => {
      expect(decide(factsIn('suspended'), conclude())).toMatchObject(
        refusal('suspended_terminate_only'),
      );
    });

    it('terminates, closing the suspension on the conclusion date', () => {
      expect(
        decide(
          factsIn('suspended'),
          conclude({ outcome: 'terminated', terminationReason: 'withdrawn' }),
        ),
      ).toMatchObject({
        ok: true,
        changes: {
          status: 'concluded',
          suspendedOn: null,
          suspensionGround: null,
          suspensions: [
            { suspendedOn: '2024-10-20', resumedOn: '2024-11-20', ground: 'awaiting_other_case' },
          ],
          // 12-07 + 31 suspended days = 2025-01-07.
          decisionDueOn: '2025-01-07',
          concludedLate: false,
        },
      });
    });

    it('terminates for an unresolved suspension only after 60 days (第四十一条第五项)', () => {
      const died = factsIn('suspended', { suspensionGround: 'applicant_died' });
      const unresolved = (on: string) =>
        conclude({
          outcome: 'terminated',
          terminationReason: 'suspension_unresolved',
          concludedOn: d(on),
        });
      expect(decide(died, unresolved('2024-12-19'))).toMatchObject(
        refusal('suspension_termination_not_due', '行政复议法 第四十一条第五项'),
      );
      expect(decide(died, unresolved('2024-12-20')).ok).toBe(true);
      expect(decide(factsIn('suspended'), unresolved('2024-12-20'))).toMatchObject(
        refusal('termination_ground_not_met', '行政复议法 第四十一条第五项'),
      );
    });
  });
});

describe('serve and archive', () => {
  it('serves and tells when the window to sue ends (行政诉讼法 第四十五条)', () => {
    // 11-25 + 15 = 12-10.
    expect(decide(factsIn('concluded'), { type: 'serve', servedOn: d('2024-11-25') })).toEqual({
      ok: true,
      changes: { status: 'served', servedOn: '2024-11-25' },
      event: {
        type: 'served',
        occurredOn: '2024-11-25',
        payload: { servedOn: '2024-11-25', litigationWindowEndsOn: '2024-12-10' },
      },
    });
  });

  it('refuses a service before the conclusion with 422 dates_out_of_order', () => {
    expect(
      decide(factsIn('concluded'), { type: 'serve', servedOn: d('2024-11-19') }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });

  it('archives after service', () => {
    expect(
      decide(factsIn('served'), { type: 'archive', archivedOn: d('2024-11-25') }),
    ).toMatchObject({ ok: true, changes: { status: 'archived', archivedOn: '2024-11-25' } });
    expect(
      decide(factsIn('served'), { type: 'archive', archivedOn: d('2024-11-24') }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });
});

describe('reopen', () => {
  it('sends a conclusion back to review, keeping the previous outcome in the event', () => {
    expect(
      decide(
        factsIn('concluded'),
        { type: 'reopen', reason: 'recorded on the wrong case' },
        headContext({ today: d('2024-11-22') }),
      ),
    ).toEqual({
      ok: true,
      changes: { status: 'under_review', ...NOT_CONCLUDED, decisionDueOn: '2024-12-09' },
      event: {
        type: 'reopened',
        occurredOn: '2024-11-22',
        payload: {
          reason: 'recorded on the wrong case',
          previousOutcome: 'uphold',
          previousConcludedOn: '2024-11-20',
          previousTerminationReason: null,
          previousDecisionNumber: '乐府复决〔2024〕12号',
          previousConcludedLate: false,
          previousLateReason: null,
          decisionDueOn: '2024-12-09',
          previousStatus: 'concluded',
        },
      },
    });
  });

  it('refuses a reopening by a clerk with 403 reopen_head_only', () => {
    expect(decide(factsIn('concluded'), { type: 'reopen', reason: 'x' })).toMatchObject(
      refusal('reopen_head_only', undefined, 403),
    );
  });

  it('refuses a reopening without reason with 422 reopen_reason_required', () => {
    expect(
      decide(factsIn('concluded'), { type: 'reopen', reason: '' }, headContext()),
    ).toMatchObject(refusal('reopen_reason_required'));
  });
});
