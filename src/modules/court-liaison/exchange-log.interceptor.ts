import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  Logger,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { parseIdempotencyKey } from '../../common/http/idempotency-key';
import { IntegrationExchangeRepository } from './integration-exchange.repository';

const EXCHANGE_METADATA = 'fuyi:court-exchange';

interface ExchangeSpec {
  operation: string;
  /** Where the court's identifier is: a path parameter, else a body field. */
  param?: string;
  bodyField?: string;
}

/** Logs every request of this route received from the court (see ExchangeLogInterceptor). */
export const CourtExchange = (spec: ExchangeSpec) => SetMetadata(EXCHANGE_METADATA, spec);

/**
 * The exchange log: each court write, once answered — created, updated, replayed or refused by
 * a rule (404, 409, 422) — is recorded with the court's identifier and the Idempotency-Key, for
 * the daily reconciliation. Malformed requests (400) are not: nothing was taken in.
 */
@Injectable()
export class ExchangeLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ExchangeLog');

  constructor(
    private readonly exchanges: IntegrationExchangeRepository,
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<ExchangeSpec | undefined>(
      EXCHANGE_METADATA,
      context.getHandler(),
    );
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user: Actor; id?: unknown }>();
    const response = context.switchToHttp().getResponse<Response>();
    const record = async (status: number) => {
      const actor = request.user;
      // A malformed request (400: no key, invalid body) took nothing in: it is no exchange.
      if (!actor.agencyId || status === 400) return;
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = spec.bodyField ? body?.[spec.bodyField] : undefined;
      const reference = spec.param ? request.params[spec.param] : fromBody;
      const header = request.headers['idempotency-key'];
      await this.exchanges
        .recordReceived({
          agencyId: actor.agencyId,
          apiClientId: actor.kind === 'api_client' ? actor.id : null,
          operation: spec.operation,
          reference: (typeof reference === 'string' ? reference : '').slice(0, 200),
          idempotencyKey: typeof header === 'string' ? parseIdempotencyKey(header) : null,
          replayed: response.getHeader('Idempotent-Replayed') === 'true',
          responseStatus: status,
          requestId: typeof request.id === 'string' ? request.id : null,
          recordedAt: this.clock.now(),
        })
        .catch((error: unknown) => {
          this.logger.error(
            `not logged: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    };
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await record(response.statusCode);
        return body;
      }),
      catchError((error: unknown) =>
        from(record(error instanceof HttpException ? error.getStatus() : 500)).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}
