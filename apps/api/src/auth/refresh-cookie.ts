import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@citymentor/domain';
import type { AppConfig } from '../config/app.config';
import { originAllowed } from '../http/origin';

/** The refresh cookie: sent only to the auth routes (the API's prefix is `api/v1`, bootstrap.ts). */
export const REFRESH_COOKIE = 'citymentor_refresh';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * How long after the answer to a cookie presenting that cookie again counts as a lost answer rather
 * than reuse, while what the answer carried is unused (TokensService.rotate). A page that reloads or navigates while its
 * refresh is in flight never stores the new cookie; the next page sends the old one within a second
 * or two. Only for the cookie: a browser drops answers that way, an API client does not.
 */
export const LOST_ANSWER_LEEWAY_MS = 10_000;

/**
 * The header every request that reads or sets the refresh cookie must carry (any value; the web
 * client sends `citymentor`). A cross-site form cannot set a header, and a cross-site script can only
 * after a CORS preflight, which only the allowed origins pass.
 */
export const CSRF_HEADER = 'X-Requested-With';

/**
 * The web client's refresh token lives in an HttpOnly cookie: no script on the page can read it,
 * it goes to /api/v1/auth only, and never rides along on a request another site starts
 * (SameSite=Strict, plus the header and Origin checks of `assertCookieRequest`).
 */
export class RefreshCookie {
  private readonly secure: boolean;
  private readonly maxAgeSeconds: number;
  private readonly allowedOrigins: ReadonlySet<string>;
  private readonly trustProxy: boolean;

  constructor(config: Pick<AppConfig, 'publicUrl' | 'corsOrigins' | 'jwt' | 'trustProxy'>) {
    this.secure = new URL(config.publicUrl).protocol === 'https:';
    this.maxAgeSeconds = config.jwt.refreshTtlDays * 86_400;
    this.allowedOrigins = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
    this.trustProxy = config.trustProxy;
  }

  /** The cookie's attributes (Max-Age aside): the same for setting and for clearing it. */
  get attributes(): CookieSerializeOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.secure, path: REFRESH_COOKIE_PATH };
  }

  /** The cookie's value as sent, or undefined when there is none. */
  read(request: FastifyRequest): string | undefined {
    const value = request.cookies?.[REFRESH_COOKIE];
    return value === undefined || value === '' ? undefined : value;
  }

  set(reply: FastifyReply, refreshToken: string) {
    void reply.setCookie(REFRESH_COOKIE, refreshToken, { ...this.attributes, maxAge: this.maxAgeSeconds });
  }

  clear(reply: FastifyReply) {
    void reply.clearCookie(REFRESH_COOKIE, this.attributes);
  }

  /**
   * Refuses (403, before anything changes) a request that would read or set the cookie without the
   * CSRF header, or with an Origin that is neither PUBLIC_URL's, one of CORS_ORIGINS, nor the request's
   * own scheme and host (the page was served by the address it calls: http://127.0.0.1:3000 while
   * PUBLIC_URL says localhost). A DNS-rebinding page passes that last rule but has no cookie to send:
   * the browser keeps cookies by host name, and the page's is the attacker's.
   */
  assertCookieRequest(request: FastifyRequest) {
    const header = request.headers[CSRF_HEADER.toLowerCase()];
    if (typeof header !== 'string' || header.trim() === '') {
      throw new DomainError('FORBIDDEN', `A request that uses the refresh cookie must carry an ${CSRF_HEADER} header`, [
        { path: CSRF_HEADER, message: `${CSRF_HEADER} is required with the refresh cookie` },
      ]);
    }
    if (!originAllowed(request.raw, this.allowedOrigins, this.trustProxy)) {
      throw new DomainError('FORBIDDEN', 'The refresh cookie cannot be used from this origin', [
        { path: 'Origin', message: 'Origin is not allowed to use the refresh cookie' },
      ]);
    }
  }
}
