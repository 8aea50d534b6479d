import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiResponse } from '@nestjs/swagger';
import { IDEMPOTENCY_RETENTION_HOURS } from '../../common/http/idempotency-key';
import { problemResponse } from '../../common/openapi/problem-responses.decorator';
import {
  IDEMPOTENT_METADATA,
  IdempotencyInterceptor,
  type IdempotencyRequirement,
} from './idempotency.interceptor';

const DESCRIPTION =
  'A unique string per operation (draft-ietf-httpapi-idempotency-key-header), a structured-field ' +
  'string `"…"` or a bare token of up to 255 ASCII characters. Keys are kept for ' +
  `${IDEMPOTENCY_RETENTION_HOURS} hours per caller: a repeat with the same key and payload within ` +
  'that time returns the first response again with `Idempotent-Replayed: true` and changes nothing; ' +
  'the same key with another payload is 422; a repeat while the first is still running is 409 ' +
  '(retry after `Retry-After`). A request that failed is not remembered. Expired keys are purged.';

/** Marks an integration write as idempotent by `Idempotency-Key` (see IdempotencyInterceptor). */
export function Idempotent(requirement: IdempotencyRequirement = 'always') {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, requirement),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: requirement === 'always',
      description:
        requirement === 'always'
          ? `Required. ${DESCRIPTION}`
          : `Required for integration (API key) clients, optional for people. ${DESCRIPTION}`,
    }),
    ApiExtension('x-idempotency', {
      header: 'Idempotency-Key',
      retentionHours: IDEMPOTENCY_RETENTION_HOURS,
      replayHeader: 'Idempotent-Replayed',
    }),
    ApiResponse({
      status: 409,
      ...problemResponse(409),
      description:
        'Illegal state transition or version conflict, or a request with this Idempotency-Key is still in progress',
    }),
    ApiResponse({
      status: 422,
      ...problemResponse(422),
      description:
        'A rule refused the request, or the Idempotency-Key was already used with another payload',
    }),
  );
}
