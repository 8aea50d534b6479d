import { HttpException } from '@nestjs/common';
import { PROBLEM_TYPES, ProblemType, problemTypeUri } from './problem-type';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  /** The legal or business rule that refused a command, e.g. `extension_once_only`. */
  rule?: string;
  /** The statute and article behind the rule, e.g. `行政复议法 第六十二条`. */
  basis?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemInit {
  type: ProblemType;
  detail: string;
  /** Only where a type spans statuses: a rule refusal on who may act is 403. */
  status?: number;
  errors?: FieldError[];
  rule?: string;
  basis?: string;
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Thrown anywhere in the app to answer with a specific problem. */
export class ProblemException extends HttpException {
  readonly headers: Record<string, string>;

  constructor(readonly init: ProblemInit) {
    super(init.detail, init.status ?? PROBLEM_TYPES[init.type].status);
    this.headers = init.headers ?? {};
  }

  toBody(instance: string): ProblemBody {
    const { type, detail, errors, rule, basis, extensions } = this.init;
    return {
      type: problemTypeUri(type),
      title: PROBLEM_TYPES[type].title,
      status: this.getStatus(),
      detail,
      instance,
      ...(errors ? { errors } : {}),
      ...(rule ? { rule } : {}),
      ...(basis ? { basis } : {}),
      ...extensions,
    };
  }
}

export function validationProblem(errors: FieldError[], detail?: string): ProblemException {
  return new ProblemException({
    type: ProblemType.ValidationFailed,
    detail: detail ?? errors.map((error) => `${error.field}: ${error.message}`).join('; '),
    errors,
  });
}

export function notFoundProblem(what: string): ProblemException {
  return new ProblemException({ type: ProblemType.NotFound, detail: `${what} was not found` });
}

export function forbiddenProblem(detail: string): ProblemException {
  return new ProblemException({ type: ProblemType.Forbidden, detail });
}

export function unauthorizedProblem(detail = 'Missing or invalid credentials'): ProblemException {
  return new ProblemException({
    type: ProblemType.Unauthorized,
    detail,
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

export function conflictProblem(
  type: ProblemType,
  detail: string,
  extensions?: Record<string, unknown>,
): ProblemException {
  return new ProblemException({ type, detail, extensions });
}

/** A legal or time rule refused the command (422; 403 for a rule on who may act). */
export function ruleProblem(
  rule: string,
  basis: string | undefined,
  detail: string,
  status: 403 | 422 = 422,
  extensions?: Record<string, unknown>,
): ProblemException {
  return new ProblemException({
    type: status === 403 ? ProblemType.Forbidden : ProblemType.RuleRefused,
    status,
    detail,
    rule,
    basis,
    extensions,
  });
}
