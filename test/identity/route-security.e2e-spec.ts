import request from 'supertest';
import { METHODS } from 'node:http';
import { createTestApp, type TestApp } from '../setup/test-app';

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the app registered, as [METHOD, path] with path parameters filled in. */
function registeredRoutes(t: TestApp): Array<[string, string]> {
  const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } })
    .router;
  const routes: Array<[string, string]> = [];
  for (const layer of router.stack) {
    if (!layer.route) continue;
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    if (methods.length >= METHODS.length) continue; // catch-all not-found handlers
    const path = layer.route.path
      .replace(/\{\/?\*[^}]*\}/g, '')
      .replace(/\*\w+/g, 'x')
      .replace(/:\w+/g, '00000000-0000-4000-8000-000000000000')
      .replace(/(.)\/$/, '$1');
    for (const method of methods) routes.push([method.toUpperCase(), path]);
  }
  return routes;
}

const PUBLIC_ROUTES = new Set([
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'POST /api/v1/auth/login',
]);
const isDocs = (path: string) => /^\/(docs|openapi\.(json|yaml))/.test(path);

describe('route security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds the API routes', () => {
    const routes = registeredRoutes(t).map(([method, path]) => `${method} ${path}`);
    expect(routes).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, 'GET /api/v1/auth/me']));
    expect(routes.length).toBeGreaterThan(15);
  });

  it('refuses every non-public route to an anonymous caller with 401', async () => {
    const open: string[] = [];
    for (const [method, path] of registeredRoutes(t)) {
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES.has(key) || isDocs(path) || method === 'HEAD') continue;
      const response = await request(t.http)[method.toLowerCase() as 'get'](path).send({});
      if (response.status !== 401) open.push(`${key} → ${response.status}`);
      else expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
    expect(open).toEqual([]);
  });

  it('keeps the public routes public', async () => {
    await request(t.http).get('/health/live').expect(200);
    await request(t.http).get('/metrics').expect(200);
    await request(t.http).get('/openapi.json').expect(200);
  });

  it('documents every operation with a summary, operationId, tags, security and error responses', async () => {
    const doc = (await request(t.http).get('/openapi.json')).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, typeof operation.summary]).toEqual([where, 'string']);
        expect([where, typeof operation.operationId]).toEqual([where, 'string']);
        expect([where, (operation.tags as string[]).length > 0]).toEqual([where, true]);
        expect([where, Array.isArray(operation.security)]).toEqual([where, true]);
        const isPublic = (operation.security as unknown[]).length === 0;
        if (!isPublic) {
          expect([where, Object.keys(operation.responses as object)]).toEqual([
            where,
            expect.arrayContaining(['401', '403']),
          ]);
        }
      }
    }
  });
});
