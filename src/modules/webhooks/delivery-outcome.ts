/** What became of one attempt, and what follows it. */
export interface DeliveryOutcome {
  status: 'succeeded' | 'failed' | 'retrying';
  nextAttemptAt: Date | null;
  /** The endpoint is disabled: it answered 410 Gone, or failed through the whole schedule. */
  disable: 'gone' | 'failing' | null;
}

const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Decides after an attempt (Standard Webhooks): 2xx succeeded; 410 fails and disables the
 * endpoint; anything else (other statuses, redirects, timeouts, refused addresses) retries after
 * the schedule's next delay — or the receiver's `Retry-After` when longer, up to a day — until
 * the schedule is spent, when the delivery fails and the endpoint is disabled.
 * `attempt` counts attempts since the delivery was (re)queued, 1 for the first.
 */
export function decideOutcome(
  responseStatus: number | null,
  retryAfter: string | undefined,
  attempt: number,
  schedule: readonly number[],
  now: Date,
): DeliveryOutcome {
  if (responseStatus !== null && responseStatus >= 200 && responseStatus < 300) {
    return { status: 'succeeded', nextAttemptAt: null, disable: null };
  }
  if (responseStatus === 410) return { status: 'failed', nextAttemptAt: null, disable: 'gone' };
  const delay = schedule[attempt - 1];
  if (delay === undefined) return { status: 'failed', nextAttemptAt: null, disable: 'failing' };
  const asked = retryAfterSeconds(retryAfter, now);
  const seconds = Math.max(delay, Math.min(asked ?? 0, MAX_RETRY_AFTER_SECONDS));
  return {
    status: 'retrying',
    nextAttemptAt: new Date(now.getTime() + seconds * 1000),
    disable: null,
  };
}

/** `Retry-After` as seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(value: string | undefined, now: Date): number | null {
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
