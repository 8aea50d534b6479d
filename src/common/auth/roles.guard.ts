import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { forbiddenProblem } from '../problem/problem';
import type { Actor } from './actor';
import { IS_PUBLIC } from './public.decorator';
import type { Role } from './role';
import { RESTRICTED_SESSION_ALLOWED, ROLES } from './roles.decorator';

/** Global: a route without `@Roles()` is refused to everyone, so none is open by omission. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets) ?? [];
    const actor = context.switchToHttp().getRequest<Request & { user?: Actor }>().user;
    if (actor?.restriction) {
      const allowed = this.reflector.getAllAndOverride<boolean>(
        RESTRICTED_SESSION_ALLOWED,
        targets,
      );
      if (!allowed) {
        throw forbiddenProblem(
          actor.restriction === 'password_change'
            ? 'Change the temporary password first (POST /api/v1/auth/password)'
            : 'Enrol a second factor first (POST /api/v1/auth/mfa/enroll, then activate)',
        );
      }
    }
    if (actor && actor.roles.some((role) => allowed.includes(role))) return true;
    throw forbiddenProblem(
      allowed.length === 0
        ? 'This route has no role policy'
        : `This needs one of the roles: ${allowed.join(', ')}`,
    );
  }
}
