/**
 * How a plan changed between two revisions, as a reviewer reads a pull request: in a text, the words deleted and
 * inserted (<del>/<ins>, each with a word said to screen readers, not colour alone); in a list, every item with its
 * mark (added, removed, changed, moved); dates, statuses, sections and gaps in the reader's language, never codes.
 */
import type { Schemas } from '../../api/client';
import { workStatusLabel, type WorkStatus } from '../../components/labels';
import { formatDate, formatDateTime, t, type MessageKey } from '../../i18n';
import { personName } from '../../components/person-name';
import { FIELD_LABEL } from './plan-details';

export type Diff = Schemas['PlanDiffDto'];
type FieldChange = Schemas['FieldChangeDto'];
type ItemChange = Schemas['ItemChangeDto'];
type WordPart = Schemas['WordPartDto'];
type MilestoneChange = Schemas['MilestoneChangeDto'];
type Thread = Schemas['CommentThreadDto'];

/** The reader's "Viewed" marks in a diff: a viewed field folds to its name, its box still there to unfold it. */
export interface ViewedMarks {
  keys: ReadonlySet<string>;
  set(key: string, viewed: boolean): void;
}

/** A "Viewed" box for one changed field (`field:objective`, `milestone:<id>`), named after what it folds. */
function ViewedBox({ mark, label, marks }: { mark: string; label: string; marks: ViewedMarks }) {
  const checked = marks.keys.has(mark);
  return (
    <label class="diff__viewed">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => marks.set(mark, e.currentTarget.checked)}
        aria-label={t('diff.viewedOf', { name: label })}
      />{' '}
      <span aria-hidden="true">{t('diff.viewed')}</span>
    </label>
  );
}

/** What codes stand for: guide questions (gaps) and sections by code, from the benchmark. */
export interface CodeNames {
  questions: Map<string, string>;
  sections: Map<string, string>;
}

/** The milestone fields the plan's own labels (FIELD_LABEL: title, owner) do not name. */
export const MILESTONE_LABEL = {
  dueDate: 'milestone.dueDate',
  status: 'milestone.status',
  description: 'milestone.description',
} satisfies Record<string, MessageKey>;

const OTHER_LABEL: Record<string, MessageKey> = {
  ...MILESTONE_LABEL,
  sectionCodes: 'plan.sections',
  gapQuestionCodes: 'plan.gaps',
};

function fieldLabel(field: string): string {
  if (field in FIELD_LABEL) return t(FIELD_LABEL[field as keyof typeof FIELD_LABEL]);
  return field in OTHER_LABEL ? t(OTHER_LABEL[field]) : field;
}

/** A code as a person reads it (the catalogue's texts are English), or a value in the reader's language. */
function Named({ field, value, names }: { field: string; value: string; names: CodeNames }) {
  if (field === 'gapQuestionCodes') return <span lang="en">{names.questions.get(value) ?? value}</span>;
  if (field === 'sectionCodes') return <span lang="en">{names.sections.get(value) ?? value}</span>;
  if (field === 'status') return <>{workStatusLabel(value as WorkStatus)}</>;
  if (field === 'dueDate') return <>{formatDate(value)}</>;
  return <>{value}</>;
}

function Removed({ children }: { children: preact.ComponentChildren }) {
  return (
    <del class="diff__del">
      <span class="visually-hidden">{t('diff.removed')} </span>
      {children}
    </del>
  );
}

function Added({ children }: { children: preact.ComponentChildren }) {
  return (
    <ins class="diff__ins">
      <span class="visually-hidden">{t('diff.added')} </span>
      {children}
    </ins>
  );
}

/** A text with its deleted and inserted words marked in place (the plan diff, a suggested change). */
export function Words({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'removed' ? (
          <Removed key={i}>{p.text}</Removed>
        ) : p.op === 'added' ? (
          <Added key={i}>{p.text}</Added>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

const ITEM_MARK: Record<ItemChange['change'], MessageKey> = {
  same: 'diff.item.same',
  moved: 'diff.item.moved',
  changed: 'diff.item.changed',
  added: 'diff.item.added',
  removed: 'diff.item.removed',
};

function Item({ field, item, names }: { field: string; item: ItemChange; names: CodeNames }) {
  const code = field === 'sectionCodes' || field === 'gapQuestionCodes';
  const text = item.after ?? item.before ?? '';
  return (
    <li class={`diff__item diff__item--${item.change}`} data-change={item.change}>
      <span class={item.change === 'same' ? 'visually-hidden' : 'diff__mark'}>
        {item.change === 'moved' && item.beforeIndex !== null
          ? t('diff.item.movedFrom', { n: item.beforeIndex + 1 })
          : t(ITEM_MARK[item.change])}
      </span>{' '}
      <span class="diff__text" data-user-content={code ? undefined : ''}>
        {item.change === 'changed' && !code ? (
          <Words parts={item.words} />
        ) : item.change === 'removed' ? (
          <Removed>
            <Named field={field} value={text} names={names} />
          </Removed>
        ) : item.change === 'added' ? (
          <Added>
            <Named field={field} value={text} names={names} />
          </Added>
        ) : (
          <Named field={field} value={text} names={names} />
        )}
      </span>
    </li>
  );
}

const isEmpty = (v: FieldChange['before']) => v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A field's change: words for a text, items for a list, old and new value for a date or a status. */
function Change({
  change: f,
  names,
  whole,
  marks,
}: {
  change: FieldChange;
  names: CodeNames;
  whole?: boolean;
  /** Given for the plan's own fields: a "Viewed" box folds this one. */
  marks?: ViewedMarks;
}) {
  const value = whole ? (f.after ?? f.before) : null;
  const key = `field:${f.field}`;
  const folded = !!marks?.keys.has(key);
  return (
    <div class="diff__field" data-testid="diff-field" data-field={f.field} data-viewed={folded || undefined}>
      <div class="diff__head">
        <h3 class="diff__name">{fieldLabel(f.field)}</h3>
        {marks && <ViewedBox mark={key} label={fieldLabel(f.field)} marks={marks} />}
      </div>
      {folded ? null : whole ? (
        // A milestone added or removed: its values as they are (the milestone is marked, not each word).
        Array.isArray(value) ? (
          <ul class="bullets">
            {value.map((v, i) => (
              <li key={i}>
                <Named field={f.field} value={v} names={names} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="diff__value" data-user-content={f.kind === 'text' ? '' : undefined}>
            <Named field={f.field} value={value ?? ''} names={names} />
          </p>
        )
      ) : f.kind === 'list' ? (
        <ul class="diff__items">
          {f.items.map((item, i) => (
            <Item key={i} field={f.field} item={item} names={names} />
          ))}
        </ul>
      ) : f.kind === 'text' ? (
        <p class="diff__value" data-user-content>
          {isEmpty(f.before) && isEmpty(f.after) ? <span class="muted">—</span> : <Words parts={f.words} />}
        </p>
      ) : (
        <p class="diff__value">
          {!isEmpty(f.before) && (
            <Removed>
              <Named field={f.field} value={f.before as string} names={names} />
            </Removed>
          )}
          {!isEmpty(f.before) && !isEmpty(f.after) && <span aria-hidden="true"> → </span>}
          {!isEmpty(f.after) && (
            <Added>
              <Named field={f.field} value={f.after as string} names={names} />
            </Added>
          )}
        </p>
      )}
    </div>
  );
}

/** A milestone added or removed shows the fields it had, not the empty ones. */
const shownFields = (m: MilestoneChange) =>
  m.fields.filter((f) => !(m.change === 'added' && isEmpty(f.after)) && !(m.change === 'removed' && isEmpty(f.before)));

/** The plan's fields that changed, then the milestones added, removed or changed, field by field. */
export function ChangeList({
  fields,
  milestones,
  names,
  marks,
}: {
  fields: FieldChange[];
  milestones: MilestoneChange[];
  names: CodeNames;
  /** The reader's "Viewed" marks, when they can keep some (the review diff, not "changed since approval"). */
  marks?: ViewedMarks;
}) {
  return (
    <div class="diff">
      {fields.map((f) => (
        <Change key={f.field} change={f} names={names} marks={marks} />
      ))}
      {milestones.length > 0 && (
        <ul class="plain-list">
          {milestones.map((m) => {
            const key = `milestone:${m.milestoneId}`;
            const folded = !!marks?.keys.has(key);
            return (
              <li
                key={m.milestoneId}
                data-testid="changed-milestone"
                class="diff__milestone"
                data-viewed={folded || undefined}
              >
                <div class="diff__head">
                  <span>
                    <strong data-user-content>{m.title}</strong> · {t(`diff.milestone.${m.change}` as MessageKey)}
                  </span>
                  {marks && <ViewedBox mark={key} label={m.title} marks={marks} />}
                </div>
                {!folded &&
                  shownFields(m).map((f) => (
                    <Change key={f.field} change={f} names={names} whole={m.change !== 'changed'} />
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The review of the reader's that a diff starts from, when it does: "since your review of revision 2". */
const sinceYours = (diff: Diff) => (diff.yourReview && diff.yourReview.revision === diff.from ? diff.yourReview : null);

/** Two revisions compared: which ones (since the reader's own review when it is that), then what changed. */
export function DiffView({ diff, names, marks }: { diff: Diff; names: CodeNames; marks?: ViewedMarks }) {
  const yours = sinceYours(diff);
  if (diff.fields.length === 0 && diff.milestones.length === 0)
    // Resubmitted unchanged: say so against the earlier revision; "nothing to compare" only without one.
    return (
      <p data-testid="diff-range">
        {diff.from === null
          ? t('diff.nothing')
          : yours
            ? t('diff.unchangedSinceYours', { from: diff.from, date: formatDateTime(yours.reviewedAt) })
            : t('diff.unchanged', { from: diff.from })}
      </p>
    );
  return (
    <>
      <p class="muted" data-testid="diff-range">
        {diff.from === null
          ? t('diff.fromStart', { to: diff.to })
          : yours
            ? t('diff.sinceYours', { from: diff.from, to: diff.to, date: formatDateTime(yours.reviewedAt) })
            : t('diff.range', { from: diff.from, to: diff.to })}
      </p>
      <ChangeList fields={diff.fields} milestones={diff.milestones} names={names} marks={marks} />
    </>
  );
}

/** A comment's text as read: mention tokens `@[Name](id)` as "@Name", cut after `max` characters. */
function excerpt(body: string, max = 90): string {
  const text = body
    .replace(/@\[([^\]]+)\]\([0-9a-f-]+\)/g, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The review threads opened since the reader's review the diff starts from, each a link to the thread. */
export function ThreadsSince({ diff, threads }: { diff: Diff; threads: Thread[] }) {
  const yours = sinceYours(diff);
  if (!yours) return null;
  const since = new Date(yours.reviewedAt).getTime();
  const opened = threads.filter((th) => th.parentId === null && new Date(th.createdAt).getTime() > since);
  return (
    <div class="diff__threads" data-testid="threads-since">
      <h3>{t('diff.threadsSince')}</h3>
      {opened.length === 0 ? (
        <p class="muted">{t('diff.noThreadsSince')}</p>
      ) : (
        <ul class="plain-list">
          {opened.map((th) => (
            <li key={th.id}>
              <a href={`#comment-${th.id}`}>
                <span data-user-content>{personName(th.author, th.author.organisationName)}</span>
                {th.body === null ? (
                  <span class="muted"> · {t('diff.threadDeleted')}</span>
                ) : (
                  <span data-user-content> · {excerpt(th.body)}</span>
                )}
              </a>
              {th.resolved && <span class="muted"> · {t('comments.resolved')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
