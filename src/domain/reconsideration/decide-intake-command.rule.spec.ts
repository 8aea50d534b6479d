import { baseFacts, context, d, factsIn, refusal } from './case-facts.fixture';
import { decideCaseCommand } from './decide-case-command.rule';
import type { CaseCommand, CaseFacts, Decision } from './reconsideration-case.types';

const decide = (facts: CaseFacts, command: CaseCommand, today = '2025-06-30'): Decision =>
  decideCaseCommand(facts, command, context({ today: d(today) }));

describe('accept (第三十条, 第二十条, 第二十一条)', () => {
  it('accepts on the last day of the review over National Day and sets the decision deadline', () => {
    expect(decide(baseFacts(), { type: 'accept', acceptedOn: d('2024-10-10') })).toMatchObject({
      ok: true,
      changes: {
        status: 'under_review',
        acceptedOn: '2024-10-10',
        acceptedHow: 'decided',
        procedure: 'ordinary',
        // 10-10 + 60 = 12-09 (Monday).
        decisionDueOn: '2024-12-09',
      },
      event: {
        type: 'accepted',
        occurredOn: '2024-10-10',
        payload: { reviewDueOn: '2024-10-10', filedOn: '2024-09-27', previousStatus: 'received' },
      },
    });
  });

  it('refuses an acceptance after the review with 422 acceptance_review_passed', () => {
    const decision = decide(baseFacts(), { type: 'accept', acceptedOn: d('2024-10-11') });
    expect(decision).toMatchObject(
      refusal('acceptance_review_passed', '行政复议法 第三十条第三款'),
    );
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain('deemed accepted');
      expect(decision.refusal.detail).toContain('2024-10-10');
    }
  });

  it('counts the review from the corrected materials (第三十一条第三款)', () => {
    const corrected = baseFacts({
      correctionNoticeOn: d('2024-09-30'),
      correctionReceivedOn: d('2024-10-09'),
      reviewStartOn: d('2024-10-09'),
    });
    // 10-09 + 5 WD: 10-10, 10-11, Saturday 10-12 (调休), 10-14, 10-15.
    expect(decide(corrected, { type: 'accept', acceptedOn: d('2024-10-15') }).ok).toBe(true);
    expect(decide(corrected, { type: 'accept', acceptedOn: d('2024-10-16') })).toMatchObject(
      refusal('acceptance_review_passed'),
    );
    expect(decide(corrected, { type: 'accept', acceptedOn: d('2024-10-08') })).toMatchObject(
      refusal('dates_out_of_order'),
    );
  });

  it('sets the simplified procedure chosen at acceptance (第五十三条): 30 days', () => {
    expect(
      decide(baseFacts(), { type: 'accept', acceptedOn: d('2024-10-08'), procedure: 'simplified' }),
    ).toMatchObject({
      ok: true,
      changes: { procedure: 'simplified', decisionDueOn: '2024-11-07' },
    });
  });

  it('refuses a late application without an obstacle with 422 application_late', () => {
    // Known 07-01 + 60 days = 08-30; received 09-27.
    const decision = decide(baseFacts({ knownOn: d('2024-07-01'), actOn: d('2024-07-01') }), {
      type: 'accept',
      acceptedOn: d('2024-10-08'),
    });
    expect(decision).toMatchObject(refusal('application_late', '行政复议法 第二十条第一款'));
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain('2024-08-30');
    }
  });

  it('continues the period after a recorded obstacle (第二十条第二款)', () => {
    const facts = baseFacts({
      knownOn: d('2024-07-01'),
      actOn: d('2024-07-01'),
      limitationObstacle: {
        startedOn: d('2024-07-01'),
        endedOn: d('2024-09-01'),
        reason: 'typhoon',
      },
    });
    expect(decide(facts, { type: 'accept', acceptedOn: d('2024-10-08') })).toMatchObject({
      ok: true,
      event: { payload: { limitationDueOn: '2024-10-31' } },
    });
    const short = {
      ...facts,
      limitationObstacle: { startedOn: d('2024-07-01'), endedOn: d('2024-07-10'), reason: 'flood' },
    };
    expect(decide(short, { type: 'accept', acceptedOn: d('2024-10-08') })).toMatchObject(
      refusal('application_late', '行政复议法 第二十条第一款、第二款'),
    );
  });

  it('counts the postmark of a mailed application', () => {
    // Known 07-29 + 60 = 09-27; posted 09-27, received 09-30.
    const mailed = baseFacts({
      knownOn: d('2024-07-29'),
      actOn: d('2024-07-29'),
      channel: 'mail',
      postmarkedOn: d('2024-09-27'),
      receivedOn: d('2024-09-30'),
      reviewStartOn: d('2024-09-30'),
    });
    expect(decide(mailed, { type: 'accept', acceptedOn: d('2024-10-08') }).ok).toBe(true);
    expect(
      decide({ ...mailed, postmarkedOn: null }, { type: 'accept', acceptedOn: d('2024-10-08') }),
    ).toMatchObject(refusal('application_late'));
  });

  it.each<[string, Partial<CaseFacts>, boolean, string]>([
    [
      'one year from knowing the act, rights not told (09-01 → 2024-09-02, rolled)',
      { remedyRightsNotTold: true, knownOn: d('2023-09-01'), actOn: d('2023-09-01') },
      false,
      '行政复议法 第二十条第三款',
    ],
    [
      'within one year, rights not told',
      { remedyRightsNotTold: true, knownOn: d('2023-09-30'), actOn: d('2023-09-30') },
      true,
      '',
    ],
    [
      'five years from the act, even with an obstacle',
      {
        actOn: d('2019-09-01'),
        limitationObstacle: {
          startedOn: d('2019-09-05'),
          endedOn: d('2024-09-20'),
          reason: 'illness',
        },
      },
      false,
      '行政复议法 第二十一条',
    ],
    [
      'twenty years for real estate',
      {
        actOn: d('2019-09-01'),
        realEstate: true,
        limitationObstacle: {
          startedOn: d('2019-09-05'),
          endedOn: d('2024-09-20'),
          reason: 'illness',
        },
      },
      true,
      '',
    ],
  ])('outer limit: %s', (_what, overrides, ok, basis) => {
    const decision = decide(baseFacts(overrides), { type: 'accept', acceptedOn: d('2024-10-08') });
    if (ok) expect(decision.ok).toBe(true);
    else expect(decision).toMatchObject(refusal('application_beyond_outer_limit', basis));
  });
});

describe('deem_accept (第三十条第三款)', () => {
  it('refuses while the review runs with 422 acceptance_review_running', () => {
    expect(decide(baseFacts(), { type: 'deem_accept' }, '2024-10-10')).toMatchObject(
      refusal('acceptance_review_running'),
    );
  });

  it('deems the application accepted on the last day of the review', () => {
    expect(decide(baseFacts(), { type: 'deem_accept' }, '2024-10-11')).toMatchObject({
      ok: true,
      changes: {
        status: 'under_review',
        acceptedOn: '2024-10-10',
        acceptedHow: 'deemed',
        decisionDueOn: '2024-12-09',
      },
      event: { type: 'deemed_accepted', occurredOn: '2024-10-10', payload: { late: false } },
    });
  });

  it('does not block a late application, but says so', () => {
    const late = baseFacts({ knownOn: d('2024-07-01'), actOn: d('2024-07-01') });
    expect(decide(late, { type: 'deem_accept' }, '2024-10-11')).toMatchObject({
      ok: true,
      event: { payload: { late: true, lateRule: 'application_late' } },
    });
  });
});

describe('reject (第三十条第二款)', () => {
  it('rejects within the review, naming the competent body', () => {
    expect(
      decide(baseFacts(), {
        type: 'reject',
        rejectedOn: d('2024-10-10'),
        reason: 'not our jurisdiction',
        competentBody: '江西省人民政府',
      }),
    ).toMatchObject({
      ok: true,
      changes: { status: 'rejected', rejectedOn: '2024-10-10' },
      event: { type: 'rejected', payload: { competentBody: '江西省人民政府' } },
    });
  });

  it('refuses a rejection after the review with 422 acceptance_review_passed', () => {
    expect(
      decide(baseFacts(), { type: 'reject', rejectedOn: d('2024-10-11'), reason: 'late' }),
    ).toMatchObject(refusal('acceptance_review_passed', '行政复议法 第三十条第二款、第三款'));
  });

  it('refuses a rejection without reason with 422 rejection_reason_required', () => {
    expect(
      decide(baseFacts(), { type: 'reject', rejectedOn: d('2024-10-08'), reason: '' }),
    ).toMatchObject(refusal('rejection_reason_required'));
  });

  it('refuses a rejection before the receipt with 422 dates_out_of_order', () => {
    expect(
      decide(baseFacts(), { type: 'reject', rejectedOn: d('2024-09-26'), reason: 'x' }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });

  it('allows a rejection while a correction is pending (the review does not run)', () => {
    expect(
      decide(factsIn('correction_requested'), {
        type: 'reject',
        rejectedOn: d('2024-12-01'),
        reason: 'outside the scope of review',
      }).ok,
    ).toBe(true);
  });
});
