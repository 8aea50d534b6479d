/*
 * An open-loop load generator: requests are scheduled evenly (one every 1000/rate ms) whatever
 * the server does, and each latency is timed from the request's scheduled time, so waiting for
 * a free connection counts (no coordinated omission).
 *
 * autocannon's `overallRate` is different: every connection sends its share of the second
 * back to back as soon as the second starts, then idles — 500 req/s over 50 connections is a
 * burst of 50 concurrent requests each second, and its p99 is the p99 of that burst.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PacedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedOptions {
  rate: number;
  durationSeconds: number;
  /** At most this many sockets; a request waits for one when all are busy. */
  connections: number;
  timeoutMs?: number;
}

export interface PacedResult {
  sent: number;
  completed: number;
  elapsedMs: number;
  /** Sorted ascending, in ms, of the responses that arrived (any status). */
  latenciesMs: Float64Array;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index];
}

export function runPaced(target: PacedRequest, options: PacedOptions): Promise<PacedResult> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.max(1, Math.round(options.rate * options.durationSeconds));
  const intervalMs = 1000 / options.rate;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies = new Float64Array(total);
  const statusCodes: Record<string, number> = {};
  let sent = 0;
  let finished = 0;
  let answered = 0;
  let errors = 0;
  let timeouts = 0;
  const start = performance.now();

  return new Promise((resolveRun) => {
    const settle = () => {
      finished += 1;
      if (finished < total) return;
      agent.destroy();
      resolveRun({
        sent,
        completed: answered,
        elapsedMs: performance.now() - start,
        latenciesMs: latencies.slice(0, answered).sort(),
        statusCodes,
        errors,
        timeouts,
      });
    };

    const fire = (scheduledAt: number) => {
      let done = false;
      let timedOut = false;
      const outgoing = request(
        {
          agent,
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: target.method,
          headers: target.headers,
        },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => {
            if (done) return;
            done = true;
            latencies[answered++] = performance.now() - scheduledAt;
            const code = String(response.statusCode ?? 0);
            statusCodes[code] = (statusCodes[code] ?? 0) + 1;
            settle();
          });
        },
      );
      outgoing.setTimeout(timeoutMs, () => {
        timedOut = true;
        outgoing.destroy(new Error('timeout'));
      });
      outgoing.on('error', () => {
        if (done) return;
        done = true;
        if (timedOut) timeouts += 1;
        else errors += 1;
        settle();
      });
      outgoing.end(target.body);
    };

    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / intervalMs) + 1);
      while (sent < due) fire(start + sent++ * intervalMs);
      if (sent < total) {
        setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
      }
    };
    tick();
  });
}
