/**
 * A plan's milestones: due dates, owners, status, progress; the mentee adds and edits them (with the
 * version, so two editors cannot silently overwrite each other) and logs progress; every milestone and
 * progress entry has its review thread beside it.
 */
import { useRef, useState } from 'preact/hooks';
import { api, newIdempotencyKey, savedEvenIfAnswerLost, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { conflictRows, ConflictView, isStale } from '../../components/conflict';
import { useFocusFirstField, useReturnFocus } from '../../components/focus';
import { WORK_STATUS_TONE, WORK_STATUSES, workStatusLabel, type WorkStatus } from '../../components/labels';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDate, formatDateTime, formatPercent, t, tParts } from '../../i18n';
import { AnchorSpot, MILESTONE_FIELDS, type Anchoring } from './anchored';
import { Discussion, targetKey, type DiscussionContext, type Thread } from './comments';
import type { Plan } from './plan-details';

type Milestone = Schemas['MilestoneSummaryDto'];
type Progress = Schemas['ProgressDto'];

interface MilestoneDraft {
  title: string;
  dueDate: string;
  owner: string;
  status: WorkStatus;
  description: string;
  gapQuestionCodes: string[];
}

/** The plan's gaps a milestone may address, in the plan's order, with their question texts. */
export type PlanGapChoices = { code: string; text: string }[];

function MilestoneForm({
  initial,
  onSubmit,
  onCancel,
  busy,
  submitLabel,
  idPrefix,
  gaps,
  statusOnly = false,
}: {
  initial: MilestoneDraft;
  gaps: PlanGapChoices;
  onSubmit: (draft: MilestoneDraft) => void;
  onCancel?: () => void;
  busy: boolean;
  submitLabel: string;
  idPrefix: string;
  /** Once the plan is approved only the status changes (the text was reviewed). */
  statusOnly?: boolean;
}) {
  const [draft, setDraft] = useState(initial);
  const form = useFocusFirstField();
  const set = (field: keyof MilestoneDraft) => (e: Event) =>
    setDraft({ ...draft, [field]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form
      ref={form}
      class="form form--grid"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      {!statusOnly && (
        <>
          <div class="field field--wide">
            <label for={`${idPrefix}-title`}>{t('milestone.title')}</label>
            <input id={`${idPrefix}-title`} required maxLength={200} value={draft.title} onInput={set('title')} />
          </div>
          <div class="field">
            <label for={`${idPrefix}-due`}>{t('milestone.dueDate')}</label>
            <input id={`${idPrefix}-due`} type="date" required value={draft.dueDate} onInput={set('dueDate')} />
          </div>
          <div class="field">
            <label for={`${idPrefix}-owner`}>{t('milestone.owner')}</label>
            <input id={`${idPrefix}-owner`} maxLength={200} value={draft.owner} onInput={set('owner')} />
          </div>
        </>
      )}
      <div class="field">
        <label for={`${idPrefix}-status`}>{t('milestone.status')}</label>
        <select id={`${idPrefix}-status`} value={draft.status} onChange={set('status')}>
          {WORK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {workStatusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      {!statusOnly && (
        <div class="field field--wide">
          <label for={`${idPrefix}-description`}>{t('milestone.description')}</label>
          <textarea id={`${idPrefix}-description`} rows={2} value={draft.description} onInput={set('description')} />
        </div>
      )}
      {!statusOnly && gaps.length > 0 && (
        <fieldset class="checks field--wide milestone-gaps">
          <legend>{t('milestone.gaps')}</legend>
          {gaps.map((g) => (
            <label key={g.code} class="check">
              <input
                type="checkbox"
                checked={draft.gapQuestionCodes.includes(g.code)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    // Kept in the plan's order, whatever the order of the clicks.
                    gapQuestionCodes: gaps
                      .map((x) => x.code)
                      .filter((c) => (c === g.code ? e.currentTarget.checked : draft.gapQuestionCodes.includes(c))),
                  })
                }
              />{' '}
              <span lang="en">{g.text}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div class="actions field--wide">
        <button type="submit" class="button" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function draftOf(
  m: Pick<Milestone, 'title' | 'dueDate' | 'owner' | 'status' | 'description' | 'gapQuestionCodes'>,
): MilestoneDraft {
  return {
    title: m.title,
    dueDate: m.dueDate,
    owner: m.owner,
    status: m.status,
    description: m.description,
    gapQuestionCodes: m.gapQuestionCodes,
  };
}

const same = (a: MilestoneDraft[keyof MilestoneDraft], b: MilestoneDraft[keyof MilestoneDraft]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Only what differs from `base`: the API tells a status change from a rewrite of the text by the fields sent. */
function changesOf(draft: MilestoneDraft, base: MilestoneDraft): Partial<MilestoneDraft> {
  return Object.fromEntries(
    (Object.keys(draft) as (keyof MilestoneDraft)[]).filter((f) => !same(draft[f], base[f])).map((f) => [f, draft[f]]),
  );
}

function MilestoneEditor({
  milestone,
  statusOnly,
  gaps,
  onDone,
}: {
  milestone: Milestone;
  statusOnly: boolean;
  gaps: PlanGapChoices;
  onDone: () => void;
}) {
  const { busy, error, submit } = useSubmit();
  const [conflict, setConflict] = useState<{ mine: MilestoneDraft; theirs: Schemas['MilestoneDto'] } | null>(null);

  const save = (draft: MilestoneDraft, version: number, base: MilestoneDraft = draftOf(milestone)) =>
    submit(async () => {
      const changes = changesOf(draft, base);
      if (Object.keys(changes).length === 0) return onDone();
      try {
        await api.patch('/api/v1/milestones/{id}', { path: { id: milestone.id }, body: { ...changes, version } });
        setConflict(null);
        onDone();
      } catch (caught) {
        if (!isStale(caught)) throw caught;
        setConflict({ mine: draft, theirs: await api.get('/api/v1/milestones/{id}', { path: { id: milestone.id } }) });
      }
    });

  if (conflict) {
    const theirs = draftOf(conflict.theirs);
    const label = {
      title: t('milestone.title'),
      dueDate: t('milestone.dueDate'),
      owner: t('milestone.owner'),
      status: t('milestone.status'),
      description: t('milestone.description'),
      gapQuestionCodes: t('milestone.gaps'),
    };
    const shown = (d: MilestoneDraft, f: keyof MilestoneDraft) =>
      f === 'status'
        ? workStatusLabel(d.status)
        : f === 'gapQuestionCodes'
          ? d.gapQuestionCodes.map((c) => gaps.find((g) => g.code === c)?.text ?? c)
          : d[f];
    const rows = conflictRows(
      (Object.keys(label) as (keyof MilestoneDraft)[]).map((f) => ({
        label: label[f],
        mine: shown(conflict.mine, f),
        theirs: shown(theirs, f),
      })),
    );
    return (
      <ConflictView
        rows={rows}
        busy={busy}
        onKeepMine={save(conflict.mine, conflict.theirs.version, theirs)}
        onTakeTheirs={onDone}
      />
    );
  }
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <MilestoneForm
        idPrefix={`edit-${milestone.id}`}
        initial={draftOf(milestone)}
        statusOnly={statusOnly}
        gaps={gaps}
        busy={busy}
        submitLabel={t('common.save')}
        onSubmit={(d) => save(d, milestone.version)()}
        onCancel={onDone}
      />
    </>
  );
}

function ProgressForm({ milestone, onDone }: { milestone: Milestone; onDone: () => void }) {
  const [percent, setPercent] = useState(String(milestone.latestProgress?.percent ?? 0));
  const [status, setStatus] = useState<WorkStatus>(milestone.status === 'planned' ? 'in-progress' : milestone.status);
  const [note, setNote] = useState('');
  const [links, setLinks] = useState('');
  const { busy, error, submit } = useSubmit();
  const idem = useRef(newIdempotencyKey());
  const id = `progress-${milestone.id}`;
  const form = useFocusFirstField();

  const send = async () => {
    const evidenceUrls = links
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    await savedEvenIfAnswerLost(
      api.post('/api/v1/milestones/{id}/progress', {
        path: { id: milestone.id },
        body: { percent: Number(percent), status, note: note.trim(), evidenceUrls },
        headers: { 'Idempotency-Key': idem.current },
      }),
    );
    idem.current = newIdempotencyKey();
    onDone();
  };

  return (
    <form ref={form} class="form form--grid" onSubmit={submit(send)}>
      <div class="field">
        <label for={`${id}-percent`}>{t('progress.percent')}</label>
        <input
          id={`${id}-percent`}
          type="number"
          min={0}
          max={100}
          step={5}
          required
          value={percent}
          onInput={(e) => setPercent(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-status`}>{t('milestone.status')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.currentTarget.value as WorkStatus)}>
          {WORK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {workStatusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field field--wide">
        <label for={`${id}-note`}>{t('progress.note')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="field field--wide">
        <label for={`${id}-links`}>{t('progress.evidence')}</label>
        <input
          id={`${id}-links`}
          aria-describedby={`${id}-links-hint`}
          value={links}
          onInput={(e) => setLinks(e.currentTarget.value)}
        />
        <p id={`${id}-links-hint`} class="hint">
          {t('progress.evidenceHint')}
        </p>
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div class="actions field--wide">
        <button type="submit" class="button" disabled={busy}>
          {t('progress.log')}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ProgressEntries({
  milestone,
  ctx,
  threads,
}: {
  milestone: Milestone;
  ctx: DiscussionContext;
  threads: Map<string, Thread[]>;
}) {
  const list = useResource(
    (signal) => api.get('/api/v1/milestones/{id}/progress', { path: { id: milestone.id }, signal }),
    [milestone.id, milestone.latestProgress?.at],
  );
  if (list.error !== undefined) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  if (list.data.length === 0) return <p class="muted">{t('progress.none')}</p>;
  return (
    <ol class="progress-list">
      {list.data.map((p: Progress) => (
        <li key={p.id} class="progress-entry" id={`progress-${p.id}`}>
          <div class="progress-entry__main">
            <p class="progress-entry__head">
              <strong>{formatPercent(p.percent)}</strong> ·{' '}
              <Badge tone={WORK_STATUS_TONE[p.status]}>{workStatusLabel(p.status)}</Badge>{' '}
              <span class="muted">
                {p.authorName} · <time dateTime={p.createdAt}>{formatDateTime(p.createdAt)}</time>
              </span>
            </p>
            {p.note && <p data-user-content>{p.note}</p>}
            {p.evidenceUrls.length > 0 && (
              <ul class="links">
                {p.evidenceUrls.map((url) => (
                  <li key={url}>
                    {/^https?:\/\//i.test(url) ? (
                      <a href={url} rel="noopener noreferrer external">
                        {url}
                      </a>
                    ) : (
                      url
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Discussion
            ctx={ctx}
            target={{ type: 'progress', id: p.id }}
            threads={threads.get(targetKey({ type: 'progress', id: p.id })) ?? []}
            title={t('comments.onProgress', { date: formatDateTime(p.createdAt) })}
            compact
          />
        </li>
      ))}
    </ol>
  );
}

function MilestoneItem({
  plan,
  milestone,
  gaps,
  newSinceApproval,
  ctx,
  threads,
  anchoring,
  onChanged,
}: {
  plan: Plan;
  milestone: Milestone;
  gaps: PlanGapChoices;
  newSinceApproval: boolean;
  ctx: DiscussionContext;
  threads: Map<string, Thread[]>;
  anchoring?: Anchoring;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'progress'>('view');
  const [showProgress, setShowProgress] = useState(false);
  // Focus goes back to the button that opened the form once it closes.
  const [openedBy, setOpenedBy] = useState<'edit' | 'progress'>('edit');
  const editButton = useReturnFocus(mode !== 'view' && openedBy === 'edit');
  const progressButton = useReturnFocus(mode !== 'view' && openedBy === 'progress');
  const open = (next: 'edit' | 'progress') => {
    setOpenedBy(next);
    setMode(next);
  };
  const done = () => {
    setMode('view');
    onChanged();
  };
  return (
    <li
      class={milestone.late ? 'work-item milestone--late' : 'work-item'}
      id={`milestone-${milestone.id}`}
      data-testid="milestone"
    >
      <div class="work-item__main">
        <div class="milestone__head">
          <h3 class="milestone__title" data-user-content>
            {milestone.title}
          </h3>
          <div class="milestone__badges">
            <Badge tone={WORK_STATUS_TONE[milestone.status]}>{workStatusLabel(milestone.status)}</Badge>
            {milestone.late && <Badge tone="late">{t('programme.late')}</Badge>}
            {newSinceApproval && <Badge tone="warn">{t('milestone.newSinceApproval')}</Badge>}
          </div>
        </div>
        <p class="milestone__due">
          <time dateTime={milestone.dueDate}>{t('programme.due', { date: formatDate(milestone.dueDate) })}</time>
          {milestone.owner && (
            <>
              {' · '}
              {t('milestone.ownedBy', { owner: milestone.owner })}
            </>
          )}
        </p>
        {milestone.description && <p data-user-content>{milestone.description}</p>}
        {milestone.gapQuestionCodes.length > 0 && (
          <div class="milestone__gaps" data-testid="milestone-gaps">
            <p class="muted">{t('milestone.addresses')}</p>
            <ul class="bullets">
              {milestone.gapQuestionCodes.map((code) => (
                <li key={code} lang="en">
                  <a href={`#gap-${code}`}>{gaps.find((g) => g.code === code)?.text ?? code}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {milestone.latestProgress && (
          <div class="meter" data-testid="milestone-progress">
            <progress max={100} value={milestone.latestProgress.percent} aria-label={t('progress.percent')} />
            <span>{formatPercent(milestone.latestProgress.percent)}</span>
          </div>
        )}
        {anchoring && (
          <div class="anchor-spots">
            {MILESTONE_FIELDS.map((field) => (
              <AnchorSpot key={field} a={anchoring} target={{ type: 'milestone', id: milestone.id }} field={field} />
            ))}
          </div>
        )}
        {mode === 'edit' && (
          <MilestoneEditor milestone={milestone} statusOnly={!plan.can.editMilestone} gaps={gaps} onDone={done} />
        )}
        {mode === 'progress' && <ProgressForm milestone={milestone} onDone={done} />}
        {mode === 'view' && (
          <div class="actions">
            {(plan.can.editMilestone || plan.can.changeMilestoneStatus) && (
              <button ref={editButton} type="button" class="button button--secondary" onClick={() => open('edit')}>
                {plan.can.editMilestone ? t('milestone.edit') : t('milestone.changeStatus')}
              </button>
            )}
            {plan.can.logProgress && (
              <button
                ref={progressButton}
                type="button"
                class="button button--secondary"
                onClick={() => open('progress')}
              >
                {t('progress.log')}
              </button>
            )}
            <button
              type="button"
              class="link-button"
              aria-expanded={showProgress}
              onClick={() => setShowProgress(!showProgress)}
            >
              {showProgress ? t('progress.hide') : t('progress.show')}
            </button>
          </div>
        )}
        {showProgress && <ProgressEntries milestone={milestone} ctx={ctx} threads={threads} />}
      </div>
      <Discussion
        ctx={ctx}
        target={{ type: 'milestone', id: milestone.id }}
        threads={threads.get(targetKey({ type: 'milestone', id: milestone.id })) ?? []}
        title={tParts('comments.onMilestone', { title: <span data-user-content>{milestone.title}</span> })}
        compact
      />
    </li>
  );
}

export function Milestones({
  plan,
  questions,
  addedSinceApproval,
  ctx,
  threads,
  anchoring,
  onChanged,
}: {
  plan: Plan;
  /** Guide question texts by code (the benchmark's). */
  questions: Map<string, string>;
  /** Milestones added after the mentor approved the plan. */
  addedSinceApproval: Set<string>;
  ctx: DiscussionContext;
  threads: Map<string, Thread[]>;
  /** The review threads anchored on milestone fields, and the revision new ones are anchored on. */
  anchoring?: Anchoring;
  onChanged: () => void;
}) {
  const gaps: PlanGapChoices = plan.gapQuestionCodes.map((code) => ({ code, text: questions.get(code) ?? code }));
  const [adding, setAdding] = useState(false);
  const { busy, error, submit } = useSubmit();
  const idem = useRef(newIdempotencyKey());
  const addButton = useReturnFocus(adding);

  const add = (draft: MilestoneDraft) =>
    submit(async () => {
      await savedEvenIfAnswerLost(
        api.post('/api/v1/action-plans/{id}/milestones', {
          path: { id: plan.id },
          body: draft,
          headers: { 'Idempotency-Key': idem.current },
        }),
      );
      idem.current = newIdempotencyKey();
      setAdding(false);
      onChanged();
    })();

  return (
    <section class="panel" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{t('milestones.title')}</h2>
      {plan.milestones.length === 0 && <p>{t('milestones.empty')}</p>}
      <ol class="work-list">
        {plan.milestones.map((m) => (
          <MilestoneItem
            key={m.id}
            plan={plan}
            milestone={m}
            gaps={gaps}
            newSinceApproval={addedSinceApproval.has(m.id)}
            ctx={ctx}
            threads={threads}
            anchoring={anchoring}
            onChanged={onChanged}
          />
        ))}
      </ol>
      {plan.can.addMilestone &&
        (adding ? (
          <>
            <h3>{t('milestones.add')}</h3>
            {error !== null && <ErrorNotice error={error} />}
            <MilestoneForm
              idPrefix="new-milestone"
              initial={{
                title: '',
                dueDate: '',
                owner: plan.owner,
                status: 'planned',
                description: '',
                gapQuestionCodes: [],
              }}
              gaps={gaps}
              busy={busy}
              submitLabel={t('milestones.addSubmit')}
              onSubmit={add}
              onCancel={() => setAdding(false)}
            />
          </>
        ) : (
          <button ref={addButton} type="button" class="button button--secondary" onClick={() => setAdding(true)}>
            {t('milestones.add')}
          </button>
        ))}
    </section>
  );
}
