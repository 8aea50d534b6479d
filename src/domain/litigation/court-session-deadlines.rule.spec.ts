import { computeDeadline } from '../deadlines/compute-deadline.rule';
import { checkAppearanceNotice, planSessionDeadlines } from './court-session-deadlines.rule';
import type { CourtSessionFacts } from './court-session-deadlines.rule';
import { calendar, d } from './litigation-facts.fixture';

const session = (overrides: Partial<CourtSessionFacts> = {}): CourtSessionFacts => ({
  status: 'scheduled',
  sessionOn: d('2024-10-08'),
  identityProofFiledOn: null,
  ...overrides,
});

describe('planSessionDeadlines (负责人出庭应诉规定 第六条)', () => {
  it('opens the identity proof of a scheduled session, due on the session day', () => {
    const plan = planSessionDeadlines(session());
    expect(plan).toEqual({
      open: [{ kind: 'identity_proof', triggerOn: '2024-10-08' }],
      met: [],
      late: [],
      cancelled: [],
      awaiting: [],
      notes: [
        {
          kind: 'identity_proof',
          state: 'if_missed',
          consequence: 'head_deemed_absent',
          basis: '负责人出庭应诉规定 第六条第二款',
        },
      ],
    });
    // "开庭前": counted back 0 days from the session, never rolled.
    expect(computeDeadline(calendar, plan.open[0])).toMatchObject({
      dueOn: '2024-10-08',
      meaning: 'act_before',
    });
  });

  it.each<[string, Partial<CourtSessionFacts>, string[], string[]]>([
    ['a filed proof', { identityProofFiledOn: d('2024-10-06') }, ['identity_proof@2024-10-06'], []],
    [
      'a proof filed for a session held',
      { status: 'held', identityProofFiledOn: d('2024-10-08') },
      ['identity_proof@2024-10-08'],
      [],
    ],
    ['a session held with no proof recorded', { status: 'held' }, [], ['identity_proof']],
    [
      'a cancelled session',
      { status: 'cancelled', identityProofFiledOn: d('2024-10-06') },
      [],
      ['identity_proof'],
    ],
  ])('handles %s', (_what, overrides, met, cancelled) => {
    const plan = planSessionDeadlines(session(overrides));
    expect(plan.open).toEqual([]);
    expect(plan.met.map((entry) => `${entry.kind}@${entry.on}`)).toEqual(met);
    expect(plan.cancelled).toEqual(cancelled);
    for (const entry of plan.met)
      expect(entry.input).toEqual({ kind: 'identity_proof', triggerOn: '2024-10-08' });
  });
});

describe('checkAppearanceNotice (负责人出庭应诉规定 第五条第二款)', () => {
  it.each([
    // Notice Sat 2024-09-28, session Tue 10-08: 10 days; earliest 10-01 (a holiday: the minimum
    // notice never rolls, it only bounds the session from below).
    ['2024-09-28', '2024-10-08', 10, '2024-10-01', false],
    // Exactly 3 days: 10-05 + 3 = 10-08.
    ['2024-10-05', '2024-10-08', 3, '2024-10-08', false],
    // 2 days: short notice, flagged, not refused.
    ['2024-10-06', '2024-10-08', 2, '2024-10-09', true],
    // Same day.
    ['2024-10-08', '2024-10-08', 0, '2024-10-11', true],
    // The notice reached the agency after the session.
    ['2024-10-09', '2024-10-08', -1, '2024-10-12', true],
  ] as const)(
    'notice %s for a session on %s: %i days, earliest %s, short %s',
    (notice, on, days, earliest, short) => {
      expect(
        checkAppearanceNotice(calendar, { noticeReceivedOn: d(notice), sessionOn: d(on) }),
      ).toEqual({
        noticeReceivedOn: notice,
        sessionOn: on,
        days,
        requiredDays: 3,
        earliestSessionOn: earliest,
        shortNotice: short,
        basis: '负责人出庭应诉规定 第五条第二款',
        input: { kind: 'appearance_notice', triggerOn: notice },
      });
    },
  );
});
