/**
 * A refresh token is `<id>.<secret>`: the id of its row (a lower-case UUID) and 32 random bytes in
 * base64url (43 characters). Anything else is refused before it reaches the database: Postgres fails
 * on an id that is not a UUID (`------------------------------------` has the right length).
 */
export const REFRESH_TOKEN_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;

export const REFRESH_TOKEN_MAX_LENGTH = 80;

/** The id and the secret of a well-formed refresh token; null for anything else. */
export function parseRefreshToken(value: unknown): { id: string; secret: string } | null {
  if (typeof value !== 'string' || !REFRESH_TOKEN_PATTERN.test(value)) return null;
  const [id, secret] = value.split('.') as [string, string];
  return { id, secret };
}
