import { randomBytes, randomUUID } from 'node:crypto';
import { parseRefreshToken, REFRESH_TOKEN_MAX_LENGTH } from './refresh-token-format';

describe('refresh token format', () => {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');

  it('takes what the server issues', () => {
    expect(parseRefreshToken(`${id}.${secret}`)).toEqual({ id, secret });
    expect(`${id}.${secret}`.length).toBeLessThanOrEqual(REFRESH_TOKEN_MAX_LENGTH);
  });

  it.each([
    ['an id of the right length made of dashes', `${'-'.repeat(36)}.${secret}`],
    ['an id without its dashes in place', `${'0'.repeat(36)}.${secret}`],
    ['an upper-case id', `${id.toUpperCase()}.${secret}`],
    ['an id with a letter outside hex', `g${id.slice(1)}.${secret}`],
    ['a secret outside base64url', `${id}.${secret.slice(0, -1)}!`],
    ['a secret of another length', `${id}.${secret}A`],
    ['no separator', `${id}${secret}`],
    ['a second separator', `${id}.${secret.slice(0, 21)}.${secret.slice(22)}`],
    ['a trailing newline', `${id}.${secret}\n`],
    ['not a string', 42],
  ])('refuses %s', (_what, value) => {
    expect(parseRefreshToken(value)).toBeNull();
  });
});
