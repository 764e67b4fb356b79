import { DomainError } from '../shared/domain-error';

/** 409 PROGRAMME_CLOSED naming the day it was closed: a closed programme is read-only. */
export function programmeClosed(closedAt: Date | string): DomainError {
  const day = new Date(closedAt).toISOString().slice(0, 10);
  return new DomainError('PROGRAMME_CLOSED', `This programme was closed on ${day}; it is read-only`, {
    closedAt: new Date(closedAt).toISOString(),
  });
}

/** Every change to a programme or anything in it needs the programme open. */
export function assertOpen(programme: { closedAt: Date | string | null }): void {
  if (programme.closedAt) throw programmeClosed(programme.closedAt);
}

/** From when a programme closed at `closedAt` may be deleted: `afterDays` days later; null while it is open. */
export const deletableFrom = (closedAt: Date | null, afterDays: number): Date | null =>
  closedAt ? new Date(closedAt.getTime() + afterDays * 86_400_000) : null;

/** 409 unless a programme closed at `closedAt` may be deleted at `now` (closed for `afterDays` days), naming from when. */
export function assertDeletable(closedAt: Date | null, afterDays: number, now = new Date()): void {
  const from = deletableFrom(closedAt, afterDays);
  if (!from) throw new DomainError('CONFLICT', 'Close the programme before deleting it');
  if (now < from) {
    throw new DomainError(
      'CONFLICT',
      `A closed programme may be deleted ${afterDays} days after it was closed, from ${from.toISOString().slice(0, 10)}`,
      { deletableFrom: from.toISOString() },
    );
  }
}
