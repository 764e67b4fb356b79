import type { FastifyRequest } from 'fastify';
import { RefreshCookie } from './refresh-cookie';

const config = (publicUrl: string, corsOrigins = [publicUrl]) =>
  ({ publicUrl, corsOrigins, jwt: { refreshTtlDays: 30 }, trustProxy: false }) as never;
const request = (headers: Record<string, string>) =>
  ({ headers, raw: { headers, socket: {} }, cookies: {} }) as unknown as FastifyRequest;

describe('RefreshCookie', () => {
  it('is HttpOnly, SameSite=Strict and scoped to the auth routes; Secure when PUBLIC_URL is https', () => {
    expect(new RefreshCookie(config('https://citymentor.example')).attributes).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      secure: true,
      path: '/api/v1/auth',
    });
    expect(new RefreshCookie(config('http://localhost:3000')).attributes).toMatchObject({ secure: false });
  });

  it('lets through a request with the header from PUBLIC_URL, an allowed origin, its own host or none', () => {
    const cookie = new RefreshCookie(config('https://citymentor.example', ['https://partner.example']));
    for (const origin of [undefined, 'https://citymentor.example', 'https://partner.example']) {
      expect(() =>
        cookie.assertCookieRequest(request({ 'x-requested-with': 'citymentor', ...(origin ? { origin } : {}) })),
      ).not.toThrow();
    }
    // The page opened at the address it calls (127.0.0.1 while PUBLIC_URL names another host).
    expect(() =>
      cookie.assertCookieRequest(
        request({ 'x-requested-with': 'citymentor', host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }),
      ),
    ).not.toThrow();
  });

  it.each([
    ['no header', {}],
    ['an empty header', { 'x-requested-with': ' ' }],
    ['another origin', { 'x-requested-with': 'citymentor', origin: 'https://evil.example' }],
    ['an opaque origin', { 'x-requested-with': 'citymentor', origin: 'null' }],
    [
      'another host than the request’s',
      { 'x-requested-with': 'citymentor', host: '127.0.0.1:3000', origin: 'http://127.0.0.2:3000' },
    ],
    ['PUBLIC_URL over http', { 'x-requested-with': 'citymentor', origin: 'http://citymentor.example' }],
  ])('refuses %s with FORBIDDEN', (_what, headers) => {
    const cookie = new RefreshCookie(config('https://citymentor.example'));
    expect(() => cookie.assertCookieRequest(request(headers))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
