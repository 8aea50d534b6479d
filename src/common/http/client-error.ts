import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { genericProblem } from '../problem/problem.filter';

/** What Node's HTTP parser refused, before Express saw a request (Node's own answers, in JSON). */
const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: 'The request line and headers are larger than the server accepts',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    detail: 'The chunk extensions are larger than the server accepts',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time' },
};
const MALFORMED = { status: 400, detail: 'The request is not well-formed HTTP' };

/** The response in flight on a kept-alive socket, as Node's own handler checks it. */
type HttpSocket = Duplex & { _httpMessage?: { headersSent?: boolean } | null };

/**
 * Node's `clientError`: a request line or headers over the limit, a malformed request, a timeout.
 * Like Node's default handler it answers only when no response on the socket has begun (here in
 * problem+json instead of an empty body), then closes the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: HttpSocket): void {
  const inFlight = socket._httpMessage?.headersSent === true;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight) {
    socket.destroy();
    return;
  }
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  const problem = genericProblem(status, detail);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${status} ${problem.title}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', answerClientError);
}
