/**
 * The box a comment is written in (a new thread, a reply, an edit): its draft, "typing…" for the room,
 * mentions (`@[Name](user-uuid)`), and posting.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, newIdempotencyKey, savedEvenIfAnswerLost, type Schemas } from '../../api/client';
import { dropDraft, loadDraft, saveDraft } from '../../components/drafts';
import { ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { t } from '../../i18n';
import { sendTyping } from '../../realtime';
import type { Context } from './comments';
import { useMentionCombobox } from './mention-combobox';

export type TargetType = Schemas['CommentTargetDto']['type'];
export interface Target {
  type: TargetType;
  id: string;
}

export const targetKey = (target: Target) => `${target.type}:${target.id}`;

/** Where a box's unsent text is kept (components/drafts.ts), per plan: `new:<target>`, `reply:<thread>`, `edit:<comment>`. */
export const draftKey = (ctx: Context, box: string) => `comment:${ctx.planId}:${box}`;
/**
 * A textarea that says "typing…" to the room, with @mentions (mention-combobox.tsx); `autoFocus` when it opens on request
 * (an inline form). What is typed is kept as a draft of its `box` until it is sent or cancelled.
 */
export function Composer({
  ctx,
  target,
  parentId,
  box,
  label,
  onDone,
  initial = '',
  submitLabel,
  save,
  autoFocus = false,
}: {
  ctx: Context;
  target: Target;
  parentId?: string;
  box: string;
  label: string;
  submitLabel: string;
  initial?: string;
  onDone?: () => void;
  /** Instead of posting a new comment (editing). */
  save?: (body: string) => Promise<unknown>;
  autoFocus?: boolean;
}) {
  const draft = draftKey(ctx, box);
  const [body, setBody] = useState(() => loadDraft<string>(draft) ?? initial);
  const { busy, error, submit } = useSubmit();
  const area = useRef<HTMLTextAreaElement>(null);
  const key = useRef(newIdempotencyKey());
  const id = `composer-${target.id}-${parentId ?? 'new'}${save ? '-edit' : ''}`;
  const typingTarget = `comment:${targetKey(target)}`;
  // As the box is put on screen, not a frame later (components/focus.ts says why).
  useLayoutEffect(() => {
    if (autoFocus) area.current?.focus();
  }, []);

  const typed = (text: string) => {
    setBody(text);
    saveDraft(draft, text);
  };
  const close = () => {
    dropDraft(draft);
    onDone?.();
  };

  const mentions = useMentionCombobox({ id, area, people: ctx.mentionable, text: body, replace: typed });
  const hint = `${id}-hint`;

  const send = async () => {
    if (!body.trim()) return;
    if (save) await save(body.trim());
    else
      await savedEvenIfAnswerLost(
        api.post('/api/v1/action-plans/{id}/comments', {
          path: { id: ctx.planId },
          body: { body: body.trim(), target, ...(parentId ? { parentId } : {}) },
          headers: { 'Idempotency-Key': key.current },
        }),
      );
    key.current = newIdempotencyKey();
    setBody('');
    ctx.reload();
    close();
  };

  return (
    <form class="composer" onSubmit={submit(send)}>
      <label for={id} class="composer__label">
        {label}
      </label>
      <textarea
        id={id}
        ref={area}
        rows={parentId || save ? 2 : 3}
        value={body}
        maxLength={5000}
        aria-describedby={ctx.mentionable.length > 0 ? hint : undefined}
        {...mentions.areaProps}
        onInput={(e) => {
          typed(e.currentTarget.value);
          mentions.follow();
          sendTyping(ctx.room, typingTarget);
        }}
      />
      {mentions.popup}
      {ctx.mentionable.length > 0 && (
        <p id={hint} class="composer__hint muted">
          {t('comments.mentionHint')}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div class="composer__actions">
        <button type="submit" class="button" disabled={busy || !body.trim()}>
          {submitLabel}
        </button>
        {onDone && (
          <button type="button" class="button button--secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
