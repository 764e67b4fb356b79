import { randomBytes } from 'node:crypto';
import { DataExport, Notification, User } from '@citymentor/domain';
import type { TestApp } from '../../support/app';
import type { SignedIn } from '../../support/given';

export type Mentoring = Awaited<ReturnType<TestApp['given']['mentoring']>>;

/** The ids and texts of one pair's work; every text carries `marker`, so a leak of any of them is one search. */
export interface PairWork {
  marker: string;
  pair: string;
  plan: string;
  milestone: string;
  progress: string;
  comment: string;
  assessment: string;
  ids: string[];
}

/** What a programme holds besides its pairs' work. */
export interface ProgrammeWork {
  marker: string;
  programme: string;
  consortiumMilestone: string;
  report: string;
  /** A member of the programme (not one of the cast), and an invitation: its id and its one-time token. */
  member: string;
  invitation: string;
  invitationToken: string;
  ids: string[];
}

const ok = async <T>(
  res: Promise<{ status: number; body: T }> | { status: number; body: T },
  what: string,
): Promise<T> => {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

export const marker = (name: string) => `SECRET-${name}-${randomBytes(4).toString('hex')}`;

/**
 * A pair's work written through the API as its people would, so that events, feeds and counts hold it
 * too: an approved plan (revision 1) with a milestone, a progress entry and a comment, and the mentee
 * city's self-assessment with an answer and a context note.
 */
export async function pairWork(
  t: TestApp,
  where: { programmeId: string; pairId: string; menteeCityId: string },
  people: { mentee: SignedIn; mentor: SignedIn },
  name: string,
): Promise<PairWork> {
  const { programmeId, pairId, menteeCityId } = where;
  const m = marker(name);
  const as = t.api.as(people.mentee.token);
  const plan = await ok<{ id: string }>(
    as.post(`/pairs/${pairId}/action-plans`, {
      sectionCodes: ['access-to-finance'],
      title: `Plan ${m}`,
      objective: `Objective ${m}`,
    }),
    'plan',
  );
  const milestone = await ok<{ id: string }>(
    as.post(`/action-plans/${plan.id}/milestones`, {
      title: `Milestone ${m}`,
      dueDate: '2030-06-30',
      owner: `Owner ${m}`,
    }),
    'milestone',
  );
  const comment = await ok<{ id: string }>(
    as.post(`/action-plans/${plan.id}/comments`, { body: `Comment ${m}`, target: { type: 'plan', id: plan.id } }),
    'comment',
  );
  await ok(as.post(`/action-plans/${plan.id}/submit`, {}), 'submit');
  await ok(
    t.api.as(people.mentor.token).post(`/action-plans/${plan.id}/reviews`, {
      verdict: 'approve',
      summary: `Review ${m}`,
      overrideOpenThreads: true,
    }),
    'review',
  );
  const progress = await ok<{ id: string }>(
    as.post(`/milestones/${milestone.id}/progress`, {
      percent: 40,
      status: 'in-progress',
      note: `Progress ${m}`,
      evidenceUrls: [`https://evidence.example/${m}`],
    }),
    'progress',
  );
  const assessment = await ok<{ id: string }>(
    as.post(`/programmes/${programmeId}/assessments`, {
      organisationId: menteeCityId,
      benchmarkCode: 'migrant-entrepreneurs',
      phase: 'baseline',
    }),
    'assessment',
  );
  await ok(
    as.put(`/assessments/${assessment.id}/answers/strategy.q1`, {
      rating: 1,
      evidence: `Evidence ${m}`,
      links: [`https://links.example/${m}`],
    }),
    'answer',
  );
  await ok(
    as.put(`/assessments/${assessment.id}/context/national-legislation-and-policy`, { note: `Context ${m}` }),
    'context note',
  );
  const ids = [pairId, plan.id, milestone.id, progress.id, comment.id, assessment.id];
  return {
    marker: m,
    pair: pairId,
    plan: plan.id,
    milestone: milestone.id,
    progress: progress.id,
    comment: comment.id,
    assessment: assessment.id,
    ids,
  };
}

/** A programme's own things, named with a marker: its name, a consortium milestone, a report, an invitation, one more member. */
export async function programmeWork(t: TestApp, w: Mentoring, name: string): Promise<ProgrammeWork> {
  const m = marker(name);
  const as = t.api.as(w.people.coordinator.token);
  await ok(as.patch(`/programmes/${w.programme.id}`, { name: `Programme ${m}`, description: `About ${m}` }), 'rename');
  const milestone = await ok<{ id: string }>(
    as.post(`/programmes/${w.programme.id}/milestones`, { title: `Consortium ${m}`, dueDate: '2030-01-31' }),
    'consortium milestone',
  );
  const report = await ok<{ id: string }>(
    as.post(`/programmes/${w.programme.id}/reports`, { format: 'csv' }),
    'report',
  );
  const invitation = await ok<{ id: string; acceptUrl: string }>(
    as.post(`/programmes/${w.programme.id}/invitations`, {
      email: `invitee-${m.toLowerCase()}@example.eu`,
      organisationId: w.city.id,
    }),
    'invitation',
  );
  const member = await t.given.member(
    w.programme,
    w.city,
    'city-member',
    await t.given.user({ name: `Member ${m}`, email: `member-${m.toLowerCase()}@example.eu` }),
  );
  return {
    marker: m,
    programme: w.programme.id,
    consortiumMilestone: milestone.id,
    report: report.id,
    member: member.id,
    invitation: invitation.id,
    invitationToken: invitation.acceptUrl.split('/').pop()!,
    ids: [w.programme.id, milestone.id, report.id, member.id, invitation.id],
  };
}

/** A notification of `user`'s own, written as the worker would. */
export async function notificationOf(
  t: TestApp,
  user: Pick<User, 'id'>,
  name: string,
): Promise<{ id: string; marker: string }> {
  const m = marker(name);
  const em = t.orm.em.fork();
  const notification = new Notification({
    user: em.getReference(User, user.id),
    kind: 'comment',
    title: `Notification ${m}`,
    body: `Body ${m}`,
    link: `/programmes/${m}`,
  });
  await em.persistAndFlush(notification);
  return { id: notification.id, marker: m };
}

/** A data export of `user`'s own, built as far as its row goes (no file: the policy answers before the file is read). */
export async function dataExportOf(t: TestApp, user: Pick<User, 'id'>): Promise<{ id: string }> {
  const em = t.orm.em.fork();
  const dataExport = Object.assign(new DataExport(em.getReference(User, user.id)), {
    status: 'done' as const,
    progress: 100,
    fileName: 'missing.zip',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await em.persistAndFlush(dataExport);
  return { id: dataExport.id };
}
