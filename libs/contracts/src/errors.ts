/** The one error shape every HTTP error response has (contract.md, "Errors"). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Machine-readable code, e.g. `STALE_VERSION`. */
  code?: string;
  details?: unknown;
}

/** One bad field of a request body, query or file: `path` is dotted (`sections.3.guideQuestions.0.code`). */
export interface FieldError {
  path: string;
  message: string;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'WRONG_PASSWORD',
  'INVALID_TOKEN',
  'TOKEN_REUSED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ALREADY_EXISTS',
  'STALE_VERSION',
  'TRANSITION_NOT_ALLOWED',
  'PROGRAMME_CLOSED',
  'PLAN_INCOMPLETE',
  'IDEMPOTENCY_KEY_REUSED',
  'ALREADY_DONE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
