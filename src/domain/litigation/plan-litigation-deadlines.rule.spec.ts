import { computeDeadline } from '../deadlines/compute-deadline.rule';
import { DEADLINE_KINDS } from '../deadlines/deadline-definition.type';
import type { LitigationFacts } from './litigation-case.types';
import {
  baseLitigationFacts,
  calendar,
  d,
  litigationFactsIn,
  sampleJudgment,
} from './litigation-facts.fixture';
import { planLitigationDeadlines } from './plan-litigation-deadlines.rule';
import type { LitigationDeadlinePlan } from './plan-litigation-deadlines.rule';

const kindsOf = (plan: LitigationDeadlinePlan) => ({
  open: plan.open.map((input) => input.kind),
  met: plan.met.map((entry) => `${entry.kind}@${entry.on}`),
  cancelled: [...plan.cancelled],
});

const EVIDENCE_IF_MISSED = {
  kind: 'defense_submission',
  state: 'if_missed',
  consequence: 'evidence_deemed_absent',
  basis: '行政诉讼法 第三十四条第二款',
};

describe('planLitigationDeadlines', () => {
  it('opens the defence and the first-instance term on a pending case, noting late evidence', () => {
    const plan = planLitigationDeadlines(baseLitigationFacts());
    expect(plan.open).toEqual([
      { kind: 'defense_submission', triggerOn: '2024-09-20' },
      { kind: 'first_instance_term', triggerOn: '2024-09-18', procedure: 'ordinary' },
    ]);
    expect(plan.met).toEqual([]);
    expect(plan.cancelled).toEqual([]);
    expect(plan.notes).toEqual([EVIDENCE_IF_MISSED]);
  });

  it('counts the defence from the end of an obstacle the court accepted (行诉解释 第三十四条)', () => {
    const plan = planLitigationDeadlines(
      baseLitigationFacts({ evidenceObstacleRemovedOn: d('2024-10-20') }),
    );
    expect(plan.open[0]).toEqual({
      kind: 'defense_submission',
      triggerOn: '2024-10-20',
      triggerEvent: 'evidence_obstacle_removed',
    });
  });

  it.each<[string, LitigationFacts, ReturnType<typeof kindsOf>]>([
    [
      'second instance, pending: the term from the appeal’s filing, no defence period',
      baseLitigationFacts({ instance: 'second', filedOn: d('2025-01-10') }),
      { open: ['second_instance_term'], met: [], cancelled: [] },
    ],
    [
      'retrial of unknown procedure: nothing to compute',
      baseLitigationFacts({ instance: 'retrial' }),
      { open: [], met: [], cancelled: [] },
    ],
    [
      'no filing date: no term',
      baseLitigationFacts({ filedOn: null }),
      { open: ['defense_submission'], met: [], cancelled: [] },
    ],
    [
      'defended',
      litigationFactsIn('defended'),
      {
        open: ['first_instance_term'],
        met: ['defense_submission@2024-09-30'],
        cancelled: [],
      },
    ],
    [
      'judged (served): the term met on the decision, the appeal window open',
      litigationFactsIn('judged'),
      {
        open: ['appeal_window'],
        met: ['defense_submission@2024-09-30', 'first_instance_term@2024-12-10'],
        cancelled: [],
      },
    ],
    [
      'judged without a defence: the defence period cancelled',
      litigationFactsIn('judged', { defenseSubmittedOn: null }),
      {
        open: ['appeal_window'],
        met: ['first_instance_term@2024-12-10'],
        cancelled: ['defense_submission'],
      },
    ],
    [
      'judged, not served: no appeal window yet',
      litigationFactsIn('judged', { judgment: sampleJudgment({ servedOn: null }) }),
      {
        open: [],
        met: ['defense_submission@2024-09-30', 'first_instance_term@2024-12-10'],
        cancelled: [],
      },
    ],
    [
      'mediated, 调解书 not served: the term runs until its service (行诉解释 第五十条)',
      litigationFactsIn('judged', {
        judgment: sampleJudgment({ kind: 'mediation', disposition: 'mediated', servedOn: null }),
      }),
      { open: ['first_instance_term'], met: ['defense_submission@2024-09-30'], cancelled: [] },
    ],
    [
      'mediated and served: the term met on service, no appeal window',
      litigationFactsIn('judged', {
        judgment: sampleJudgment({ kind: 'mediation', disposition: 'mediated' }),
      }),
      {
        open: [],
        met: ['defense_submission@2024-09-30', 'first_instance_term@2024-12-12'],
        cancelled: [],
      },
    ],
    [
      'a ruling allowing withdrawal: no appeal window',
      litigationFactsIn('judged', {
        judgment: sampleJudgment({ kind: 'ruling', disposition: 'withdrawn' }),
      }),
      {
        open: [],
        met: ['defense_submission@2024-09-30', 'first_instance_term@2024-12-10'],
        cancelled: [],
      },
    ],
    [
      'appealed by the plaintiff alone: the agency’s window cancelled',
      litigationFactsIn('appealed'),
      {
        open: [],
        met: ['defense_submission@2024-09-30', 'first_instance_term@2024-12-10'],
        cancelled: ['appeal_window'],
      },
    ],
    [
      'appealed by the agency: the window met',
      litigationFactsIn('appealed', { appeal: { appealedOn: d('2024-12-26'), by: 'agency' } }),
      {
        open: [],
        met: [
          'defense_submission@2024-09-30',
          'first_instance_term@2024-12-10',
          'appeal_window@2024-12-26',
        ],
        cancelled: [],
      },
    ],
    [
      'closed without appeal: the window cancelled',
      litigationFactsIn('closed', { appeal: null }),
      {
        open: [],
        met: ['defense_submission@2024-09-30', 'first_instance_term@2024-12-10'],
        cancelled: ['appeal_window'],
      },
    ],
  ])('%s', (_what, facts, expected) => {
    expect(kindsOf(planLitigationDeadlines(facts))).toEqual(expected);
  });

  it('notes a late defence as missed: its evidence counts as none', () => {
    const plan = planLitigationDeadlines(
      litigationFactsIn('defended', { defenseSubmittedOn: d('2024-10-09'), defenseLate: true }),
    );
    expect(plan.notes).toEqual([{ ...EVIDENCE_IF_MISSED, state: 'missed' }]);
  });

  it('uses the 45 days of the simplified procedure (第八十三条)', () => {
    const plan = planLitigationDeadlines(baseLitigationFacts({ procedure: 'simplified' }));
    expect(plan.open[1]).toMatchObject({ kind: 'first_instance_term', procedure: 'simplified' });
  });

  it('lists each kind at most once, and only catalogue kinds, in every status', () => {
    for (const status of ['pending', 'defended', 'judged', 'appealed', 'closed'] as const) {
      const plan = planLitigationDeadlines(litigationFactsIn(status));
      const kinds = [
        ...plan.open.map((input) => input.kind),
        ...plan.met.map((entry) => entry.kind),
        ...plan.cancelled,
      ];
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const kind of kinds) expect(DEADLINE_KINDS).toContain(kind);
      for (const entry of plan.met) expect(entry.input.kind).toBe(entry.kind);
    }
  });
});

describe('litigation deadlines on the calendar (calendar days, 民事诉讼法 第八十五条)', () => {
  const dueOf = (facts: LitigationFacts, kind: string) => {
    const input = planLitigationDeadlines(facts).open.find((entry) => entry.kind === kind);
    if (input === undefined) throw new Error(`${kind} not open`);
    return computeDeadline(calendar, input);
  };
  const pending = (complaintReceivedOn: string, filedOn: string, overrides = {}) =>
    baseLitigationFacts({
      complaintReceivedOn: d(complaintReceivedOn),
      filedOn: d(filedOn),
      ...overrides,
    });
  const served = (servedOn: string, kind: 'judgment' | 'ruling') =>
    litigationFactsIn('judged', {
      judgment: sampleJudgment({
        decidedOn: d(servedOn),
        servedOn: d(servedOn),
        kind,
        disposition: kind === 'ruling' ? 'dismissed_suit' : 'revoked',
      }),
    });

  it.each<[string, LitigationFacts, string, string, string]>([
    // 2025-01-14 + 15 days = 01-29, Spring Festival (01-28…02-04) → Wed 02-05.
    [
      'defence, Spring Festival',
      pending('2025-01-14', '2025-01-10'),
      'defense_submission',
      '2025-01-29',
      '2025-02-05',
    ],
    // 2024-09-20 + 15 days = 10-05, National Day (10-01…10-07) → Tue 10-08.
    [
      'defence, National Day',
      pending('2024-09-20', '2024-09-18'),
      'defense_submission',
      '2024-10-05',
      '2024-10-08',
    ],
    // Fri 2024-11-01 + 15 days = Sat 11-16, an ordinary weekend → Mon 11-18.
    [
      'defence, weekend',
      pending('2024-11-01', '2024-10-30'),
      'defense_submission',
      '2024-11-16',
      '2024-11-18',
    ],
    // Sat 2025-09-13 + 15 days = Sun 09-28, an adjusted working day (调休) → stays 09-28.
    [
      'defence, adjusted working Sunday',
      pending('2025-09-13', '2025-09-12'),
      'defense_submission',
      '2025-09-28',
      '2025-09-28',
    ],
    // A judgment served 2025-01-13 + 15 days = 01-28, 除夕 inside the Spring Festival → 02-05.
    [
      'appeal after a judgment, Spring Festival',
      served('2025-01-13', 'judgment'),
      'appeal_window',
      '2025-01-28',
      '2025-02-05',
    ],
    // A ruling served 2024-09-21 + 10 days = 10-01, National Day → Tue 10-08.
    [
      'appeal after a ruling, National Day',
      served('2024-09-21', 'ruling'),
      'appeal_window',
      '2024-10-01',
      '2024-10-08',
    ],
    // A ruling served 2024-02-04 + 10 days = 02-14, Spring Festival (02-10…02-17) → Sun 02-18,
    // an adjusted working day: the first working day after the holiday is a Sunday.
    [
      'appeal after a ruling, onto an adjusted Sunday',
      served('2024-02-04', 'ruling'),
      'appeal_window',
      '2024-02-14',
      '2024-02-18',
    ],
    // Filed 2024-04-01 + 6 months = 10-01, National Day → 10-08.
    [
      'first-instance term, National Day',
      pending('2024-04-03', '2024-04-01'),
      'first_instance_term',
      '2024-10-01',
      '2024-10-08',
    ],
    // Simplified: filed 2024-12-20 + 45 days = 2025-02-03 (11 days to 12-31, 31 in January,
    // 3 in February), Spring Festival → 02-05.
    [
      'simplified term, Spring Festival',
      pending('2024-12-23', '2024-12-20', { procedure: 'simplified' }),
      'first_instance_term',
      '2025-02-03',
      '2025-02-05',
    ],
    // Appeal filed 2024-10-31 + 3 months = 2025-01-31 (month end), Spring Festival → 02-05.
    [
      'second-instance term, month end in Spring Festival',
      pending('2024-11-04', '2024-10-31', { instance: 'second' }),
      'second_instance_term',
      '2025-01-31',
      '2025-02-05',
    ],
    // Appeal filed 2024-11-30 + 3 months = 2025-02-28, a Friday: no roll.
    [
      'second-instance term, February month end',
      pending('2024-12-02', '2024-11-30', { instance: 'second' }),
      'second_instance_term',
      '2025-02-28',
      '2025-02-28',
    ],
  ])('%s', (_what, facts, kind, raw, due) => {
    const record = dueOf(facts, kind);
    expect(record).toMatchObject({ rawDueOn: raw, dueOn: due });
    expect(record.unit).not.toBe('working_days');
  });
});
