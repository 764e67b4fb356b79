/**
 * The claims of recently verified access tokens, keyed by the token: a token seen again within
 * `ttlMs` skips the HMAC and the JSON parsing. An entry lasts until the token expires or `ttlMs`
 * passes, whichever comes first; past `capacity` entries the oldest goes. Put only verified tokens in.
 */
export class VerifiedTokenCache<T> {
  /** In insertion order, which is also the order they were verified in. */
  private readonly entries = new Map<string, { claims: T; until: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get size() {
    return this.entries.size;
  }

  get(token: string): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.claims;
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAt`: when the token expires, in ms since the epoch (its `exp` × 1000), if it says. */
  set(token: string, claims: T, expiresAt: number | undefined) {
    const now = this.now();
    const until = Math.min(expiresAt ?? Infinity, now + this.ttlMs);
    this.dropExpiredOldest(now);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { claims, until });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Old entries are seldom looked up again: drop the expired ones at the front rather than keep them to the bound. */
  private dropExpiredOldest(now: number) {
    for (const [token, entry] of this.entries) {
      if (now < entry.until) return;
      this.entries.delete(token);
    }
  }
}
