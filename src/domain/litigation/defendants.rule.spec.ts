import { OUTCOMES } from '../reconsideration/reconsideration-case.types';
import type { Outcome } from '../reconsideration/reconsideration-case.types';
import { deriveDefendants } from './defendants.rule';
import type { ReconsiderationOutcomeFacts } from './defendants.rule';
import { d } from './litigation-facts.fixture';

const SUED_ON = d('2024-11-20');

const concluded = (
  outcome: Outcome,
  overrides: Partial<ReconsiderationOutcomeFacts> = {},
): ReconsiderationOutcomeFacts => ({
  status: 'served',
  outcome,
  concludedOn: d('2024-10-30'),
  decisionDueOn: d('2024-11-05'),
  ...overrides,
});

const CO_DEFENDANTS = [
  { party: 'original_agency', role: 'original_act', task: 'defend_original_act' },
  {
    party: 'reconsideration_body',
    role: 'reconsideration_body',
    task: 'defend_reconsideration_procedure',
  },
];
const BODY_ALONE = [
  {
    party: 'reconsideration_body',
    role: 'reconsideration_body',
    task: 'defend_reconsideration_decision',
  },
];

describe('deriveDefendants from a concluded reconsideration (行政诉讼法 第二十六条第二款)', () => {
  it.each<[Outcome, string]>([
    ['uphold', 'co'],
    ['dismiss_request', 'co'],
    ['change', 'body'],
    ['revoke', 'body'],
    ['confirm_illegal', 'body'],
    ['confirm_invalid', 'body'],
    ['order_performance', 'body'],
    ['dismiss_application', 'application_dismissed'],
    ['mediation', 'mediation'],
    ['terminated', 'terminated'],
  ])('%s → %s', (outcome, expected) => {
    const derivation = deriveDefendants(concluded(outcome), SUED_ON);
    if (expected === 'co') {
      expect(derivation).toEqual({
        determined: true,
        coDefendant: true,
        reading: 'upheld',
        defendants: CO_DEFENDANTS,
        basis: expect.stringContaining('行政诉讼法 第二十六条第二款'),
      });
    } else if (expected === 'body') {
      expect(derivation).toEqual({
        determined: true,
        coDefendant: false,
        reading: 'changed',
        defendants: BODY_ALONE,
        basis: '行政诉讼法 第二十六条第二款; 行诉解释 第二十二条',
      });
    } else {
      expect(derivation).toMatchObject({ determined: false, reason: expected });
      if (!derivation.determined) {
        expect(derivation.choices.map((choice) => choice.suing)).toContain('original_act');
        expect(derivation.choices.length).toBe(2);
      }
    }
  });

  it('covers every reconsideration outcome', () => {
    for (const outcome of OUTCOMES) {
      expect(() => deriveDefendants(concluded(outcome), SUED_ON)).not.toThrow();
    }
  });

  it('reads 驳回复议请求 as upholding (行诉解释 第一百三十三条)', () => {
    expect(deriveDefendants(concluded('dismiss_request'), SUED_ON)).toMatchObject({
      basis: '行政诉讼法 第二十六条第二款; 行诉解释 第一百三十三条、第一百三十四条第一款',
    });
  });

  it('does not read 驳回复议申请 for the acceptance conditions as upholding (第一百三十三条 但书)', () => {
    expect(deriveDefendants(concluded('dismiss_application'), SUED_ON)).toMatchObject({
      determined: false,
      basis: '行诉解释 第一百三十三条',
      choices: [
        { suing: 'original_act', defendants: [CO_DEFENDANTS[0]] },
        { suing: 'reconsideration_rejection', defendants: BODY_ALONE },
      ],
    });
  });

  it.each<[Outcome, Partial<ReconsiderationOutcomeFacts>, string]>([
    ['change', { resultUnchanged: true }, '行诉解释 第二十二条第一款'],
    ['confirm_illegal', { illegalOnProcedureOnly: true }, '行诉解释 第二十二条第三款'],
    ['revoke', { partlyUpheld: true }, '行诉解释 第一百三十四条第二款'],
    ['order_performance', { partlyUpheld: true }, '行诉解释 第一百三十四条第二款'],
  ])('reads %s with %j as upholding (%s)', (outcome, flags, article) => {
    expect(deriveDefendants(concluded(outcome, flags), SUED_ON)).toMatchObject({
      determined: true,
      coDefendant: true,
      defendants: CO_DEFENDANTS,
      basis: expect.stringContaining(article),
    });
  });

  it.each<[Outcome, Partial<ReconsiderationOutcomeFacts>]>([
    ['revoke', { resultUnchanged: true }],
    ['change', { illegalOnProcedureOnly: true }],
  ])('ignores a flag that does not fit the outcome (%s with %j)', (outcome, flags) => {
    expect(deriveDefendants(concluded(outcome, flags), SUED_ON)).toMatchObject({
      coDefendant: false,
    });
  });
});

describe('deriveDefendants without a decision before the suit', () => {
  it('lets the plaintiff choose when the body did not decide in time (第二十六条第三款)', () => {
    expect(
      deriveDefendants(
        {
          status: 'under_review',
          outcome: null,
          concludedOn: null,
          decisionDueOn: d('2024-11-05'),
        },
        SUED_ON,
      ),
    ).toEqual({
      determined: false,
      reason: 'not_decided_in_time',
      choices: [
        { suing: 'original_act', defendants: [CO_DEFENDANTS[0]] },
        { suing: 'reconsideration_inaction', defendants: BODY_ALONE },
      ],
      basis: '行政诉讼法 第二十六条第三款',
      detail: expect.stringContaining('2024-11-05'),
    });
  });

  it('does the same when the decision came only after the suit was filed', () => {
    expect(
      deriveDefendants(concluded('uphold', { concludedOn: d('2024-11-25') }), SUED_ON),
    ).toMatchObject({ determined: false, reason: 'not_decided_in_time' });
  });

  it('counts a decision on the day of the suit', () => {
    expect(deriveDefendants(concluded('uphold', { concludedOn: SUED_ON }), SUED_ON)).toMatchObject({
      determined: true,
      coDefendant: true,
    });
  });

  it.each([
    ['within the decision period', d('2024-11-20')],
    ['while suspended (no deadline running)', null],
  ])('finds no defendant %s: the suit cannot be filed (行诉解释 第五十七条)', (_what, due) => {
    expect(
      deriveDefendants(
        { status: 'under_review', outcome: null, concludedOn: null, decisionDueOn: due },
        SUED_ON,
      ),
    ).toMatchObject({
      determined: false,
      reason: 'reconsideration_pending',
      choices: [],
      basis: '行诉解释 第五十七条',
    });
  });

  it('lets the plaintiff sue the act or the refusal after 不予受理 (行诉解释 第五十六条第二款)', () => {
    expect(
      deriveDefendants(
        { status: 'rejected', outcome: null, concludedOn: null, decisionDueOn: null },
        SUED_ON,
      ),
    ).toMatchObject({
      determined: false,
      reason: 'application_rejected',
      choices: [{ suing: 'original_act' }, { suing: 'reconsideration_rejection' }],
    });
  });

  it('names the original act only after the application was abandoned', () => {
    expect(
      deriveDefendants(
        { status: 'abandoned', outcome: null, concludedOn: null, decisionDueOn: null },
        SUED_ON,
      ),
    ).toMatchObject({
      determined: false,
      reason: 'application_abandoned',
      choices: [{ suing: 'original_act', defendants: [CO_DEFENDANTS[0]] }],
    });
  });
});
