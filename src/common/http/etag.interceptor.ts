import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { setETag } from './etag';

/**
 * Every single resource answered carries its version as its ETag (API.md: "Every single resource
 * has an ETag"), so no controller sets it by hand. Lists (`{items, nextCursor}`) have none.
 */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (Number.isInteger(version) && !response.headersSent)
          setETag(response, version as number);
        return body;
      }),
    );
  }
}
