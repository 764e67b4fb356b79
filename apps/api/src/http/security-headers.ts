import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/app.config';

/** One year, with subdomains: what HSTS preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * The one framing policy, said both ways: CSP `frame-ancestors 'none'` (CSP level 2 browsers) and
 * `X-Frame-Options: DENY` (older ones) — no page of this origin may be framed, by anyone, itself included.
 */
export const FRAMING = { frameAncestors: "'none'", xFrameOptions: 'DENY' } as const;

const isHttps = (config: Pick<AppConfig, 'publicUrl'>) => new URL(config.publicUrl).protocol === 'https:';

/**
 * Helmet's headers on every answer (API, web client, OpenAPI UI), with a Content-Security-Policy for
 * what this origin serves: its own scripts only (no inline ones), its own API and socket, no framing,
 * no plugins. Styles may be inline (the OpenAPI UI sets some). Strict-Transport-Security only when
 * PUBLIC_URL is https: over plain http a browser ignores it, and a local installation answering on
 * http must not tell a browser to insist on https for that host.
 */
export function securityHeaders(config: Pick<AppConfig, 'publicUrl'>): HelmetOptions {
  const socketOrigin = new URL(config.publicUrl).origin.replace(/^http/, 'ws');
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'", socketOrigin],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: [FRAMING.frameAncestors],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: isHttps(config) ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
  };
}

/** A response header as helmet sets it: its name in helmet's case, its value. */
export type SecurityHeader = readonly [name: string, value: string];

/**
 * Helmet's headers for `securityHeaders(config)`, in the order and the case its middleware sets them,
 * collected once by running it against a response that only records: none of its values depends on the
 * request (no CSP nonces), and running helmet per request re-parsed the CSP directives every time.
 */
export function precomputedSecurityHeaders(config: Pick<AppConfig, 'publicUrl'>): SecurityHeader[] {
  const headers: SecurityHeader[] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // X-Powered-By, which nothing here sets.
    removeHeader: () => undefined,
  };
  // Helmet throws on bad options as it builds the middleware; its header setters pass no errors on.
  helmet(securityHeaders(config))({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Fastify onRequest hook: sets `headers` on every answer as helmet's own hook did, on the raw response
 * (so they also ride on an answer that bypasses Fastify's headers) and early (the reply may replace one).
 */
export function setSecurityHeaders(headers: readonly SecurityHeader[]) {
  return (_request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  };
}

/**
 * For the few answers sent before routing, so before helmet's hook (a URL the router cannot decode):
 * the headers that matter for a JSON error — nothing to run or frame, nothing to sniff or keep — and
 * HSTS as on every other answer.
 */
export function headersBeforeRouting(config: Pick<AppConfig, 'publicUrl'>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'content-security-policy': `default-src 'none'; frame-ancestors ${FRAMING.frameAncestors}`,
    'x-frame-options': FRAMING.xFrameOptions,
    'cache-control': 'no-store',
    ...(isHttps(config) ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
  };
}
