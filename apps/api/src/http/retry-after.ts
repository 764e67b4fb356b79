import { ThrottlerException } from '@nestjs/throttler';

/** 429 RATE_LIMITED (as ThrottlerGuard's), with the seconds until the window ends for Retry-After. */
export class TooManyAttempts extends ThrottlerException {
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * The seconds for a 429's Retry-After: from TooManyAttempts, or from the `Retry-After-<name>` headers
 * ThrottlerGuard sets for named throttlers (the longest), so sign-in answers the standard header too.
 */
export function retryAfterSeconds(exception: unknown, headers: Record<string, unknown>): number | undefined {
  if (exception instanceof TooManyAttempts) return exception.retryAfterSeconds;
  if (!(exception instanceof ThrottlerException)) return undefined;
  const named = Object.entries(headers)
    .filter(([name]) => name.toLowerCase().startsWith('retry-after-'))
    .map(([, value]) => Number(value))
    .filter((n) => Number.isFinite(n));
  return named.length ? Math.max(...named) : undefined;
}
