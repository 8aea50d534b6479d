import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemSchema } from './problem.schema';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input; `errors` names each field and rule',
  401: 'Missing or invalid credentials',
  403: 'The caller’s role may not do this',
  404: 'Not found, or not in the caller’s agency',
  409: 'Illegal state transition or version conflict',
  412: 'If-Match does not match the current version',
  413: 'Body larger than 1 MB',
  422: 'A legal or time rule refused the command; `rule` and `basis` name it',
  429: 'Rate limited; see Retry-After',
};

/** An error response with the problem+json schema, as the OpenAPI document shows it. */
export function problemResponse(status: number) {
  return {
    description: DESCRIPTIONS[status] ?? 'Error',
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } },
    },
  };
}

/** Documents error responses with the problem+json schema. */
export function ProblemResponses(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}
