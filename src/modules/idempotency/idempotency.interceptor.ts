import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import {
  IDEMPOTENCY_RETENTION_HOURS,
  parseIdempotencyKey,
  requestFingerprint,
} from '../../common/http/idempotency-key';
import { conflictProblem, ProblemException, validationProblem } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { IdempotencyRepository } from './idempotency.repository';

export const IDEMPOTENT_METADATA = 'fuyi:idempotent';

/** Who must send a key: every caller, or integration clients only (people may). */
export type IdempotencyRequirement = 'always' | 'api_clients';

const HOUR_MS = 3_600_000;
/** A claim older than this whose request never finished (its instance died) may be retried. */
const CLAIM_LEASE_MS = 60_000;

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) for the routes marked
 * `@Idempotent()`: the first request with a key claims it with the request's fingerprint and
 * stores its response; a repeat with the same payload gets that response again with
 * `Idempotent-Replayed: true` and changes nothing; the same key with another payload is 422, a
 * repeat while the first runs 409; no key 400. A request that fails (4xx/5xx) is not remembered:
 * it changed nothing, and a retry with the key runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
    private readonly box: SecretBox,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const requirement =
      this.reflector.get<IdempotencyRequirement | undefined>(
        IDEMPOTENT_METADATA,
        context.getHandler(),
      ) ?? 'always';
    const request = context.switchToHttp().getRequest<Request & { user: Actor }>();
    const response = context.switchToHttp().getResponse<Response>();
    const actor = request.user;
    const header = request.headers['idempotency-key'];
    if (header === undefined) {
      if (requirement === 'always' || actor.kind === 'api_client') {
        throw validationProblem([
          {
            field: 'Idempotency-Key',
            message:
              'integration writes need an Idempotency-Key header (a unique string per operation)',
          },
        ]);
      }
      return next.handle();
    }
    const key = typeof header === 'string' ? parseIdempotencyKey(header) : null;
    if (key === null) {
      throw validationProblem([
        {
          field: 'Idempotency-Key',
          message: 'must be a structured-field string ("…") or a token of 1–255 ASCII characters',
        },
      ]);
    }
    const owner = `${actor.kind}:${actor.id ?? actor.name}`;
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body);
    const now = this.clock.now();
    const claimed = await this.keys.claim({
      owner,
      key,
      fingerprint,
      method: request.method,
      path: request.originalUrl,
      now,
      lockedUntil: new Date(now.getTime() + CLAIM_LEASE_MS),
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_RETENTION_HOURS * HOUR_MS),
    });
    if (!claimed) return this.answerRepeat(owner, key, fingerprint, response);

    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // Sealed at rest: responses may hold secrets (a webhook's) and personal data.
        await this.keys.complete(owner, key, response.statusCode, {
          sealed: this.box.seal(JSON.stringify(body ?? null)),
        });
        return body;
      }),
      catchError((error: unknown) =>
        from(this.keys.release(owner, key)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async answerRepeat(
    owner: string,
    key: string,
    fingerprint: string,
    response: Response,
  ): Promise<Observable<unknown>> {
    const stored = await this.keys.find(owner, key);
    if (stored !== null && stored.fingerprint !== fingerprint) {
      throw conflictProblem(
        ProblemType.IdempotencyKeyReused,
        'This Idempotency-Key was used for a request with another payload or path; use a new key for a new operation',
      );
    }
    if (stored === null || stored.state === 'in_flight') {
      throw new ProblemException({
        type: ProblemType.IdempotencyKeyInFlight,
        detail:
          'The first request with this Idempotency-Key is still being processed; retry shortly',
        headers: { 'Retry-After': '1' },
      });
    }
    response.status(stored.responseStatus ?? 200);
    response.setHeader('Idempotent-Replayed', 'true');
    const { sealed } = stored.responseBody as { sealed: string };
    return of(JSON.parse(this.box.open(sealed)) as unknown);
  }
}
