/**
 * Peer-review threads on a plan, a milestone or a progress entry: read, reply, resolve, edit, delete,
 * mention (`@[Name](user-uuid)`), with "typing…" for the others in the plan's room.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { loadDraft } from '../../components/drafts';
import { useReturnFocus } from '../../components/focus';
import { Badge, ErrorNotice } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { TypingIndicator } from '../../components/presence';
import { formatDateTime, t, tn } from '../../i18n';
import { personName } from '../../components/person-name';
import { Composer, draftKey, targetKey, type Target } from './composer';
import { AnchorNote, SuggestionView } from './suggestion';

export type Thread = Schemas['CommentThreadDto'];
type Comment = Schemas['CommentDto'];
/** Someone a comment here may mention: a member who can read the pair, as the API lists them. */
export type Mentionable = Schemas['MentionableDto'];
export { targetKey, type AnchorRequest, type Target, type TargetType } from './composer';

/** Groups threads by what they are about. */
export function byTarget(threads: Thread[]): Map<string, Thread[]> {
  const map = new Map<string, Thread[]>();
  for (const thread of threads) {
    const key = targetKey(thread.target);
    map.set(key, [...(map.get(key) ?? []), thread]);
  }
  return map;
}

const MENTION = /@\[([^\]]{1,100})\]\(([0-9a-fA-F-]{36})\)/g;

/** The body with mentions shown as names (never as HTML). */
function Body({ text }: { text: string }) {
  const parts: (string | { name: string; id: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    parts.push(text.slice(last, m.index));
    parts.push({ name: m[1], id: m[2] });
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return (
    <p class="comment__body" data-user-content>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <strong key={i} class="mention" data-user={p.id}>
            @{p.name}
          </strong>
        ),
      )}
    </p>
  );
}

export interface Context {
  planId: string;
  room: string;
  /** Whom a comment may mention (`GET /action-plans/{id}/mentionable`, the server's rule). */
  mentionable: Mentionable[];
  reload: () => void;
  /** Whether the reader may start threads (the plan's `can.comment`, as the API decides it). */
  canComment: boolean;
  /** The plan's latest revision (0 before its first submission: nothing to anchor on yet). */
  revision: number;
  /** Whether the reader may suggest new text in an anchored thread (the plan's `can.suggest`). */
  canSuggest: boolean;
  /** The plan's version as the page has it: what applying a suggestion is made against. */
  planVersion: number;
  /** Read the plan again (a suggestion applied changed it). */
  reloadPlan: () => void;
}

/** Whether a box was left with unsent text (a session that ended, a reload): it opens with it again. */
const hasDraft = (ctx: Context, box: string) => loadDraft<string>(draftKey(ctx, box)) !== null;

function CommentView({ comment, ctx, root }: { comment: Comment | Thread; ctx: Context; root?: Thread }) {
  const [editing, setEditing] = useState(() => hasDraft(ctx, `edit:${comment.id}`));
  const { busy, error, submit } = useSubmit();
  const editButton = useReturnFocus(editing);

  const act = (work: () => Promise<unknown>) =>
    submit(async () => {
      await work();
      ctx.reload();
    });

  return (
    <div class="comment" id={`comment-${comment.id}`}>
      <p class="comment__meta">
        {comment.author.former ? (
          <strong data-former-member>{personName(comment.author, comment.author.organisationName)}</strong>
        ) : (
          <>
            <strong>{comment.author.name}</strong>
            {comment.author.organisationName && <span class="muted"> · {comment.author.organisationName}</span>}
          </>
        )}
        <span class="muted">
          {' · '}
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
          {comment.editedAt && ` · ${t('comments.edited')}`}
        </span>
        {root?.resolved && (
          <>
            {' '}
            <Badge tone="good">{t('comments.resolved')}</Badge>
          </>
        )}
      </p>
      {root?.anchor && <AnchorNote anchor={root.anchor} applied={root.suggestion?.state === 'applied'} />}
      {comment.deleted || comment.body === null ? (
        <p class="comment__body comment__body--deleted">{t('comments.deleted')}</p>
      ) : editing ? (
        <Composer
          ctx={ctx}
          target={comment.target}
          box={`edit:${comment.id}`}
          label={t('comments.editLabel')}
          submitLabel={t('common.save')}
          initial={comment.body}
          autoFocus
          onDone={() => setEditing(false)}
          save={(body) => api.patch('/api/v1/comments/{id}', { path: { id: comment.id }, body: { body } })}
        />
      ) : (
        <Body text={comment.body} />
      )}
      {root?.suggestion && (
        <SuggestionView
          thread={root}
          suggestion={root.suggestion}
          planVersion={ctx.planVersion}
          onChanged={() => {
            ctx.reload();
            ctx.reloadPlan();
          }}
        />
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div class="comment__actions">
        {root && !root.deleted && root.can.resolve && (
          <button
            type="button"
            class="link-button"
            disabled={busy}
            onClick={act(() =>
              root.resolved
                ? api.post('/api/v1/comments/{id}/reopen', { path: { id: root.id } })
                : api.post('/api/v1/comments/{id}/resolve', { path: { id: root.id } }),
            )}
          >
            {root.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        )}
        {comment.can.edit && !editing && (
          <button ref={editButton} type="button" class="link-button" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </button>
        )}
        {comment.can.delete && !editing && (
          <button
            type="button"
            class="link-button"
            disabled={busy}
            onClick={act(async () => {
              if (window.confirm(t('comments.confirmDelete')))
                await api.delete('/api/v1/comments/{id}', { path: { id: comment.id } });
            })}
          >
            {t('comments.delete')}
          </button>
        )}
      </div>
    </div>
  );
}

export function ThreadView({ thread, ctx }: { thread: Thread; ctx: Context }) {
  const [replying, setReplying] = useState(() => hasDraft(ctx, `reply:${thread.id}`));
  const replyButton = useReturnFocus(replying);
  return (
    <li class={thread.resolved ? 'thread thread--resolved' : 'thread'} data-testid="thread">
      <CommentView comment={thread} ctx={ctx} root={thread} />
      {thread.replies.length > 0 && (
        <ol class="thread__replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentView comment={reply} ctx={ctx} />
            </li>
          ))}
        </ol>
      )}
      {thread.can.reply &&
        (replying ? (
          <Composer
            ctx={ctx}
            target={thread.target}
            parentId={thread.id}
            box={`reply:${thread.id}`}
            label={t('comments.replyLabel')}
            submitLabel={t('comments.reply')}
            autoFocus
            onDone={() => setReplying(false)}
          />
        ) : (
          <button ref={replyButton} type="button" class="link-button" onClick={() => setReplying(true)}>
            {t('comments.reply')}
          </button>
        ))}
    </li>
  );
}

/**
 * The threads about one target, with a box to start a new one. Its heading names the region, so `title`
 * must tell it apart from the page's other discussions (say which milestone or entry it is about).
 */
export function Discussion({
  ctx,
  target,
  threads,
  title,
  compact = false,
}: {
  ctx: Context;
  target: Target;
  threads: Thread[];
  title: ComponentChildren;
  compact?: boolean;
}) {
  const open = threads.filter((x) => !x.resolved && !x.deleted).length;
  const [composing, setComposing] = useState(() => !compact || hasDraft(ctx, `new:${targetKey(target)}`));
  const addButton = useReturnFocus(composing);
  const headingId = `discussion-${target.type}-${target.id}`;
  return (
    <section class="discussion" aria-labelledby={headingId} data-testid={`discussion-${target.type}`}>
      <h3 id={headingId} class="discussion__title">
        {title} <span class="muted">({tn('comments.open', open)})</span>
      </h3>
      {threads.length === 0 && <p class="muted">{t('comments.none')}</p>}
      <ol class="threads">
        {threads.map((thread) => (
          <ThreadView key={thread.id} thread={thread} ctx={ctx} />
        ))}
      </ol>
      {ctx.canComment &&
        (composing ? (
          <Composer
            ctx={ctx}
            target={target}
            box={`new:${targetKey(target)}`}
            label={t('comments.newLabel')}
            submitLabel={t('comments.post')}
            autoFocus={compact}
            onDone={compact ? () => setComposing(false) : undefined}
          />
        ) : (
          <button ref={addButton} type="button" class="button button--secondary" onClick={() => setComposing(true)}>
            {t('comments.add')}
          </button>
        ))}
      <TypingIndicator room={ctx.room} target={`comment:${targetKey(target)}`} />
    </section>
  );
}

export type DiscussionContext = Context;
