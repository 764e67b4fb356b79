import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The error statuses a route can answer besides those derived from its shape (openapi.ts, `documentErrors`). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** What each error status means here; the default description of a documented error response. */
export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'VALIDATION_FAILED or MALFORMED_JSON: details lists the bad fields (or the bad Idempotency-Key)',
  401: 'UNAUTHENTICATED, INVALID_TOKEN or TOKEN_REUSED: sign in (again)',
  403: 'FORBIDDEN: you can see this but may not do that',
  404: 'NOT_FOUND: it does not exist or you may not see it',
  409: 'CONFLICT, ALREADY_EXISTS, ALREADY_DONE, TRANSITION_NOT_ALLOWED (details.state) or STALE_VERSION (details.currentVersion)',
  413: 'PAYLOAD_TOO_LARGE: the request body is too large',
  415: 'UNSUPPORTED_MEDIA_TYPE: send the body as application/json',
  422: 'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another body',
  429: 'RATE_LIMITED: wait for the number of seconds in Retry-After',
  503: 'SERVICE_UNAVAILABLE: try again shortly',
};

/**
 * Documents error responses a route can give that its shape does not tell (a 403 from a policy on a
 * read, …). Each gets the one `Error` schema. Most need no decorator: openapi.ts derives 400, 401, 403
 * and 409 (writes), 404, 413, 415, 422 and 429 from each route's parameters, body, method and guards.
 */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] })));
