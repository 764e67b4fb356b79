import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from './programme.policy';

const actor = (memberships: Actor['memberships'], isAdmin = false): Actor => ({
  userId: 'u',
  name: 'User',
  email: 'u@x',
  sessionId: 's',
  isAdmin,
  memberships,
});
const P = 'programme-1';

describe('ProgrammePolicy', () => {
  const policy = new ProgrammePolicy();

  it.each([
    [
      'a coordinator',
      actor([{ programmeId: P, organisationId: 'o', organisationName: 'O', role: 'coordinator' }]),
      true,
      true,
    ],
    ['an expert', actor([{ programmeId: P, organisationId: 'o', organisationName: 'O', role: 'expert' }]), true, false],
    [
      'a city member',
      actor([{ programmeId: P, organisationId: 'o', organisationName: 'O', role: 'city-member' }]),
      true,
      false,
    ],
    [
      'a member of another programme',
      actor([{ programmeId: 'other', organisationId: 'o', organisationName: 'O', role: 'coordinator' }]),
      false,
      false,
    ],
    ['the admin', actor([], true), true, true],
  ])('%s: read %s, manage %s', (_who, a, read, manage) => {
    expect(policy.can(a, 'read', P)).toBe(read);
    expect(policy.can(a, 'manage', P)).toBe(manage);
  });

  it('hides the programme (404) from non-members and forbids (403) members who may not manage', () => {
    expect(() => policy.assert(actor([]), 'read', P)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() =>
      policy.assert(
        actor([{ programmeId: P, organisationId: 'o', organisationName: 'O', role: 'expert' }]),
        'manage',
        P,
      ),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('lets only admins and coordinators of that organisation create programmes', () => {
    const coordinator = actor([
      { programmeId: P, organisationId: 'net', organisationName: 'Net', role: 'coordinator' },
    ]);
    expect(() => policy.assertCanCreate(coordinator, 'net')).not.toThrow();
    expect(() => policy.assertCanCreate(coordinator, 'another')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(() => policy.assertCanCreate(actor([], true), 'another')).not.toThrow();
  });
});
