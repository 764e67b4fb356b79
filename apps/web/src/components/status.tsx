import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { t, type MessageKey } from '../i18n';

const KNOWN = new Set<string>([
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'NETWORK',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INVALID_TOKEN',
  'TOKEN_REUSED',
  'VALIDATION_FAILED',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
]);

/** The user-facing sentence for an error: by its code when we know it, generic otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && KNOWN.has(error.code)) return t(`error.${error.code}` as MessageKey);
  return t('error.generic');
}

/** An error announced to screen readers, with the server's (English) explanation for bad input. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const detail = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? error.message : null;
  return (
    <div class="notice notice--error" role="alert">
      <p>{errorMessage(error)}</p>
      {detail && (
        <p class="notice__detail">
          {t('error.serverSaid')} <span lang="en">{detail}</span>
        </p>
      )}
      {onRetry && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'warn' | 'late'; children: ComponentChildren }) {
  return <span class={`badge badge--${tone}`}>{children}</span>;
}
