import { baseFacts, context, d, factsIn, refusal } from './case-facts.fixture';
import { decideCaseCommand } from './decide-case-command.rule';
import type { CaseCommand, CaseFacts, Decision } from './reconsideration-case.types';

const decide = (facts: CaseFacts, command: CaseCommand, today = '2025-06-30'): Decision =>
  decideCaseCommand(facts, command, context({ today: d(today) }));

describe('request_correction (行政复议法 第三十一条第一款)', () => {
  it('records the notice within 5 working days over National Day 2024 (09-27 → 10-10)', () => {
    expect(
      decide(baseFacts(), {
        type: 'request_correction',
        noticeOn: d('2024-10-10'),
        items: [' signature ', ''],
      }),
    ).toEqual({
      ok: true,
      changes: {
        status: 'correction_requested',
        correctionNoticeOn: '2024-10-10',
        correctionItems: ['signature'],
      },
      event: {
        type: 'correction_requested',
        occurredOn: '2024-10-10',
        payload: {
          noticeOn: '2024-10-10',
          items: ['signature'],
          noticeDueOn: '2024-10-10',
          previousStatus: 'received',
        },
      },
    });
  });

  it('refuses a notice after the 5 working days with 422 correction_notice_period_passed', () => {
    const decision = decide(baseFacts(), {
      type: 'request_correction',
      noticeOn: d('2024-10-11'),
      items: ['signature'],
    });
    expect(decision).toMatchObject(
      refusal('correction_notice_period_passed', '行政复议法 第三十一条第一款'),
    );
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain('2024-10-10');
    }
  });

  it('refuses a second notice with 422 correction_once_only (一次性载明)', () => {
    const corrected = baseFacts({
      correctionNoticeOn: d('2024-09-30'),
      correctionItems: ['signature'],
      correctionReceivedOn: d('2024-10-09'),
      reviewStartOn: d('2024-10-09'),
    });
    expect(
      decide(corrected, { type: 'request_correction', noticeOn: d('2024-10-10'), items: ['x'] }),
    ).toMatchObject(refusal('correction_once_only', '行政复议法 第三十一条第一款'));
  });

  it('refuses a notice with no items with 422 correction_items_required', () => {
    expect(
      decide(baseFacts(), { type: 'request_correction', noticeOn: d('2024-09-30'), items: [' '] }),
    ).toMatchObject(refusal('correction_items_required'));
  });

  it('refuses a notice before the receipt with 422 dates_out_of_order', () => {
    expect(
      decide(baseFacts(), { type: 'request_correction', noticeOn: d('2024-09-26'), items: ['x'] }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });
});

/** Received 2025-01-14, notice 2025-01-16, served Monday 2025-01-20: over Spring Festival 2025. */
const springFestival = (overrides: Partial<CaseFacts> = {}): CaseFacts =>
  factsIn('correction_requested', {
    knownOn: d('2025-01-02'),
    actOn: d('2025-01-02'),
    receivedOn: d('2025-01-14'),
    reviewStartOn: d('2025-01-14'),
    correctionNoticeOn: d('2025-01-16'),
    correctionNoticeServedOn: d('2025-01-20'),
    ...overrides,
  });

describe('record_correction_notice_served (第三十一条第二款)', () => {
  it('records the service and the reply period it starts', () => {
    const decision = decide(springFestival({ correctionNoticeServedOn: null }), {
      type: 'record_correction_notice_served',
      servedOn: d('2025-01-20'),
    });
    expect(decision).toMatchObject({
      ok: true,
      changes: { status: 'correction_requested', correctionNoticeServedOn: '2025-01-20' },
      event: { type: 'correction_notice_served', payload: { replyDueOn: '2025-02-08' } },
    });
  });

  it('refuses a service before the notice with 422 dates_out_of_order', () => {
    expect(
      decide(springFestival({ correctionNoticeServedOn: null }), {
        type: 'record_correction_notice_served',
        servedOn: d('2025-01-15'),
      }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });

  it('refuses recording the service twice with 422 correction_notice_already_served', () => {
    expect(
      decide(springFestival(), {
        type: 'record_correction_notice_served',
        servedOn: d('2025-01-21'),
      }),
    ).toMatchObject(refusal('correction_notice_already_served'));
  });
});

describe('receive_correction (第三十一条第二款、第三款)', () => {
  // 10 working days from 01-20: 01-21…01-24, Sunday 01-26 (调休), 01-27, then 01-28…02-04 are
  // holidays, 02-05, 02-06, 02-07, Saturday 02-08 (调休) → 2025-02-08.
  it('accepts materials on the last day and restarts the acceptance review from them', () => {
    expect(
      decide(springFestival(), { type: 'receive_correction', receivedOn: d('2025-02-08') }),
    ).toEqual({
      ok: true,
      changes: {
        status: 'received',
        correctionReceivedOn: '2025-02-08',
        correctionPostmarkedOn: null,
        reviewStartOn: '2025-02-08',
      },
      event: {
        type: 'correction_received',
        occurredOn: '2025-02-08',
        payload: {
          receivedOn: '2025-02-08',
          postmarkedOn: null,
          replyDueOn: '2025-02-08',
          previousReviewStartOn: '2025-01-14',
          reviewDueOn: '2025-02-14',
          previousStatus: 'correction_requested',
        },
      },
    });
  });

  it('refuses materials after the period with 422 correction_reply_period_passed', () => {
    const decision = decide(springFestival(), {
      type: 'receive_correction',
      receivedOn: d('2025-02-10'),
    });
    expect(decision).toMatchObject(
      refusal('correction_reply_period_passed', '行政复议法 第三十一条第二款'),
    );
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain('2025-02-08');
    }
  });

  it('counts the postmark of materials sent by mail, and records it', () => {
    expect(
      decide(springFestival(), {
        type: 'receive_correction',
        receivedOn: d('2025-02-12'),
        postmarkedOn: d('2025-02-08'),
      }),
    ).toMatchObject({
      ok: true,
      changes: { correctionPostmarkedOn: '2025-02-08', correctionReceivedOn: '2025-02-12' },
      event: { type: 'correction_received', payload: { postmarkedOn: '2025-02-08' } },
    });
  });

  // Changed: the notice date (01-16) used to stand in for the service, making materials after
  // 02-06 late. 第三十一条第二款 counts from the applicant's receipt: none recorded, no period.
  it('takes materials at any time while the service of the notice is not recorded', () => {
    expect(
      decide(springFestival({ correctionNoticeServedOn: null }), {
        type: 'receive_correction',
        receivedOn: d('2025-03-10'),
      }),
    ).toMatchObject({ ok: true, changes: { status: 'received' } });
  });

  it('refuses materials posted after the period with 422, naming the postmark', () => {
    const late = decide(springFestival(), {
      type: 'receive_correction',
      receivedOn: d('2025-02-12'),
      postmarkedOn: d('2025-02-10'),
    });
    expect(late).toMatchObject(refusal('correction_reply_period_passed'));
    if (!late.ok && late.refusal.kind === 'rule') {
      expect(late.refusal.detail).toContain('posted on 2025-02-10');
    }
  });

  it('refuses materials before the notice with 422 dates_out_of_order', () => {
    expect(
      decide(springFestival(), { type: 'receive_correction', receivedOn: d('2025-01-15') }),
    ).toMatchObject(refusal('dates_out_of_order'));
  });
});

describe('receive_correction on a case deemed abandoned (第三十一条第二款、第三款; mail)', () => {
  const abandoned = (overrides: Partial<CaseFacts> = {}): CaseFacts =>
    springFestival({ status: 'abandoned', abandonedOn: d('2025-02-09'), ...overrides });

  it('reinstates the case when the materials were posted on the last day', () => {
    expect(
      decide(abandoned(), {
        type: 'receive_correction',
        receivedOn: d('2025-02-12'),
        postmarkedOn: d('2025-02-08'),
      }),
    ).toEqual({
      ok: true,
      changes: {
        status: 'received',
        abandonedOn: null,
        correctionReceivedOn: '2025-02-12',
        correctionPostmarkedOn: '2025-02-08',
        reviewStartOn: '2025-02-12',
      },
      event: {
        type: 'reinstated_after_mail',
        occurredOn: '2025-02-12',
        payload: {
          receivedOn: '2025-02-12',
          postmarkedOn: '2025-02-08',
          replyDueOn: '2025-02-08',
          previousReviewStartOn: '2025-01-14',
          // The review runs again from the receipt of the materials: 5 working days.
          reviewDueOn: '2025-02-19',
          previousStatus: 'abandoned',
          previousAbandonedOn: '2025-02-09',
          basis: '行政复议法 第三十一条第二款、第三款',
        },
      },
    });
  });

  it.each<[string, string | undefined, string, string | null]>([
    // what, postmark, receipt, event type (null: refused)
    ['posted on the last day', '2025-02-08', '2025-02-14', 'reinstated_after_mail'],
    ['posted the day before', '2025-02-07', '2025-02-10', 'reinstated_after_mail'],
    [
      'received in person on the last day, recorded late',
      undefined,
      '2025-02-08',
      'reinstated_received_in_time',
    ],
    ['posted the day after the last day', '2025-02-09', '2025-02-11', null],
    ['handed in after the last day', undefined, '2025-02-10', null],
  ])('materials %s: %s', (_what, postmarkedOn, receivedOn, type) => {
    const decision = decide(abandoned(), {
      type: 'receive_correction',
      receivedOn: d(receivedOn),
      ...(postmarkedOn === undefined ? {} : { postmarkedOn: d(postmarkedOn) }),
    });
    if (type === null) {
      expect(decision).toMatchObject(
        refusal('correction_reply_period_passed', '行政复议法 第三十一条第二款'),
      );
      if (!decision.ok && decision.refusal.kind === 'rule') {
        expect(decision.refusal.detail).toContain('deemed abandoned');
      }
    } else {
      expect(decision).toMatchObject({
        ok: true,
        changes: { status: 'received' },
        event: { type },
      });
    }
  });

  it('measures the postmark against the extended period', () => {
    const extended = abandoned({
      abandonedOn: d('2025-02-15'),
      correctionExtensions: [
        { approvedOn: d('2025-02-06'), days: 5, reason: 'in hospital', approvedBy: 'u1' },
      ],
    });
    const posted = (on: string) =>
      decide(extended, {
        type: 'receive_correction',
        receivedOn: d('2025-02-18'),
        postmarkedOn: d(on),
      });
    expect(posted('2025-02-14')).toMatchObject({
      ok: true,
      event: { type: 'reinstated_after_mail' },
    });
    expect(posted('2025-02-15')).toMatchObject(refusal('correction_reply_period_passed'));
  });
});

describe('extend_correction_period (第三十一条第二款: 延长合理的补正期限)', () => {
  const extend = (approvedOn: string, days = 5, reason = 'the applicant is in hospital') =>
    ({ type: 'extend_correction_period', approvedOn: d(approvedOn), days, reason }) as const;

  it('extends the running period in working days, from its last day, at a clerk’s request', () => {
    // Due 02-08 (an adjusted working Saturday); 5 working days more: 02-10 … 02-14.
    expect(decide(springFestival(), extend('2025-02-05'))).toEqual({
      ok: true,
      changes: {
        status: 'correction_requested',
        correctionExtensions: [
          {
            approvedOn: '2025-02-05',
            days: 5,
            reason: 'the applicant is in hospital',
            approvedBy: 'user-clerk',
          },
        ],
      },
      event: {
        type: 'correction_period_extended',
        occurredOn: '2025-02-05',
        payload: {
          approvedOn: '2025-02-05',
          days: 5,
          reason: 'the applicant is in hospital',
          approvedBy: 'user-clerk',
          unit: 'working_days',
          extensionNumber: 1,
          previousDueOn: '2025-02-08',
          replyDueOn: '2025-02-14',
          basis: '行政复议法 第三十一条第二款',
        },
      },
    });
  });

  it('can be extended again on the last day of the extended period', () => {
    const once = springFestival({
      correctionExtensions: [
        { approvedOn: d('2025-02-05'), days: 5, reason: 'in hospital', approvedBy: 'u1' },
      ],
    });
    expect(decide(once, extend('2025-02-14', 3))).toMatchObject({
      ok: true,
      event: {
        payload: { extensionNumber: 2, previousDueOn: '2025-02-14', replyDueOn: '2025-02-19' },
      },
    });
    expect(decide(once, extend('2025-02-17', 3))).toMatchObject(
      refusal('correction_extension_after_deadline', '行政复议法 第三十一条第二款'),
    );
  });

  it.each<[string, Partial<CaseFacts>, CaseCommand, string]>([
    ['after the period ended', {}, extend('2025-02-10'), 'correction_extension_after_deadline'],
    [
      'before the service of the notice is recorded',
      { correctionNoticeServedOn: null },
      extend('2025-01-20'),
      'correction_notice_not_served',
    ],
    ['approved before the service', {}, extend('2025-01-18'), 'dates_out_of_order'],
    ['of zero days', {}, extend('2025-02-05', 0), 'extension_days_invalid'],
    ['of a fraction of a day', {}, extend('2025-02-05', 1.5), 'extension_days_invalid'],
    ['of more than 30 working days', {}, extend('2025-02-05', 31), 'extension_too_long'],
    ['without a reason', {}, extend('2025-02-05', 5, '  '), 'correction_extension_reason_required'],
  ])('refuses an extension %s with 422', (_what, overrides, command, rule) => {
    expect(decide(springFestival(overrides), command)).toMatchObject(
      refusal(rule, '行政复议法 第三十一条第二款'),
    );
  });

  it('allows up to 30 working days at a time', () => {
    expect(decide(springFestival(), extend('2025-02-08', 30))).toMatchObject({
      ok: true,
      event: { payload: { replyDueOn: '2025-03-21' } },
    });
  });

  it('refuses an approval dated in the future', () => {
    expect(decide(springFestival(), extend('2025-02-05'), '2025-02-04')).toMatchObject(
      refusal('date_in_future'),
    );
  });
});

describe('deem_abandon (第三十一条第二款)', () => {
  it('refuses while the correction period runs with 422 correction_reply_running', () => {
    expect(decide(springFestival(), { type: 'deem_abandon' }, '2025-02-08')).toMatchObject(
      refusal('correction_reply_running'),
    );
  });

  it('deems the application abandoned the day after the period ends', () => {
    expect(decide(springFestival(), { type: 'deem_abandon' }, '2025-02-09')).toMatchObject({
      ok: true,
      changes: { status: 'abandoned', abandonedOn: '2025-02-09' },
      event: {
        type: 'deemed_abandoned',
        occurredOn: '2025-02-09',
        payload: { replyDueOn: '2025-02-08', countedFrom: 'notice_served', extensions: 0 },
      },
    });
  });

  it('waits for the extended period', () => {
    const extended = springFestival({
      correctionExtensions: [
        { approvedOn: d('2025-02-05'), days: 5, reason: 'in hospital', approvedBy: 'u1' },
      ],
    });
    expect(decide(extended, { type: 'deem_abandon' }, '2025-02-14')).toMatchObject(
      refusal('correction_reply_running'),
    );
    expect(decide(extended, { type: 'deem_abandon' }, '2025-02-15')).toMatchObject({
      ok: true,
      changes: { abandonedOn: '2025-02-15' },
      event: { payload: { replyDueOn: '2025-02-14', extensions: 1 } },
    });
  });

  // Changed: the notice date used to stand in for the service, so a case could be deemed
  // abandoned before the applicant had the notice (第三十一条第二款 counts from the receipt).
  it('refuses while the service of the notice is not recorded with 422 correction_notice_not_served', () => {
    expect(
      decide(springFestival({ correctionNoticeServedOn: null }), { type: 'deem_abandon' }),
    ).toMatchObject(refusal('correction_notice_not_served', '行政复议法 第三十一条第二款'));
  });
});
