import { LegalCalendar } from '../calendar/legal-calendar.model';
import { TEST_CALENDAR_DATA } from '../calendar/test-calendar.fixture';
import { userCommandsAllowed } from './allowed-commands.rule';
import {
  EXPECTED_TABLE,
  baseFacts,
  context,
  d,
  factsIn,
  headContext,
  sampleCommand,
} from './case-facts.fixture';
import { decideCaseCommand } from './decide-case-command.rule';
import { CASE_STATUSES } from './reconsideration-case.types';
import type { CaseCommandType, CaseStatus } from './reconsideration-case.types';

const COMMAND_TYPES: CaseCommandType[] = [
  'assign',
  'request_correction',
  'record_correction_notice_served',
  'receive_correction',
  'extend_correction_period',
  'accept',
  'reject',
  'send_copy',
  'record_reply',
  'record_opinion_heard',
  'record_written_review',
  'suspend',
  'resume',
  'extend',
  'switch_procedure',
  'conclude',
  'serve',
  'archive',
  'reopen',
  'deem_accept',
  'deem_abandon',
];

/** Allowed by the table but refused by a rule on the sample facts (checked in the rule specs). */
const REFUSED_BY_RULE: Partial<Record<CaseStatus, Partial<Record<CaseCommandType, string>>>> = {
  correction_requested: { record_correction_notice_served: 'correction_notice_already_served' },
  under_review: { switch_procedure: 'procedure_already_ordinary' },
};

const matrix = CASE_STATUSES.flatMap((status) =>
  COMMAND_TYPES.map((type) => [status, type, EXPECTED_TABLE[status].includes(type)] as const),
);

describe('decideCaseCommand: every status × every command', () => {
  it.each(matrix)('%s + %s: allowed by the table = %s', (status, type, allowed) => {
    const decision = decideCaseCommand(factsIn(status), sampleCommand(type, status), headContext());
    if (!allowed) {
      expect(decision).toEqual({
        ok: false,
        refusal: {
          kind: 'illegal_transition',
          status,
          allowed: userCommandsAllowed(status),
        },
      });
      return;
    }
    const refusedBy = REFUSED_BY_RULE[status]?.[type];
    if (refusedBy !== undefined) {
      expect(decision).toMatchObject({ ok: false, refusal: { kind: 'rule', rule: refusedBy } });
      return;
    }
    expect(decision).toMatchObject({ ok: true });
    if (decision.ok) {
      expect(CASE_STATUSES).toContain(decision.changes.status);
      expect(decision.event.type).toMatch(/^[a-z_]+$/);
    }
  });

  it('names the allowed user commands in a 409 refusal', () => {
    expect(
      decideCaseCommand(factsIn('received'), sampleCommand('serve', 'received'), context()),
    ).toEqual({
      ok: false,
      refusal: {
        kind: 'illegal_transition',
        status: 'received',
        allowed: ['assign', 'request_correction', 'accept', 'reject'],
      },
    });
  });

  it.each<[CaseCommandType, string]>([
    ['deem_accept', 'deemed_accepted'],
    ['assign', 'assigned'],
    ['accept', 'accepted'],
    ['reject', 'rejected'],
    ['request_correction', 'correction_requested'],
  ])('records %s as the event %s', (type, event) => {
    const decision = decideCaseCommand(
      factsIn('received'),
      sampleCommand(type, 'received'),
      context(),
    );
    expect(decision).toMatchObject({ ok: true, event: { type: event } });
  });
});

describe('decideCaseCommand: common rules', () => {
  it('refuses a date after today with 422 date_in_future', () => {
    const decision = decideCaseCommand(
      baseFacts(),
      { type: 'accept', acceptedOn: d('2024-10-09') },
      context({ today: d('2024-10-08') }),
    );
    expect(decision).toMatchObject({
      ok: false,
      refusal: {
        kind: 'rule',
        httpStatus: 422,
        rule: 'date_in_future',
        basis: '行政复议法 第三十条',
      },
    });
    if (!decision.ok && decision.refusal.kind === 'rule') {
      expect(decision.refusal.detail).toContain('2024-10-09');
      expect(decision.refusal.detail).toContain('2024-10-08');
    }
  });

  it('accepts a date equal to today', () => {
    expect(
      decideCaseCommand(
        baseFacts(),
        { type: 'accept', acceptedOn: d('2024-10-08') },
        context({ today: d('2024-10-08') }),
      ).ok,
    ).toBe(true);
  });

  it('checks every date of the command against today (the respondent receipt too)', () => {
    const decision = decideCaseCommand(
      factsIn('under_review'),
      { type: 'send_copy', sentOn: d('2024-10-10'), respondentReceivedOn: d('2024-10-14') },
      context({ today: d('2024-10-11') }),
    );
    expect(decision).toMatchObject({ ok: false, refusal: { rule: 'date_in_future' } });
  });

  it.each<[CaseCommandType, CaseStatus, string, string]>([
    ['extend', 'under_review', 'extension_head_only', '行政复议法 第六十二条第一款'],
    ['switch_procedure', 'under_review', 'switch_procedure_head_only', '行政复议法 第五十五条'],
    [
      'reopen',
      'concluded',
      'reopen_head_only',
      'Fuyi lifecycle (DESIGN): reopen by the office head',
    ],
  ])('refuses %s by a non-head with 403', (type, status, rule, basis) => {
    const decision = decideCaseCommand(
      factsIn(status, { procedure: 'simplified' }),
      sampleCommand(type, status),
      context(),
    );
    expect(decision).toEqual({
      ok: false,
      refusal: { kind: 'rule', httpStatus: 403, rule, basis, detail: expect.any(String) },
    });
  });

  describe('a period reaching a year the calendar does not hold (2027)', () => {
    const facts = baseFacts({
      knownOn: d('2026-12-20'),
      actOn: d('2026-12-20'),
      receivedOn: d('2026-12-28'),
      reviewStartOn: d('2026-12-28'),
    });

    it('accepts in 2026: the review cannot have ended before 2027, and leaves the decision due date to the store', () => {
      const decision = decideCaseCommand(
        facts,
        { type: 'accept', acceptedOn: d('2026-12-29') },
        context({ today: d('2026-12-30') }),
      );
      expect(decision).toMatchObject({
        ok: true,
        changes: { status: 'under_review', acceptedOn: '2026-12-29' },
      });
      if (decision.ok) expect(decision.changes).not.toHaveProperty('decisionDueOn');
    });

    it('refuses the deemed acceptance in 2027 with 422 calendar_year_missing', () => {
      expect(
        decideCaseCommand(facts, { type: 'deem_accept' }, context({ today: d('2027-01-08') })),
      ).toMatchObject({
        ok: false,
        refusal: { kind: 'rule', httpStatus: 422, rule: 'calendar_year_missing' },
      });
    });
  });

  it('does not need the 5-year outer limit year (2029) to accept an application in 2024', () => {
    expect(decideCaseCommand(baseFacts(), sampleCommand('accept', 'received'), context()).ok).toBe(
      true,
    );
  });

  it('still decides with a calendar of a single year when no other year is needed', () => {
    const only2024 = LegalCalendar.fromData({
      version: 1,
      years: TEST_CALENDAR_DATA.years.filter((year) => year.year === 2024),
    });
    expect(
      decideCaseCommand(
        baseFacts(),
        sampleCommand('accept', 'received'),
        context({
          calendar: only2024,
        }),
      ).ok,
    ).toBe(true);
  });

  it('assigns a handler and records the previous one', () => {
    const decision = decideCaseCommand(
      factsIn('served', { handlerId: 'user-a' }),
      { type: 'assign', handlerId: 'user-b' },
      context({ today: d('2025-01-02') }),
    );
    expect(decision).toEqual({
      ok: true,
      changes: { status: 'served', handlerId: 'user-b' },
      event: {
        type: 'assigned',
        occurredOn: '2025-01-02',
        payload: { handlerId: 'user-b', previousHandlerId: 'user-a' },
      },
    });
  });

  it('refuses an empty handler with 422 handler_required', () => {
    expect(
      decideCaseCommand(baseFacts(), { type: 'assign', handlerId: ' ' }, context()),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'handler_required', basis: '行政复议法 第三十六条第一款' },
    });
  });
});
