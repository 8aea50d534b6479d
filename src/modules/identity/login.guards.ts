import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { validationExceptionFactory } from '../../common/problem/validation-exception.factory';
import { unauthorizedProblem } from '../../common/problem/problem';
import { LoginDto } from './dto/auth.dto';

/**
 * Validates the login body like any other (400 with field errors) before passport-local reads
 * it: guards run before pipes.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    if (errors.length > 0) throw validationExceptionFactory(errors);
    return (await (super.canActivate(context) as Promise<boolean> | Observable<boolean>)) === true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (!user) throw unauthorizedProblem('Wrong username or password');
    return user;
  }
}

/** Login attempts are limited per client address and username (e.g. 10 a minute). */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request.body as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.toLowerCase() : '';
    return Promise.resolve(`${String(request.ip)}|${username}`);
  }
}
