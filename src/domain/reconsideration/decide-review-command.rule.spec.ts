import { d, decide, decideAsHead, factsIn, refusal, underReview } from './case-facts.fixture';
import type { CaseCommand, CaseCommandOf, CaseFacts } from './reconsideration-case.types';

describe('send_copy and record_reply (第四十八条、第五十四条)', () => {
  const fresh = underReview({ copySentOn: null, respondentReceivedOn: null });

  it('records the copy and flags it late after 7 working days (10-08 → 10-16, Saturday 10-12 works)', () => {
    expect(decideAsHead(fresh, { type: 'send_copy', sentOn: d('2024-10-16') })).toMatchObject({
      ok: true,
      changes: { status: 'under_review', copySentOn: '2024-10-16', respondentReceivedOn: null },
      event: { type: 'copy_sent', payload: { copyDueOn: '2024-10-16', late: false } },
    });
    expect(decideAsHead(fresh, { type: 'send_copy', sentOn: d('2024-10-17') })).toMatchObject({
      ok: true,
      event: { payload: { late: true } },
    });
  });

  it.each<[string, CaseFacts, CaseCommand]>([
    ['a copy before acceptance', fresh, { type: 'send_copy', sentOn: d('2024-10-07') }],
    [
      'a respondent receipt before sending',
      fresh,
      { type: 'send_copy', sentOn: d('2024-10-10'), respondentReceivedOn: d('2024-10-09') },
    ],
    ['a reply with no copy sent', fresh, { type: 'record_reply', receivedOn: d('2024-10-20') }],
    [
      'a reply before the respondent received the copy',
      underReview(),
      { type: 'record_reply', receivedOn: d('2024-10-11') },
    ],
    [
      'opinions heard before acceptance',
      underReview(),
      { type: 'record_opinion_heard', heardOn: d('2024-10-07'), how: 'phone' },
    ],
    [
      'a suspension before acceptance',
      underReview(),
      { type: 'suspend', suspendedOn: d('2024-10-07'), ground: 'force_majeure' },
    ],
    [
      'a suspension before the last resumption',
      underReview({
        suspensions: [
          { suspendedOn: d('2024-10-20'), resumedOn: d('2024-11-01'), ground: 'force_majeure' },
        ],
      }),
      { type: 'suspend', suspendedOn: d('2024-10-30'), ground: 'force_majeure' },
    ],
    [
      'a resumption before the suspension',
      factsIn('suspended'),
      { type: 'resume', resumedOn: d('2024-10-19') },
    ],
  ])('refuses %s with 422 dates_out_of_order', (_what, facts, command) => {
    expect(decideAsHead(facts, command)).toMatchObject(refusal('dates_out_of_order'));
  });

  it('records a reply, late after 10 working days from the respondent receipt (10-12 → 10-25)', () => {
    // From Saturday 10-12 (调休): 10-14 … 10-18, 10-21 … 10-25 → 10-25.
    expect(
      decideAsHead(underReview(), { type: 'record_reply', receivedOn: d('2024-10-25') }),
    ).toMatchObject({
      ok: true,
      changes: { replyReceivedOn: '2024-10-25' },
      event: { type: 'reply_received', payload: { replyDueOn: '2024-10-25', late: false } },
    });
    expect(
      decideAsHead(underReview(), { type: 'record_reply', receivedOn: d('2024-10-28') }),
    ).toMatchObject({
      ok: true,
      event: { payload: { late: true, consequence: '行政复议法 第七十条' } },
    });
  });
});

describe('record_reply by mail (在途时间不计)', () => {
  // Due 10-25 (10 working days from the respondent's receipt on Saturday 10-12).
  it.each<[string, string, boolean]>([
    ['posted on the last day', '2024-10-25', false],
    ['posted the day before', '2024-10-24', false],
    ['posted the working day after', '2024-10-28', true],
  ])('a reply %s and received later is late = %s', (_what, postmarkedOn, late) => {
    expect(
      decideAsHead(underReview(), {
        type: 'record_reply',
        receivedOn: d('2024-10-30'),
        postmarkedOn: d(postmarkedOn),
      }),
    ).toMatchObject({
      ok: true,
      changes: { replyReceivedOn: '2024-10-30', replyPostmarkedOn: postmarkedOn },
      event: {
        payload: {
          postmarkedOn,
          replyDueOn: '2024-10-25',
          late,
          consequence: late ? '行政复议法 第七十条' : null,
        },
      },
    });
  });

  it.each<[string, string, string]>([
    ['received before its postmark', '2024-10-20', '2024-10-21'],
    ['posted before the respondent received the copy', '2024-10-20', '2024-10-11'],
  ])('refuses a reply %s with 422 dates_out_of_order', (_what, receivedOn, postmarkedOn) => {
    expect(
      decideAsHead(underReview(), {
        type: 'record_reply',
        receivedOn: d(receivedOn),
        postmarkedOn: d(postmarkedOn),
      }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });
});

describe('opinions and written review (第四十九条)', () => {
  it('records the hearing of opinions', () => {
    expect(
      decideAsHead(underReview({ opinionHeardOn: null }), {
        type: 'record_opinion_heard',
        heardOn: d('2024-11-02'),
        how: 'online',
      }),
    ).toMatchObject({
      ok: true,
      changes: { opinionHeardOn: '2024-11-02' },
      event: { type: 'opinion_heard', payload: { how: 'online' } },
    });
  });

  it('records a written review with its reason', () => {
    expect(
      decideAsHead(underReview(), { type: 'record_written_review', reason: ' unreachable ' }),
    ).toMatchObject({
      ok: true,
      changes: { writtenReviewReason: 'unreachable' },
      event: { type: 'written_review_recorded', occurredOn: '2025-06-30' },
    });
  });

  it('refuses a written review without reason with 422 written_review_reason_required', () => {
    expect(
      decideAsHead(underReview(), { type: 'record_written_review', reason: '' }),
    ).toMatchObject(refusal('written_review_reason_required', '行政复议法 第四十九条'));
  });
});

describe('suspend and resume (第三十九条)', () => {
  it('suspends: the decision deadline pauses', () => {
    expect(
      decideAsHead(underReview(), {
        type: 'suspend',
        suspendedOn: d('2024-10-20'),
        ground: 'applicant_died',
      }),
    ).toMatchObject({
      ok: true,
      changes: {
        status: 'suspended',
        suspendedOn: '2024-10-20',
        suspensionGround: 'applicant_died',
        decisionDueOn: null,
      },
      event: {
        type: 'suspended',
        payload: {
          previousDecisionDueOn: '2024-12-09',
          afterDue: false,
          // 10-20 + 60 days = 12-19 (第四十一条第五项).
          sixtyDaysOn: '2024-12-19',
        },
      },
    });
  });

  it('allows a suspension after the decision deadline, but the deadline stays expired', () => {
    expect(
      decideAsHead(underReview(), {
        type: 'suspend',
        suspendedOn: d('2024-12-10'),
        ground: 'awaiting_other_case',
      }),
    ).toMatchObject({
      ok: true,
      changes: { status: 'suspended', decisionDueOn: '2024-12-09' },
      event: {
        type: 'suspended',
        payload: { previousDecisionDueOn: '2024-12-09', afterDue: true },
      },
    });
  });

  it('keeps the remaining time of a suspension on the last day: due on the resumption', () => {
    const suspended = factsIn('suspended', { suspendedOn: d('2024-12-09'), decisionDueOn: null });
    expect(decideAsHead(suspended, { type: 'resume', resumedOn: d('2024-12-20') })).toMatchObject({
      ok: true,
      changes: { decisionDueOn: '2024-12-20' },
    });
  });

  it('resumes a suspension that began after the deadline without moving it', () => {
    const late = factsIn('suspended', {
      suspendedOn: d('2024-12-10'),
      decisionDueOn: d('2024-12-09'),
    });
    expect(decideAsHead(late, { type: 'resume', resumedOn: d('2025-01-20') })).toMatchObject({
      ok: true,
      changes: { status: 'under_review', decisionDueOn: '2024-12-09' },
    });
  });

  it('refuses an unknown ground with 422 suspension_ground_invalid', () => {
    expect(
      decideAsHead(underReview(), {
        type: 'suspend',
        suspendedOn: d('2024-10-20'),
        ground: 'bored' as never,
      }),
    ).toMatchObject(refusal('suspension_ground_invalid'));
  });

  it('resumes: the suspended days push the deadline back', () => {
    // 12-07 + 26 days (10-20 → 11-15) = 2025-01-02.
    expect(
      decideAsHead(factsIn('suspended'), { type: 'resume', resumedOn: d('2024-11-15') }),
    ).toEqual({
      ok: true,
      changes: {
        status: 'under_review',
        suspendedOn: null,
        suspensionGround: null,
        suspensions: [
          {
            suspendedOn: '2024-10-20',
            resumedOn: '2024-11-15',
            ground: 'awaiting_other_case',
          },
        ],
        decisionDueOn: '2025-01-02',
      },
      event: {
        type: 'resumed',
        occurredOn: '2024-11-15',
        payload: {
          resumedOn: '2024-11-15',
          suspendedOn: '2024-10-20',
          ground: 'awaiting_other_case',
          suspendedDays: 26,
          decisionDueOn: '2025-01-02',
        },
      },
    });
  });
});

describe('extend (第六十二条第一款)', () => {
  it('extends by 30 days on the last day (12-07 + 30 = 2025-01-06)', () => {
    expect(
      decideAsHead(underReview(), {
        type: 'extend',
        approvedOn: d('2024-12-09'),
        days: 30,
        reason: 'complex',
      }),
    ).toMatchObject({
      ok: true,
      changes: {
        status: 'under_review',
        extension: {
          approvedOn: '2024-12-09',
          days: 30,
          reason: 'complex',
          approvedBy: 'user-head',
        },
        decisionDueOn: '2025-01-06',
      },
      event: { type: 'extended', payload: { previousDueOn: '2024-12-09' } },
    });
  });

  it('extends while suspended: the suspension began in time, so the deadline has not passed', () => {
    expect(
      decideAsHead(factsIn('suspended'), {
        type: 'extend',
        approvedOn: d('2025-03-01'),
        days: 10,
        reason: 'complex',
      }),
    ).toMatchObject({ ok: true, changes: { status: 'suspended', decisionDueOn: null } });
  });

  // Changed: an extension while suspended used to be always in time ("the clock is paused"). A
  // suspension that began after the deadline stopped nothing, so the deadline had passed.
  it('refuses an extension during a suspension that began after the deadline', () => {
    const decision = decideAsHead(
      factsIn('suspended', { suspendedOn: d('2024-12-10'), decisionDueOn: d('2024-12-09') }),
      { type: 'extend', approvedOn: d('2024-12-11'), days: 10, reason: 'complex' },
    );
    expect(decision).toMatchObject(
      refusal('extension_after_deadline', '行政复议法 第六十二条第一款'),
    );
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain('did not stop it');
    }
  });

  it('extends during a suspension that began on the last day', () => {
    expect(
      decideAsHead(factsIn('suspended', { suspendedOn: d('2024-12-09') }), {
        type: 'extend',
        approvedOn: d('2024-12-20'),
        days: 10,
        reason: 'complex',
      }),
    ).toMatchObject({ ok: true });
  });

  it.each<[string, Partial<CaseFacts>, Partial<CaseCommandOf<'extend'>>, string, string]>([
    [
      'after the deadline',
      {},
      { approvedOn: d('2024-12-10') },
      'extension_after_deadline',
      '第六十二条第一款',
    ],
    [
      'in simplified procedure',
      { procedure: 'simplified', decisionDueOn: d('2024-11-07') },
      { approvedOn: d('2024-10-20') },
      'extension_ordinary_only',
      '第六十二条第二款、第五十五条',
    ],
    [
      'a second time',
      { extension: { approvedOn: d('2024-11-01'), days: 5, reason: 'x', approvedBy: null } },
      {},
      'extension_once_only',
      '第六十二条第一款',
    ],
    ['over 30 days', {}, { days: 31 }, 'extension_too_long', '第六十二条第一款'],
    ['of zero days', {}, { days: 0 }, 'extension_days_invalid', '第六十二条第一款'],
    ['without a reason', {}, { reason: ' ' }, 'extension_reason_required', '第六十二条第一款'],
    [
      'before acceptance',
      {},
      { approvedOn: d('2024-10-01') },
      'dates_out_of_order',
      '第六十二条第一款',
    ],
  ])('refuses an extension %s', (_what, facts, command, rule, article) => {
    expect(
      decideAsHead(underReview(facts), {
        type: 'extend',
        approvedOn: d('2024-11-20'),
        days: 30,
        reason: 'complex',
        ...command,
      }),
    ).toMatchObject(refusal(rule, `行政复议法 ${article}`));
  });

  it('refuses an extension by a clerk with 403 extension_head_only', () => {
    expect(
      decide(underReview(), {
        type: 'extend',
        approvedOn: d('2024-11-20'),
        days: 30,
        reason: 'complex',
      }),
    ).toMatchObject(refusal('extension_head_only', '行政复议法 第六十二条第一款', 403));
  });
});

describe('switch_procedure (第五十五条)', () => {
  it('switches simplified → ordinary: 60 days from acceptance', () => {
    expect(
      decideAsHead(underReview({ procedure: 'simplified', decisionDueOn: d('2024-11-07') }), {
        type: 'switch_procedure',
        approvedOn: d('2024-10-20'),
      }),
    ).toMatchObject({
      ok: true,
      changes: { procedure: 'ordinary', decisionDueOn: '2024-12-09' },
      event: {
        type: 'procedure_switched',
        payload: {
          from: 'simplified',
          to: 'ordinary',
          previousDueOn: '2024-11-07',
          afterDue: false,
        },
      },
    });
  });

  it('refuses switching an ordinary case with 422 procedure_already_ordinary', () => {
    expect(
      decideAsHead(underReview(), { type: 'switch_procedure', approvedOn: d('2024-10-20') }),
    ).toMatchObject(refusal('procedure_already_ordinary', '行政复议法 第五十五条'));
  });

  it('refuses a switch by a clerk with 403 switch_procedure_head_only', () => {
    expect(
      decide(underReview({ procedure: 'simplified' }), {
        type: 'switch_procedure',
        approvedOn: d('2024-10-20'),
      }),
    ).toMatchObject(refusal('switch_procedure_head_only', '行政复议法 第五十五条', 403));
  });
});
