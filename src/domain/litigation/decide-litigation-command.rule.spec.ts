import { litigationCommandsAllowed } from './litigation-allowed-commands.rule';
import { decideLitigationCommand } from './decide-litigation-command.rule';
import { LITIGATION_STATUSES } from './litigation-case.types';
import type {
  LitigationCommand,
  LitigationCommandType,
  LitigationDecision,
  LitigationStatus,
} from './litigation-case.types';
import {
  baseLitigationFacts,
  d,
  EXPECTED_LITIGATION_TABLE,
  litigationContext,
  litigationFactsIn,
  sampleLitigationCommand,
} from './litigation-facts.fixture';

const COMMAND_TYPES: LitigationCommandType[] = [
  'submit_defense',
  'record_judgment',
  'record_service',
  'appeal',
  'close',
  'record_judicial_recommendation',
];

/** Allowed by the table but refused by a rule on the sample facts (checked below). */
const REFUSED_BY_RULE: Partial<
  Record<LitigationStatus, Partial<Record<LitigationCommandType, string>>>
> = {
  judged: { record_service: 'judgment_already_served' },
  appealed: { record_service: 'judgment_already_served' },
};

/** The status each accepted command leads to from each status. */
const NEXT_STATUS: Record<LitigationCommandType, (from: LitigationStatus) => LitigationStatus> = {
  submit_defense: () => 'defended',
  record_judgment: () => 'judged',
  record_service: (from) => from,
  appeal: () => 'appealed',
  close: () => 'closed',
  record_judicial_recommendation: (from) => from,
};

const matrix = LITIGATION_STATUSES.flatMap((status) =>
  COMMAND_TYPES.map(
    (type) => [status, type, EXPECTED_LITIGATION_TABLE[status].includes(type)] as const,
  ),
);

function expectRule(decision: LitigationDecision, rule: string, basis?: string): void {
  expect(decision).toMatchObject({
    ok: false,
    refusal: { kind: 'rule', httpStatus: 422, rule, ...(basis === undefined ? {} : { basis }) },
  });
}

describe('decideLitigationCommand: every status × every command', () => {
  it.each(matrix)('%s + %s: allowed by the table = %s', (status, type, allowed) => {
    const decision = decideLitigationCommand(
      litigationFactsIn(status),
      sampleLitigationCommand(type),
      litigationContext(),
    );
    if (!allowed) {
      expect(decision).toEqual({
        ok: false,
        refusal: {
          kind: 'illegal_transition',
          status,
          allowed: litigationCommandsAllowed(status),
        },
      });
      return;
    }
    const refusedBy = REFUSED_BY_RULE[status]?.[type];
    if (refusedBy !== undefined) {
      expectRule(decision, refusedBy);
      return;
    }
    expect(decision).toMatchObject({ ok: true, changes: { status: NEXT_STATUS[type](status) } });
    if (decision.ok) expect(decision.event.type).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('names the allowed commands in a 409 refusal', () => {
    expect(
      decideLitigationCommand(
        litigationFactsIn('defended'),
        sampleLitigationCommand('appeal'),
        litigationContext(),
      ),
    ).toEqual({
      ok: false,
      refusal: {
        kind: 'illegal_transition',
        status: 'defended',
        allowed: ['record_judgment', 'record_judicial_recommendation'],
      },
    });
  });

  it.each<[LitigationStatus, LitigationCommandType, string]>([
    ['pending', 'submit_defense', 'defended'],
    ['pending', 'record_judgment', 'judged'],
    ['defended', 'record_judgment', 'judged'],
    ['judged', 'appeal', 'appealed'],
    ['judged', 'close', 'closed'],
    ['appealed', 'close', 'closed'],
    ['closed', 'record_judicial_recommendation', 'judicial_recommendation_received'],
  ])('%s + %s emits the event %s', (status, type, event) => {
    expect(
      decideLitigationCommand(
        litigationFactsIn(status),
        sampleLitigationCommand(type),
        litigationContext(),
      ),
    ).toMatchObject({ ok: true, event: { type: event } });
  });
});

describe('decideLitigationCommand: dates', () => {
  it.each<[LitigationStatus, LitigationCommand, string]>([
    ['pending', { type: 'submit_defense', submittedOn: d('2025-07-01') }, '2025-07-01'],
    [
      'pending',
      {
        type: 'record_judgment',
        decidedOn: d('2025-06-30'),
        kind: 'judgment',
        disposition: 'revoked',
        servedOn: d('2025-07-02'),
      },
      '2025-07-02',
    ],
    ['appealed', { type: 'close', closedOn: d('2025-07-01') }, '2025-07-01'],
    [
      'closed',
      { type: 'record_judicial_recommendation', receivedOn: d('2025-08-01'), summary: 'x' },
      '2025-08-01',
    ],
  ])('refuses a date after today in %s with 422 date_in_future', (status, command, date) => {
    const decision = decideLitigationCommand(
      litigationFactsIn(status),
      command,
      litigationContext(),
    );
    expectRule(decision, 'date_in_future');
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain(date);
      expect(decision.refusal.basis).toMatch(/^(行政诉讼法|负责人出庭应诉规定) 第/);
    }
  });

  it('accepts a date equal to today', () => {
    expect(
      decideLitigationCommand(
        litigationFactsIn('pending'),
        { type: 'submit_defense', submittedOn: d('2025-06-30') },
        litigationContext(),
      ).ok,
    ).toBe(true);
  });

  it('refuses a malformed legal date with 422 invalid_legal_date', () => {
    expectRule(
      decideLitigationCommand(
        litigationFactsIn('pending'),
        { type: 'submit_defense', submittedOn: '2024-02-30' as never },
        litigationContext(),
      ),
      'invalid_legal_date',
    );
  });
});

describe('submit_defense (行政诉讼法 第六十七条、第三十四条)', () => {
  const submit = (submittedOn: string, facts = litigationFactsIn('pending')) =>
    decideLitigationCommand(
      facts,
      { type: 'submit_defense', submittedOn: d(submittedOn) },
      litigationContext(),
    );

  it('refuses a defence before the complaint copy was received', () => {
    expectRule(submit('2024-09-19'), 'dates_out_of_order', '行政诉讼法 第六十七条第一款');
  });

  it('is on time on the rolled-forward last day', () => {
    // 2024-09-20 + 15 days = 10-05, inside National Day (10-01…10-07): due Tue 10-08.
    expect(submit('2024-10-08')).toMatchObject({
      ok: true,
      changes: { status: 'defended', defenseSubmittedOn: '2024-10-08', defenseLate: false },
      event: {
        type: 'defended',
        payload: { defenseDueOn: '2024-10-08', late: false, evidenceDeemedAbsent: false },
      },
    });
  });

  it('accepts a late defence, recording that its evidence counts as none (第三十四条第二款)', () => {
    expect(submit('2024-10-09')).toMatchObject({
      ok: true,
      changes: { defenseLate: true },
      event: {
        payload: {
          late: true,
          evidenceDeemedAbsent: true,
          basis: '行政诉讼法 第三十四条第二款',
        },
      },
    });
  });

  it('counts from the end of the obstacle when the court allowed later evidence (行诉解释 第三十四条)', () => {
    // 2024-10-20 (Sunday) + 15 days = 11-04 (Monday).
    const facts = litigationFactsIn('pending', { evidenceObstacleRemovedOn: d('2024-10-20') });
    expect(submit('2024-11-04', facts)).toMatchObject({
      ok: true,
      changes: { defenseLate: false },
      event: { payload: { defenseDueOn: '2024-11-04' } },
    });
  });

  it('sets no deadline at second instance (第六十七条 is the first-instance procedure)', () => {
    const facts = litigationFactsIn('pending', { instance: 'second' });
    expect(submit('2025-01-30', facts)).toMatchObject({
      ok: true,
      changes: { defenseLate: false },
      event: { payload: { defenseDueOn: null, late: false } },
    });
  });

  it('refuses with 422 calendar_year_missing when lateness needs a year not loaded', () => {
    // 2026-12-25 + 15 days = 2027-01-09: whether it rolls depends on the 2027 calendar.
    const facts = litigationFactsIn('pending', {
      filedOn: d('2026-12-24'),
      complaintReceivedOn: d('2026-12-25'),
    });
    const decision = decideLitigationCommand(
      facts,
      { type: 'submit_defense', submittedOn: d('2027-01-05') },
      litigationContext({ today: d('2027-01-06') }),
    );
    expectRule(decision, 'calendar_year_missing', '行政诉讼法 第一百零一条; 民事诉讼法 第八十五条');
  });
});

describe('record_judgment', () => {
  const judge = (
    command: Partial<Extract<LitigationCommand, { type: 'record_judgment' }>>,
    facts = litigationFactsIn('defended'),
  ) =>
    decideLitigationCommand(
      facts,
      {
        type: 'record_judgment',
        decidedOn: d('2025-09-10'),
        kind: 'judgment',
        disposition: 'revoked',
        ...command,
      },
      litigationContext({ today: d('2025-12-31') }),
    );

  it('records the judgment and its derived result', () => {
    expect(judge({ partial: true })).toMatchObject({
      ok: true,
      changes: {
        status: 'judged',
        judgment: {
          decidedOn: '2025-09-10',
          kind: 'judgment',
          disposition: 'revoked',
          partial: true,
          servedOn: null,
          result: 'partial',
        },
      },
      event: {
        type: 'judged',
        payload: { result: 'partial', appealable: 'yes', appealWindowEndsOn: null },
      },
    });
  });

  it('is accepted on a pending case (no defence is no bar, 第六十七条第二款)', () => {
    expect(judge({}, litigationFactsIn('pending'))).toMatchObject({
      ok: true,
      changes: { status: 'judged' },
      event: { payload: { previousStatus: 'pending' } },
    });
  });

  it('uses the configured losing set', () => {
    expect(
      decideLitigationCommand(
        litigationFactsIn('defended'),
        {
          type: 'record_judgment',
          decidedOn: d('2025-01-10'),
          kind: 'ruling',
          disposition: 'withdrawn_after_change',
        },
        litigationContext({ losingDispositions: ['revoked', 'withdrawn_after_change'] }),
      ),
    ).toMatchObject({ ok: true, changes: { judgment: { result: 'lose' } } });
  });

  it.each([
    // Served Tue 2025-09-16: a judgment's 15 days end on 10-01 (National Day) → Thu 10-09.
    ['judgment', 'revoked', 'yes', '2025-10-09'],
    // A ruling dismissing the suit: 10 days → Fri 2025-09-26.
    ['ruling', 'dismissed_suit', 'yes', '2025-09-26'],
    ['ruling', 'withdrawn', 'no', null],
    ['ruling', 'other', 'unknown', null],
    ['mediation', 'mediated', 'no', null],
  ] as const)(
    'a %s of %s served: appealable %s, window to %s',
    (kind, disposition, appealable, ends) => {
      expect(judge({ kind, disposition, servedOn: d('2025-09-16') })).toMatchObject({
        ok: true,
        event: { payload: { appealable, appealWindowEndsOn: ends } },
      });
    },
  );

  it('knows a second-instance judgment is final', () => {
    expect(
      judge({ servedOn: d('2025-09-16') }, litigationFactsIn('defended', { instance: 'second' })),
    ).toMatchObject({
      ok: true,
      event: { payload: { appealable: 'no', appealWindowEndsOn: null } },
    });
  });

  it.each([
    ['judgment', 'dismissed_suit', '行诉解释 第六十九条、第一百零一条第一款第二项'],
    ['ruling', 'revoked', '行政诉讼法 第七十条'],
    ['judgment', 'withdrawn', '行政诉讼法 第六十二条; 行诉解释 第一百零一条第一款第十项'],
    ['judgment', 'mediated', '行政诉讼法 第六十条'],
    ['mediation', 'dismissed_claims', '行政诉讼法 第六十九条'],
    ['mediation', 'other', '行政诉讼法 第八十五条'],
  ] as const)('refuses a %s of %s (disposition_kind_mismatch)', (kind, disposition, basis) => {
    expectRule(judge({ kind, disposition }), 'disposition_kind_mismatch', basis);
  });

  it.each(['dismissed_claims', 'withdrawn', 'other'] as const)(
    'refuses partial on %s',
    (disposition) => {
      const kind = disposition === 'withdrawn' ? 'ruling' : 'judgment';
      expectRule(judge({ kind, disposition, partial: true }), 'partial_not_applicable');
    },
  );

  it('refuses unknown codes', () => {
    expectRule(judge({ kind: 'verdict' as never }), 'judgment_kind_invalid');
    expectRule(judge({ disposition: 'annulled' as never }), 'disposition_invalid');
  });

  it.each([
    [
      'before the complaint copy reached the agency',
      { decidedOn: d('2024-09-19') },
      { complaintReceivedOn: d('2024-09-20') },
    ],
    ['before the filing', { decidedOn: d('2024-09-17') }, { complaintReceivedOn: d('2024-09-16') }],
    ['served before it was decided', { servedOn: d('2025-09-09') }, {}],
  ])('refuses a judgment %s', (_what, command, overrides) => {
    expectRule(judge(command, litigationFactsIn('pending', overrides)), 'dates_out_of_order');
  });
});

describe('record_service', () => {
  const unserved = litigationFactsIn('judged', {
    judgment: { ...litigationFactsIn('judged').judgment!, servedOn: null },
  });

  it('records the service and keeps the status; the payload gives the window', () => {
    // Served Sat 2025-09-13 + 15 days = Sun 09-28, an adjusted working day (调休): not rolled.
    const facts = litigationFactsIn('judged', {
      judgment: { ...unserved.judgment!, decidedOn: d('2025-09-12') },
    });
    expect(
      decideLitigationCommand(
        facts,
        { type: 'record_service', servedOn: d('2025-09-13') },
        litigationContext({ today: d('2025-10-31') }),
      ),
    ).toMatchObject({
      ok: true,
      changes: { status: 'judged', judgment: { servedOn: '2025-09-13', result: 'win' } },
      event: { type: 'judgment_served', payload: { appealWindowEndsOn: '2025-09-28' } },
    });
  });

  it('refuses service before the decision', () => {
    expectRule(
      decideLitigationCommand(
        unserved,
        { type: 'record_service', servedOn: d('2024-12-09') },
        litigationContext(),
      ),
      'dates_out_of_order',
      '行政诉讼法 第八十五条',
    );
  });

  it('refuses a second service', () => {
    expectRule(
      decideLitigationCommand(
        litigationFactsIn('judged'),
        sampleLitigationCommand('record_service'),
        litigationContext(),
      ),
      'judgment_already_served',
    );
  });

  it('is accepted after the plaintiff appealed first', () => {
    const facts = litigationFactsIn('appealed', { judgment: unserved.judgment });
    expect(
      decideLitigationCommand(
        facts,
        { type: 'record_service', servedOn: d('2024-12-22') },
        litigationContext(),
      ),
    ).toMatchObject({ ok: true, changes: { status: 'appealed' } });
  });
});

describe('appeal', () => {
  const appeal = (
    overrides: Parameters<typeof litigationFactsIn>[1],
    appealedOn = '2024-12-20',
    by: 'agency' | 'plaintiff' | 'both' = 'agency',
  ) =>
    decideLitigationCommand(
      litigationFactsIn('judged', overrides),
      { type: 'appeal', appealedOn: d(appealedOn), by },
      litigationContext(),
    );

  it('records the appeal within the window', () => {
    expect(appeal({}, '2024-12-27', 'both')).toMatchObject({
      ok: true,
      changes: { status: 'appealed', appeal: { appealedOn: '2024-12-27', by: 'both' } },
      event: { payload: { appealWindowEndsOn: '2024-12-27', lateForAgency: false } },
    });
  });

  it("flags the agency's appeal after its window, and not the plaintiff's", () => {
    expect(appeal({}, '2024-12-30', 'agency')).toMatchObject({
      ok: true,
      event: { payload: { lateForAgency: true } },
    });
    expect(appeal({}, '2024-12-30', 'plaintiff')).toMatchObject({
      ok: true,
      event: { payload: { lateForAgency: false } },
    });
  });

  it.each([
    [
      'a second-instance judgment',
      { instance: 'second' as const },
      'final_decision_not_appealable',
      '行政诉讼法 第八十五条、第八十八条',
    ],
    [
      'a retrial under the second-instance procedure',
      { instance: 'retrial' as const, retrialProcedure: 'second_instance' as const },
      'final_decision_not_appealable',
      '行诉解释 第一百一十九条',
    ],
    [
      'a mediation',
      {
        judgment: {
          ...litigationFactsIn('judged').judgment!,
          kind: 'mediation' as const,
          disposition: 'mediated' as const,
        },
      },
      'mediation_not_appealable',
      '行政诉讼法 第八十五条',
    ],
    [
      'a ruling allowing withdrawal',
      {
        judgment: {
          ...litigationFactsIn('judged').judgment!,
          kind: 'ruling' as const,
          disposition: 'withdrawn' as const,
        },
      },
      'ruling_not_appealable',
      '行诉解释 第一百零一条第二款',
    ],
  ])('refuses an appeal against %s', (_what, overrides, rule, basis) => {
    expectRule(appeal(overrides), rule, basis);
  });

  it('records an appeal in a retrial of unknown procedure (the court decides)', () => {
    expect(appeal({ instance: 'retrial' })).toMatchObject({
      ok: true,
      event: { payload: { appealWindowEndsOn: null, lateForAgency: false } },
    });
  });

  it('refuses an appeal before the judgment, and an unknown appellant', () => {
    expectRule(appeal({}, '2024-12-09'), 'dates_out_of_order');
    expectRule(appeal({}, '2024-12-20', 'court' as never), 'appellant_invalid');
  });
});

describe('close', () => {
  const close = (status: LitigationStatus, closedOn: string, overrides = {}) =>
    decideLitigationCommand(
      litigationFactsIn(status, overrides),
      { type: 'close', closedOn: d(closedOn) },
      litigationContext(),
    );

  it('refuses while the appeal window runs (the judgment takes effect after it)', () => {
    // Served Thu 2024-12-12 + 15 days = Fri 12-27.
    expectRule(close('judged', '2024-12-27'), 'appeal_window_running', '行政诉讼法 第八十五条');
    expect(close('judged', '2024-12-28')).toMatchObject({
      ok: true,
      changes: { status: 'closed', closedOn: '2024-12-28' },
      event: { type: 'closed', payload: { result: 'win', previousStatus: 'judged' } },
    });
  });

  it('refuses an appealable judgment not yet served', () => {
    const judgment = { ...litigationFactsIn('judged').judgment!, servedOn: null };
    expectRule(close('judged', '2025-03-03', { judgment }), 'judgment_not_served');
  });

  it('closes a final decision from its date', () => {
    const judgment = { ...litigationFactsIn('judged').judgment!, servedOn: null };
    expect(close('judged', '2024-12-10', { instance: 'second', judgment }).ok).toBe(true);
  });

  it('closes an appealed case not before the appeal', () => {
    expectRule(close('appealed', '2024-12-19'), 'dates_out_of_order');
    expect(close('appealed', '2024-12-20').ok).toBe(true);
  });

  it('refuses with 422 calendar_year_missing when the window ends in a year not loaded', () => {
    // Served 2026-12-20 + 15 days = 2027-01-04: the 2027 calendar decides the last day.
    const judgment = {
      ...litigationFactsIn('judged').judgment!,
      decidedOn: d('2026-12-18'),
      servedOn: d('2026-12-20'),
    };
    expectRule(
      decideLitigationCommand(
        litigationFactsIn('judged', { judgment }),
        { type: 'close', closedOn: d('2027-01-10') },
        litigationContext({ today: d('2027-01-11') }),
      ),
      'calendar_year_missing',
    );
  });
});

describe('record_judicial_recommendation (负责人出庭应诉规定 第十二条)', () => {
  it('appends the recommendation, trimmed, keeping the status', () => {
    const facts = litigationFactsIn('judged', {
      judicialRecommendations: [{ receivedOn: d('2025-01-02'), summary: '第一份' }],
    });
    expect(
      decideLitigationCommand(
        facts,
        {
          type: 'record_judicial_recommendation',
          receivedOn: d('2025-01-20'),
          summary: ' 第二份 ',
        },
        litigationContext(),
      ),
    ).toMatchObject({
      ok: true,
      changes: {
        status: 'judged',
        judicialRecommendations: [
          { receivedOn: '2025-01-02', summary: '第一份' },
          { receivedOn: '2025-01-20', summary: '第二份' },
        ],
      },
      event: { payload: { count: 2 } },
    });
  });

  it('refuses a blank summary and a date before the complaint', () => {
    const facts = baseLitigationFacts();
    const decide = (receivedOn: string, summary: string) =>
      decideLitigationCommand(
        facts,
        { type: 'record_judicial_recommendation', receivedOn: d(receivedOn), summary },
        litigationContext(),
      );
    expectRule(decide('2025-01-20', '  '), 'recommendation_summary_required');
    expectRule(decide('2024-09-01', '建议'), 'dates_out_of_order', '负责人出庭应诉规定 第十二条');
  });
});
