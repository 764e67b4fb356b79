import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { t, type MessageKey } from '../i18n';
import { isPlanState, isRequirement, planStateLabel, requirementLabel } from './labels';

const KNOWN = new Set<string>([
  'STALE_VERSION',
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

/** The user-facing sentence for an error: by its code when we know it (with what its details say), generic otherwise. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  const details = (error.body.details ?? {}) as { state?: unknown; missing?: unknown };
  if (error.code === 'TRANSITION_NOT_ALLOWED') {
    return typeof details.state === 'string' && isPlanState(details.state)
      ? t('error.TRANSITION_NOT_ALLOWED', { state: planStateLabel(details.state) })
      : t('error.CONFLICT');
  }
  if (error.code === 'PLAN_INCOMPLETE') {
    const missing = Array.isArray(details.missing) ? details.missing.filter(isRequirement) : [];
    return t('error.PLAN_INCOMPLETE', { missing: missing.map(requirementLabel).join(' · ') });
  }
  if (KNOWN.has(error.code)) return t(`error.${error.code}` as MessageKey);
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

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'good' | 'warn' | 'late';
  children: ComponentChildren;
}) {
  return <span class={`badge badge--${tone}`}>{children}</span>;
}
