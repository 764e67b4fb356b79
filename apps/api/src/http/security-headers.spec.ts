import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { precomputedSecurityHeaders, securityHeaders, setSecurityHeaders } from './security-headers';

describe('security headers', () => {
  /** A raw response that records the headers set on it, as they would be sent: names in their case, in order. */
  function response() {
    const sent: string[] = [];
    const raw = { setHeader: (name: string, value: string) => sent.push(`${name}: ${value}`), removeHeader: () => {} };
    return { raw, sent };
  }

  /** What helmet's own middleware sets on a response, as @fastify/helmet ran it on every request. */
  function helmetsOwn(publicUrl: string): string[] {
    const res = response();
    helmet(securityHeaders({ publicUrl }))({} as IncomingMessage, res.raw as unknown as ServerResponse, () => {});
    return res.sent;
  }

  it.each(['http://citymentor.test', 'https://citymentor.example'])(
    'are set, once computed, as helmet set them on each request (%s)',
    (publicUrl) => {
      const res = response();
      let done = false;
      setSecurityHeaders(precomputedSecurityHeaders({ publicUrl }))(
        {} as FastifyRequest,
        { raw: res.raw } as unknown as FastifyReply,
        () => (done = true),
      );
      expect(done).toBe(true);
      expect(res.sent).toEqual(helmetsOwn(publicUrl));
      expect(res.sent).toContain('X-Frame-Options: DENY');
    },
  );

  it('include the CSP for this origin, and HSTS only over https', () => {
    const http = new Map(precomputedSecurityHeaders({ publicUrl: 'http://citymentor.test' }));
    expect(http.get('Content-Security-Policy')).toBe(
      "default-src 'self';base-uri 'self';connect-src 'self' ws://citymentor.test;font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
    );
    expect(http.has('Strict-Transport-Security')).toBe(false);
    const https = new Map(precomputedSecurityHeaders({ publicUrl: 'https://citymentor.example' }));
    expect(https.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains');
  });
});
