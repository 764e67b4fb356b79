import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { DashboardPolicy } from './dashboard.policy';

const P = 'programme-1';
const actor = (role?: 'coordinator' | 'expert' | 'city-member', isAdmin = false): Actor => ({
  userId: 'u',
  name: 'User',
  email: 'u@x',
  sessionId: 's',
  isAdmin,
  memberships: role ? [{ programmeId: P, organisationId: 'o', organisationName: 'O', role }] : [],
});

describe('DashboardPolicy', () => {
  const policy = new DashboardPolicy(new ProgrammePolicy());

  it.each([
    ['a coordinator', actor('coordinator')],
    ['an expert', actor('expert')],
    ['the admin', actor(undefined, true)],
  ])('lets %s see the dashboard', (_who, a) => expect(() => policy.assert(a, P)).not.toThrow());

  it('forbids (403) a city member and hides the programme (404) from a non-member', () => {
    expect(() => policy.assert(actor('city-member'), P)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => policy.assert(actor(), P)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
