import request from 'supertest';
import type { TestApp } from '../setup/test-app';

/** An API key of role `court_liaison` for a body. */
export async function createCourtKey(
  t: TestApp,
  adminToken: string,
  agencyId: string,
): Promise<{ id: string; apiKey: string }> {
  const response = await request(t.http)
    .post('/api/v1/api-clients')
    .auth(adminToken, { type: 'bearer' })
    .send({ name: '法院联络系统', agencyId, roles: ['court_liaison'] });
  if (response.status !== 201) throw new Error(`api client: ${response.status} ${response.text}`);
  return response.body as { id: string; apiKey: string };
}

export interface FeedItem {
  id: string;
  cursor: string;
  type: string;
  aggregate: { kind: string; id: string } | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The feed position inside an opaque cursor (tests only: consumers never look inside). */
export function positionOf(cursor: string): bigint {
  return BigInt((JSON.parse(Buffer.from(cursor, 'base64url').toString()) as string[])[0]);
}

/** Reads the whole feed from `after` until a page comes back empty. */
export async function readFeed(
  t: TestApp,
  auth: { token?: string; apiKey?: string },
  after: string | null = null,
  query = '',
): Promise<{ items: FeedItem[]; cursor: string | null }> {
  const items: FeedItem[] = [];
  let cursor = after;
  for (;;) {
    const call = request(t.http).get(
      `/api/v1/events?limit=200${cursor ? `&after=${cursor}` : ''}${query}`,
    );
    if (auth.token) void call.auth(auth.token, { type: 'bearer' });
    if (auth.apiKey) void call.set('X-API-Key', auth.apiKey);
    const response = await call;
    if (response.status !== 200) throw new Error(`feed: ${response.status} ${response.text}`);
    const page = response.body as { items: FeedItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
    if (page.items.length === 0) return { items, cursor };
  }
}
