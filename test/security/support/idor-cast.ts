import type { Organisation } from '@citymentor/domain';
import type { TestApp } from '../../support/app';
import type { SignedIn } from '../../support/given';
import {
  dataExportOf,
  notificationOf,
  pairWork,
  programmeWork,
  type Mentoring,
  type PairWork,
  type ProgrammeWork,
} from './cast';
import { SHARED_VALUES, type Kind } from './resource-kinds';

export const IDOR_ROLES = [
  'admin',
  'coordinator',
  'expert',
  'mentor',
  'mentee',
  'otherCity',
  'outsider',
  'anonymous',
] as const;
export type IdorRole = (typeof IDOR_ROLES)[number];

/** Things someone may not see: what they are (by kind), and what of them must never appear in an answer. */
export interface ForeignSet {
  name: string;
  things: Partial<Record<Kind, string>>;
  ids: string[];
  markers: string[];
  /** Someone's own (a notification, a data export): hidden even from the admin, who otherwise sees every programme. */
  personal?: boolean;
}

export interface IdorCast {
  home: Mentoring;
  away: Mentoring;
  sessionOf: (role: IdorRole) => SignedIn | undefined;
  /** A fresh session of `role`, for routes that end the one they are called with. */
  freshSession: (role: IdorRole) => Promise<SignedIn | undefined>;
  /** What `role` must not see (for the admin: only what is personal to someone else). */
  foreignTo: (role: IdorRole) => ForeignSet[];
  /** Real things `role` may see, by kind, for reading its own lists and feeds. */
  homeOf: (role: IdorRole) => Partial<Record<Kind, string>>;
  /** The foreign pair's and programme's things as they were built, to check nothing changed them. */
  awayPair: PairWork;
  awayProgramme: ProgrammeWork;
  awayNotification: { id: string; marker: string };
}

const pairThings = (p: PairWork): Partial<Record<Kind, string>> => ({
  pair: p.pair,
  plan: p.plan,
  milestone: p.milestone,
  comment: p.comment,
  assessment: p.assessment,
});

const set = (
  name: string,
  things: Partial<Record<Kind, string>>,
  ids: string[],
  markers: string[],
  personal = false,
): ForeignSet => ({
  name,
  things: { ...SHARED_VALUES, ...things },
  ids,
  markers,
  personal,
});

/**
 * Two programmes. At home: the cast (admin, coordinator, expert, a pair's mentor and mentee cities,
 * the city of another pair, an outsider from a third programme), and work in both pairs. Away: a
 * programme none of them belongs to, with a pair's work, a consortium milestone, a report, an
 * invitation, a member and a notification. Every text carries a marker, so a leak is one search.
 */
export async function idorCast(t: TestApp): Promise<IdorCast> {
  const home = await t.given.mentoring();
  const away = await t.given.mentoring();
  const thirdCity = { id: home.otherPair.mentorOrganisation.id } as Organisation;
  const otherPairMentor = await t.given.signIn(await t.given.member(home.programme, thirdCity, 'city-member'));

  const homePair = await pairWork(
    t,
    { programmeId: home.programme.id, pairId: home.pair.id, menteeCityId: home.city.id },
    home.people,
    'home-pair',
  );
  const otherPair = await pairWork(
    t,
    { programmeId: home.programme.id, pairId: home.otherPair.id, menteeCityId: home.otherCity.id },
    { mentee: home.people.otherCity, mentor: otherPairMentor },
    'other-pair',
  );
  const homeProgramme = await programmeWork(t, home, 'home-programme');
  const awayPair = await pairWork(
    t,
    { programmeId: away.programme.id, pairId: away.pair.id, menteeCityId: away.city.id },
    away.people,
    'away-pair',
  );
  const awayProgramme = await programmeWork(t, away, 'away-programme');
  const awayNotification = await notificationOf(t, away.people.mentee.user, 'away-notification');
  const awayExport = await dataExportOf(t, away.people.mentee.user);

  const awaySet = set(
    'another programme',
    {
      ...pairThings(awayPair),
      programme: awayProgramme.programme,
      consortiumMilestone: awayProgramme.consortiumMilestone,
      member: awayProgramme.member,
      invitation: awayProgramme.invitation,
      report: awayProgramme.report,
    },
    [...awayPair.ids, ...awayProgramme.ids],
    [awayPair.marker, awayProgramme.marker],
  );
  const notificationSet = set(
    'another user’s notification or data export',
    { notification: awayNotification.id, dataExport: awayExport.id },
    [awayNotification.id, awayExport.id],
    [awayNotification.marker],
    true,
  );
  const otherPairSet = set('another pair', pairThings(otherPair), otherPair.ids, [otherPair.marker]);
  const homePairSet = set('another pair', pairThings(homePair), homePair.ids, [homePair.marker]);
  const homeProgrammeSet = set(
    'another programme',
    {
      ...pairThings(homePair),
      programme: home.programme.id,
      consortiumMilestone: homeProgramme.consortiumMilestone,
      member: homeProgramme.member,
      invitation: homeProgramme.invitation,
      report: homeProgramme.report,
    },
    [...homePair.ids, ...homeProgramme.ids, ...otherPair.ids],
    [homePair.marker, otherPair.marker, homeProgramme.marker],
  );

  const foreign: Record<IdorRole, ForeignSet[]> = {
    admin: [notificationSet],
    coordinator: [awaySet, notificationSet],
    expert: [awaySet, notificationSet],
    mentor: [otherPairSet, awaySet, notificationSet],
    mentee: [otherPairSet, awaySet, notificationSet],
    otherCity: [homePairSet, awaySet, notificationSet],
    outsider: [homeProgrammeSet, awaySet, notificationSet],
    anonymous: [awaySet, notificationSet],
  };
  const inHome = {
    programme: home.programme.id,
    consortiumMilestone: homeProgramme.consortiumMilestone,
    report: homeProgramme.report,
    member: homeProgramme.member,
    invitation: homeProgramme.invitation,
  };
  const homes: Record<IdorRole, Partial<Record<Kind, string>>> = {
    admin: { ...SHARED_VALUES, ...inHome, ...pairThings(homePair) },
    coordinator: { ...SHARED_VALUES, ...inHome, ...pairThings(homePair) },
    expert: { ...SHARED_VALUES, ...inHome, ...pairThings(homePair) },
    mentor: { ...SHARED_VALUES, ...inHome, ...pairThings(homePair) },
    mentee: { ...SHARED_VALUES, ...inHome, ...pairThings(homePair) },
    otherCity: { ...SHARED_VALUES, ...inHome, ...pairThings(otherPair) },
    outsider: { ...SHARED_VALUES, programme: home.elsewhere.id },
    anonymous: { ...SHARED_VALUES },
  };
  const sessions: Partial<Record<IdorRole, SignedIn>> = { ...home.people };

  return {
    home,
    away,
    sessionOf: (role) => sessions[role],
    freshSession: async (role) => (role === 'anonymous' ? undefined : t.given.signIn(sessions[role]!.user)),
    foreignTo: (role) => foreign[role],
    homeOf: (role) => homes[role],
    awayPair,
    awayProgramme,
    awayNotification,
  };
}
