import type { ErrorCode } from '@citymentor/contracts';

/**
 * An error the domain raises on purpose. It carries a code; the API's one exception filter maps
 * codes to HTTP statuses, so services never speak HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details);
export const staleVersion = (currentVersion: number) =>
  new DomainError('STALE_VERSION', 'This was changed by someone else since you loaded it; reload and try again', {
    currentVersion,
  });
