import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** 1–128 printable ASCII characters (API.md): nothing that could forge a log line. */
const SAFE_REQUEST_ID = /^[\x20-\x7e]{1,128}$/;

/** Accepts a caller's X-Request-Id when it is printable ASCII, otherwise makes one; echoes it. */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * API answers carry personal data, tokens or keys: no cache may keep them (ASVS 4.0 V8.2.1).
 * Routes that set their own Cache-Control (e.g. calendar feeds) keep it.
 */
export function noStoreMiddleware(
  _request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/** First middleware, so even body-parser errors carry the request id. */
export function requestIdMiddleware(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  (request as IncomingMessage & { id: string }).id = assignRequestId(request, response);
  next();
}
