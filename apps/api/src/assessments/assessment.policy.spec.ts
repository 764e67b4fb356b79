import type { Actor } from '../auth/actor';
import { PairPolicy } from '../pairs/pair.policy';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { AssessmentPolicy, type AssessmentAccessScope } from './assessment.policy';

const P = 'programme-1';
const actor = (
  organisationId: string,
  role: 'coordinator' | 'expert' | 'city-member' = 'city-member',
  programmeId = P,
): Actor => ({
  userId: 'u',
  name: 'User',
  email: 'u@x',
  sessionId: 's',
  isAdmin: false,
  memberships: [{ programmeId, organisationId, organisationName: organisationId, role }],
});
const admin: Actor = { userId: 'a', name: 'User', email: 'a@x', sessionId: 's', isAdmin: true, memberships: [] };

// Lisbon is assessed; it is the mentee of Vienna and the mentor of Nicosia (both active, same benchmark).
const lisbon: AssessmentAccessScope = {
  programmeId: P,
  organisationId: 'lisbon',
  pairs: [
    { pairId: 'p1', programmeId: P, mentorOrganisationId: 'vienna', menteeOrganisationId: 'lisbon' },
    { pairId: 'p2', programmeId: P, mentorOrganisationId: 'lisbon', menteeOrganisationId: 'nicosia' },
  ],
};

describe('AssessmentPolicy', () => {
  const policy = new AssessmentPolicy(new ProgrammePolicy(), new PairPolicy());

  it.each([
    ['a member of the city', actor('lisbon'), 'own', ['read', 'answer']],
    ['its mentor city', actor('vienna'), 'mentor', ['read', 'calibrate']],
    ['the city it mentors', actor('nicosia'), 'mentee', ['read']],
    ['a coordinator', actor('network', 'coordinator'), 'coordinator', ['read']],
    ['an expert', actor('experts', 'expert'), 'expert', ['read']],
    ['the admin', admin, 'admin', ['read']],
    ['another city of the programme', actor('dublin'), null, []],
    ['a member of another programme', actor('lisbon', 'city-member', 'other'), null, []],
  ] as const)('%s stands as %s and may %j', (_who, a, relation, allowed) => {
    expect(policy.relationOf(a, lisbon)).toBe(relation);
    for (const action of ['read', 'answer', 'calibrate'] as const)
      expect(policy.can(a, action, lisbon)).toBe((allowed as readonly string[]).includes(action));
  });

  it('hides the assessment (404) from those who may not read it and forbids (403) what readers may not do', () => {
    expect(() => policy.assert(actor('dublin'), 'read', lisbon)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => policy.assert(actor('vienna'), 'answer', lisbon)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => policy.assert(actor('lisbon'), 'calibrate', lisbon)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('forgets a pair once it is no longer active (the scope only lists active pairs)', () => {
    const withoutPairs = { ...lisbon, pairs: [] };
    expect(policy.relationOf(actor('vienna'), withoutPairs)).toBeNull();
  });

  it("lets a city's members, coordinators and the admin start its assessment; other members get 403, non-members 404", () => {
    expect(() => policy.assertCanCreate(actor('lisbon'), P, 'lisbon')).not.toThrow();
    expect(() => policy.assertCanCreate(actor('network', 'coordinator'), P, 'lisbon')).not.toThrow();
    expect(() => policy.assertCanCreate(admin, P, 'lisbon')).not.toThrow();
    expect(() => policy.assertCanCreate(actor('vienna'), P, 'lisbon')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => policy.assertCanCreate(actor('experts', 'expert'), P, 'lisbon')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => policy.assertCanCreate(actor('lisbon', 'city-member', 'other'), P, 'lisbon')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('AssessmentPolicy.permissions', () => {
  const policy = new AssessmentPolicy(new ProgrammePolicy(), new PairPolicy());

  it('lets the city answer its draft only, and the mentor side calibrate, submitted or not', () => {
    expect(policy.permissions(actor('lisbon'), { ...lisbon, status: 'draft' })).toEqual({
      canAnswer: true,
      canCalibrate: false,
    });
    expect(policy.permissions(actor('lisbon'), { ...lisbon, status: 'submitted' })).toEqual({
      canAnswer: false,
      canCalibrate: false,
    });
    expect(policy.permissions(actor('vienna'), { ...lisbon, status: 'submitted' })).toEqual({
      canAnswer: false,
      canCalibrate: true,
    });
    expect(policy.permissions(actor('nicosia'), { ...lisbon, status: 'draft' })).toEqual({
      canAnswer: false,
      canCalibrate: false,
    });
    expect(policy.permissions(admin, { ...lisbon, status: 'draft' })).toEqual({
      canAnswer: false,
      canCalibrate: false,
    });
  });
});
