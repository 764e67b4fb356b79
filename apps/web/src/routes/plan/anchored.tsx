/**
 * Review threads anchored on a field of the plan or a milestone (a list's item): each field has a small
 * "Comment" button that opens a composer anchored there on the plan's latest revision, and its threads
 * beside it. The server stores the text, says whether the plan has moved on since, and diffs suggestions.
 */
import { useState } from 'preact/hooks';
import type { Schemas } from '../../api/client';
import { useReturnFocus } from '../../components/focus';
import { t, tn } from '../../i18n';
import { ThreadView, type DiscussionContext, type Target, type Thread } from './comments';
import { Composer } from './composer';
import { ANCHOR_FIELD_LABEL } from './suggestion';

type AnchorField = Schemas['CommentAnchorDto']['field'];
type Snapshot = Schemas['PlanSnapshotDto'];

const PLAN_TEXT = ['title', 'objective', 'budget', 'owner'] as const;
const PLAN_LISTS = ['activities', 'indicators', 'stakeholders'] as const;
/** The plan's fields in the order the page shows them, then each milestone's. */
export const PLAN_ORDER: AnchorField[] = [
  'title',
  'objective',
  'activities',
  'indicators',
  'stakeholders',
  'budget',
  'owner',
];
export const MILESTONE_FIELDS = ['title', 'description', 'dueDate', 'owner', 'status'] as const;

const isList = (field: AnchorField) => (PLAN_LISTS as readonly string[]).includes(field);

/** The key of a spot on the page: a field of a target, or one item of a list field. */
export const spotKey = (target: Target, field: AnchorField, item?: number | null) =>
  `${target.type}:${target.id}:${field}${item === undefined || item === null ? '' : `:${item}`}`;

/**
 * Anchored threads by the spot they show at: a list item where its text is now, a list item whose text is
 * gone under the list itself (outdated), any other field at the field.
 */
export function byAnchor(threads: Thread[]): Map<string, Thread[]> {
  const map = new Map<string, Thread[]>();
  for (const thread of threads) {
    const a = thread.anchor;
    if (!a) continue;
    const item = isList(a.field) && !a.outdated ? (a.currentItem ?? a.item) : null;
    const key = spotKey(thread.target, a.field, item);
    map.set(key, [...(map.get(key) ?? []), thread]);
  }
  return map;
}

/** What the anchored parts of the page need besides the discussion context. */
export interface Anchoring {
  ctx: DiscussionContext;
  /** The plan as it was at its latest revision (what a new thread is anchored on); null before the first. */
  snapshot: Snapshot | null;
  threads: Map<string, Thread[]>;
}

/**
 * The index in the latest revision's list of the item shown at `index` now, found by its text;
 * null when that text is new since the revision (nothing to anchor on yet).
 */
function revisionItem(snapshot: Snapshot, field: (typeof PLAN_LISTS)[number], text: string, index: number) {
  const list = snapshot[field];
  if (list[index] === text) return index;
  const found = list.indexOf(text);
  return found < 0 ? null : found;
}

/**
 * One spot: its threads, and for whoever may comment a "Comment" button opening a composer anchored on it.
 * `item` is the item's index on the page now, `text` its text (a list item is anchored where the revision has it).
 */
export function AnchorSpot({
  a,
  target,
  field,
  item,
  text,
  named = false,
}: {
  a: Anchoring;
  target: Target;
  field: AnchorField;
  item?: number;
  text?: string;
  /** The button names the field in its visible text (where several fields' buttons sit together). */
  named?: boolean;
}) {
  const { ctx, snapshot } = a;
  const [open, setOpen] = useState(false);
  const button = useReturnFocus(open);
  const threads = a.threads.get(spotKey(target, field, item)) ?? [];
  const label = t(ANCHOR_FIELD_LABEL[field]);
  let anchorItem: number | null | undefined;
  if (snapshot && item !== undefined && text !== undefined && isList(field)) {
    anchorItem = revisionItem(snapshot, field as (typeof PLAN_LISTS)[number], text, item);
  }
  // A list is commented on item by item: under the list itself show only the threads whose item is gone.
  const inRevision =
    snapshot !== null &&
    !(isList(field) && item === undefined) &&
    (target.type === 'plan'
      ? item === undefined || anchorItem !== null
      : snapshot.milestones.some((m) => m.id === target.id));
  const canAnchor = ctx.canComment && ctx.revision > 0 && inRevision;
  const suggestable =
    ctx.canSuggest && target.type === 'plan' && ((PLAN_TEXT as readonly string[]).includes(field) || isList(field));
  const key = spotKey(target, field, item);
  if (!canAnchor && threads.length === 0) return null;
  return (
    <div class="anchor-spot" data-testid="anchor-spot" data-spot={key}>
      {canAnchor && !open && (
        <button
          ref={button}
          type="button"
          class="link-button anchor-spot__button"
          aria-label={
            item === undefined
              ? t('anchor.commentOn', { field: label })
              : t('anchor.commentOnItem', { field: label, number: item + 1 })
          }
          onClick={() => setOpen(true)}
        >
          {named ? t('anchor.commentOn', { field: label }) : t('anchor.comment')}
        </button>
      )}
      {open && (
        <Composer
          ctx={ctx}
          target={target}
          anchor={{ revision: ctx.revision, field, ...(anchorItem != null ? { item: anchorItem } : {}) }}
          suggest={suggestable}
          box={`new:${key}`}
          label={t('anchor.label', { field: label, revision: ctx.revision })}
          submitLabel={t('comments.post')}
          autoFocus
          onDone={() => setOpen(false)}
        />
      )}
      {threads.length > 0 && (
        <ol class="threads threads--anchored">
          {threads.map((thread) => (
            <ThreadView key={thread.id} thread={thread} ctx={ctx} />
          ))}
        </ol>
      )}
    </div>
  );
}

/** The open anchored threads, grouped by field in the plan's order (the plan's fields, then each milestone's). */
export function OpenThreadsIndex({
  threads,
  milestones,
}: {
  threads: Thread[];
  milestones: { id: string; title: string }[];
}) {
  const open = threads.filter((x) => x.anchor && !x.resolved && !x.deleted);
  if (open.length === 0) return null;
  const groups: { key: string; label: string; first: string; count: number }[] = [];
  const add = (label: string, list: Thread[]) => {
    if (list.length > 0) groups.push({ key: label, label, first: list[0].id, count: list.length });
  };
  for (const field of PLAN_ORDER) {
    add(
      t(ANCHOR_FIELD_LABEL[field]),
      open.filter((x) => x.target.type === 'plan' && x.anchor!.field === field),
    );
  }
  for (const m of milestones) {
    for (const field of MILESTONE_FIELDS) {
      const list = open.filter(
        (x) => x.target.type === 'milestone' && x.target.id === m.id && x.anchor!.field === field,
      );
      add(`${m.title} · ${t(ANCHOR_FIELD_LABEL[field])}`, list);
    }
  }
  return (
    <nav class="panel anchor-index" aria-labelledby="anchor-index-title" data-testid="anchor-index">
      <h2 id="anchor-index-title">{t('anchor.index')}</h2>
      <ul class="bullets">
        {groups.map((g) => (
          <li key={g.key}>
            <a href={`#comment-${g.first}`} data-user-content>
              {tn('anchor.fieldCount', g.count, { field: g.label })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
