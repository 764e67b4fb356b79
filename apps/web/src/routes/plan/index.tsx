/**
 * An action plan, live: `/programmes/:id/plans/:planId`. The plan's room (`plan:{id}`) drives it:
 * comment events reload the threads, plan, milestone and progress events reload the plan, so what the
 * other side does appears without a reload. Presence and "typing…" come from the same room.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { sectionTitles, loadBenchmark } from '../../benchmark-cache';
import { useReturnFocus } from '../../components/focus';
import { PLAN_STATE_TONE, planStateLabel } from '../../components/labels';
import { usePageTitle } from '../../components/page-title';
import { PresenceAvatars } from '../../components/presence';
import { Badge, ErrorNotice, Loading } from '../../components/status';
import { t } from '../../i18n';
import { isEvent, useRoom, type RealtimeEvent } from '../../realtime';
import { Link, type PageProps } from '../../router';
import { AnchorSpot, byAnchor, OpenThreadsIndex, type Anchoring } from './anchored';
import { byTarget, Discussion, type DiscussionContext } from './comments';
import { PlanGaps, questionTexts } from './gaps';
import { Milestones } from './milestones';
import { hasPlanDraft, PlanEditor, PlanFields, type EditorHandle } from './plan-details';
import { stillPending, withArrivals, type Arrival } from './live-comments';
import { ChangedSinceApproval, LatestReview, ReviewForm, WhatChanged, WorkflowActions, type OpenEdits } from './review';
import '../../work.css';
import '../../assessment.css';

function useDebounced(fn: () => void, ms = 60) {
  const [timer] = useState<{ id?: ReturnType<typeof setTimeout> }>({});
  useEffect(() => () => clearTimeout(timer.id), []);
  return () => {
    clearTimeout(timer.id);
    timer.id = setTimeout(fn, ms);
  };
}

export default function PlanPage({ params }: PageProps) {
  const programmeId = params.id;
  const planId = params.planId;
  const room = `plan:${planId}`;
  const plan = useResource(
    (signal) => api.get('/api/v1/action-plans/{id}', { path: { id: planId }, signal }),
    [planId],
  );
  const threads = useResource(
    (signal) => api.get('/api/v1/action-plans/{id}/comments', { path: { id: planId }, signal }),
    [planId],
  );
  // Whom a comment may mention, as the server decides it; every comment author is among them.
  const mentionable = useResource(
    (signal) => api.get('/api/v1/action-plans/{id}/mentionable', { path: { id: planId }, signal }),
    [planId],
  );
  // The latest revision, which a new thread on a field is anchored on; only for those who may comment.
  const revisionNumber = plan.data?.can.comment ? plan.data.revisionCount : 0;
  const latest = useResource(
    (signal) =>
      revisionNumber > 0
        ? api.get('/api/v1/action-plans/{id}/revisions/{number}', {
            path: { id: planId, number: revisionNumber },
            signal,
          })
        : Promise.resolve(undefined),
    [planId, revisionNumber],
  );
  const pairId = plan.data?.pairId;
  const pair = useResource(
    (signal) => (pairId ? api.get('/api/v1/pairs/{id}', { path: { id: pairId }, signal }) : Promise.resolve(undefined)),
    [pairId],
  );
  const benchmarkCode = pair.data?.benchmarkCode;
  const benchmark = useResource(
    () => (benchmarkCode ? loadBenchmark(benchmarkCode) : Promise.resolve(undefined)),
    [benchmarkCode],
  );
  const [editing, setEditing] = useState(() => hasPlanDraft(planId));
  const editor = useRef<EditorHandle | null>(null);
  const [draftObjective, setDraftObjective] = useState<string | null>(null);
  const editButton = useReturnFocus(editing);
  // What just happened live, about the plan in the state it led to: gone once the plan moves on (approved, then started).
  const [announcement, setAnnouncement] = useState<{ text: string; state: string } | null>(null);
  const [addedSinceApproval, setAddedSinceApproval] = useState<Set<string>>(new Set());

  const reloadPlan = useDebounced(plan.reload);
  const reloadThreads = useDebounced(threads.reload, 0);
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  useEffect(() => setArrivals((list) => stillPending(threads.data ?? [], list)), [threads.data]);

  useRoom(
    room,
    (event: RealtimeEvent) => {
      if (isEvent(event, 'comment.created')) setArrivals((list) => [...list, event]);
      if (event.type.startsWith('comment.')) reloadThreads();
      else reloadPlan();
      // Whether an anchored thread is outdated is read with the threads, against the plan as it is now.
      if (event.type === 'plan.updated' || event.type.startsWith('milestone.')) reloadThreads();
      if (isEvent(event, 'plan.reviewed')) {
        setAnnouncement({
          text: event.payload.verdict === 'approve' ? t('live.approved') : t('live.changesRequested'),
          state: event.payload.state,
        });
      } else if (isEvent(event, 'plan.submitted'))
        setAnnouncement({ text: t('live.submitted'), state: event.payload.state });
      else if (isEvent(event, 'plan.withdrawn'))
        setAnnouncement({ text: t('live.withdrawn'), state: event.payload.state });
    },
    () => {
      reloadPlan();
      reloadThreads();
    },
  );

  const p = plan.data;
  usePageTitle(p?.title);
  const live = announcement && p && announcement.state === p.state ? announcement.text : '';

  // A link to a comment or a milestone (`#comment-…`, as notifications give) scrolls there once it is shown.
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (arrived || !id || !p || !threads.data) return;
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.classList.add('is-target');
    setArrived(true);
  }, [p, threads.data, arrived]);
  const canComment = plan.data?.can.comment ?? false;
  const shown = useMemo(
    () => withArrivals(threads.data ?? [], arrivals, mentionable.data ?? [], canComment),
    [threads.data, arrivals, mentionable.data, canComment],
  );
  // Anchored threads show beside their field, the others in the discussion of their target.
  const grouped = useMemo(() => byTarget(shown.filter((x) => !x.anchor)), [shown]);
  const anchored = useMemo(() => byAnchor(shown), [shown]);

  if (plan.error !== undefined) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!p) return <Loading />;

  const ctx: DiscussionContext = {
    planId,
    room,
    mentionable: mentionable.data ?? [],
    reload: threads.reload,
    canComment: p.can.comment,
    revision: latest.data ? p.revisionCount : 0,
    canSuggest: p.can.suggest,
    planVersion: p.version,
    reloadPlan: plan.reload,
  };
  const anchoring: Anchoring = { ctx, snapshot: latest.data?.snapshot ?? null, threads: anchored };
  const planTarget = { type: 'plan' as const, id: p.id };
  const titles = sectionTitles(benchmark.data);
  const questions = questionTexts(benchmark.data);
  const names = { questions, sections: titles };
  const changed = () => plan.reload();
  const closeEditor = () => {
    setEditing(false);
    setDraftObjective(null);
  };
  // Submitting with the editor open saves it first: a submission never leaves typed text behind.
  const edits: OpenEdits | null = editing
    ? {
        objective: draftObjective ?? p.objective,
        saveFirst: async () => {
          const open = editor.current;
          if (!open || !open.dirty()) {
            closeEditor();
            return 'unchanged';
          }
          return open.save();
        },
      }
    : null;

  return (
    <article aria-labelledby="plan-title" class="plan-page">
      <p class="breadcrumb">
        <Link href={`/programmes/${programmeId}`}>{t('plan.backToProgramme')}</Link>
        {pair.data && (
          <>
            {' › '}
            <Link href={`/programmes/${programmeId}/pairs/${pair.data.id}`}>
              {t('pair.name', { mentor: pair.data.mentorOrganisation.name, mentee: pair.data.menteeOrganisation.name })}
            </Link>
          </>
        )}
      </p>
      <header class="page-header plan-header">
        <div>
          <h1 id="plan-title" data-user-content>
            {p.title}
          </h1>
          <AnchorSpot a={anchoring} target={planTarget} field="title" />
          <p class="plan-header__meta">
            <Badge tone={PLAN_STATE_TONE[p.state]}>
              <span class="visually-hidden">{t('plan.stateLabel')} </span>
              <span data-testid="plan-state">{planStateLabel(p.state)}</span>
            </Badge>{' '}
            <span class="muted">
              {p.sectionCodes.map((c) => titles.get(c) ?? c).join(' · ')}
              {p.revisionCount > 0 && <> · {t('plan.revision', { number: p.revisionCount })}</>}
            </span>
          </p>
        </div>
        <PresenceAvatars room={room} />
      </header>

      <p class="visually-hidden" role="status" aria-live="polite">
        {live}
      </p>
      {live && (
        <p class="notice notice--info" data-testid="live-announcement">
          {live}
        </p>
      )}

      <LatestReview plan={p} />
      <WorkflowActions plan={p} onChanged={changed} edits={edits} />

      <div class="with-comments">
        <section class="panel" aria-labelledby="plan-details-title">
          <div class="panel__head">
            <h2 id="plan-details-title">{t('plan.details')}</h2>
            {p.can.edit && !editing && (
              <button ref={editButton} type="button" class="button button--secondary" onClick={() => setEditing(true)}>
                {t('plan.edit')}
              </button>
            )}
          </div>
          {editing ? (
            <PlanEditor
              plan={p}
              handle={editor}
              onDraft={(d) => setDraftObjective(d.objective)}
              onSaved={() => {
                closeEditor();
                plan.reload();
              }}
              onPartlySaved={() => plan.reload()}
              onCancel={closeEditor}
            />
          ) : (
            <PlanFields
              plan={p}
              aside={(field, item, text) => (
                <AnchorSpot a={anchoring} target={planTarget} field={field} item={item} text={text} />
              )}
            />
          )}
        </section>
        {threads.error !== undefined ? (
          <ErrorNotice error={threads.error} onRetry={threads.reload} />
        ) : (
          <Discussion
            ctx={ctx}
            target={{ type: 'plan', id: p.id }}
            threads={grouped.get(`plan:${p.id}`) ?? []}
            title={t('comments.onPlan')}
          />
        )}
      </div>

      <OpenThreadsIndex threads={shown} milestones={p.milestones} />
      <PlanGaps plan={p} benchmark={benchmark.data} programmeId={programmeId} />
      <ChangedSinceApproval plan={p} names={names} onLoaded={setAddedSinceApproval} />
      <WhatChanged plan={p} names={names} threads={threads.data ?? []} />
      <ReviewForm plan={p} onChanged={changed} />
      <Milestones
        plan={p}
        questions={questions}
        addedSinceApproval={addedSinceApproval}
        ctx={ctx}
        threads={grouped}
        anchoring={anchoring}
        onChanged={changed}
      />
    </article>
  );
}
