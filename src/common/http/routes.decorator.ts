import {
  applyDecorators,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { CREATED_EXTENSION } from '../openapi/openapi';
import { ANY_USER_ROLE, type Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { ProblemResponses } from '../openapi/problem-responses.decorator';

/*
 * One composed decorator per kind of route, so a controller method says what it is in one line:
 * the method and path, who may call it, its summary and the problems it can answer. Single
 * resources get their ETag from the ETag interceptor.
 */

/** `POST`: creates a record (201; the document's success response is moved to 201). */
export function CreateRoute(
  summary: string,
  roles: readonly Role[],
  problems: readonly number[] = [400, 404],
  path?: string,
) {
  return applyDecorators(
    Post(path),
    ApiExtension(CREATED_EXTENSION, true),
    Roles(...roles),
    ApiOperation({ summary }),
    ProblemResponses(...problems),
  );
}

/** `GET` a list (keyset pages) or a computed answer. */
export function ListRoute(
  summary: string,
  roles: readonly Role[] = ANY_USER_ROLE,
  path?: string,
  problems: readonly number[] = [400],
) {
  return applyDecorators(
    Get(path),
    Roles(...roles),
    ApiOperation({ summary }),
    ProblemResponses(...problems),
  );
}

/** `GET` one record by id (`:id`, or a path naming more). */
export function ReadRoute(summary: string, roles: readonly Role[] = ANY_USER_ROLE, path = ':id') {
  return applyDecorators(
    Get(path),
    Roles(...roles),
    ApiOperation({ summary }),
    ProblemResponses(400, 404),
  );
}

/** `GET :id/events`: a case's timeline, oldest first; `what` names the case ("The lawsuit"). */
export function TimelineRoute(what: string) {
  return ReadRoute(`${what}’s timeline, oldest first`, ANY_USER_ROLE, ':id/events');
}

/** `PATCH :id` with `If-Match`. */
export function UpdateRoute(summary: string, roles: readonly Role[]) {
  return applyDecorators(
    Patch(':id'),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The record’s ETag' }),
    ProblemResponses(400, 404, 409, 412),
  );
}

/** `DELETE :id` (204). */
export function DeleteRoute(summary: string, roles: readonly Role[]) {
  return applyDecorators(
    Delete(':id'),
    HttpCode(204),
    Roles(...roles),
    ApiOperation({ summary }),
    ProblemResponses(400, 404),
  );
}

/** An RFC 5545 calendar feed of the caller's body (hearings, court sessions). */
export function CalendarFeedRoute(path: string, summary: string, description: string) {
  return applyDecorators(
    Get(path),
    Roles(...ANY_USER_ROLE),
    Header('Content-Type', 'text/calendar; charset=utf-8'),
    Header('Content-Disposition', `inline; filename="${path.split('/').pop()}"`),
    Header('Cache-Control', 'private, no-store'),
    ApiOperation({ summary }),
    ApiProduces('text/calendar'),
    ApiOkResponse({ description, content: { 'text/calendar': { schema: { type: 'string' } } } }),
    ProblemResponses(400),
  );
}

/** The `:id` path parameter, a UUID (400 otherwise). */
export const IdParam = () => Param('id', ParseUUIDPipe);

/** The `If-Match` header, when given. */
export const IfMatch = () => Headers('if-match');
