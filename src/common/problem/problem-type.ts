/**
 * Every problem `type` the API answers (RFC 9457), in one registry: its status and title. The
 * URI is `urn:problem:fuyi:<member value>`. A refusal by a legal rule is `rule-refused` (or
 * `forbidden` for a rule on who may act) with `rule` and `basis` naming the rule and its article;
 * the rules themselves are catalogued in the domain (see `RULE_CATALOGUE`).
 */
export enum ProblemType {
  BadRequest = 'bad-request',
  ValidationFailed = 'validation-failed',
  Unauthorized = 'unauthorized',
  MfaRequired = 'mfa-required',
  MfaInvalid = 'mfa-invalid',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  MethodNotAllowed = 'method-not-allowed',
  NotAcceptable = 'not-acceptable',
  RequestTimeout = 'request-timeout',
  Conflict = 'conflict',
  IllegalTransition = 'illegal-transition',
  Busy = 'busy',
  NumberTaken = 'number-taken',
  UsernameTaken = 'username-taken',
  AgencyCodeTaken = 'agency-code-taken',
  HearingClash = 'hearing-clash',
  CaseNotUnderReview = 'case-not-under-review',
  PreconditionFailed = 'precondition-failed',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  RuleRefused = 'rule-refused',
  IdempotencyKeyReused = 'idempotency-key-reused',
  IdempotencyKeyInFlight = 'idempotency-key-in-flight',
  WebhookHostNotAllowed = 'webhook-host-not-allowed',
  RateLimited = 'rate-limited',
  HeadersTooLarge = 'headers-too-large',
  Internal = 'internal',
  Unavailable = 'unavailable',
}

export interface ProblemTypeInfo {
  readonly status: number;
  readonly title: string;
}

export const PROBLEM_TYPES: Readonly<Record<ProblemType, ProblemTypeInfo>> = {
  [ProblemType.BadRequest]: { status: 400, title: 'Bad request' },
  [ProblemType.ValidationFailed]: { status: 400, title: 'Invalid request' },
  [ProblemType.Unauthorized]: { status: 401, title: 'Unauthorized' },
  [ProblemType.MfaRequired]: { status: 401, title: 'A one-time code (otp) is required' },
  [ProblemType.MfaInvalid]: { status: 401, title: 'The one-time code is wrong' },
  [ProblemType.Forbidden]: { status: 403, title: 'Forbidden' },
  [ProblemType.NotFound]: { status: 404, title: 'Not found' },
  [ProblemType.MethodNotAllowed]: { status: 405, title: 'Method not allowed' },
  [ProblemType.NotAcceptable]: { status: 406, title: 'Not acceptable' },
  [ProblemType.RequestTimeout]: { status: 408, title: 'Request timeout' },
  [ProblemType.Conflict]: { status: 409, title: 'Conflict' },
  [ProblemType.IllegalTransition]: { status: 409, title: 'Illegal state transition' },
  [ProblemType.Busy]: { status: 409, title: 'Another command is in progress' },
  [ProblemType.NumberTaken]: { status: 409, title: 'Number taken' },
  [ProblemType.UsernameTaken]: { status: 409, title: 'Username taken' },
  [ProblemType.AgencyCodeTaken]: { status: 409, title: 'Agency code taken' },
  [ProblemType.HearingClash]: { status: 409, title: 'Booked at an overlapping time' },
  [ProblemType.CaseNotUnderReview]: { status: 409, title: 'The case is not under review' },
  [ProblemType.PreconditionFailed]: { status: 412, title: 'Precondition failed' },
  [ProblemType.PayloadTooLarge]: { status: 413, title: 'Payload too large' },
  [ProblemType.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
  [ProblemType.RuleRefused]: { status: 422, title: 'Refused by a legal rule' },
  [ProblemType.IdempotencyKeyReused]: {
    status: 422,
    title: 'Idempotency key already used for another request',
  },
  [ProblemType.IdempotencyKeyInFlight]: {
    status: 409,
    title: 'A request with this idempotency key is still in progress',
  },
  [ProblemType.WebhookHostNotAllowed]: {
    status: 422,
    title: 'Webhook host outside WEBHOOK_ALLOWED_HOSTS',
  },
  [ProblemType.RateLimited]: { status: 429, title: 'Too many requests' },
  [ProblemType.HeadersTooLarge]: { status: 431, title: 'Request header fields too large' },
  [ProblemType.Internal]: { status: 500, title: 'Internal server error' },
  [ProblemType.Unavailable]: { status: 503, title: 'Service unavailable' },
};

/** The generic type of an HTTP status, for errors raised by the framework. */
export function problemTypeForStatus(status: number): ProblemType {
  const generic: Record<number, ProblemType> = {
    400: ProblemType.BadRequest,
    401: ProblemType.Unauthorized,
    403: ProblemType.Forbidden,
    404: ProblemType.NotFound,
    405: ProblemType.MethodNotAllowed,
    406: ProblemType.NotAcceptable,
    408: ProblemType.RequestTimeout,
    409: ProblemType.Conflict,
    412: ProblemType.PreconditionFailed,
    413: ProblemType.PayloadTooLarge,
    415: ProblemType.UnsupportedMediaType,
    422: ProblemType.RuleRefused,
    429: ProblemType.RateLimited,
    431: ProblemType.HeadersTooLarge,
    503: ProblemType.Unavailable,
  };
  return generic[status] ?? (status >= 500 ? ProblemType.Internal : ProblemType.BadRequest);
}

export function problemTypeUri(type: ProblemType): string {
  return `urn:problem:fuyi:${type}`;
}
