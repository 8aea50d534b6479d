import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { API_KEY_SCHEME, BEARER_SCHEME } from '../openapi/openapi';
import { ProblemResponses } from '../openapi/problem-responses.decorator';
import type { Role } from './role';

export const ROLES = 'fuyi:roles';

/**
 * The roles allowed on a route. Every non-public route must carry it: the roles guard denies
 * a route without it. Integration roles authenticate by API key, people by bearer token.
 */
export function Roles(...roles: readonly Role[]) {
  const forIntegrations = roles.includes('court_liaison');
  const forPeople = roles.some((role) => role !== 'court_liaison');
  return applyDecorators(
    SetMetadata(ROLES, roles),
    ...(forPeople ? [ApiSecurity(BEARER_SCHEME)] : []),
    ...(forIntegrations ? [ApiSecurity(API_KEY_SCHEME)] : []),
    ProblemResponses(401, 403),
  );
}

export const RESTRICTED_SESSION_ALLOWED = 'fuyi:restricted-session-allowed';

/**
 * A route a restricted session may use (a temporary password to change, a second factor to
 * enrol): `/auth/me`, `/auth/password`, `/auth/logout`, `/auth/mfa/*`. Every other route
 * answers such a session 403.
 */
export function RestrictedSessionAllowed() {
  return SetMetadata(RESTRICTED_SESSION_ALLOWED, true);
}
