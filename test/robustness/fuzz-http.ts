import { Agent, request as httpRequest } from 'node:http';

export interface FuzzRequest {
  /** What the request tries, for failure reports. */
  label: string;
  method: string;
  /** Path and query, already encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** refused: certainly invalid input, must be a 4xx; any: must only not be a 5xx. */
  expect: 'refused' | 'any';
}

export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

/** A keep-alive HTTP client for one listening server (supertest opens a connection a request). */
export class FuzzClient {
  private readonly agent: Agent;

  constructor(
    private readonly port: number,
    readonly concurrency: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  send(request: FuzzRequest): Promise<FuzzResponse> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method: request.method,
          path: request.url,
          headers: {
            ...request.headers,
            ...(request.body === undefined
              ? {}
              : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
          },
          agent: this.agent,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              contentType: String(incoming.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  /** Sends every request, `concurrency` at a time, and hands each answer to `check`. */
  async sendAll(
    requests: FuzzRequest[],
    check: (request: FuzzRequest, response: FuzzResponse) => void,
  ): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++];
        check(request, await this.send(request));
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
  }

  close(): void {
    this.agent.destroy();
  }
}
