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

/**
 * Whether a programme closed at `closedAt` may be deleted at `now`: closed for at least `afterDays` days.
 * 409 otherwise, naming the first day it may.
 */
export function assertDeletable(closedAt: Date | null, afterDays: number, now = new Date()): void {
  if (!closedAt) throw new DomainError('CONFLICT', 'Close the programme before deleting it');
  const from = new Date(closedAt.getTime() + afterDays * 86_400_000);
  if (now < from) {
    throw new DomainError(
      'CONFLICT',
      `A closed programme may be deleted ${afterDays} days after it was closed, from ${from.toISOString().slice(0, 10)}`,
      { deletableFrom: from.toISOString() },
    );
  }
}
