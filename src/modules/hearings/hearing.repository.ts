import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TenantScope } from '../../common/tenancy/tenant-scope';
import { ScopedFilter } from '../../common/tenancy/scoped-filter';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type {
  HearingKind,
  HearingStatus,
  PanelSeat,
  ParticipantRole,
  RespondentAttendance,
} from '../../domain/hearings/hearing.rules';

/** The columns a command reads from a hearing it holds locked. */
export interface HearingLockRow {
  id: string;
  case_id: string;
  agency_id: string;
  kind: HearingKind;
  status: HearingStatus;
  starts_at: Date;
  ends_at: Date;
  location: string;
  notice_on: LegalDate;
  version: number;
}

/** A hearing as read for its view, with the case's numbers and the panel's names. */
export interface HearingViewRow {
  id: string;
  case_id: string;
  agency_id: string;
  case_number: string | null;
  receipt_number: string;
  kind: HearingKind;
  status: HearingStatus;
  starts_at: Date;
  ends_at: Date;
  /** `starts_at` in UTC as text at full precision (microseconds), for keyset cursors. */
  starts_at_key: string;
  location: string;
  notice_on: string;
  matters: string;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  held_on: string | null;
  applicant_attended: boolean | null;
  respondent_attendance: RespondentAttendance | null;
  record_notes: string | null;
  recorded_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  participants: Array<{ userId: string; role: ParticipantRole; displayName: string }>;
}

export interface NewHearing {
  agencyId: string;
  caseId: string;
  kind: HearingKind;
  startsAt: Date;
  endsAt: Date;
  location: string;
  noticeOn: LegalDate;
  matters: string;
}

/** What a booking would occupy: the room of an agency and the people, over `[startsAt, endsAt)`. */
export interface Booking {
  agencyId: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  userIds: readonly string[];
  /** The hearing being moved, which cannot clash with itself. */
  hearingId: string | null;
}

export interface ClashRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  clash: 'room' | 'person';
  user_id: string | null;
}

export interface HearingFilter {
  scope: TenantScope;
  from?: string;
  to?: string;
  location?: string;
  officerId?: string;
  caseId?: string;
  status?: HearingStatus;
  after?: readonly [string, string] | null;
  limit: number;
  /** Latest first (the calendar feed keeps the most recent); otherwise in start order. */
  newestFirst?: boolean;
}

const VIEW_SELECT = `
  SELECT h.id, h.case_id, h.agency_id, c.case_number, c.receipt_number, h.kind, h.status,
         h.starts_at, h.ends_at, to_char(h.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS starts_at_key, h.location,
         h.notice_on::text AS notice_on, h.matters, h.cancel_reason, h.cancelled_at,
         h.held_on::text AS held_on, h.applicant_attended, h.respondent_attendance,
         h.record_notes, h.recorded_at, h.version, h.created_at, h.updated_at,
         COALESCE((
           SELECT json_agg(json_build_object('userId', p.user_id, 'role', p.role,
                                             'displayName', u.display_name) ORDER BY p.position)
             FROM hearing_participant p JOIN app_user u ON u.id = p.user_id
            WHERE p.hearing_id = h.id), '[]'::json) AS participants
    FROM hearing h
    JOIN reconsideration_case c ON c.id = h.case_id`;

/**
 * A time slot `[startsAt, endsAt)` as two query parameters (instants in ISO 8601): the hearing's
 * starts_at and ends_at, or the bounds of a `tstzrange(…, '[)')`.
 */
function slotBounds(slot: { startsAt: Date; endsAt: Date }): [string, string] {
  return [slot.startsAt.toISOString(), slot.endsAt.toISOString()];
}

/** Hearings and their panels (tables hearing, hearing_participant). */
@Injectable()
export class HearingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The case a hearing in scope belongs to. */
  async findCaseIdInScope(scope: TenantScope, id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM hearing WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2)`,
      [id, scope.agencyId],
    );
    return row?.case_id ?? null;
  }

  /** Locks the hearing row for a command (FOR UPDATE). */
  async lockById(manager: EntityManager, id: string): Promise<HearingLockRow | null> {
    const [row] = await manager.query<HearingLockRow[]>(
      `SELECT id, case_id, agency_id, kind, status, starts_at, ends_at, location,
              notice_on::text AS notice_on, version
         FROM hearing WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** The people on a hearing's panel, presiding officer first. */
  async participantIdsOf(manager: EntityManager, hearingId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(
      'SELECT user_id FROM hearing_participant WHERE hearing_id = $1 ORDER BY position',
      [hearingId],
    );
    return rows.map((row) => row.user_id);
  }

  async insert(manager: EntityManager, hearing: NewHearing): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO hearing (agency_id, case_id, kind, status, starts_at, ends_at, location,
                            notice_on, matters, version)
       VALUES ($1, $2, $3, 'scheduled', $4, $5, $6, $7, $8, 1)
       RETURNING id`,
      [
        hearing.agencyId,
        hearing.caseId,
        hearing.kind,
        ...slotBounds(hearing),
        hearing.location,
        hearing.noticeOn,
        hearing.matters,
      ],
    );
    return row.id;
  }

  /**
   * Seats the panel. Rows go in user-id order, so two transactions booking the same people take
   * their row locks in the same order and wait on each other instead of deadlocking.
   */
  async insertParticipants(
    manager: EntityManager,
    hearingId: string,
    seats: readonly PanelSeat[],
    startsAt: Date,
    endsAt: Date,
  ): Promise<void> {
    const ordered = [...seats].sort((a, b) => a.userId.localeCompare(b.userId));
    await manager.query(
      `INSERT INTO hearing_participant (hearing_id, user_id, role, position, during, active)
       SELECT $1, seat.user_id, seat.role, seat.position, tstzrange($5, $6, '[)'), true
         FROM unnest($2::uuid[], $3::text[], $4::smallint[]) WITH ORDINALITY
              AS seat(user_id, role, position, ord)
        ORDER BY seat.ord`,
      [
        hearingId,
        ordered.map((seat) => seat.userId),
        ordered.map((seat) => seat.role),
        ordered.map((seat) => seat.position),
        ...slotBounds({ startsAt, endsAt }),
      ],
    );
  }

  /** Moves a scheduled hearing (and its panel's bookings) to a new time, room and notice. */
  async move(
    manager: EntityManager,
    id: string,
    change: { startsAt: Date; endsAt: Date; location: string; noticeOn: LegalDate },
  ): Promise<void> {
    await manager.query(
      `UPDATE hearing
          SET starts_at = $2, ends_at = $3, location = $4, notice_on = $5,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, ...slotBounds(change), change.location, change.noticeOn],
    );
    await manager.query(
      `UPDATE hearing_participant SET during = tstzrange($2, $3, '[)') WHERE hearing_id = $1`,
      [id, ...slotBounds(change)],
    );
  }

  /** Cancels a hearing: the room and the people are free again. */
  async cancel(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE hearing
          SET status = 'cancelled', cancel_reason = $2, cancelled_at = now(),
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, reason],
    );
    await manager.query(`UPDATE hearing_participant SET active = false WHERE hearing_id = $1`, [
      id,
    ]);
  }

  /**
   * Cancels every scheduled hearing of a case that leaves review (concluded, terminated,
   * reopened elsewhere…): frees rooms and people and withdraws the reminders. Returns their ids.
   */
  async cancelScheduledOfCase(
    manager: EntityManager,
    caseId: string,
    reason: string,
  ): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM hearing WHERE case_id = $1 AND status = 'scheduled' ORDER BY id FOR UPDATE`,
      [caseId],
    );
    for (const { id } of rows) await this.cancel(manager, id, reason);
    return rows.map((row) => row.id);
  }

  /** Records a hearing as held; it keeps its room and people (it took place). */
  async recordHeld(
    manager: EntityManager,
    id: string,
    record: {
      heldOn: LegalDate;
      applicantAttended: boolean;
      respondentAttendance: RespondentAttendance;
      notes: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE hearing
          SET status = 'held', held_on = $2, applicant_attended = $3, respondent_attendance = $4,
              record_notes = $5, recorded_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        id,
        record.heldOn,
        record.applicantAttended,
        JSON.stringify(record.respondentAttendance),
        record.notes,
      ],
    );
  }

  /**
   * The earliest hearing that the booking would clash with: the same room of the agency, or any
   * of the people, over an overlapping half-open interval, among hearings not cancelled. Used to
   * name the clash after the exclusion constraints refused it (SQLSTATE 23P01).
   */
  async findClash(booking: Booking, prefer: 'room' | 'person' | null): Promise<ClashRow | null> {
    const [row] = await this.dataSource.query<ClashRow[]>(
      `SELECT * FROM (
         SELECT h.id, h.starts_at, h.ends_at, h.location, 'room' AS clash, NULL::uuid AS user_id
           FROM hearing h
          WHERE h.agency_id = $1 AND h.location = $2 AND h.status <> 'cancelled'
            AND tstzrange(h.starts_at, h.ends_at, '[)') && tstzrange($3, $4, '[)')
            AND h.id IS DISTINCT FROM $6::uuid
         UNION ALL
         SELECT h.id, h.starts_at, h.ends_at, h.location, 'person', p.user_id
           FROM hearing_participant p JOIN hearing h ON h.id = p.hearing_id
          WHERE p.user_id = ANY($5::uuid[]) AND p.active
            AND p.during && tstzrange($3, $4, '[)')
            AND p.hearing_id IS DISTINCT FROM $6::uuid
       ) AS clashes
       ORDER BY (clash = $7) DESC, starts_at, id
       LIMIT 1`,
      [
        booking.agencyId,
        booking.location,
        ...slotBounds(booking),
        booking.userIds,
        booking.hearingId,
        prefer ?? 'room',
      ],
    );
    return row ?? null;
  }

  /** One hearing in scope, for its view. */
  async findView(scope: TenantScope, id: string): Promise<HearingViewRow | null> {
    const [row] = await this.dataSource.query<HearingViewRow[]>(
      `${VIEW_SELECT}
        WHERE h.id = $1 AND ($2::uuid IS NULL OR h.agency_id = $2)`,
      [id, scope.agencyId],
    );
    return row ?? null;
  }

  /** A page of an agency's hearings in start order, keyset-paginated by (starts_at, id). */
  async list(filter: HearingFilter): Promise<HearingViewRow[]> {
    const where = new ScopedFilter(filter.scope, 'h');
    where.add((p) => `h.starts_at >= ${p}::timestamptz`, filter.from);
    where.add((p) => `h.starts_at < ${p}::timestamptz`, filter.to);
    where.add((p) => `h.location = ${p}`, filter.location);
    where.add((p) => `h.case_id = ${p}::uuid`, filter.caseId);
    where.add((p) => `h.status = ${p}`, filter.status);
    where.add(
      (p) =>
        `EXISTS (SELECT 1 FROM hearing_participant p WHERE p.hearing_id = h.id AND p.user_id = ${p}::uuid)`,
      filter.officerId,
    );
    if (filter.after) {
      where.addAll(
        filter.after,
        (at, id) => `(h.starts_at, h.id) > (${at}::timestamptz, ${id}::uuid)`,
      );
    }
    const limit = where.param(filter.limit);
    return this.dataSource.query<HearingViewRow[]>(
      `${VIEW_SELECT}
        WHERE ${where.sql}
        ORDER BY ${filter.newestFirst ? 'h.starts_at DESC, h.id DESC' : 'h.starts_at, h.id'}
        LIMIT ${limit}`,
      where.params,
    );
  }
}
