import type { Duplex } from 'node:stream';
import { errorBody } from './error-mapping';

/**
 * A request Node could not even parse (headers over the size limit, broken HTTP, too slow): answered
 * in the contract's error shape, as Fastify's default handler would otherwise answer without a code,
 * with `headers` (the ones every answer sent before routing carries: security-headers.ts).
 */
export function clientErrorHandler(headers: Record<string, string>) {
  const headerLines = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [statusCode, message]: [number, string] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request took too long to arrive']
          : [400, 'The request is not valid HTTP'];
    const body = errorBody(statusCode, statusCode === 431 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', message);
    const text = JSON.stringify(body);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${statusCode} ${body.error}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json\r\n${headerLines}Connection: close\r\n\r\n${text}`,
      );
    }
    socket.destroy(error);
  };
}
