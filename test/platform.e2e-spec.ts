import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import request from 'supertest';
import { expectProblem } from './setup/expect-problem';
import { createTestApp, type TestApp } from './setup/test-app';

/** Sends raw bytes on a fresh connection and reads the answer until the server closes it. */
async function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseRaw(answer: string) {
  const [head, body] = answer.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, body: JSON.parse(body) as unknown };
}

describe('platform edge', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with the database up', async () => {
    await request(t.http).get('/health/live').expect(200);
    const ready = await request(t.http).get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('serves Prometheus metrics labelled by route template', async () => {
    await request(t.http).get('/health/live');
    const response = await request(t.http).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('process_cpu_user_seconds_total');
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\}/,
    );
  });

  it('serves Swagger UI and the OpenAPI document with both security schemes', async () => {
    await request(t.http).get('/docs/').expect(200).expect('content-type', /html/);
    const doc = await request(t.http).get('/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.components.securitySchemes)).toEqual(
      expect.arrayContaining(['bearer', 'apiKey']),
    );
    expect(doc.body.servers).toHaveLength(1);
    expect(doc.body.paths['/health/ready'].get.security).toEqual([]);
  });

  it('echoes a caller-supplied X-Request-Id and generates one otherwise', async () => {
    const echoed = await request(t.http).get('/health/live').set('X-Request-Id', 'req-42');
    expect(echoed.headers['x-request-id']).toBe('req-42');
    const generated = await request(t.http).get('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Printable ASCII up to 128 characters is taken as given; anything else is replaced.
    const printable = await request(t.http).get('/health/live').set('X-Request-Id', 'a b<c>');
    expect(printable.headers['x-request-id']).toBe('a b<c>');
    const long = 'x'.repeat(129);
    const unsafe = await request(t.http).get('/health/live').set('X-Request-Id', long);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and no x-powered-by', async () => {
    const response = await request(t.http).get('/health/live');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('answers an unknown route with 404 problem+json', async () => {
    expectProblem(await request(t.http).get('/api/v1/no-such-thing'), 404);
    expectProblem(await request(t.http).get('/no-such-thing'), 404);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await request(t.http).delete('/health/ready');
    expectProblem(response, 405);
    expect(response.headers.allow).toBe('GET');
  });

  it('answers malformed JSON with 400 problem+json carrying the request id', async () => {
    const response = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'bad-json-1')
      .send('{"username": ');
    expectProblem(response, 400);
    expect(response.body.detail).toBe('The request body is not valid JSON');
    expect(response.body.requestId).toBe('bad-json-1');
  });

  it('answers a 2 MB body with 413 problem+json', async () => {
    const response = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }));
    expectProblem(response, 413);
  });

  it('answers a badly percent-encoded path with 400', async () => {
    expectProblem(await request(t.http).get('/api/v1/agencies/%E0%A4%A'), 400);
  });

  describe('requests Node refuses before Express', () => {
    let port: number;

    beforeAll(async () => {
      const server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });

    it.each([
      ['headers', `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      ['a request line', `GET /health/live?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    ])('answers %s over the limit with 431 problem+json', async (_what, text) => {
      const answer = parseRaw(await rawExchange(port, text));
      expect(answer.statusLine).toBe('HTTP/1.1 431 Request header fields too large');
      expect(answer.head).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/);
      expect(answer.body).toMatchObject({
        type: 'urn:problem:fuyi:headers-too-large',
        title: 'Request header fields too large',
        status: 431,
        detail: expect.any(String),
      });
    });

    it('answers a request that is not HTTP with 400 problem+json', async () => {
      const answer = parseRaw(await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n'));
      expect(answer.statusLine).toBe('HTTP/1.1 400 Bad request');
      expect(answer.body).toMatchObject({ status: 400, title: 'Bad request' });
    });
  });
});
