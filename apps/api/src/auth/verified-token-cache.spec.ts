import { VerifiedTokenCache } from './verified-token-cache';

describe('verified token cache', () => {
  let now: number;
  const cache = (capacity = 3) => new VerifiedTokenCache<string>(capacity, 60_000, () => now);
  beforeEach(() => (now = 1_000_000));

  it('answers a token it was given until a minute has passed', () => {
    const c = cache();
    c.set('t', 'claims', now + 3_600_000);
    now += 59_999;
    expect(c.get('t')).toBe('claims');
    now += 1;
    expect(c.get('t')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('forgets a token at its expiry when that comes within the minute', () => {
    const c = cache();
    c.set('t', 'claims', now + 10_000);
    now += 9_999;
    expect(c.get('t')).toBe('claims');
    now += 1;
    expect(c.get('t')).toBeUndefined();
  });

  it('keeps a token without an expiry for a minute', () => {
    const c = cache();
    c.set('t', 'claims', undefined);
    now += 59_999;
    expect(c.get('t')).toBe('claims');
    now += 1;
    expect(c.get('t')).toBeUndefined();
  });

  it('does not keep a token already expired', () => {
    const c = cache();
    c.set('t', 'claims', now);
    expect(c.get('t')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('holds at most its capacity, the oldest going first', () => {
    const c = cache(3);
    for (const t of ['a', 'b', 'c', 'd']) c.set(t, t, undefined);
    expect(c.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((t) => c.get(t))).toEqual([undefined, 'b', 'c', 'd']);
  });

  it('counts a token put in again as new, and once', () => {
    const c = cache(3);
    for (const t of ['a', 'b', 'c', 'a', 'd']) c.set(t, t, undefined);
    expect(c.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].map((t) => c.get(t))).toEqual(['a', undefined, 'c', 'd']);
  });

  it('drops the expired oldest entries as new ones come in', () => {
    const c = cache(10);
    c.set('a', 'a', undefined);
    c.set('b', 'b', now + 1_000);
    now += 30_000;
    c.set('c', 'c', undefined);
    expect(c.size).toBe(3); // 'b' expired but stays behind the live 'a' until 'a' goes
    now += 30_000;
    c.set('d', 'd', undefined);
    expect(c.size).toBe(2);
    expect(['c', 'd'].map((t) => c.get(t))).toEqual(['c', 'd']);
  });
});
