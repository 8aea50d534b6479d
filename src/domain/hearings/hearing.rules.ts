// Pure rules of hearings: no Nest, no TypeORM, no I/O. Time and the legal calendar come in as
// parameters; the modules map a refusal to problem+json (commands/refusal-problems.ts).
import { CalendarYearMissingError } from '../calendar/calendar-year-missing.error';
import type { LegalCalendar } from '../calendar/legal-calendar.model';
import { compareLegalDates, shiftLegalDate, type LegalDate } from '../calendar/legal-date.value';
import { computeDeadline } from '../deadlines/compute-deadline.rule';

export const HEARING_KINDS = ['hearing', 'opinion_hearing'] as const;
/** hearing 听证 (第五十条) | opinion_hearing 听取意见 in person (第四十九条) */
export type HearingKind = (typeof HEARING_KINDS)[number];

export const HEARING_STATUSES = ['scheduled', 'cancelled', 'held'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

export const PARTICIPANT_ROLES = ['presiding_officer', 'panel_member', 'recorder'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Chinese terms, for the calendar feed and messages. */
export const HEARING_KIND_TERMS: Record<HearingKind, string> = {
  hearing: '听证',
  opinion_hearing: '听取意见',
};

export type HearingCommand = 'reschedule' | 'cancel' | 'record';

const LAW = '行政复议法';
export const BASIS = {
  notice: `${LAW} 第五十一条第一款; 行政复议普通程序听证办法 第四条`,
  panel: `${LAW} 第五十条第三款`,
  respondent: `${LAW} 第五十一条第三款`,
  opinions: `${LAW} 第四十九条`,
  workingDays: `${LAW} 第八十八条第二款`,
} as const;

/** How the respondent attended (第五十一条第三款: 被申请人的负责人应当参加听证…). */
export interface RespondentAttendance {
  attended: boolean;
  personName: string;
  title: string;
  delegateName: string | null;
  reason: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Every way a hearing command can be refused by a rule; refusal-problems.ts maps each to HTTP. */
export type HearingRefusal =
  | { code: 'panel_invalid'; basis: string; errors: FieldProblem[] }
  | { code: 'date_in_future'; basis: string; detail: string }
  | { code: 'dates_out_of_order'; basis: string; detail: string }
  | { code: 'hearing_notice_too_short'; basis: string; detail: string; earliestOn: LegalDate }
  | { code: 'calendar_year_missing'; basis: string; detail: string; year: number }
  | { code: 'held_on_not_hearing_date'; basis: string; detail: string }
  | { code: 'respondent_absence_unexplained'; basis: string; detail: string }
  | { code: 'hearing_not_scheduled'; status: HearingStatus; command: HearingCommand }
  | { code: 'case_not_under_review'; caseStatus: string };

export type RuleResult<T = null> = { ok: true; value: T } | { ok: false; refusal: HearingRefusal };

const ok = <T>(value: T): RuleResult<T> => ({ ok: true, value });
const refuse = <T = null>(refusal: HearingRefusal): RuleResult<T> => ({ ok: false, refusal });

export interface PanelInput {
  kind: HearingKind;
  presidingOfficerId: string;
  panelMemberIds: readonly string[];
  recorderId: string;
}

export interface PanelSeat {
  userId: string;
  role: ParticipantRole;
  position: number;
}

/** 第五十条第三款: 一名主持人，两名以上听证员，一名记录员. */
export const MIN_HEARING_OFFICERS = 2;

/**
 * The panel as seats, or 400 naming each problem: every person distinct (one person cannot hold
 * two seats), and for a hearing (听证) at least two hearing officers besides the presiding officer
 * and the recorder (行政复议法 第五十条第三款). A hearing of opinions needs no hearing officers.
 */
export function panelSeats(input: PanelInput): RuleResult<PanelSeat[]> {
  const errors: FieldProblem[] = [];
  // UUIDs compare case-insensitively (as in PostgreSQL): seats carry them lower-case.
  const seats: PanelSeat[] = [
    { userId: input.presidingOfficerId.toLowerCase(), role: 'presiding_officer', position: 0 },
    ...input.panelMemberIds.map((userId, index) => ({
      userId: userId.toLowerCase(),
      role: 'panel_member' as const,
      position: index + 1,
    })),
    {
      userId: input.recorderId.toLowerCase(),
      role: 'recorder',
      position: input.panelMemberIds.length + 1,
    },
  ];
  const fieldOf = (seat: PanelSeat) =>
    seat.role === 'presiding_officer'
      ? 'presidingOfficerId'
      : seat.role === 'recorder'
        ? 'recorderId'
        : `panelMemberIds[${seat.position - 1}]`;
  const seen = new Map<string, PanelSeat>();
  for (const seat of seats) {
    const first = seen.get(seat.userId);
    if (first) {
      errors.push({
        field: fieldOf(seat),
        message: `${seat.userId} already sits on the panel as ${fieldOf(first)}: each seat needs a different person`,
      });
    } else {
      seen.set(seat.userId, seat);
    }
  }
  if (input.kind === 'hearing' && input.panelMemberIds.length < MIN_HEARING_OFFICERS) {
    errors.push({
      field: 'panelMemberIds',
      message: `a hearing (听证) needs at least ${MIN_HEARING_OFFICERS} hearing officers besides the presiding officer and the recorder (${BASIS.panel})`,
    });
  }
  if (errors.length > 0) return refuse({ code: 'panel_invalid', basis: BASIS.panel, errors });
  return ok(seats);
}

export interface NoticeInput {
  noticeOn: LegalDate;
  /** The hearing's date in China Standard Time. */
  hearingOn: LegalDate;
  /** The case's acceptance: a hearing is part of the review, so its notice cannot come earlier. */
  acceptedOn: LegalDate | null;
  today: LegalDate;
}

/**
 * The written notice: not after today (a legal date records what has happened), not before the
 * case was accepted, and at least 5 working days before the hearing — `noticeOn + 5 WD ≤ hearing
 * date` (行政复议法 第五十一条第一款 "五日前", working days by 第八十八条第二款; 行政复议普通程序听证办法
 * 第四条 "5个工作日前"). Counted with the catalogue's `hearing_notice` period: the start day is not
 * counted and the result never rolls (it is a minimum notice). Hearing instants themselves may lie
 * in the past: offices record hearings after the fact.
 */
export function checkNotice(calendar: LegalCalendar, input: NoticeInput): RuleResult<LegalDate> {
  const { noticeOn, hearingOn, acceptedOn, today } = input;
  if (compareLegalDates(noticeOn, today) > 0) {
    return refuse({
      code: 'date_in_future',
      basis: BASIS.notice,
      detail: `the notice on ${noticeOn} is after today (${today}): a legal date records what has already happened`,
    });
  }
  if (acceptedOn !== null && compareLegalDates(noticeOn, acceptedOn) < 0) {
    return refuse({
      code: 'dates_out_of_order',
      basis: BASIS.notice,
      detail: `the hearing notice on ${noticeOn} cannot be before the acceptance on ${acceptedOn}`,
    });
  }
  let earliestOn: LegalDate;
  try {
    const record = computeDeadline(calendar, {
      kind: 'hearing_notice',
      triggerOn: noticeOn,
    });
    earliestOn = record.dueOn as LegalDate;
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return calendarYearMissing(error);
    throw error;
  }
  if (compareLegalDates(hearingOn, earliestOn) < 0) {
    return refuse({
      code: 'hearing_notice_too_short',
      basis: BASIS.notice,
      earliestOn,
      detail:
        `a hearing must be notified in writing at least 5 working days ahead: with notice on ` +
        `${noticeOn} the earliest hearing date is ${earliestOn}, not ${hearingOn}`,
    });
  }
  return ok(earliestOn);
}

function calendarYearMissing<T>(error: CalendarYearMissingError): RuleResult<T> {
  return refuse({
    code: 'calendar_year_missing',
    basis: BASIS.workingDays,
    year: error.year,
    detail: `${error.message}: working days cannot be counted until an administrator uploads it`,
  });
}

/** Reschedule, cancel and record apply to a scheduled hearing only. */
export function checkScheduled(status: HearingStatus, command: HearingCommand): RuleResult {
  return status === 'scheduled'
    ? ok(null)
    : refuse({ code: 'hearing_not_scheduled', status, command });
}

/** Hearings are scheduled, moved and held while the case is under review (审理). */
export function checkCaseUnderReview(caseStatus: string): RuleResult {
  return caseStatus === 'under_review'
    ? ok(null)
    : refuse({ code: 'case_not_under_review', caseStatus });
}

export interface RecordInput {
  heldOn: LegalDate;
  hearingOn: LegalDate;
  today: LegalDate;
  respondentAttendance: RespondentAttendance;
}

/**
 * The record of a held hearing: held on the day it was notified for (a different day needs a
 * reschedule with its own notice, 第五十一条第一款), not in the future, and the respondent's
 * responsible person attended — or, absent, the record states the reason AND the staff member
 * delegated (行政复议法 第五十一条第三款: 不能参加的，应当说明理由并委托相应的工作人员参加听证).
 */
export function checkRecord(input: RecordInput): RuleResult<RespondentAttendance> {
  const { heldOn, hearingOn, today, respondentAttendance: attendance } = input;
  if (compareLegalDates(heldOn, today) > 0) {
    return refuse({
      code: 'date_in_future',
      basis: BASIS.notice,
      detail: `the hearing on ${heldOn} is after today (${today}): record it once it has been held`,
    });
  }
  if (heldOn !== hearingOn) {
    return refuse({
      code: 'held_on_not_hearing_date',
      basis: BASIS.notice,
      detail:
        `the hearing was notified for ${hearingOn}; recording it as held on ${heldOn} needs a ` +
        'reschedule with a new written notice first',
    });
  }
  const reason = blankToNull(attendance.reason);
  const delegateName = blankToNull(attendance.delegateName);
  if (!attendance.attended && (reason === null || delegateName === null)) {
    return refuse({
      code: 'respondent_absence_unexplained',
      basis: BASIS.respondent,
      detail:
        "the respondent's responsible person should attend the hearing; when absent, the record " +
        `needs both the reason and the staff member delegated (missing: ${[
          reason === null ? 'reason' : null,
          delegateName === null ? 'delegateName' : null,
        ]
          .filter(Boolean)
          .join(', ')})`,
    });
  }
  return ok({
    attended: attendance.attended,
    personName: attendance.personName.trim(),
    title: attendance.title.trim(),
    delegateName,
    reason: attendance.attended ? null : reason,
  });
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * What a held hearing does to the case: a hearing (听证) counts toward 第五十条's gate for major
 * cases; either kind, when the applicant took part, is the parties' opinions heard in person
 * (第四十九条) — unless opinions were already recorded. An applicant who stayed away was not heard
 * (for a 听证, 第五十一条第二款: 视为放弃听证权利); the office records a written review instead.
 */
export function caseEffectsOfHeldHearing(input: {
  kind: HearingKind;
  heldOn: LegalDate;
  applicantAttended: boolean;
  opinionHeardOn: LegalDate | null;
}): { hearingsHeldIncrement: 0 | 1; opinionHeardOn: LegalDate | null } {
  return {
    hearingsHeldIncrement: input.kind === 'hearing' ? 1 : 0,
    opinionHeardOn: input.applicantAttended && input.opinionHeardOn === null ? input.heldOn : null,
  };
}

/**
 * The working day before the hearing date: when the reminder (`hearing.reminder`) becomes due.
 * Walks back over rest days (weekends not adjusted to working days, public holidays).
 */
export function reminderDay(calendar: LegalCalendar, hearingOn: LegalDate): LegalDate | null {
  try {
    let day = shiftLegalDate(hearingOn, -1);
    for (let step = 0; step < 60; step++) {
      if (calendar.isWorkingDay(day)) return day;
      day = shiftLegalDate(day, -1);
    }
    return null;
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return null;
    throw error;
  }
}

/** Trims a room name and collapses inner whitespace, so that "第一 听证室 " is "第一 听证室". */
export function normaliseLocation(location: string): string {
  return location.trim().replace(/\s+/g, ' ');
}
