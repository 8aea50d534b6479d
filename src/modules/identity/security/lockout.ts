/** After the threshold, the first lock lasts a minute and each further failure doubles it. */
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

/**
 * When a username's lock ends, from its consecutive failures across addresses (ASVS 4.0 V2.2.1:
 * anti-automation with growing delays), or null when it is not locked by them.
 */
export function lockEndsAt(failures: number, lastFailureAt: Date | null, threshold: number) {
  if (failures < threshold || lastFailureAt === null) return null;
  const delay = Math.min(FIRST_LOCK_MS * 2 ** (failures - threshold), LONGEST_LOCK_MS);
  return new Date(lastFailureAt.getTime() + delay);
}
