import { LegalCalendar } from '../calendar/legal-calendar.model';
import { parseLegalDate } from '../calendar/legal-date.value';
import { TEST_CALENDAR_DATA } from '../calendar/test-calendar.fixture';
import {
  caseEffectsOfHeldHearing,
  checkNotice,
  checkRecord,
  checkScheduled,
  normaliseLocation,
  panelSeats,
  reminderDay,
  type RespondentAttendance,
} from './hearing.rules';

const calendar = LegalCalendar.fromData(TEST_CALENDAR_DATA);
const d = parseLegalDate;
const TODAY = d('2026-11-26');

describe('checkNotice (行政复议法 第五十一条第一款: 5 working days, 第八十八条第二款)', () => {
  it.each([
    // noticeOn, hearingOn, allowed, why
    ['2024-09-27', '2024-10-10', true, 'exactly 5 WD over National Day (Sunday 09-29 works)'],
    ['2024-09-27', '2024-10-09', false, '4 WD over National Day'],
    ['2024-09-27', '2024-10-08', false, 'first working day after the holiday'],
    ['2024-03-01', '2024-03-08', true, 'a plain week: start day excluded'],
    ['2024-03-01', '2024-03-07', false, 'a plain week, one day short'],
    ['2024-10-10', '2024-10-16', true, 'Saturday 10-12 is an adjusted working day'],
    ['2024-10-10', '2024-10-15', false, 'Saturday 10-12 counted, still one short'],
    ['2024-12-27', '2025-01-06', true, 'across 元旦 2025'],
    ['2024-12-27', '2025-01-03', false, 'across 元旦 2025, one short'],
  ])('notice %s, hearing %s → allowed %s (%s)', (noticeOn, hearingOn, allowed) => {
    const result = checkNotice(calendar, {
      noticeOn: d(noticeOn),
      hearingOn: d(hearingOn),
      acceptedOn: null,
      today: TODAY,
    });
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect(result.refusal).toMatchObject({
        code: 'hearing_notice_too_short',
        basis: expect.stringContaining('第五十一条'),
      });
    }
  });

  it('names the earliest permitted hearing date', () => {
    const result = checkNotice(calendar, {
      noticeOn: d('2024-09-27'),
      hearingOn: d('2024-10-09'),
      acceptedOn: null,
      today: TODAY,
    });
    expect(result).toEqual({
      ok: false,
      refusal: expect.objectContaining({ earliestOn: '2024-10-10' }),
    });
  });

  it('refuses a notice dated in the future or before the acceptance', () => {
    const future = checkNotice(calendar, {
      noticeOn: d('2026-11-27'),
      hearingOn: d('2026-12-10'),
      acceptedOn: null,
      today: TODAY,
    });
    expect(future).toMatchObject({ ok: false, refusal: { code: 'date_in_future' } });
    const early = checkNotice(calendar, {
      noticeOn: d('2024-10-07'),
      hearingOn: d('2024-10-21'),
      acceptedOn: d('2024-10-08'),
      today: TODAY,
    });
    expect(early).toMatchObject({ ok: false, refusal: { code: 'dates_out_of_order' } });
  });

  it('refuses, never guesses, when the calendar lacks a year', () => {
    const result = checkNotice(calendar, {
      noticeOn: d('2026-12-30'),
      hearingOn: d('2027-01-15'),
      acceptedOn: null,
      today: d('2027-01-01'),
    });
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'calendar_year_missing', year: 2027 },
    });
  });
});

describe('panelSeats (第五十条第三款)', () => {
  const [a, b, c, e, f] = ['a', 'b', 'c', 'e', 'f'].map(
    (x) => `${x.repeat(8)}-0000-4000-8000-000000000000`,
  );

  it('seats a presiding officer, hearing officers in order, and a recorder', () => {
    const result = panelSeats({
      kind: 'hearing',
      presidingOfficerId: a.toUpperCase(),
      panelMemberIds: [b, c],
      recorderId: e,
    });
    expect(result).toEqual({
      ok: true,
      value: [
        { userId: a, role: 'presiding_officer', position: 0 },
        { userId: b, role: 'panel_member', position: 1 },
        { userId: c, role: 'panel_member', position: 2 },
        { userId: e, role: 'recorder', position: 3 },
      ],
    });
  });

  it('needs two hearing officers for a hearing, none for a hearing of opinions', () => {
    const few = panelSeats({
      kind: 'hearing',
      presidingOfficerId: a,
      panelMemberIds: [b],
      recorderId: e,
    });
    expect(few).toMatchObject({
      ok: false,
      refusal: {
        code: 'panel_invalid',
        errors: [expect.objectContaining({ field: 'panelMemberIds' })],
      },
    });
    const opinions = panelSeats({
      kind: 'opinion_hearing',
      presidingOfficerId: a,
      panelMemberIds: [],
      recorderId: e,
    });
    expect(opinions.ok).toBe(true);
  });

  it('refuses one person in two seats, naming the second seat', () => {
    const result = panelSeats({
      kind: 'hearing',
      presidingOfficerId: a,
      panelMemberIds: [b, f, b.toUpperCase()],
      recorderId: a,
    });
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        errors: [
          expect.objectContaining({ field: 'panelMemberIds[2]' }),
          expect.objectContaining({ field: 'recorderId' }),
        ],
      },
    });
  });
});

describe('checkRecord (第五十一条第三款)', () => {
  const present: RespondentAttendance = {
    attended: true,
    personName: ' 王五 ',
    title: '副局长',
    delegateName: null,
    reason: null,
  };
  const base = { heldOn: d('2024-10-21'), hearingOn: d('2024-10-21'), today: TODAY };

  it('accepts the responsible person in attendance, trimmed', () => {
    expect(checkRecord({ ...base, respondentAttendance: present })).toEqual({
      ok: true,
      value: { ...present, personName: '王五' },
    });
  });

  it.each([
    [{ reason: '公务冲突', delegateName: '赵六' }, true],
    [{ reason: '公务冲突', delegateName: null }, false],
    [{ reason: null, delegateName: '赵六' }, false],
    [{ reason: '  ', delegateName: '赵六' }, false],
    [{ reason: null, delegateName: null }, false],
  ])('an absence with %j is allowed: %s', (absence, allowed) => {
    const result = checkRecord({
      ...base,
      respondentAttendance: { ...present, attended: false, ...absence },
    });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.refusal.code).toBe('respondent_absence_unexplained');
  });

  it('refuses a record for another day than the hearing, or in the future', () => {
    expect(
      checkRecord({ ...base, heldOn: d('2024-10-22'), respondentAttendance: present }),
    ).toMatchObject({ ok: false, refusal: { code: 'held_on_not_hearing_date' } });
    expect(
      checkRecord({ ...base, heldOn: d('2026-11-27'), respondentAttendance: present }),
    ).toMatchObject({ ok: false, refusal: { code: 'date_in_future' } });
  });
});

describe('caseEffectsOfHeldHearing', () => {
  const heldOn = d('2024-10-21');
  it.each([
    ['hearing', true, null, 1, heldOn],
    ['hearing', false, null, 1, null],
    ['hearing', true, d('2024-10-15'), 1, null],
    ['opinion_hearing', true, null, 0, heldOn],
    ['opinion_hearing', false, null, 0, null],
  ] as const)(
    '%s, applicant attended %s, opinions heard before %s → +%i hearings, opinions heard on %s',
    (kind, applicantAttended, opinionHeardOn, increment, heard) => {
      expect(
        caseEffectsOfHeldHearing({
          kind,
          heldOn,
          applicantAttended,
          opinionHeardOn,
        }),
      ).toEqual({ hearingsHeldIncrement: increment, opinionHeardOn: heard });
    },
  );
});

describe('reminderDay', () => {
  it.each([
    ['2024-10-22', '2024-10-21', 'Tuesday → Monday'],
    ['2024-10-21', '2024-10-18', 'Monday → Friday'],
    ['2024-10-14', '2024-10-12', 'Monday → the adjusted working Saturday'],
    ['2024-10-08', '2024-09-30', 'after National Day → the last working day before it'],
  ])('a hearing on %s is reminded on %s (%s)', (hearingOn, expected) => {
    expect(reminderDay(calendar, d(hearingOn))).toBe(expected);
  });
});

describe('small rules', () => {
  it('allows commands only on a scheduled hearing', () => {
    expect(checkScheduled('scheduled', 'cancel').ok).toBe(true);
    expect(checkScheduled('held', 'cancel')).toMatchObject({
      ok: false,
      refusal: { code: 'hearing_not_scheduled', status: 'held' },
    });
  });

  it('normalises room names', () => {
    expect(normaliseLocation('  第一 \t 听证室 ')).toBe('第一 听证室');
  });
});
