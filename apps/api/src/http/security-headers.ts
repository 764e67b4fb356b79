import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { AppConfig } from '../config/app.config';

/**
 * Helmet's headers on every answer (API, web client, OpenAPI UI), with a Content-Security-Policy for
 * what this origin serves: its own scripts only (no inline ones), its own API and socket, no framing,
 * no plugins. Styles may be inline (the OpenAPI UI sets some).
 */
export function securityHeaders(config: Pick<AppConfig, 'publicUrl'>): FastifyHelmetOptions {
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
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  };
}
