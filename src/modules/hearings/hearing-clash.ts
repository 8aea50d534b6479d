import { conflictProblem, type ProblemException } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { toShanghaiIso } from './hearing.mapper';
import type { Booking, HearingRepository } from './hearing.repository';

/** The exclusion constraint that refused a booking: the room or a person was taken. */
const CONSTRAINT_CLASH: Record<string, 'room' | 'person'> = {
  hearing_room_excl: 'room',
  hearing_participant_excl: 'person',
};

/**
 * 409 naming the hearing a booking clashes with, looked up after PostgreSQL's exclusion
 * constraint refused it (possibly for a transaction that committed a moment ago).
 */
export async function clashProblem(
  hearings: HearingRepository,
  booking: Booking,
  constraint: string | undefined,
): Promise<ProblemException> {
  const clash = await hearings.findClash(booking, CONSTRAINT_CLASH[constraint ?? ''] ?? null);
  if (!clash) {
    return conflictProblem(
      ProblemType.HearingClash,
      'The room or a person on the panel was booked at an overlapping time; retry',
    );
  }
  const clashingHearing = {
    id: clash.id,
    startsAt: toShanghaiIso(clash.starts_at),
    endsAt: toShanghaiIso(clash.ends_at),
    location: clash.location,
  };
  const detail =
    clash.clash === 'room'
      ? `${clash.location} is booked from ${clashingHearing.startsAt} to ${clashingHearing.endsAt} for hearing ${clash.id}`
      : `user ${clash.user_id} sits on hearing ${clash.id} from ${clashingHearing.startsAt} to ${clashingHearing.endsAt}`;
  return conflictProblem(ProblemType.HearingClash, detail, {
    clash: clash.clash,
    ...(clash.user_id ? { userId: clash.user_id } : {}),
    clashingHearing,
  });
}
