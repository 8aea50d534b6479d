import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app-config';
import { assignRequestId } from '../http/request-id';
import { maskIdNumbers } from './mask-id-numbers';

type LoggedRequest = IncomingMessage & { id?: unknown };

/**
 * Structured JSON logs (pino) with the request id on every line. Credentials are redacted and
 * identity-card numbers masked; request bodies are never logged.
 */
export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    genReqId: (request, response) =>
      (request as LoggedRequest).id ? request.id : assignRequestId(request, response),
    customAttributeKeys: { reqId: 'requestId' },
    // Every line of a request names who made it and from where (等保 2.0 安全审计).
    customProps: (request) => {
      const { user, ip } = request as LoggedRequest & {
        user?: { kind?: string; id?: string | null };
        ip?: string;
      };
      return {
        clientAddress: ip ?? request.socket?.remoteAddress,
        ...(user ? { actor: { kind: user.kind, id: user.id ?? null } } : {}),
      };
    },
    quietReqLogger: true,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.apiKey',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: maskIdNumbers(request.url ?? ''),
        userAgent: request.headers['user-agent'],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    autoLogging: { ignore: (request) => request.url === '/metrics' },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg: unknown) =>
          typeof arg === 'string' ? maskIdNumbers(arg) : arg,
        ) as typeof args;
        method.apply(this, masked);
      },
    },
  };
}

/**
 * nestjs-pino gives Nest's logger and request-scoped logging; the pino-http middleware itself is
 * mounted first by configureApp (`useExisting`), so requests that fail in the body parser are
 * logged too.
 */
@Module({})
export class LoggingModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(config), useExisting: true })],
    };
  }
}
