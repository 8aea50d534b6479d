import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor';

/** The authenticated actor of the request, with the request id for the audit trail. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request & { user?: Actor; id?: unknown }>();
  if (!request.user) throw new Error('CurrentActor used on a route without authentication');
  return {
    ...request.user,
    requestId: typeof request.id === 'string' ? request.id : undefined,
    address: request.ip,
  };
});
