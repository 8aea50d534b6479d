import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Observable } from 'rxjs';
import { unauthorizedProblem } from '../problem/problem';
import type { Actor } from './actor';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global and deny-by-default: every route needs an API key (integrations) or a bearer JWT
 * (people) unless it is marked `@Public()`.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['api-key', 'jwt']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(
    context: ExecutionContext,
  ): boolean | Promise<boolean> | Observable<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<TUser = Actor>(error: unknown, actor: TUser | false): TUser {
    if (error || !actor) throw unauthorizedProblem();
    return actor;
  }
}
