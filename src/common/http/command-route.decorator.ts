import {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  Post,
  Put,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Request } from 'express';
import type { Actor } from '../auth/actor';
import { CASE_HANDLER_ROLES, type Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import { validationProblem } from '../problem/problem';

/**
 * `POST <resource>/{id}/<path>`: a command on one record, answering the record as it now stands
 * (200) with its ETag. A `path` holding `:id` is taken whole (a controller without a prefix);
 * `what` names the record in the document ("The case", "The hearing").
 */
export function CommandRoute(
  path: string,
  summary: string,
  roles: readonly Role[] = CASE_HANDLER_ROLES,
  what = 'The case',
) {
  const route = Post(path.includes(':id') ? path : `:id/${path}`);
  return onOneRecord(route, summary, roles, what, `${what}’s ETag`);
}

/**
 * `PUT <path>` (`path` holds `:id`): replaces one part of a record, e.g. a defendant's appearance
 * plan at a court session, answering like a command; `etag` describes the record's ETag.
 */
export function ReplacePartRoute(
  path: string,
  summary: string,
  roles: readonly Role[],
  what: string,
  etag: string,
) {
  return onOneRecord(Put(path), summary, roles, what, etag);
}

/** A write on the record `:id` names (404), guarded by its ETag (`If-Match`, 412). */
function onOneRecord(
  route: MethodDecorator,
  summary: string,
  roles: readonly Role[],
  what: string,
  etag: string,
) {
  return applyDecorators(
    route,
    HttpCode(200),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiParam({ name: 'id', format: 'uuid', description: what }),
    ApiHeader({ name: 'If-Match', required: false, description: etag }),
    ProblemResponses(400, 404, 409, 412, 422),
  );
}

/** Who runs a command on which record, with the version they expect. */
export interface CommandTarget {
  actor: Actor;
  id: string;
  ifMatch: string | undefined;
}

export const Target = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request & { user: Actor; id?: unknown }>();
  const id = request.params.id;
  if (typeof id !== 'string' || !isUUID(id)) {
    throw validationProblem([{ field: 'id', message: 'id must be a UUID' }]);
  }
  return {
    actor: {
      ...request.user,
      requestId: typeof request.id === 'string' ? request.id : undefined,
      address: request.ip,
    },
    id,
    ifMatch: request.headers['if-match'],
  } satisfies CommandTarget;
});
