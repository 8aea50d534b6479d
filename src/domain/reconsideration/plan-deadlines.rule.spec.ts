import { computeDeadline } from '../deadlines/compute-deadline.rule';
import { DEADLINE_KINDS } from '../deadlines/deadline-definition.type';
import { calendar, d, factsIn } from './case-facts.fixture';
import { planDeadlines } from './plan-deadlines.rule';
import { CASE_STATUSES } from './reconsideration-case.types';
import type { CaseFacts } from './reconsideration-case.types';

const plan = (facts: CaseFacts) => planDeadlines(facts, calendar);

/** The plan in short, leaving out the application period (tested on its own below). */
const summary = (facts: CaseFacts) => {
  const { open, met, late, cancelled, awaiting } = plan(facts);
  const application = (entry: { kind: string }) => entry.kind !== 'application_limitation';
  return {
    open: open.map((input) => `${input.kind}@${input.triggerOn}`).sort(),
    met: met
      .filter(application)
      .map((entry) => `${entry.kind}@${entry.on}`)
      .sort(),
    ...(late.length === 0 ? {} : { late: late.map((entry) => `${entry.kind}@${entry.on}`).sort() }),
    cancelled: [...cancelled].sort(),
    ...(awaiting.length === 0
      ? {}
      : { awaiting: awaiting.map((entry) => `${entry.kind}:${entry.action}`) }),
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
    expect(plan(facts).open[0]).toMatchObject({
      triggerEvent: 'corrected_materials_received',
    });
  });

  it('correction_requested: the reply runs from the service with its extensions, the review is cancelled', () => {
    expect(summary(factsIn('correction_requested'))).toEqual({
      open: ['correction_reply@2024-10-08'],
      met: ['correction_notice@2024-09-30'],
      cancelled: ['acceptance_review'],
    });
    const extended = factsIn('correction_requested', {
      correctionExtensions: [
        { approvedOn: d('2024-10-15'), days: 5, reason: 'in hospital', approvedBy: 'u1' },
      ],
    });
    const reply = plan(extended).open[0];
    // 10-21 + 5 working days = 10-28.
    expect(computeDeadline(calendar, reply)).toMatchObject({
      rawDueOn: '2024-10-21',
      dueOn: '2024-10-28',
    });
  });

  // Changed: the notice date used to stand in for its service. 第三十一条第二款 counts from the
  // applicant's receipt: until it is recorded there is no period, and the clerk is asked for it.
  it('correction_requested before the service is recorded: the reply awaits it, no period runs', () => {
    expect(summary(factsIn('correction_requested', { correctionNoticeServedOn: null }))).toEqual({
      open: [],
      met: ['correction_notice@2024-09-30'],
      cancelled: ['acceptance_review'],
      awaiting: ['correction_reply:record_correction_notice_served'],
    });
  });

  it('received again after mailed materials: the reply is met on the postmark', () => {
    const facts = factsIn('received', {
      correctionNoticeOn: d('2024-09-30'),
      correctionNoticeServedOn: d('2024-10-08'),
      correctionPostmarkedOn: d('2024-10-21'),
      correctionReceivedOn: d('2024-10-24'),
      reviewStartOn: d('2024-10-24'),
    });
    expect(summary(facts).met).toEqual([
      'correction_notice@2024-09-30',
      'correction_reply@2024-10-21',
    ]);
  });

  it('under_review: copy met, reply and decision open', () => {
    expect(summary(factsIn('under_review'))).toEqual({
      open: ['decision@2024-10-08', 'respondent_reply@2024-10-12'],
      met: ['acceptance_review@2024-10-08', 'copy_to_respondent@2024-10-10'],
      cancelled: ['correction_notice'],
    });
  });

  it('under_review before the copy: the copy deadline is open, by procedure', () => {
    const { open } = plan(
      factsIn('under_review', {
        copySentOn: null,
        respondentReceivedOn: null,
        procedure: 'simplified',
      }),
    );
    expect(open).toEqual([
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
    const decision = plan(facts).open.find((input) => input.kind === 'decision');
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
    const { cancelled, open } = plan(facts);
    expect(cancelled).toContain('suspension_termination');
    const decision = open.find((input) => input.kind === 'decision');
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

  it('concluded late, copy and reply late: done late, with the date they were done', () => {
    expect(
      summary(
        factsIn('concluded', {
          // Copy due 10-16 (7 working days from 10-08), reply due 10-28 (10 from 10-14).
          copySentOn: d('2024-10-18'),
          respondentReceivedOn: d('2024-10-14'),
          replyReceivedOn: d('2024-11-01'),
          concludedOn: d('2024-12-10'),
          concludedLate: true,
          lateReason: 'the expert opinion came late',
        }),
      ),
    ).toEqual({
      open: [],
      met: ['acceptance_review@2024-10-08'],
      late: ['copy_to_respondent@2024-10-18', 'decision@2024-12-10', 'respondent_reply@2024-11-01'],
      cancelled: ['correction_notice'],
    });
  });

  it('a reply posted on its last day is met on the postmark, whatever day it arrives', () => {
    const facts = factsIn('under_review', {
      respondentReceivedOn: d('2024-10-14'),
      replyPostmarkedOn: d('2024-10-28'),
      replyReceivedOn: d('2024-10-31'),
    });
    expect(summary(facts).met).toContain('respondent_reply@2024-10-28');
    expect(summary({ ...facts, replyPostmarkedOn: null }).late).toEqual([
      'respondent_reply@2024-10-31',
    ]);
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
      const { open, met, late, cancelled, awaiting } = plan(factsIn(status));
      const kinds = [
        ...open.map((input) => input.kind),
        ...[...met, ...late, ...awaiting].map((entry) => entry.kind),
        ...cancelled,
      ];
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const kind of kinds) expect(DEADLINE_KINDS).toContain(kind);
      for (const input of open) expect(() => computeDeadline(calendar, input)).not.toThrow();
    },
  );

  describe('application_limitation (行政复议法 第二十条、第二十一条), from intake', () => {
    const application = (facts: CaseFacts) => {
      const { met, late } = plan(facts);
      const entry = [...met, ...late].find((item) => item.kind === 'application_limitation');
      return { late: late.includes(entry as never), ...entry };
    };

    it('is met on the filing date when in time, with the last day and its computation', () => {
      expect(application(factsIn('received'))).toMatchObject({
        late: false,
        on: '2024-09-27',
        // 09-10 + 60 = 11-09 (Saturday) → 11-11.
        dueOn: '2024-11-11',
        input: { kind: 'application_limitation', triggerOn: '2024-09-10' },
      });
    });

    it('is late on the filing date when filed after the 60 days, before anyone accepts', () => {
      expect(
        application(factsIn('received', { knownOn: d('2024-07-01'), actOn: d('2024-07-01') })),
      ).toMatchObject({ late: true, on: '2024-09-27', dueOn: '2024-08-30' });
    });

    it('counts a mailed application on its postmark', () => {
      expect(
        application(
          factsIn('received', {
            knownOn: d('2024-07-29'),
            channel: 'mail',
            postmarkedOn: d('2024-09-27'),
            receivedOn: d('2024-09-30'),
            reviewStartOn: d('2024-09-30'),
          }),
        ),
      ).toMatchObject({ late: false, on: '2024-09-27', dueOn: '2024-09-27' });
    });

    it('is late beyond the five-year limit of 第二十一条', () => {
      expect(application(factsIn('received', { actOn: d('2019-09-01') }))).toMatchObject({
        late: true,
        dueOn: '2024-09-02',
      });
    });

    it('stays in every later status, judged on the same filing', () => {
      for (const status of CASE_STATUSES) {
        expect(application(factsIn(status))).toMatchObject({ late: false, on: '2024-09-27' });
      }
    });
  });
});
