import {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  Post,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiParam } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import type { Role } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { validationProblem } from '../../common/problem/problem';

export const CASE_HANDLERS: Role[] = ['admin', 'head', 'clerk'];

/** `POST /reconsideration-cases/{id}/<path>`: answers the updated case, 200, with its ETag. */
export function CaseCommandRoute(path: string, summary: string, roles: Role[] = CASE_HANDLERS) {
  return applyDecorators(
    Post(`:id/${path}`),
    HttpCode(200),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiParam({ name: 'id', format: 'uuid', description: 'The case' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The case’s ETag' }),
    ProblemResponses(400, 404, 409, 412, 422),
  );
}

/** Who runs a command on which case, with the version they expect, and where the ETag goes. */
export interface CommandTarget {
  actor: Actor;
  caseId: string;
  ifMatch: string | undefined;
  response: Response;
}

export const Target = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const http = context.switchToHttp();
  const request = http.getRequest<Request & { user: Actor; id?: unknown }>();
  const caseId = request.params.id;
  if (typeof caseId !== 'string' || !isUUID(caseId)) {
    throw validationProblem([{ field: 'id', message: 'id must be a UUID' }]);
  }
  return {
    actor: { ...request.user, requestId: typeof request.id === 'string' ? request.id : undefined },
    caseId,
    ifMatch: request.headers['if-match'],
    response: http.getResponse<Response>(),
  } satisfies CommandTarget;
});
