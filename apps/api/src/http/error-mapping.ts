import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import {
  ConnectionException,
  ForeignKeyConstraintViolationException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { ErrorBody, ErrorCode } from '@citymentor/contracts';
import { DomainError } from '@citymentor/domain';

const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 401,
  TOKEN_REUSED: 401,
  WRONG_PASSWORD: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  STALE_VERSION: 409,
  TRANSITION_NOT_ALLOWED: 409,
  PROGRAMME_CLOSED: 409,
  PLAN_INCOMPLETE: 422,
  ALREADY_DONE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own errors (body parsing, limits) carry `code` and `statusCode`. */
interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
  /** Set by our own body parser (json-body.ts): the bad fields. */
  details?: unknown;
}

/** The contract's error body; `error` is the status's reason phrase. */
export function errorBody(statusCode: number, code: ErrorCode, message: string, details?: unknown): ErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Error';
  return details === undefined ? { statusCode, error, code, message } : { statusCode, error, code, message, details };
}

/**
 * Maps anything thrown while serving a request to the contract's one error shape.
 * `internal` is true when the error is ours (a bug or an outage) and must be logged.
 */
export function toErrorBody(exception: unknown): { body: ErrorBody; internal: boolean } {
  if (exception instanceof DomainError) {
    const status = STATUS_OF[exception.code];
    return { body: errorBody(status, exception.code, exception.message, exception.details), internal: false };
  }
  if (exception instanceof ThrottlerException) {
    return { body: errorBody(429, 'RATE_LIMITED', 'Too many attempts; wait a moment and try again'), internal: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const r = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const message =
      typeof r.message === 'string' ? r.message : Array.isArray(r.message) ? r.message.join('; ') : exception.message;
    // Fastify's own errors (body parsing, size limits) arrive here as plain HttpExceptions.
    const malformedJson = status === 400 && typeof response === 'string' && /JSON/i.test(response);
    const code = (
      typeof r.code === 'string' ? r.code : malformedJson ? 'MALFORMED_JSON' : CODE_OF_STATUS[status]
    ) as ErrorCode;
    return { body: errorBody(status, code ?? 'INTERNAL', message, r.details), internal: status >= 500 };
  }
  if (exception instanceof OptimisticLockError) {
    return {
      body: errorBody(
        409,
        'STALE_VERSION',
        'This was changed by someone else since you loaded it; reload and try again',
      ),
      internal: false,
    };
  }
  if (exception instanceof UniqueConstraintViolationException) {
    return { body: errorBody(409, 'ALREADY_EXISTS', 'This already exists'), internal: false };
  }
  if (exception instanceof ForeignKeyConstraintViolationException) {
    return {
      body: errorBody(409, 'CONFLICT', 'This refers to something that does not exist or is still in use'),
      internal: false,
    };
  }
  if (exception instanceof NotFoundError) {
    return { body: errorBody(404, 'NOT_FOUND', 'Not found'), internal: false };
  }
  if (exception instanceof ConnectionException || databaseUnavailable(exception)) {
    return {
      body: errorBody(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly'),
      internal: true,
    };
  }
  const fastify = exception as FastifyLikeError;
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    if (status === 413)
      return { body: errorBody(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large'), internal: false };
    if (status === 415)
      return { body: errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'), internal: false };
    if (fastify.code?.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError) {
      return {
        body: errorBody(400, 'MALFORMED_JSON', `The request body is not valid JSON: ${fastify.message}`),
        internal: false,
      };
    }
    return {
      body: errorBody(status, CODE_OF_STATUS[status] ?? 'VALIDATION_FAILED', fastify.message, fastify.details),
      internal: false,
    };
  }
  return { body: errorBody(500, 'INTERNAL', 'Something went wrong on our side; it has been logged'), internal: true };
}

/**
 * A database connection lost or not to be had: SQLSTATE class 08 (connection exception) or 57P01–03
 * (the server terminated it, crashed, or is starting), or the driver's and the pool's own words for
 * the same (a connection ended mid-query, a pool that cannot get one in time).
 */
function databaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; message?: unknown } | null;
  if (typeof error?.code === 'string' && /^(08|57P0[123])/.test(error.code)) return true;
  return (
    typeof error?.message === 'string' &&
    /Connection terminated|terminating connection|not queryable|Timeout acquiring a connection|ECONNREFUSED|ECONNRESET/.test(
      error.message,
    )
  );
}
