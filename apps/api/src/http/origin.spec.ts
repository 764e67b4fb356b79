import type { IncomingMessage } from 'node:http';
import { originAllowed } from './origin';

const handshake = (headers: Record<string, string>, encrypted = false) =>
  ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;
const configured = new Set(['http://localhost:3000']);

describe('originAllowed', () => {
  it('lets in a client without Origin and a configured origin', () => {
    expect(originAllowed(handshake({ host: '127.0.0.1:3000' }), configured, false)).toBe(true);
    expect(
      originAllowed(handshake({ host: '127.0.0.1:3000', origin: 'http://localhost:3000' }), configured, false),
    ).toBe(true);
  });

  it('lets in the page served by the address it connects to', () => {
    expect(
      originAllowed(handshake({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), configured, false),
    ).toBe(true);
    expect(
      originAllowed(
        handshake({ host: 'CityMentor.example', origin: 'https://citymentor.example' }, true),
        configured,
        false,
      ),
    ).toBe(true);
  });

  it('refuses another site, another port, another scheme and a malformed origin', () => {
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:3001',
      'https://127.0.0.1:3000',
      'null',
      'not a url',
    ]) {
      expect(originAllowed(handshake({ host: '127.0.0.1:3000', origin }), configured, false)).toBe(false);
    }
  });

  it('reads the forwarded host and scheme only behind a trusted proxy', () => {
    const proxied = handshake({
      host: 'api-1:3000',
      origin: 'https://citymentor.example',
      'x-forwarded-host': 'citymentor.example',
      'x-forwarded-proto': 'https',
    });
    expect(originAllowed(proxied, configured, true)).toBe(true);
    expect(originAllowed(proxied, configured, false)).toBe(false);
  });
});
