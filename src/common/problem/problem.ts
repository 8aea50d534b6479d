import { HttpException } from '@nestjs/common';

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

export function problemType(slug: string): string {
  return `urn:problem:fuyi:${slug}`;
}

export interface ProblemInit {
  status: number;
  slug: string;
  title: string;
  detail: string;
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
    super(init.detail, init.status);
    this.headers = init.headers ?? {};
  }

  toBody(instance: string): ProblemBody {
    const { status, slug, title, detail, errors, rule, basis, extensions } = this.init;
    return {
      type: problemType(slug),
      title,
      status,
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
    status: 400,
    slug: 'validation-failed',
    title: 'Invalid request',
    detail: detail ?? errors.map((error) => `${error.field}: ${error.message}`).join('; '),
    errors,
  });
}

export function notFoundProblem(what: string): ProblemException {
  return new ProblemException({
    status: 404,
    slug: 'not-found',
    title: 'Not found',
    detail: `${what} was not found`,
  });
}

export function conflictProblem(
  slug: string,
  detail: string,
  extensions?: Record<string, unknown>,
) {
  return new ProblemException({ status: 409, slug, title: 'Conflict', detail, extensions });
}

/** A legal or time rule refused the command (422), naming the rule and its article. */
export function ruleProblem(rule: string, basis: string | undefined, detail: string, status = 422) {
  return new ProblemException({
    status,
    slug: `rule/${rule}`,
    title: 'Refused by a legal rule',
    detail,
    rule,
    basis,
  });
}
