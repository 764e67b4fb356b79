import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { terminalLogging } from '@citymentor/runtime';
import type { AppConfig } from '../config/app.config';

/** Secrets never reach the logs: credentials, tokens and cookies are redacted wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
];

/**
 * The request id: the caller's `X-Request-Id` when it is sane, else a new one, written back onto
 * the request so Fastify, the logger and the response header all use the same value.
 */
export const requestIdOf = (req: IncomingMessage): string => {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
};

/** JSON lines (or, with LOG_FORMAT=pretty, readable ones) with the request id; invitation tokens are cut out of logged URLs. */
export function loggerOptions(config: AppConfig): Params {
  const terminal = terminalLogging(config.logFormat);
  const options: Options = {
    level: config.logLevel,
    genReqId: (req) => requestIdOf(req),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.replace(/\/invitations\/[^/?]+/, '/invitations/[token]'),
      }),
    },
    // On the root logger, not per request (customProps cost a child logger per request).
    base: { service: 'api', pid: process.pid, hostname: hostname() },
    autoLogging: { ignore: (req) => req.url === '/health' },
    ...terminal?.options,
  };
  // Every route, in Nest 11's path syntax (nestjs-pino's default '*' draws a legacy-route warning at start).
  return {
    pinoHttp: terminal ? [options, terminal.stream] : options,
    forRoutes: [{ path: '{*all}', method: RequestMethod.ALL }],
  };
}
