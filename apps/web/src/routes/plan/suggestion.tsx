/**
 * What an anchored thread shows about its field: "Outdated" with the text it was written on once the plan
 * has moved on, and a suggested change as the server's word diff, which the mentee applies or dismisses.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Schemas } from '../../api/client';
import { useReturnFocus } from '../../components/focus';
import { Badge, ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { t, type MessageKey } from '../../i18n';
import { MILESTONE_LABEL, Words } from './diff-view';
import { FIELD_LABEL } from './plan-details';

type Thread = Schemas['CommentThreadDto'];
type Anchor = NonNullable<Thread['anchor']>;
type Suggestion = NonNullable<Thread['suggestion']>;

/** What an anchored field is called on the page. */
export const ANCHOR_FIELD_LABEL: Record<Anchor['field'], MessageKey> = { ...FIELD_LABEL, ...MILESTONE_LABEL };

/** Where the thread was written; once outdated, says so in words and shows the text it was written on. */
export function AnchorNote({ anchor, applied = false }: { anchor: Anchor; applied?: boolean }) {
  const field = t(ANCHOR_FIELD_LABEL[anchor.field]);
  // A suggestion applied changed the field itself: that is not the plan moving on without the thread.
  if (!anchor.outdated || applied) {
    return (
      <p class="anchor-note muted">
        {t('anchor.on', { field, revision: anchor.revision })}
        {anchor.item !== null && anchor.currentItem !== null && anchor.currentItem !== anchor.item && (
          <> · {t('anchor.movedTo', { number: anchor.currentItem + 1 })}</>
        )}
      </p>
    );
  }
  return (
    <div class="anchor-note anchor-note--outdated" data-testid="thread-outdated">
      <Badge tone="warn">{t('anchor.outdated')}</Badge>{' '}
      <span>{t('anchor.outdatedNote', { revision: anchor.revision })}</span>
      <blockquote class="anchor-note__text" data-user-content>
        {anchor.text || '—'}
      </blockquote>
    </div>
  );
}

interface Changed {
  currentText: string | null;
}

/**
 * A thread's suggested change. Applying sends the plan's version as this page has it: a stale one reloads
 * the plan and says so; a text changed meanwhile shows both texts; dismissing asks for a reply.
 */
export function SuggestionView({
  thread,
  suggestion,
  planVersion,
  onChanged,
}: {
  thread: Thread;
  suggestion: Suggestion;
  planVersion: number;
  /** Read the plan and the threads again. */
  onChanged: () => void;
}) {
  const { busy, error, submit } = useSubmit();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [changed, setChanged] = useState<Changed | null>(null);
  const [stale, setStale] = useState(false);
  const dismissButton = useReturnFocus(dismissing);
  const box = useRef<HTMLTextAreaElement>(null);
  const boxId = `dismiss-${thread.id}`;
  // As the box is put on screen (components/focus.ts says why).
  useLayoutEffect(() => {
    if (dismissing) box.current?.focus();
  }, [dismissing]);

  const apply = submit(async () => {
    setChanged(null);
    setStale(false);
    try {
      await api.post('/api/v1/comments/{id}/suggestion/apply', {
        path: { id: thread.id },
        body: { version: planVersion },
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'STALE_VERSION') setStale(true);
      else if (e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT' && e.body.details)
        setChanged(e.body.details as Changed);
      else throw e;
    }
    onChanged();
  });

  const dismiss = submit(async () => {
    if (!reason.trim()) return;
    await api.post('/api/v1/comments/{id}/suggestion/dismiss', {
      path: { id: thread.id },
      body: { body: reason.trim() },
    });
    setDismissing(false);
    onChanged();
  });

  return (
    <div class="suggestion" data-testid="suggestion">
      <p class="suggestion__title">
        <strong>{t('suggestion.title')}</strong>
        {suggestion.state !== 'pending' && suggestion.decidedBy && (
          <>
            {' '}
            <Badge tone={suggestion.state === 'applied' ? 'good' : 'neutral'}>
              {t(suggestion.state === 'applied' ? 'suggestion.applied' : 'suggestion.dismissed', {
                name: suggestion.decidedBy.name,
              })}
            </Badge>
          </>
        )}
      </p>
      <p class="word-diff" data-user-content data-testid="suggestion-diff">
        <Words parts={suggestion.words} />
      </p>
      {stale && (
        <p class="notice notice--info" role="status">
          {t('suggestion.stale')}
        </p>
      )}
      {changed && (
        <section class="conflict" role="alert" data-testid="suggestion-conflict">
          <p>{t('suggestion.changed')}</p>
          <dl class="plan-fields">
            <div>
              <dt>{t('suggestion.changedNow')}</dt>
              <dd data-user-content>{changed.currentText || '—'}</dd>
            </div>
            <div>
              <dt>{t('suggestion.changedSuggested')}</dt>
              <dd data-user-content>{suggestion.text}</dd>
            </div>
          </dl>
        </section>
      )}
      {error !== null && <ErrorNotice error={error} />}
      {suggestion.state === 'pending' && (thread.can.applySuggestion || thread.can.dismissSuggestion) && (
        <div class="actions">
          {thread.can.applySuggestion && !dismissing && (
            <button type="button" class="button" disabled={busy} onClick={apply}>
              {t('suggestion.apply')}
            </button>
          )}
          {thread.can.dismissSuggestion && !dismissing && (
            <button
              ref={dismissButton}
              type="button"
              class="button button--secondary"
              disabled={busy}
              onClick={() => setDismissing(true)}
            >
              {t('suggestion.dismiss')}
            </button>
          )}
        </div>
      )}
      {dismissing && (
        <form class="composer" onSubmit={dismiss}>
          <label for={boxId} class="composer__label">
            {t('suggestion.dismissLabel')}
          </label>
          <textarea
            id={boxId}
            rows={2}
            value={reason}
            maxLength={5000}
            ref={box}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <div class="composer__actions">
            <button type="submit" class="button" disabled={busy || !reason.trim()}>
              {t('suggestion.dismiss')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setDismissing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
