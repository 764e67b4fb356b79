/**
 * The review workflow on the plan page: the mentee's steps (submit, withdraw, start, complete, archive), the
 * mentor's verdict (approve / request changes, with open threads made explicit), the latest review,
 * "what changed since my last review" and "changed since approval".
 */
import { useRef, useState } from 'preact/hooks';
import { api, ApiError, newIdempotencyKey, type Schemas } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { isStale } from '../../components/conflict';
import { requirementLabel } from '../../components/labels';
import { ErrorNotice, Loading } from '../../components/status';
import { useSubmit } from '../../components/submit';
import { formatDateTime, t, tn, type MessageKey } from '../../i18n';
import { isEvent, useRoom } from '../../realtime';
import { useSession } from '../../session';
import { wroteVersion } from './own-writes';
import { ChangeList, DiffView, ThreadsSince, type CodeNames, type Diff } from './diff-view';
import type { Plan } from './plan-details';
import { ANCHOR_FIELD_LABEL } from './suggestion';

type SinceApproval = Schemas['ChangesSinceApprovalDto'];
type Thread = Schemas['CommentThreadDto'];

/** The plan editor while it is open, as the workflow sees it: the objective as typed, and a way to save it before submitting. */
export interface OpenEdits {
  objective: string;
  /** Saves what the form holds: the plan as saved, 'unchanged' when there was nothing to save, null when it was not saved. */
  saveFirst(): Promise<Plan | 'unchanged' | null>;
}

const STEPS = ['submit', 'withdraw', 'start', 'complete', 'archive'] as const;
type Step = (typeof STEPS)[number];

/**
 * submit · withdraw · start · complete · archive, as `plan.can` allows. Submitting saves the open
 * editor's changes first (never submits without them), and is held back, with the reason, while the
 * plan lacks what a submission needs.
 */
export function WorkflowActions({
  plan,
  onChanged,
  edits,
}: {
  plan: Plan;
  onChanged: (plan?: Plan) => void;
  edits: OpenEdits | null;
}) {
  const { busy, error, submit } = useSubmit();
  const [notSaved, setNotSaved] = useState(false);
  const steps = STEPS.filter((a) => plan.can[a]);
  if (steps.length === 0) return null;
  // The objective typed in the open editor is saved before the submit: it counts already.
  const missing = plan.can.submit
    ? plan.missingForSubmit.filter((m) => !(m === 'objective' && edits?.objective.trim()))
    : [];

  const run = async (step: Step) => {
    if (step === 'archive' && !window.confirm(t('workflow.confirmArchive'))) return;
    setNotSaved(false);
    try {
      let version = plan.version;
      if (step === 'submit' && edits) {
        const saved = await edits.saveFirst();
        if (saved === null) {
          setNotSaved(true);
          return;
        }
        if (saved !== 'unchanged') version = saved.version;
      }
      const options = { path: { id: plan.id }, body: { version } };
      const next =
        step === 'submit'
          ? await api.post('/api/v1/action-plans/{id}/submit', options)
          : step === 'withdraw'
            ? await api.post('/api/v1/action-plans/{id}/withdraw', options)
            : step === 'start'
              ? await api.post('/api/v1/action-plans/{id}/start', options)
              : step === 'complete'
                ? await api.post('/api/v1/action-plans/{id}/complete', options)
                : await api.post('/api/v1/action-plans/{id}/archive', options);
      onChanged(wroteVersion(next));
    } catch (caught) {
      if (isStale(caught)) onChanged();
      throw caught;
    }
  };

  return (
    <div class="workflow" data-testid="workflow">
      {plan.can.withdraw && <p class="muted">{t('workflow.waiting')}</p>}
      {missing.length > 0 && (
        <div id="submit-missing" class="notice notice--info" data-testid="submit-missing">
          <p>{t('workflow.missingIntro')}</p>
          <ul class="bullets">
            {missing.map((m) => (
              <li key={m}>{requirementLabel(m)}</li>
            ))}
          </ul>
        </div>
      )}
      {notSaved && (
        <p class="notice notice--error" role="alert">
          {t('workflow.notSaved')}
        </p>
      )}
      {error !== null && (isStale(error) ? <p role="alert">{t('workflow.stale')}</p> : <ErrorNotice error={error} />)}
      <div class="actions">
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            class={step === 'archive' || step === 'withdraw' ? 'button button--secondary' : 'button'}
            disabled={busy || (step === 'submit' && missing.length > 0)}
            aria-describedby={step === 'submit' && missing.length > 0 ? 'submit-missing' : undefined}
            onClick={submit(() => run(step))}
          >
            {t(`workflow.${step}` as MessageKey)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The mentor's verdict. Approving over open threads needs a second, explicit click. */
export function ReviewForm({ plan, onChanged }: { plan: Plan; onChanged: (plan: Plan) => void }) {
  const [summary, setSummary] = useState('');
  const { busy, error, submit } = useSubmit();
  const [openThreads, setOpenThreads] = useState(0);
  const idem = useRef(newIdempotencyKey());
  if (!plan.can.review) return null;

  const review = async (verdict: 'approve' | 'request-changes', override = false) => {
    try {
      const next = await api.post('/api/v1/action-plans/{id}/reviews', {
        path: { id: plan.id },
        body: {
          verdict,
          summary: summary.trim() || t(verdict === 'approve' ? 'review.defaultApprove' : 'review.defaultChanges'),
          version: plan.version,
          overrideOpenThreads: override,
        },
        headers: { 'Idempotency-Key': `${idem.current}-${verdict}-${override}` },
      });
      idem.current = newIdempotencyKey();
      setOpenThreads(0);
      setSummary('');
      onChanged(wroteVersion(next));
    } catch (caught) {
      const details =
        caught instanceof ApiError ? (caught.body.details as { openThreads?: number } | undefined) : undefined;
      if (caught instanceof ApiError && caught.status === 409 && details?.openThreads)
        setOpenThreads(details.openThreads);
      else throw caught;
    }
  };

  return (
    <section class="panel review-form" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <div class="field">
        <label for="review-summary">{t('review.summary')}</label>
        <textarea id="review-summary" rows={3} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {openThreads > 0 && (
        <div class="notice notice--warn" role="alert">
          <p>{tn('review.openThreads', openThreads)}</p>
          <button type="button" class="button" disabled={busy} onClick={submit(() => review('approve', true))}>
            {t('review.approveAnyway')}
          </button>
        </div>
      )}
      <div class="actions">
        {plan.allowedActions.includes('approve') && (
          <button type="button" class="button" disabled={busy} onClick={submit(() => review('approve'))}>
            {t('review.approve')}
          </button>
        )}
        {plan.allowedActions.includes('request-changes') && (
          <button
            type="button"
            class="button button--secondary"
            disabled={busy}
            onClick={submit(() => review('request-changes'))}
          >
            {t('review.requestChanges')}
          </button>
        )}
      </div>
    </section>
  );
}

export function LatestReview({ plan }: { plan: Plan }) {
  const r = plan.latestReview;
  if (!r) return null;
  return (
    <div class={r.verdict === 'approve' ? 'notice notice--good' : 'notice notice--warn'} data-testid="latest-review">
      <p>
        <strong>
          {r.verdict === 'approve'
            ? t('review.approvedBy', { name: r.reviewerName })
            : t('review.changesBy', { name: r.reviewerName })}
        </strong>{' '}
        <span class="muted">
          · {t('review.revision', { number: r.revision })} ·{' '}
          <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
        </span>
      </p>
      {r.summary && <p data-user-content>{r.summary}</p>}
      <ReviewThreads plan={plan} threads={r.threads} />
    </div>
  );
}

type ReviewThread = Schemas['ReviewThreadDto'];

/** What a review thread is about, in words: the plan or one of its fields, a milestone (or its field) by its title, a progress entry. */
function threadTarget(plan: Plan, thread: ReviewThread): string {
  const field = thread.field ? t(ANCHOR_FIELD_LABEL[thread.field]) : null;
  if (thread.targetType === 'progress') return t('review.thread.onProgress');
  if (thread.targetType === 'plan') {
    if (field === null) return t('review.thread.onPlan');
    return thread.item === null
      ? t('review.thread.onField', { field })
      : t('review.thread.onItem', { field, number: thread.item + 1 });
  }
  const milestone = plan.milestones.find((m) => m.id === thread.targetId);
  if (!milestone) return t('review.thread.onAMilestone');
  return field === null
    ? t('review.thread.onMilestone', { title: milestone.title })
    : t('review.thread.onMilestoneField', { field, title: milestone.title });
}

/** The threads the review opened (as a pull request's review lists its comments), each a link to the thread. */
function ReviewThreads({ plan, threads }: { plan: Plan; threads: ReviewThread[] }) {
  if (threads.length === 0) return null;
  return (
    <>
      <p id="latest-review-threads">{tn('review.threads', threads.length)}</p>
      <ul class="review-threads" aria-labelledby="latest-review-threads">
        {threads.map((thread) => (
          <li key={thread.id}>
            <a href={`#comment-${thread.id}`} data-user-content>
              {thread.excerpt}
            </a>{' '}
            <span class="muted">
              · <span data-user-content>{threadTarget(plan, thread)}</span>
              {thread.resolved && ` · ${t('comments.resolved')}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Plans that were approved and may have changed since: approved, under way, completed (archived ones too). */
const AFTER_APPROVAL: Plan['state'][] = ['approved', 'in-progress', 'completed', 'archived'];

/**
 * What the mentee changed after the mentor approved the plan (milestones added since, …), against the
 * approved revision; statuses are left out, they move with the work. Shown to both sides once there is
 * something; `onLoaded` tells the page which milestones are new since the approval.
 */
export function ChangedSinceApproval({
  plan,
  names,
  onLoaded,
}: {
  plan: Plan;
  names: CodeNames;
  onLoaded?: (added: Set<string>) => void;
}) {
  const approved = plan.latestReview?.verdict === 'approve' && AFTER_APPROVAL.includes(plan.state);
  // Read again whenever the plan or any of its milestones moved on.
  const key = `${plan.version}|${plan.milestones.map((m) => `${m.id}:${m.version}`).join(',')}`;
  const changes = useResource(
    (signal) =>
      approved
        ? api
            .get('/api/v1/action-plans/{id}/changes-since-approval', { path: { id: plan.id }, signal })
            .then((c: SinceApproval) => {
              onLoaded?.(new Set(c.milestones.filter((m) => m.change === 'added').map((m) => m.milestoneId)));
              return c;
            })
        : Promise.resolve(null),
    [plan.id, approved, key],
  );
  const c = changes.data;
  if (!approved || !c || (c.fields.length === 0 && c.milestones.length === 0)) return null;
  return (
    <section class="panel since-approval" aria-labelledby="since-approval-title" data-testid="changed-since-approval">
      <h2 id="since-approval-title">{t('sinceApproval.title')}</h2>
      <p class="muted">
        {t('sinceApproval.intro', {
          name: c.approvedByName,
          revision: c.approvedRevision,
          date: formatDateTime(c.approvedAt),
        })}
      </p>
      <ChangeList fields={c.fields} milestones={c.milestones} names={names} />
    </section>
  );
}

/**
 * The diff with the reader's "Viewed" boxes: a box folds its field at once and is saved for this revision;
 * one the server refused unfolds again, with the error said.
 */
function ViewedFields({ planId, diff, names }: { planId: string; diff: Diff; names: CodeNames }) {
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set(diff.viewed));
  const [error, setError] = useState<unknown>(null);
  const toggle = (set: ReadonlySet<string>, key: string, viewed: boolean) => {
    const next = new Set(set);
    if (viewed) next.add(key);
    else next.delete(key);
    return next;
  };
  // Ticked in another of the reader's pages: the API says so in their own room, with every mark.
  const me = useSession()?.user.id;
  useRoom(me ? `user:${me}` : null, (event) => {
    if (!isEvent(event, 'plan.diff.viewed')) return;
    const { planId: plan, revision, viewed } = event.payload;
    if (plan === planId && revision === diff.to) setKeys(new Set(viewed));
  });
  const marks = {
    keys,
    set(key: string, viewed: boolean) {
      setError(null);
      setKeys((now) => toggle(now, key, viewed));
      api
        .put('/api/v1/action-plans/{id}/diff/viewed', {
          path: { id: planId },
          body: { revision: diff.to, field: key, viewed },
        })
        .catch((caught: unknown) => {
          setKeys((now) => toggle(now, key, !viewed));
          setError(caught);
        });
    },
  };
  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <DiffView diff={diff} names={names} marks={marks} />
    </>
  );
}

/**
 * "What changed since my last review": open for the reviewer when a revised plan waits for them (`can.review`),
 * from the revision they last reviewed (the API's default `from`, `yourReview`), with the threads opened since.
 */
export function WhatChanged({ plan, names, threads }: { plan: Plan; names: CodeNames; threads: Thread[] }) {
  const [clicked, setOpen] = useState(false);
  const open = clicked || (plan.can.review && plan.revisionCount > 1);
  const diff = useResource(
    (signal) =>
      open ? api.get('/api/v1/action-plans/{id}/diff', { path: { id: plan.id }, signal }) : Promise.resolve(null),
    [plan.id, plan.revisionCount, open],
  );
  if (plan.revisionCount < 2) return null; // no earlier revision to compare with
  return (
    <section class="panel" aria-labelledby="diff-title" data-testid="what-changed">
      <h2 id="diff-title">{t('diff.title')}</h2>
      {!open ? (
        <button type="button" class="button button--secondary" onClick={() => setOpen(true)}>
          {t('diff.show')}
        </button>
      ) : diff.error !== undefined ? (
        diff.error instanceof ApiError && (diff.error.status === 404 || diff.error.status === 409) ? (
          <p>{t('diff.nothing')}</p>
        ) : (
          <ErrorNotice error={diff.error} onRetry={diff.reload} />
        )
      ) : !diff.data ? (
        <Loading />
      ) : (
        <>
          <ViewedFields key={`${diff.data.from}-${diff.data.to}`} planId={plan.id} diff={diff.data} names={names} />
          <ThreadsSince diff={diff.data} threads={threads} />
        </>
      )}
    </section>
  );
}
