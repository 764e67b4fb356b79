import { DomainError, isIsoInstant } from '@citymentor/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MESSAGE = 'cursor must be the nextCursor of a previous page';

/** The paging cursor: the last item's time (to the microsecond, as stored, UTC) and id, opaque to clients. */
export const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url');

/**
 * The time and id inside a cursor, checked as the encoder writes them: a real instant (no 30 February,
 * no year 0000, which Postgres would refuse with a 500) and a UUID; anything else is 400 naming `cursor`.
 */
export function decodeCursor(cursor: string): [at: string, id: string] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [at, id] = parts;
  if (parts.length !== 2 || !isIsoInstant(at) || !UUID.test(id)) {
    throw new DomainError('VALIDATION_FAILED', MESSAGE, [{ path: 'cursor', message: MESSAGE }]);
  }
  return [at, id];
}
