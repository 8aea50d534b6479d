import type { AddressInfo } from 'node:net';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import request from 'supertest';
import { requestExamples } from '../../src/common/openapi/request-example.decorator';
import { createCase, run } from '../factories/case.factory';
import { createTenant, login, loginAdmin, type Tenant } from '../factories/identity.factory';
import { hearingBody, newPanel, schedule } from '../hearings/hearing-helpers';
import {
  createLitigation,
  defendantAgency,
  litigationBody,
} from '../litigation/litigation-helpers';
import { loadSwaggerPluginMetadata } from '../setup/swagger-plugin-metadata';
import { createTestApp, type TestApp } from '../setup/test-app';
import { FuzzClient, type FuzzRequest, type FuzzResponse } from './fuzz-http';
import {
  RANDOM_UUID,
  variantsOf,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type Variant,
} from './fuzz-variants';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const CONCURRENCY = 4;

interface OperationRef {
  method: string;
  template: string;
  operation: Operation;
  /** The first identity the route lets through (undefined: a public route). */
  token?: string;
  /** Integration routes: the court liaison's API key instead of a token. */
  apiKey?: string;
}

/**
 * Every operation of /openapi.json, with hostile values per schema type in its path, query,
 * headers and body: no answer may be a 5xx, every 4xx is problem+json, and input that is certainly
 * invalid is refused and changes nothing in the database.
 */
describe('OpenAPI-driven fuzzing of every operation', () => {
  let t: TestApp;
  let client: FuzzClient;
  let document: OpenApiDocument;
  let operations: OperationRef[];
  let adminToken: string;
  let courtKey: string;
  let apiClientId: { id: string } | undefined;
  let tenant: Tenant;
  let other: Tenant;
  let targets: Record<string, string>;
  let foreignIds: string[];

  beforeAll(async () => {
    await loadSwaggerPluginMetadata();
    t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '10000' });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new FuzzClient((server.address() as AddressInfo).port, CONCURRENCY);

    adminToken = await loginAdmin(t);
    [tenant, other] = [await createTenant(t, adminToken), await createTenant(t, adminToken)];
    const ownCase = await createCase(t, tenant.clerk.token);
    const foreignCase = await createCase(t, other.clerk.token);
    const reviewed = await run(
      t,
      tenant.clerk.token,
      (await createCase(t, tenant.clerk.token)).id,
      'accept',
      {
        acceptedOn: '2024-10-08',
      },
    );
    const panel = await newPanel(t, adminToken, tenant.agency.id);
    const hearing = await schedule(t, tenant.clerk.token, reviewed.id, hearingBody(panel));
    const apiClient = await request(t.http)
      .post('/api/v1/api-clients')
      .auth(adminToken, { type: 'bearer' })
      .send({ name: '法院联络系统', agencyId: tenant.agency.id, roles: ['court_liaison'] })
      .expect(201);
    const bureau = await defendantAgency(t, adminToken, tenant.agency.id);
    const lawsuit = await createLitigation(t, tenant.clerk.token, litigationBody([bureau.id]));
    const courtSession = await request(t.http)
      .post(`/api/v1/litigation-cases/${lawsuit.id}/sessions`)
      .auth(tenant.clerk.token, { type: 'bearer' })
      .send({
        startsAt: '2026-06-10T09:30:00+08:00',
        courtroom: '第三审判庭',
        noticeReceivedOn: '2026-06-01',
        headSummoned: true,
      })
      .expect(201);
    const foreignBureau = await defendantAgency(t, adminToken, other.agency.id);
    const foreignLawsuit = await createLitigation(
      t,
      other.clerk.token,
      litigationBody([foreignBureau.id]),
    );
    courtKey = (apiClient.body as { apiKey: string }).apiKey;
    apiClientId = apiClient.body as { id: string };
    targets = {
      agencies: tenant.agency.id,
      'litigation-cases': lawsuit.id,
      'court-sessions': courtSession.body.id,
      users: tenant.viewer.id,
      'api-clients': apiClient.body.id,
      'reconsideration-cases': ownCase.id,
      hearings: hearing.id,
      calendar: '2024',
    };
    foreignIds = [other.agency.id, other.clerk.id, foreignCase.id, foreignLawsuit.id];

    document = (await request(t.http).get('/openapi.json').expect(200)).body;
    operations = await Promise.all(
      Object.entries(document.paths).flatMap(([template, item]) =>
        Object.entries(item)
          .filter(([method]) => METHODS.includes(method))
          .map(([method, operation]) => identify({ method, template, operation })),
      ),
    );
    // An API key's use is stamped at most once a minute (last_used_at): stamped ahead here, so
    // the court key's requests during the fuzzing leave the api_client rows as they were.
    await t.dataSource.query(
      `UPDATE api_client SET last_used_at = now() + interval '1 day' WHERE id = $1`,
      [apiClientId.id],
    );
  }, 180_000);
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  function target(template: string, parameter: Parameter): string {
    if (parameter.name === 'year') return targets.calendar;
    const resource = template.replace(/^\/api\/v1\//, '').split('/')[0];
    return targets[resource] ?? RANDOM_UUID;
  }

  function toRequest(ref: OperationRef, variant: Variant): FuzzRequest {
    const { method, template, operation } = ref;
    let url = template.replace(
      /{(\w+)}/g,
      (_match, name: string) =>
        variant.path?.[name] ?? encodeURIComponent(target(template, { name, in: 'path' })),
    );
    if (variant.query?.length) url += `?${variant.query.join('&')}`;
    const example = operation.requestBody?.content['application/json']?.example;
    const body =
      variant.body === null
        ? undefined
        : (variant.body ?? (operation.requestBody ? JSON.stringify(example ?? {}) : undefined));
    return {
      label: `${method.toUpperCase()} ${template} ${variant.label}`,
      method: method.toUpperCase(),
      url,
      headers: {
        ...(ref.token ? { Authorization: `Bearer ${ref.token}` } : {}),
        ...(ref.apiKey ? { 'X-API-Key': ref.apiKey } : {}),
        ...(body === undefined
          ? {}
          : { 'Content-Type': variant.contentType ?? 'application/json' }),
        ...variant.headers,
      },
      body,
      expect: variant.expect,
    };
  }

  /**
   * The first of clerk, head and admin that the route's guard lets through; logout gets a
   * session of its own (it revokes the token it is called with).
   */
  async function identify(ref: OperationRef): Promise<OperationRef> {
    if (ref.operation.security?.length === 0) return ref;
    const ownSession = ref.template === '/api/v1/auth/logout';
    const candidates = ownSession
      ? [await login(t.http, tenant.viewer.username, tenant.viewer.password)]
      : [tenant.clerk.token, tenant.head.token, adminToken];
    for (const token of candidates) {
      const probe = toRequest(
        { ...ref, token },
        {
          label: 'probe',
          expect: 'any',
          path: Object.fromEntries(
            (ref.operation.parameters ?? [])
              .filter((parameter) => parameter.in === 'path')
              .map((parameter) => [parameter.name, RANDOM_UUID]),
          ),
          query: ['__probe__=1'],
          body: ref.operation.requestBody ? '{"__probe__":1}' : undefined,
        },
      );
      const { status } = await client.send(probe);
      if (status !== 401 && status !== 403) return { ...ref, token };
    }
    // Routes of integration clients only (the court liaison's).
    const schemes = (ref.operation.security ?? []) as Array<Record<string, unknown>>;
    if (schemes.some((scheme) => Object.keys(scheme).includes('apiKey'))) {
      return { ...ref, apiKey: courtKey };
    }
    return { ...ref, token: adminToken };
  }

  /**
   * Each table's rows, hashed: a refused request must leave every one as it was — but for the
   * security log of refused accesses (403s are audited by design, issue 14).
   */
  const SECURITY_LOG: Record<string, string> = {
    audit_entry: "WHERE action <> 'access.forbidden'",
  };
  async function snapshot(): Promise<Record<string, string>> {
    const tables = await t.dataSource.query<Array<{ name: string }>>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const hashes: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await t.dataSource.query<Array<{ hash: string }>>(
        `SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS hash
           FROM "${name}" r ${SECURITY_LOG[name] ?? ''}`,
      );
      hashes[name] = row.hash;
    }
    return hashes;
  }

  function problemOf(response: FuzzResponse): Record<string, unknown> | null {
    if (!response.contentType.startsWith('application/problem+json')) return null;
    try {
      return JSON.parse(response.text) as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  /** Sends every request; returns the broken answers, one line each. */
  async function fuzz(requests: FuzzRequest[]): Promise<string[]> {
    const failures: string[] = [];
    await client.sendAll(requests, (sent, response) => {
      const problem = problemOf(response);
      if (response.status >= 500) {
        failures.push(`${response.status} ${sent.label}`);
      } else if (response.status >= 400) {
        const complete =
          problem?.status === response.status &&
          ['type', 'title', 'detail'].every((key) => typeof problem[key] === 'string');
        if (!complete) failures.push(`${response.status} not problem+json: ${sent.label}`);
      } else if (sent.expect === 'refused') {
        failures.push(`${response.status} accepted: ${sent.label}`);
      }
    });
    return failures;
  }

  function requestsOf(expect: Variant['expect']): FuzzRequest[] {
    return operations.flatMap((ref) =>
      variantsOf(
        document,
        ref.operation,
        (parameter) => target(ref.template, parameter),
        foreignIds,
      )
        .filter((variant) => variant.expect === expect)
        .map((variant) => toRequest(ref, variant)),
    );
  }

  it('documents every request body with an example its DTO accepts, and 413', async () => {
    const examples = requestExamples();
    for (const { template, method, operation } of operations) {
      const media = operation.requestBody?.content['application/json'];
      if (!operation.requestBody) continue;
      expect({ operation: `${method} ${template}`, example: media?.example !== undefined }).toEqual(
        {
          operation: `${method} ${template}`,
          example: true,
        },
      );
      expect(operation.responses['413']).toBeDefined();
    }
    for (const [name, { type, example }] of examples) {
      const errors = await validate(plainToInstance(type as new () => object, example), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      expect({ name, errors: errors.map((error) => error.toString()) }).toEqual({
        name,
        errors: [],
      });
    }
    const limits = operations.flatMap(({ operation }) =>
      (operation.parameters ?? []).filter((parameter) => parameter.name === 'limit'),
    );
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.every((parameter) => parameter.required === false)).toBe(true);
  });

  it('refuses certainly invalid input with a 4xx problem and changes nothing', async () => {
    const requests = requestsOf('refused');
    const before = await snapshot();
    const failures = await fuzz(requests);
    expect(failures.slice(0, 40)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('answers odd but possibly valid input without a 5xx', async () => {
    const failures = await fuzz(requestsOf('any'));
    expect(failures.slice(0, 40)).toEqual([]);
  }, 120_000);

  it('still lists, reads, sweeps and accepts after the fuzzing', async () => {
    for (const ref of operations) {
      if (ref.method !== 'get' || ref.template.includes('{')) continue;
      const response = await client.send(
        toRequest(ref, { label: 'read', expect: 'any', body: null }),
      );
      expect({ read: ref.template, status: response.status < 500 }).toEqual({
        read: ref.template,
        status: true,
      });
    }
    const cases = await request(t.http)
      .get('/api/v1/reconsideration-cases?limit=200')
      .auth(tenant.clerk.token, { type: 'bearer' })
      .expect(200);
    for (const item of cases.body.items as Array<{ id: string }>) {
      await request(t.http)
        .get(`/api/v1/reconsideration-cases/${item.id}`)
        .auth(tenant.clerk.token, { type: 'bearer' })
        .expect(200);
    }
    await request(t.http)
      .post('/api/v1/workflow/sweep')
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    const fresh = await createCase(t, tenant.clerk.token);
    await run(t, tenant.clerk.token, fresh.id, 'accept', { acceptedOn: '2024-10-08' });
  });
});
