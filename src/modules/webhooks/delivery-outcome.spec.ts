import { decideOutcome, retryAfterSeconds } from './delivery-outcome';

const NOW = new Date('2026-06-01T02:00:00Z');
const SCHEDULE = [5, 300, 1800];

describe('decideOutcome', () => {
  it('succeeds on 2xx and disables on 410', () => {
    expect(decideOutcome(204, undefined, 1, SCHEDULE, NOW)).toEqual({
      status: 'succeeded',
      nextAttemptAt: null,
      disable: null,
    });
    expect(decideOutcome(410, undefined, 1, SCHEDULE, NOW).disable).toBe('gone');
  });

  it('retries on the schedule, honours a longer Retry-After, and gives up at its end', () => {
    expect(decideOutcome(500, undefined, 1, SCHEDULE, NOW).nextAttemptAt).toEqual(
      new Date(NOW.getTime() + 5000),
    );
    expect(decideOutcome(null, undefined, 2, SCHEDULE, NOW).nextAttemptAt).toEqual(
      new Date(NOW.getTime() + 300_000),
    );
    expect(decideOutcome(429, '120', 1, SCHEDULE, NOW).nextAttemptAt).toEqual(
      new Date(NOW.getTime() + 120_000),
    );
    expect(decideOutcome(503, undefined, 4, SCHEDULE, NOW)).toEqual({
      status: 'failed',
      nextAttemptAt: null,
      disable: 'failing',
    });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterSeconds('30', NOW)).toBe(30);
    expect(retryAfterSeconds('Mon, 01 Jun 2026 02:01:00 GMT', NOW)).toBe(60);
    expect(retryAfterSeconds('soon', NOW)).toBeNull();
  });
});
