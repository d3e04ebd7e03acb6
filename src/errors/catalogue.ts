/**
 * The one error catalogue (contract §2). Code → HTTP status; nothing else in the service decides a
 * status code for an error. Throw `AppError` values built by the constructors below.
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  COMPANY_ID_REQUIRED: 400,
  INVALID_API_KEY: 401,
  API_KEY_SUSPENDED: 401,
  UNAUTHORIZED: 401,
  BILLING_LIMIT_REACHED: 402,
  INSUFFICIENT_PERMISSIONS: 403,
  RESOURCE_ACCESS_DENIED: 403,
  RESOURCE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  INVALID_STATE_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  INTERNAL_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

export interface ValidationIssue {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly status: ErrorStatus;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Extra response headers (Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const errors = {
  validation(issues: ValidationIssue[], message?: string): AppError {
    const first = issues[0];
    const text = message ?? (first ? sentence(first.path ? `${first.path}: ${first.message}` : first.message) : 'The request is invalid.');
    return new AppError('VALIDATION_ERROR', text, { issues });
  },
  field(path: string, message: string, code = 'invalid'): AppError {
    return errors.validation([{ path, message, code }]);
  },
  invalidJson(reason: string): AppError {
    return new AppError('INVALID_JSON', sentence(`The request body is not valid JSON: ${reason}`));
  },
  companyIdRequired(): AppError {
    return new AppError('COMPANY_ID_REQUIRED', 'An ATS key must name the company it acts for with the companyId query parameter.');
  },
  invalidApiKey(reason = 'The API key is missing, malformed, unknown, revoked or expired.'): AppError {
    return new AppError('INVALID_API_KEY', reason);
  },
  apiKeySuspended(suspendedAt: string, reason: string | null): AppError {
    return new AppError('API_KEY_SUSPENDED', 'The API key is suspended.', { suspendedAt, reason });
  },
  /** Extension (§15): console sign-in failed, or the session cookie names no live session. */
  unauthorized(message: string): AppError {
    return new AppError('UNAUTHORIZED', message);
  },
  /** Too many failed sign-ins for an account or from an address (§15). */
  signInLimited(retryAfter: number): AppError {
    return new AppError('RATE_LIMITED', `Too many failed sign-in attempts; retry in ${retryAfter} seconds.`, { retryAfter, window: 'minute' }, { 'retry-after': String(retryAfter) });
  },
  insufficientPermissions(scope: string): AppError {
    return new AppError('INSUFFICIENT_PERMISSIONS', `The API key lacks the ${scope} scope.`, { requiredScope: scope });
  },
  accessDenied(message: string): AppError {
    return new AppError('RESOURCE_ACCESS_DENIED', message);
  },
  notFound(resourceType: string, resourceId: string, message?: string): AppError {
    return new AppError('RESOURCE_NOT_FOUND', message ?? `No ${resourceType} with id ${resourceId} exists.`, { resourceType, resourceId });
  },
  routeNotFound(method: string, url: string): AppError {
    return new AppError('ROUTE_NOT_FOUND', `No route ${method} ${url.split('?')[0]} exists.`, { method });
  },
  conflict(message: string, details: Record<string, unknown> = {}): AppError {
    return new AppError('CONFLICT', message, details);
  },
  invalidTransition(resourceType: string, from: string, to: string): AppError {
    const article = /^[aeiou]/i.test(resourceType) ? 'An' : 'A';
    return new AppError('INVALID_STATE_TRANSITION', `${article} ${resourceType} cannot move from ${from} to ${to}.`, { from, to });
  },
  /** The resource's current state forbids an action that is not itself a status move. */
  stateForbids(message: string, details: Record<string, unknown> = {}): AppError {
    return new AppError('INVALID_STATE_TRANSITION', message, details);
  },
  payloadTooLarge(limitBytes: number): AppError {
    return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${limitBytes} bytes.`, { limitBytes });
  },
  unsupportedMediaType(contentType: string | undefined, message = 'The request body must be sent as application/json.'): AppError {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', message, { contentType: contentType ?? null });
  },
  /** Not in the contract's table: the HTTP layer's own answer (docs/decisions.md). */
  requestTimeout(timeoutMs: number): AppError {
    return new AppError('REQUEST_TIMEOUT', `The request was not received in full within ${timeoutMs} ms; send it again.`, { timeoutMs });
  },
  /** Not in the contract's table: the HTTP layer's own answer (docs/decisions.md). */
  headersTooLarge(limitBytes: number): AppError {
    return new AppError('REQUEST_HEADER_FIELDS_TOO_LARGE', `The request line and headers are larger than ${limitBytes} bytes.`, { limitBytes });
  },
  idempotencyKeyReused(): AppError {
    return new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body or path.');
  },
  rateLimited(retryAfter: number, window: 'minute' | 'hour'): AppError {
    return new AppError('RATE_LIMITED', `Rate limit per ${window} exceeded; retry in ${retryAfter} seconds.`, { retryAfter, window }, { 'retry-after': String(retryAfter) });
  },
  /** Too many unknown or malformed keys from one client address (authenticate.ts). */
  authFailuresLimited(retryAfter: number): AppError {
    return new AppError(
      'RATE_LIMITED',
      `Too many requests with an unknown or malformed API key from this address; retry in ${retryAfter} seconds.`,
      { retryAfter, window: 'minute' },
      { 'retry-after': String(retryAfter) },
    );
  },
  internal(): AppError {
    return new AppError('INTERNAL_ERROR', 'An internal error occurred; it has been logged.');
  },
  notImplemented(message: string): AppError {
    return new AppError('NOT_IMPLEMENTED', message);
  },
  unavailable(message: string): AppError {
    return new AppError('SERVICE_UNAVAILABLE', message);
  },
};

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
