import type { DomainError } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { PairPolicy, type PairScope } from '../pairs/pair.policy';
import { CommentPolicy, commentPermissions } from './comment.policy';

const pair: PairScope = { programmeId: 'prog', mentorOrganisationId: 'mentor-org', menteeOrganisationId: 'mentee-org' };
const actor = (
  userId: string,
  organisationId: string,
  role: 'city-member' | 'coordinator' | 'expert' = 'city-member',
  isAdmin = false,
): Actor => ({
  userId,
  name: userId,
  email: `${userId}@example.eu`,
  sessionId: 's',
  isAdmin,
  memberships: organisationId ? [{ programmeId: 'prog', organisationId, organisationName: organisationId, role }] : [],
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'OK';
};
const policy = new CommentPolicy(new PairPolicy());

describe('CommentPolicy', () => {
  it('asks the pair policy first: 404 for another city, 403 for the admin writing', () => {
    expect(codeOf(() => policy.viewer(actor('x', 'other-org'), 'read', pair, 'Comment'))).toBe('NOT_FOUND');
    expect(codeOf(() => policy.viewer(actor('a', '', 'city-member', true), 'read', pair, 'Comment'))).toBe('OK');
    expect(codeOf(() => policy.viewer(actor('a', '', 'city-member', true), 'create', pair, 'Comment'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => policy.viewer(actor('a', '', 'city-member', true), 'delete', pair, 'Comment'))).toBe('OK');
  });

  it('lets the author edit, the author or a coordinator delete, the thread author or the mentor side resolve', () => {
    const mentee = policy.viewer(actor('me', 'mentee-org'), 'read', pair, 'Comment');
    const mentor = policy.viewer(actor('mo', 'mentor-org'), 'read', pair, 'Comment');
    const coordinator = policy.viewer(actor('co', 'coord-org', 'coordinator'), 'read', pair, 'Comment');
    expect(codeOf(() => policy.assert(mentee, 'edit', { authorId: 'me' }))).toBe('OK');
    expect(codeOf(() => policy.assert(mentor, 'edit', { authorId: 'me' }))).toBe('FORBIDDEN');
    expect(codeOf(() => policy.assert(coordinator, 'delete', { authorId: 'me' }))).toBe('OK');
    expect(codeOf(() => policy.assert(mentor, 'delete', { authorId: 'me' }))).toBe('FORBIDDEN');
    expect(codeOf(() => policy.assert(mentor, 'resolve', { authorId: 'me' }))).toBe('OK');
    expect(codeOf(() => policy.assert(coordinator, 'resolve', { authorId: 'me' }))).toBe('FORBIDDEN');
  });

  it('says the same rules as `can`, leaving out what a tombstone or a reply cannot take', () => {
    const viewer = policy.viewer(actor('me', 'mentee-org'), 'read', pair, 'Comment');
    expect(commentPermissions(viewer, { authorId: 'me', deleted: false, isRoot: true })).toEqual({
      reply: true,
      edit: true,
      delete: true,
      resolve: true,
      applySuggestion: false,
      dismissSuggestion: false,
    });
    expect(commentPermissions(viewer, { authorId: 'me', deleted: true, isRoot: false })).toEqual({
      reply: true,
      edit: false,
      delete: false,
      resolve: false,
      applySuggestion: false,
      dismissSuggestion: false,
    });
  });
});
