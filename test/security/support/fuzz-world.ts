import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/app';
import type { SignedIn } from '../../support/given';
import { dataExportOf, notificationOf, pairWork, programmeWork, type Mentoring } from './cast';
import type { Pools } from './fuzz-values';
import { fillPath, operations } from './openapi-routes';
import { kindOf, SHARED_VALUES, type Kind } from './resource-kinds';
import { writerOf, type CastIds } from './write-routes';

export const ROLES = ['admin', 'coordinator', 'expert', 'mentor', 'mentee', 'otherCity', 'outsider'] as const;
export type SignedInRole = (typeof ROLES)[number];

/** The placeholder a generated request carries for a live token; swapped in when it is sent. */
export const tokenOf = (role: SignedInRole) => `{{token:${role}}}`;
/** The placeholder for a live token whose signature was tampered with. */
export const tamperedTokenOf = (role: SignedInRole) => `{{tampered:${role}}}`;

export interface FuzzWorld {
  w: Mentoring;
  pools: Pools;
  /** One real thing of every kind, for path parameters that fit. */
  things: Record<Kind, string>;
  /** The ids fitting bodies name (write-routes.ts). */
  ids: CastIds;
  /** A real `cursor` per route that pages: its first page's nextCursor. */
  cursors: Record<string, string>;
  /** Rooms that exist, of every kind, including another user's. */
  rooms: string[];
  /** Tokens that look right and are not: another key, alg none, expired, an ended session, an unknown user. */
  forged: string[];
  sessions: Record<SignedInRole, SignedIn>;
  /** Signs `role` in again (a generated logout or password change may end a session). */
  renew: (role: SignedInRole) => Promise<void>;
  /** Replaces token placeholders in a header value with the live tokens. */
  withTokens: (value: string) => string;
}

async function forgedTokens(t: TestApp, session: SignedIn): Promise<string[]> {
  const jwt = new JwtService();
  const secret = process.env.JWT_ACCESS_SECRET!;
  const claims = { sub: session.user.id, sid: randomUUID() };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const ended = await t.given.signIn(session.user);
  await t.api.as(ended.token).post('/auth/logout', {}).expect(204);
  return [
    await jwt.signAsync(claims, { secret: 'not-the-secret-0123456789-0123456789-abcdef' }),
    `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: 4_000_000_000 })}.`,
    await jwt.signAsync({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, { secret }),
    await jwt.signAsync({ sub: randomUUID(), sid: randomUUID() }, { secret, expiresIn: 3600 }),
    await jwt.signAsync(
      { sub: session.user.id, sid: session.user.id },
      { secret, algorithm: 'HS512', expiresIn: 3600 },
    ),
    ended.token,
  ];
}

/** A mentoring programme with every kind of thing in it, the pools of its ids and codes, and live sessions of every role. */
export async function fuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const w = await t.given.mentoring();
  const work = await pairWork(
    t,
    { programmeId: w.programme.id, pairId: w.pair.id, menteeCityId: w.city.id },
    w.people,
    'fuzz',
  );
  const programme = await programmeWork(t, w, 'fuzz');
  const notification = await notificationOf(t, w.people.mentee.user, 'fuzz');
  await notificationOf(t, w.people.mentee.user, 'fuzz-older'); // a second page, so there is a cursor
  const dataExport = await dataExportOf(t, w.people.mentee.user);
  const users = Object.values(w.people).map((p) => p.user.id);
  const ids = [
    ...work.ids,
    ...programme.ids,
    notification.id,
    dataExport.id,
    w.otherPair.id,
    w.elsewhere.id,
    w.city.id,
    w.mentorCity.id,
    w.coordinatorOrganisation.id,
    ...users,
  ];
  const codes = [
    'migrant-entrepreneurs',
    'strategy',
    'strategy.q1',
    'access-to-finance',
    'access-to-finance.q2',
    'national-legislation-and-policy',
    '1',
    '2',
    'plan',
    'milestone',
    'progress',
    'csv',
    'pdf',
  ];
  const things: Record<Kind, string> = {
    ...SHARED_VALUES,
    programme: w.programme.id,
    consortiumMilestone: programme.consortiumMilestone,
    member: programme.member,
    invitation: programme.invitation,
    invitationToken: programme.invitationToken,
    pair: w.pair.id,
    plan: work.plan,
    milestone: work.milestone,
    comment: work.comment,
    assessment: work.assessment,
    report: programme.report,
    notification: notification.id,
    dataExport: dataExport.id,
    // An account no one has: the fuzz must not erase the cast's people.
    user: randomUUID(),
  };
  const rooms = [
    `programme:${w.programme.id}`,
    `programme:${w.elsewhere.id}`,
    `pair:${w.pair.id}`,
    `pair:${w.otherPair.id}`,
    `plan:${work.plan}`,
    `assessment:${work.assessment}`,
    ...users.map((u) => `user:${u}`),
  ];
  const sessions = { ...w.people } as Record<SignedInRole, SignedIn>;
  const cursors: Record<string, string> = {};
  for (const op of operations().filter((o) => o.method === 'get' && o.query.some((q) => q.name === 'cursor'))) {
    const path = fillPath(
      op.path,
      Object.fromEntries(op.pathParams.map((p) => [p, things[kindOf(op.path, p)]])),
    ).replace(/^\/api\/v1/, '');
    const reader = sessions[writerOf(op) as SignedInRole];
    const page = await t.api.as(reader.token).get(`${path}?limit=1`);
    if (typeof page.body?.nextCursor === 'string') cursors[op.name] = page.body.nextCursor;
  }
  return {
    w,
    pools: { ids, codes },
    things,
    ids: { coordinatorOrganisation: w.coordinatorOrganisation.id, city: w.city.id, mentorCity: w.mentorCity.id },
    cursors,
    rooms,
    forged: await forgedTokens(t, w.people.expert),
    sessions,
    renew: async (role) => {
      sessions[role] = await t.given.signIn(sessions[role].user);
    },
    withTokens: (value) =>
      value.replace(/\{\{(token|tampered):(\w+)\}\}/g, (_m, kind: string, role: SignedInRole) => {
        const token = sessions[role].token;
        return kind === 'token' ? token : `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      }),
  };
}
