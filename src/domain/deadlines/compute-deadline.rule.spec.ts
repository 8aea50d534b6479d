import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import { LegalCalendar } from '../calendar/legal-calendar.model';
import { parseLegalDate } from '../calendar/legal-date.value';
import {
  TEST_CALENDAR_DATA,
  TEST_CALENDAR_WITH_PROVISIONAL_2027,
} from '../calendar/test-calendar.fixture';
import { checkExtension } from './check-extension.rule';
import { computeDeadline } from './compute-deadline.rule';
import type { DeadlineInput } from './compute-deadline.rule';
import { computeOuterLimit } from './compute-outer-limit.rule';
import type { DeadlineKind, OuterLimitKind } from './deadline-definition.type';
import { DeadlineInputError } from './deadline-input.error';
import { yearsTouched } from './years-touched.rule';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);
const d = parseLegalDate;

function inputError(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DeadlineInputError) return error.code;
    throw error;
  }
  return undefined;
}

describe('computeDeadline', () => {
  it.each<[DeadlineKind, Partial<DeadlineInput>, string, string, string, boolean]>([
    // kind, options, triggerOn, rawDueOn, dueOn, rolledForward
    ['application_limitation', {}, '2024-08-02', '2024-10-01', '2024-10-08', true],
    ['acceptance_review', {}, '2024-09-27', '2024-10-10', '2024-10-10', false],
    [
      'acceptance_review',
      { triggerEvent: 'corrected_materials_received' },
      '2024-02-08',
      '2024-02-21',
      '2024-02-21',
      false,
    ],
    ['correction_notice', {}, '2024-09-27', '2024-10-10', '2024-10-10', false],
    ['correction_reply', {}, '2024-02-08', '2024-02-28', '2024-02-28', false],
    [
      'copy_to_respondent',
      { procedure: 'ordinary' },
      '2025-09-26',
      '2025-10-13',
      '2025-10-13',
      false,
    ],
    [
      'copy_to_respondent',
      { procedure: 'simplified' },
      '2025-09-26',
      '2025-09-30',
      '2025-09-30',
      false,
    ],
    [
      'respondent_reply',
      { procedure: 'ordinary' },
      '2026-09-18',
      '2026-10-09',
      '2026-10-09',
      false,
    ],
    [
      'respondent_reply',
      { procedure: 'simplified' },
      '2026-09-18',
      '2026-09-24',
      '2026-09-24',
      false,
    ],
    ['hearing_notice', {}, '2024-09-27', '2024-10-10', '2024-10-10', false],
    ['decision', { procedure: 'ordinary' }, '2024-08-02', '2024-10-01', '2024-10-08', true],
    ['decision', { procedure: 'simplified' }, '2024-09-01', '2024-10-01', '2024-10-08', true],
    ['suspension_termination', {}, '2025-08-02', '2025-10-01', '2025-10-09', true],
    ['litigation_window', {}, '2026-09-16', '2026-10-01', '2026-10-08', true],
    [
      'litigation_window',
      { triggerEvent: 'decision_period_expired' },
      '2024-03-01',
      '2024-03-16',
      '2024-03-18',
      true,
    ],
    ['defense_submission', {}, '2026-01-17', '2026-02-01', '2026-02-02', true],
    ['appearance_notice', {}, '2024-09-28', '2024-10-01', '2024-10-01', false],
    // "开庭前": due on the session's own day, even a holiday (counted back, never rolled).
    ['identity_proof', {}, '2024-10-02', '2024-10-02', '2024-10-02', false],
    [
      'second_instance_term',
      { triggerEvent: 'case_filed' },
      '2025-07-01',
      '2025-10-01',
      '2025-10-09',
      true,
    ],
    [
      'first_instance_term',
      { procedure: 'ordinary' },
      '2024-04-01',
      '2024-10-01',
      '2024-10-08',
      true,
    ],
    [
      'first_instance_term',
      { procedure: 'simplified' },
      '2024-04-01',
      '2024-05-16',
      '2024-05-16',
      false,
    ],
    ['appeal_window', { instrument: 'judgment' }, '2025-09-16', '2025-10-01', '2025-10-09', true],
    ['appeal_window', { instrument: 'ruling' }, '2025-09-16', '2025-09-26', '2025-09-26', false],
    ['second_instance_term', {}, '2025-07-01', '2025-10-01', '2025-10-09', true],
  ])('%s %j from %s: raw %s, due %s (rolled %s)', (kind, options, triggerOn, raw, due, rolled) => {
    const record = computeDeadline(calendar, { kind, triggerOn: d(triggerOn), ...options });
    expect(record).toMatchObject({
      kind,
      triggerOn,
      rawDueOn: raw,
      adjustedDueOn: raw,
      dueOn: due,
      rolledForward: rolled,
      paused: false,
      adjustments: [],
      calendarVersion: 1,
    });
  });

  it('explains itself: basis, trigger, length and unit', () => {
    expect(
      computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: d('2024-08-02'),
      }),
    ).toEqual({
      kind: 'decision',
      family: 'reconsideration',
      meaning: 'act_by',
      variant: 'ordinary',
      basis: '行政复议法 第六十二条第一款',
      triggerEvent: 'application_accepted',
      triggerOn: '2024-08-02',
      length: 60,
      unit: 'days',
      rawDueOn: '2024-10-01',
      adjustedDueOn: '2024-10-01',
      dueOn: '2024-10-08',
      rolledForward: true,
      suspendedDays: 0,
      extendedDays: 0,
      adjustments: [],
      paused: false,
      pausedOn: null,
      calendarVersion: 1,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('counts an act_before kind back from its trigger: identity proof due on the session day', () => {
    expect(
      computeDeadline(calendar, { kind: 'identity_proof', triggerOn: d('2025-02-08') }),
    ).toMatchObject({
      meaning: 'act_before',
      triggerEvent: 'court_session',
      length: 0,
      unit: 'days',
      rawDueOn: '2025-02-08',
      dueOn: '2025-02-08',
      rolledForward: false,
      basis: '负责人出庭应诉规定 第六条第一款',
    });
  });

  it('marks minimum-notice kinds as "not before" dates', () => {
    expect(
      computeDeadline(calendar, { kind: 'hearing_notice', triggerOn: d('2024-09-27') }).meaning,
    ).toBe('not_before');
  });

  describe('suspension and extension ledger', () => {
    const accepted = d('2024-03-01'); // + 60 days = 2024-04-30 (Tuesday)

    it('adds suspended days and the extension, then rolls the final date once', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: {
          extensions: [{ days: 25, approvedOn: d('2024-05-10'), approvedBy: 'head-1', ref: 'e2' }],
          suspensions: [
            {
              from: d('2024-03-20'),
              to: d('2024-04-10'),
              reason: '第三十九条第一款第八项',
              ref: 'e1',
            },
          ],
        },
      });
      // 04-30 + 21 suspended + 25 extended = 06-15 (Saturday) → Monday 06-17.
      expect(record).toMatchObject({
        rawDueOn: '2024-04-30',
        adjustedDueOn: '2024-06-15',
        dueOn: '2024-06-17',
        rolledForward: true,
        suspendedDays: 21,
        extendedDays: 25,
        paused: false,
      });
      expect(record.adjustments).toEqual([
        {
          type: 'suspension',
          from: '2024-03-20',
          to: '2024-04-10',
          days: 21,
          afterDue: false,
          addedDays: 21,
          reason: '第三十九条第一款第八项',
          ref: 'e1',
        },
        {
          type: 'extension',
          approvedOn: '2024-05-10',
          days: 25,
          unit: 'days',
          afterDue: false,
          addedDays: 25,
          approvedBy: 'head-1',
          ref: 'e2',
        },
      ]);
    });

    it('adds several suspensions, in any order', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: {
          suspensions: [
            { from: d('2024-04-15'), to: d('2024-04-20') },
            { from: d('2024-03-10'), to: d('2024-03-12') },
          ],
        },
      });
      // 04-30 + 2 + 5 = 05-07 (Tuesday).
      expect(record).toMatchObject({
        suspendedDays: 7,
        adjustedDueOn: '2024-05-07',
        dueOn: '2024-05-07',
      });
      expect(
        record.adjustments.map((adjustment) => adjustment.type === 'suspension' && adjustment.from),
      ).toEqual(['2024-03-10', '2024-04-15']);
    });

    it('rolls only the final date, not the raw one before the extension', () => {
      // 2024-01-16 + 60 = 03-16 (Saturday); + 30 = 04-15 (Monday). Rolling first would give 04-17.
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: d('2024-01-16'),
        ledger: { extensions: [{ days: 30, approvedOn: d('2024-03-01') }] },
      });
      expect(record).toMatchObject({
        rawDueOn: '2024-03-16',
        dueOn: '2024-04-15',
        rolledForward: false,
      });
    });

    it('pauses the deadline while a suspension is open', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: {
          suspensions: [{ from: d('2024-03-10'), to: d('2024-03-12') }, { from: d('2024-04-01') }],
        },
      });
      expect(record).toMatchObject({
        rawDueOn: '2024-04-30',
        adjustedDueOn: null,
        dueOn: null,
        paused: true,
        pausedOn: '2024-04-01',
        suspendedDays: 2,
        rolledForward: false,
      });
      expect(record.adjustments[1]).toEqual({
        type: 'suspension',
        from: '2024-04-01',
        to: null,
        days: null,
        afterDue: false,
        addedDays: null,
      });
    });

    it('continues the application period after an obstacle (第二十条第二款)', () => {
      const record = computeDeadline(calendar, {
        kind: 'application_limitation',
        triggerOn: d('2024-08-02'),
        ledger: {
          suspensions: [{ from: d('2024-08-10'), to: d('2024-08-20'), reason: 'force majeure' }],
        },
      });
      expect(record).toMatchObject({
        rawDueOn: '2024-10-01',
        adjustedDueOn: '2024-10-11',
        dueOn: '2024-10-11',
      });
    });

    it('accepts a longer period set by another law for the application', () => {
      const record = computeDeadline(calendar, {
        kind: 'application_limitation',
        triggerOn: d('2024-08-02'),
        lengthOverride: { length: 90, basis: 'another law' },
      });
      expect(record).toMatchObject({ length: 90, basis: 'another law', rawDueOn: '2024-10-31' });
    });

    // Changed: a suspension after the deadline used to push it back (04-30 → 05-10). An expired
    // period is not revived (行政复议法 第三十九条 stops a running clock; nothing is left to stop).
    it('records a suspension ordered after the deadline had passed, and moves nothing', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: { suspensions: [{ from: d('2024-05-06'), to: d('2024-05-16') }] },
      });
      expect(record.adjustments[0]).toMatchObject({ afterDue: true, days: 10, addedDays: 0 });
      expect(record).toMatchObject({ dueOn: '2024-04-30', suspendedDays: 0 });
    });

    it('does not pause a deadline that had passed when the suspension began', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: { suspensions: [{ from: d('2024-05-01') }] },
      });
      expect(record).toMatchObject({ paused: false, pausedOn: null, dueOn: '2024-04-30' });
      expect(record.adjustments[0]).toMatchObject({ afterDue: true, addedDays: 0 });
    });

    it.each<[string, string, string, string, string, number]>([
      // what, trigger, suspended on, resumed on, due, days added
      // 04-30 (Tuesday) is the last day: the one day left is used from the resumption.
      ['on the last day', '2024-03-01', '2024-04-30', '2024-05-10', '2024-05-10', 10],
      // 08-02 + 60 = 10-01 (国庆) → 10-08. Suspended on 10-05, inside the roll-forward window:
      // only rest days were left, so the period ends on the first working day from 10-09.
      [
        'inside the National Day roll-forward window',
        '2024-08-02',
        '2024-10-05',
        '2024-10-09',
        '2024-10-09',
        8,
      ],
      [
        'on the rolled-forward last day',
        '2024-08-02',
        '2024-10-08',
        '2024-10-12',
        '2024-10-12',
        11,
      ],
      // 2024-12-12 + 60 = 2025-02-10 (Monday, a working day): suspension inside 春节 2025 before it.
      ['during Spring Festival 2025', '2024-12-12', '2025-01-28', '2025-02-03', '2025-02-17', 6],
    ])(
      'keeps the remaining time of a suspension that began %s, never ending before the resumption',
      (_what, triggerOn, from, to, due, added) => {
        const record = computeDeadline(calendar, {
          kind: 'decision',
          procedure: 'ordinary',
          triggerOn: d(triggerOn),
          ledger: { suspensions: [{ from: d(from), to: d(to) }] },
        });
        expect(record).toMatchObject({ dueOn: due, suspendedDays: added });
        expect(record.adjustments[0]).toMatchObject({ afterDue: false, addedDays: added });
      },
    );

    it('revives nothing with a suspension beginning the day after the rolled-forward last day', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: d('2024-08-02'),
        ledger: { suspensions: [{ from: d('2024-10-09'), to: d('2024-10-20') }] },
      });
      expect(record).toMatchObject({ dueOn: '2024-10-08', suspendedDays: 0 });
    });

    it('moves nothing with an extension approved after the deadline', () => {
      const record = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: { extensions: [{ days: 10, approvedOn: d('2024-05-01') }] },
      });
      expect(record).toMatchObject({ dueOn: '2024-04-30', extendedDays: 0 });
      expect(record.adjustments[0]).toMatchObject({ afterDue: true, addedDays: 0 });
    });

    it('counts an extension granted during a suspension that began in time', () => {
      const ledger = {
        suspensions: [{ from: d('2024-04-20'), to: d('2024-06-01') }],
        extensions: [{ days: 20, approvedOn: d('2024-05-15') }],
      };
      // 04-30 + 42 suspended = 06-11, + 20 = 07-01 (Monday).
      expect(
        computeDeadline(calendar, {
          kind: 'decision',
          procedure: 'ordinary',
          triggerOn: accepted,
          ledger,
        }),
      ).toMatchObject({ suspendedDays: 42, extendedDays: 20, dueOn: '2024-07-01', paused: false });
      const open = computeDeadline(calendar, {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: accepted,
        ledger: { ...ledger, suspensions: [{ from: d('2024-04-20') }] },
      });
      expect(open).toMatchObject({ paused: true, dueOn: null });
      expect(open.adjustments[1]).toMatchObject({ afterDue: false, addedDays: null });
    });

    it('extends a working-day period in working days (第三十一条第二款, over National Day 2024)', () => {
      // Served 09-20: 10 working days end on 10-10; 5 more: 10-11, Saturday 10-12 (调休), 10-14,
      // 10-15, 10-16.
      const record = computeDeadline(calendar, {
        kind: 'correction_reply',
        triggerOn: d('2024-09-20'),
        ledger: {
          extensions: [
            { days: 5, approvedOn: d('2024-10-08') },
            { days: 2, approvedOn: d('2024-10-16') },
          ],
        },
      });
      expect(record).toMatchObject({
        rawDueOn: '2024-10-10',
        dueOn: '2024-10-18',
        extendedDays: 8,
      });
      expect(record.adjustments.map((adjustment) => adjustment.addedDays)).toEqual([6, 2]);
    });

    it.each<[string, Partial<DeadlineInput>, string]>([
      ['an unknown kind', { kind: 'nope' as DeadlineKind }, 'unknown_kind'],
      ['a decision without a procedure', { procedure: undefined }, 'procedure_required'],
      [
        'a trigger the kind does not count from',
        { triggerEvent: 'case_filed' },
        'trigger_not_allowed',
      ],
      [
        'an extension in simplified procedure',
        {
          procedure: 'simplified',
          ledger: { extensions: [{ days: 10, approvedOn: d('2024-03-10') }] },
        },
        'extension_not_allowed',
      ],
      [
        'a second extension',
        {
          ledger: {
            extensions: [
              { days: 10, approvedOn: d('2024-03-10') },
              { days: 10, approvedOn: d('2024-03-11') },
            ],
          },
        },
        'extension_limit_reached',
      ],
      [
        'an extension over 30 days',
        { ledger: { extensions: [{ days: 31, approvedOn: d('2024-03-10') }] } },
        'extension_too_long',
      ],
      [
        'an extension of zero days',
        { ledger: { extensions: [{ days: 0, approvedOn: d('2024-03-10') }] } },
        'extension_days_invalid',
      ],
      [
        'an extension before acceptance',
        { ledger: { extensions: [{ days: 5, approvedOn: d('2024-02-10') }] } },
        'entry_before_trigger',
      ],
      [
        'a suspension resumed before it began',
        { ledger: { suspensions: [{ from: d('2024-03-10'), to: d('2024-03-05') }] } },
        'suspension_reversed',
      ],
      [
        'overlapping suspensions',
        {
          ledger: {
            suspensions: [
              { from: d('2024-03-10'), to: d('2024-03-20') },
              { from: d('2024-03-15'), to: d('2024-03-25') },
            ],
          },
        },
        'suspension_overlap',
      ],
      [
        'a suspension after an open one',
        {
          ledger: {
            suspensions: [
              { from: d('2024-03-10') },
              { from: d('2024-04-15'), to: d('2024-04-20') },
            ],
          },
        },
        'suspension_overlap',
      ],
      [
        'an extension of the correction period over 30 working days',
        {
          kind: 'correction_reply',
          ledger: { extensions: [{ days: 31, approvedOn: d('2024-03-04') }] },
        },
        'extension_too_long',
      ],
      [
        'a length override on a fixed period',
        { lengthOverride: { length: 90, basis: 'x' } },
        'length_override_not_allowed',
      ],
    ])('refuses %s', (_what, options, code) => {
      expect(
        inputError(() =>
          computeDeadline(calendar, {
            kind: 'decision',
            procedure: 'ordinary',
            triggerOn: accepted,
            ...options,
          }),
        ),
      ).toBe(code);
    });

    it('refuses a suspension on a period that no suspension stops', () => {
      expect(
        inputError(() =>
          computeDeadline(calendar, {
            kind: 'litigation_window',
            triggerOn: accepted,
            ledger: { suspensions: [{ from: d('2024-03-10'), to: d('2024-03-12') }] },
          }),
        ),
      ).toBe('suspension_not_allowed');
    });

    it('refuses the appeal window without saying judgment or ruling', () => {
      expect(
        inputError(() => computeDeadline(calendar, { kind: 'appeal_window', triggerOn: accepted })),
      ).toBe('instrument_required');
    });

    it('fails loudly when the final date needs a year the calendar lacks', () => {
      expect(() =>
        computeDeadline(calendar, {
          kind: 'decision',
          procedure: 'ordinary',
          triggerOn: d('2026-11-20'),
        }),
      ).toThrow(CalendarYearMissingError);
    });
  });
});

describe('provisional years (DESIGN rule 6)', () => {
  const withProvisional = LegalCalendar.fromData(TEST_CALENDAR_WITH_PROVISIONAL_2027);

  it.each<[string, DeadlineInput, string, boolean, number[]]>([
    [
      '60 days into provisional Spring Festival 2027 roll over 初三 and the make-up days',
      { kind: 'decision', procedure: 'ordinary', triggerOn: d('2026-12-10') },
      '2027-02-11',
      true,
      [2027],
    ],
    [
      '5 working days over provisional New Year 2027',
      { kind: 'acceptance_review', triggerOn: d('2026-12-28') },
      '2027-01-05',
      true,
      [2027],
    ],
    [
      'a period inside the published years',
      { kind: 'decision', procedure: 'ordinary', triggerOn: d('2026-03-02') },
      '2026-05-06',
      false,
      [],
    ],
    [
      'a paused deadline that already read 2027',
      {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: d('2026-12-01'),
        ledger: { suspensions: [{ from: d('2027-01-20') }] },
      },
      'null',
      true,
      [2027],
    ],
  ])('%s', (_what, input, due, provisional, years) => {
    const record = computeDeadline(withProvisional, input);
    expect(String(record.dueOn)).toBe(due);
    expect(record).toMatchObject({ provisional, provisionalYears: years, calendarVersion: 2 });
  });

  it('gives the same date as the published calendar would for days the years share', () => {
    const input: DeadlineInput = {
      kind: 'decision',
      procedure: 'ordinary',
      triggerOn: d('2026-09-01'),
    };
    expect(computeDeadline(withProvisional, input).dueOn).toBe(
      computeDeadline(calendar, input).dueOn,
    );
  });
});

describe('checkExtension (行政复议法 第六十二条第一款)', () => {
  const input: DeadlineInput = {
    kind: 'decision',
    procedure: 'ordinary',
    triggerOn: d('2024-03-01'),
  };

  it('accepts one extension of up to 30 days before the deadline and returns the new deadline', () => {
    const result = checkExtension(calendar, input, { days: 30, approvedOn: d('2024-04-30') });
    expect(result).toMatchObject({ ok: true, next: { dueOn: '2024-05-30', extendedDays: 30 } });
  });

  it.each<[string, DeadlineInput, string, number, string]>([
    ['after the deadline passed', input, '2024-05-01', 10, 'extension_after_due'],
    ['over 30 days', input, '2024-04-01', 31, 'extension_too_long'],
    [
      'a second time',
      { ...input, ledger: { extensions: [{ days: 5, approvedOn: d('2024-04-01') }] } },
      '2024-04-02',
      5,
      'extension_once_only',
    ],
    [
      'in simplified procedure',
      { ...input, procedure: 'simplified' },
      '2024-03-10',
      5,
      'extension_not_allowed',
    ],
  ])('refuses an extension %s', (_what, base, approvedOn, days, rule) => {
    const result = checkExtension(calendar, base, { days, approvedOn: d(approvedOn) });
    expect(result).toMatchObject({ ok: false, rule });
    if (!result.ok) expect(result.basis).toMatch(/^行政复议法 第六十二条/);
  });

  it('allows an extension while paused by a suspension that began before the deadline', () => {
    const paused: DeadlineInput = {
      ...input,
      ledger: { suspensions: [{ from: d('2024-04-20') }] },
    };
    expect(checkExtension(calendar, paused, { days: 10, approvedOn: d('2024-06-01') }).ok).toBe(
      true,
    );
  });

  it('refuses an extension during a suspension that began after the deadline had passed', () => {
    const late: DeadlineInput = { ...input, ledger: { suspensions: [{ from: d('2024-05-02') }] } };
    expect(checkExtension(calendar, late, { days: 10, approvedOn: d('2024-05-03') })).toMatchObject(
      { ok: false, rule: 'extension_after_due' },
    );
  });
});

describe('yearsTouched', () => {
  it.each<[DeadlineInput, number[]]>([
    [{ kind: 'decision', procedure: 'ordinary', triggerOn: d('2024-12-15') }, [2024, 2025]],
    [{ kind: 'acceptance_review', triggerOn: d('2025-03-03') }, [2025]],
    [{ kind: 'acceptance_review', triggerOn: d('2025-12-31') }, [2025, 2026]],
    [{ kind: 'identity_proof', triggerOn: d('2026-01-01') }, [2026]],
    [
      {
        kind: 'decision',
        procedure: 'ordinary',
        triggerOn: d('2023-11-01'),
        ledger: { suspensions: [{ from: d('2023-11-10'), to: d('2025-02-01') }] },
      },
      [2023, 2024, 2025],
    ],
  ])('%j touches %j', (input, years) => {
    expect(yearsTouched(computeDeadline(calendar, input))).toEqual(years);
  });
});

describe('computeOuterLimit', () => {
  it.each<[OuterLimitKind, string, string, string]>([
    ['remedy_rights_not_told', '2025-02-28', '2026-02-28', '2026-02-28'],
    ['act_made_general', '2020-10-01', '2025-10-01', '2025-10-09'],
    ['act_made_real_estate', '2006-01-31', '2026-01-31', '2026-02-02'],
  ])('%s from %s: raw %s, last day %s', (kind, triggerOn, raw, due) => {
    expect(computeOuterLimit(calendar, kind, d(triggerOn))).toMatchObject({
      kind,
      rawDueOn: raw,
      dueOn: due,
      calendarVersion: 1,
    });
  });
});
