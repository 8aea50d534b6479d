/*
 * The baseline for `npm run bench`: the least a Node server can do to answer the same read as
 * `GET /api/v1/agencies/:id` — `node:http`, a `pg.Pool` of the API's default size and the same
 * query, no framework, no auth, no logging. Started as a child process by run-bench.ts.
 *
 *   DATABASE_URL=postgres://… PORT=4000 node dist/bench/bare-server.js
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const AGENCY_PATH = /^\/agencies\/([0-9a-fA-F-]{36})$/;

function main(): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST || '127.0.0.1';
  const pool = new Pool({
    connectionString: databaseUrl,
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    application_name: 'fuyi-bench-bare',
  });

  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      const json = JSON.stringify(body);
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(json),
      });
      response.end(json);
    };
    if (request.method === 'GET' && request.url === '/health') {
      send(200, { status: 'ok' });
      return;
    }
    const match = request.method === 'GET' ? AGENCY_PATH.exec(request.url ?? '') : null;
    if (!match) {
      send(404, { status: 404, title: 'Not found' });
      return;
    }
    pool.query('SELECT * FROM agency WHERE id = $1', [match[1]]).then(
      (result) => {
        if (result.rows.length === 0) send(404, { status: 404, title: 'Not found' });
        else send(200, result.rows[0]);
      },
      (error: unknown) => send(500, { status: 500, title: String(error) }),
    );
  });
  server.keepAliveTimeout = 65_000;

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void pool.end().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  server.listen(port, host, () => {
    process.stdout.write(`bare server listening on http://${host}:${port}\n`);
  });
}

main();
