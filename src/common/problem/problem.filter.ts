import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemException, type ProblemBody } from './problem';
import { PROBLEM_TYPES, problemTypeForStatus, problemTypeUri } from './problem-type';
import { InvalidLegalDateError } from '../../domain/calendar/invalid-legal-date.error';
import { PeriodArgumentError } from '../../domain/calendar/period-argument.error';
import { allowedMethodsFor } from '../http/route-table';
import { SecurityEvents } from '../audit/security-events';
import type { Actor } from '../auth/actor';
import { maskIdNumbers } from '../logging/mask-id-numbers';

/** Errors raised by Express's body parsers carry a status and a `type` such as entity.too.large. */
interface BodyParserError {
  status: number;
  type: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return (
    typeof candidate?.status === 'number' &&
    typeof candidate.type === 'string' &&
    /^(entity|encoding|charset|request)\./.test(candidate.type)
  );
}

function bodyParserDetail(error: BodyParserError): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return 'The request body is not valid JSON';
    case 'entity.too.large':
      return 'The request body is larger than the limit of 1 MB';
    default:
      return 'The request body could not be read';
  }
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

export function genericProblem(status: number, detail: string, instance?: string): ProblemBody {
  const type = problemTypeForStatus(status);
  return {
    type: problemTypeUri(type),
    title: PROBLEM_TYPES[type].title,
    status,
    detail,
    ...(instance === undefined ? {} : { instance }),
  };
}

/** The one place where every error becomes `application/problem+json`; never leaks internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(@Optional() private readonly security?: SecurityEvents) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const instance = request.originalUrl?.split('?')[0] ?? request.url;
    const headers: Record<string, string> = {};
    let body: ProblemBody;

    if (exception instanceof ProblemException) {
      body = exception.toBody(instance);
      Object.assign(headers, exception.headers);
    } else if (exception instanceof PeriodArgumentError) {
      body = genericProblem(400, exception.message, instance);
      body.errors = [{ field: exception.argument, message: exception.reason }];
    } else if (exception instanceof InvalidLegalDateError) {
      body = genericProblem(400, exception.message, instance);
    } else if (isBodyParserError(exception) || isBodyParserError(causeOf(exception))) {
      const error = (
        isBodyParserError(exception) ? exception : causeOf(exception)
      ) as BodyParserError;
      const status = error.status === 413 ? 413 : error.status === 415 ? 415 : 400;
      body = genericProblem(status, bodyParserDetail(error), instance);
    } else if (causeOf(exception) instanceof URIError) {
      body = genericProblem(400, 'The URL is not correctly percent-encoded', instance);
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      body = genericProblem(status, httpExceptionDetail(exception), instance);
      if (exception instanceof NotFoundException && /^Cannot [A-Z]+ /.test(exception.message)) {
        ({ body } = routeNotFound(request, headers));
      }
      if (status === 429)
        headers['Retry-After'] ??= String(response.getHeader('Retry-After') ?? 60);
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      body = genericProblem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        'An unexpected error occurred; it has been logged with the request id',
        instance,
      );
    }
    if (body.status >= 500 && exception instanceof HttpException) {
      this.logger.error(exception.stack);
    }
    sendProblem(response, body, headers);
    const actor = (request as Request & { user?: Actor }).user;
    if (body.status === 403 && actor && this.security) {
      void this.security.forbidden({
        actor: {
          ...actor,
          requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
          address: request.ip,
        },
        method: request.method,
        path: maskIdNumbers(instance),
        detail: body.detail,
        ...(typeof body.rule === 'string' ? { rule: body.rule } : {}),
      });
    }
  }
}

function causeOf(exception: unknown): unknown {
  return exception instanceof HttpException ? exception.cause : undefined;
}

/** 405 with `Allow` when another method answers this path, otherwise 404. */
export function routeNotFound(request: Request, headers: Record<string, string>) {
  const instance = request.originalUrl.split('?')[0];
  const allowed = allowedMethodsFor(request);
  if (allowed.length === 0) {
    return { body: genericProblem(404, `No route ${request.method} ${instance}`, instance) };
  }
  headers.Allow = allowed.join(', ');
  const detail = `${request.method} is not allowed on ${instance}; allowed: ${headers.Allow}`;
  return { body: genericProblem(405, detail, instance) };
}

export function sendProblem(
  response: Response,
  body: ProblemBody,
  headers: Record<string, string>,
) {
  const requestId = response.getHeader('X-Request-Id');
  if (typeof requestId === 'string') body.requestId = requestId;
  if (response.headersSent) return;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Last middleware: a path outside every prefix and route still answers problem+json. */
export function notFoundFallback(request: Request, response: Response): void {
  const headers: Record<string, string> = {};
  sendProblem(response, routeNotFound(request, headers).body, headers);
}
