import { DomainError } from '@citymentor/domain';
import { decodeCursor, encodeCursor } from './notifications-cursor';

const ID = '6f1c2a8e-0b7d-4b8e-9a51-3c0f1f7c2d11';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('notifications cursor', () => {
  it('gives back what it encoded', () => {
    expect(decodeCursor(encodeCursor('2026-11-29T08:06:23.654321Z', ID))).toEqual(['2026-11-29T08:06:23.654321Z', ID]);
  });

  it.each([
    ['30 February', b64(`2026-02-30T00:00:00.000000Z|${ID}`)],
    ['year 0000', b64(`0000-01-01T00:00:00.000000Z|${ID}`)],
    ['hour 24', b64(`2026-01-01T24:00:00.000000Z|${ID}`)],
    ['a date Date.parse takes', b64(`1 2 3|${ID}`)],
    ['a time zone other than Z', b64(`2026-01-01T10:00:00+02:00|${ID}`)],
    ['an id that is not a UUID', b64('2026-01-01T10:00:00.000000Z|not-a-uuid')],
    ['a third part', b64(`2026-01-01T10:00:00.000000Z|${ID}|x`)],
    ['no separator', b64('2026-01-01T10:00:00.000000Z')],
    ['junk', 'AAAAAAAAAAAAAAAA'],
  ])('refuses a cursor with %s, naming cursor', (_what, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'cursor' }] });
  });
});
