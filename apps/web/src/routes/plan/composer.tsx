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

/** Where a new thread is anchored: a field (a list's item) of the target at a revision. */
export type AnchorRequest = Schemas['CommentAnchorRequestDto'];

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
  anchor,
  suggest = false,
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
  /** A new thread anchored on a field. */
  anchor?: AnchorRequest;
  /** Offer a box for suggested text (an anchored thread on a text field or list item, by the mentor side). */
  suggest?: boolean;
}) {
  const draft = draftKey(ctx, box);
  const [body, setBody] = useState(() => loadDraft<string>(draft) ?? initial);
  /** Said (politely) once a comment from a box that stays open was posted, until the next keystroke. */
  const [posted, setPosted] = useState(false);
  const { busy, error, submit } = useSubmit();
  const area = useRef<HTMLTextAreaElement>(null);
  const key = useRef(newIdempotencyKey());
  const [suggestion, setSuggestion] = useState('');
  const id = `composer-${target.id}-${anchor ? `${anchor.field}-${anchor.item ?? ''}-` : ''}${parentId ?? 'new'}${save ? '-edit' : ''}`;
  const typingTarget = `comment:${targetKey(target)}`;
  // As the box is put on screen, not a frame later (components/focus.ts says why).
  useLayoutEffect(() => {
    if (autoFocus) area.current?.focus();
  }, []);

  /** What the box holds now, for a send that ends after more was typed (state in its closure is stale by then). */
  const latest = useRef(body);
  latest.current = body;
  const typed = (text: string) => {
    latest.current = text;
    setBody(text);
    setPosted(false);
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
    const sent = body;
    if (save) await save(body.trim());
    else
      await savedEvenIfAnswerLost(
        api.post('/api/v1/action-plans/{id}/comments', {
          path: { id: ctx.planId },
          body: {
            body: body.trim(),
            target,
            ...(parentId ? { parentId } : {}),
            ...(anchor ? { anchor } : {}),
            ...(suggest && suggestion.trim() ? { suggestion: suggestion.trim() } : {}),
          },
          headers: { 'Idempotency-Key': key.current },
        }),
      );
    key.current = newIdempotencyKey();
    ctx.reload();
    // Typed on while the comment was on its way (the box stays usable, and the comment may show through the
    // room before the answer comes): the new text stays, in the box and in its draft, to be sent next.
    if (latest.current !== sent) return;
    setBody('');
    setSuggestion('');
    close();
    // A box that stays open (the plan's "New comment") takes the focus back, as a chat box does: whoever
    // posted knows what they wrote and most often goes on writing, and a screen reader says the box's
    // name and that the comment was posted (the status below) instead of reading the comment back to
    // them. Moving them to the new comment would leave them far from where they write, with the way
    // back unknown. A box that closes gives the focus to its opener (useReturnFocus in comments.tsx).
    // The focus is left alone if the person already went elsewhere while the comment was sent.
    if (!onDone) {
      setPosted(true);
      const el = area.current;
      const now = document.activeElement;
      if (el && (!now || now === document.body || el.form?.contains(now))) el.focus();
    }
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
      {/* Its line is kept (hidden) until the people to mention are known: their arrival moves nothing. */}
      <p
        id={hint}
        class={ctx.mentionable.length > 0 ? 'composer__hint muted' : 'composer__hint composer__hint--waiting'}
        aria-hidden={ctx.mentionable.length > 0 ? undefined : 'true'}
      >
        {t('comments.mentionHint')}
      </p>
      {suggest && (
        <>
          <label for={`${id}-suggestion`} class="composer__label">
            {t('suggestion.add')}
          </label>
          <textarea
            id={`${id}-suggestion`}
            rows={2}
            value={suggestion}
            maxLength={5000}
            onInput={(e) => setSuggestion(e.currentTarget.value)}
          />
        </>
      )}
      {!onDone && (
        <p class="visually-hidden" role="status">
          {posted ? t('comments.posted') : ''}
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
