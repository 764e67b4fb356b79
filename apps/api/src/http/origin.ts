import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value?.split(',')[0])?.trim() || undefined;

/**
 * Whether a socket.io handshake may go on, by its Origin header. Allowed: no Origin (not a
 * browser), one of the configured origins, or the request's own scheme and host — the page was
 * served by the address it connects to (http://127.0.0.1:3000 while PUBLIC_URL says localhost),
 * or a client that sends its target as Origin (python-socketio does). A page of any other site
 * is refused. (A DNS-rebinding page passes the same-host rule but holds no one's token: a socket
 * signs in with the access token in its handshake, never with a cookie.)
 */
export function originAllowed(req: IncomingMessage, configured: ReadonlySet<string>, trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (configured.has(origin)) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const host = (trustProxy ? first(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host;
  const scheme =
    (trustProxy ? first(req.headers['x-forwarded-proto']) : undefined) ??
    ((req.socket as TLSSocket).encrypted ? 'https' : 'http');
  return host !== undefined && parsed.host === host.toLowerCase() && parsed.protocol === `${scheme.toLowerCase()}:`;
}
