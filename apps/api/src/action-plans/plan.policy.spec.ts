import type { PlanState } from '@citymentor/contracts';
import { type DomainError } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import type { PlanScopeRow } from '../pairs/pair-scopes';
import { PairPolicy } from '../pairs/pair.policy';
import { allowedActionsFor, assertPlanAllows, PlanPolicy, planPermissions } from './plan.policy';

const scope = (overrides: Partial<PlanScopeRow> = {}): PlanScopeRow => ({
  pairId: 'pair',
  programmeId: 'prog',
  mentorOrganisationId: 'mentor-org',
  menteeOrganisationId: 'mentee-org',
  benchmarkCode: 'migrant-entrepreneurs',
  pairStatus: 'active',
  planId: 'plan',
  planState: 'draft',
  ...overrides,
});
const actor = (
  organisationId: string,
  role: 'city-member' | 'coordinator' | 'expert' = 'city-member',
  isAdmin = false,
): Actor => ({
  userId: 'u',
  name: 'User',
  email: 'u@example.eu',
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

describe('allowedActionsFor', () => {
  it.each<[PlanState, string[], string[], string[]]>([
    ['draft', ['submit', 'archive'], [], ['archive']],
    ['submitted', ['withdraw', 'archive'], ['approve', 'request-changes'], ['archive']],
    ['changes-requested', ['submit', 'archive'], [], ['archive']],
    ['approved', ['start', 'archive'], [], ['archive']],
    ['in-progress', ['complete', 'archive'], [], ['archive']],
    ['completed', ['archive'], [], ['archive']],
    ['archived', [], [], []],
  ])('a %s plan: mentee %j, mentor %j, coordinator %j', (state, mentee, mentor, coordinator) => {
    expect(allowedActionsFor('mentee', state)).toEqual(mentee);
    expect(allowedActionsFor('mentor', state)).toEqual(mentor);
    expect(allowedActionsFor('coordinator', state)).toEqual(coordinator);
    expect(allowedActionsFor('expert', state)).toEqual([]);
    expect(allowedActionsFor('admin', state)).toEqual([]);
  });

  it('leaves only archiving once the pair has ended', () => {
    expect(allowedActionsFor('mentee', 'draft', false)).toEqual(['archive']);
    expect(allowedActionsFor('mentor', 'submitted', false)).toEqual([]);
  });
});

describe('assertPlanAllows', () => {
  it('names the states that allow the change', () => {
    try {
      assertPlanAllows('log-progress', 'draft');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        details: {
          state: 'draft',
          action: 'log-progress',
          allowedStates: ['approved', 'in-progress'],
          allowed: ['submit', 'archive'],
        },
      });
    }
  });
  it.each<[Parameters<typeof assertPlanAllows>[0], PlanState, string]>([
    ['edit-plan', 'changes-requested', 'OK'],
    ['edit-plan', 'approved', 'TRANSITION_NOT_ALLOWED'],
    ['change-milestone-status', 'in-progress', 'OK'],
    ['edit-milestone', 'in-progress', 'TRANSITION_NOT_ALLOWED'],
    ['add-milestone', 'submitted', 'TRANSITION_NOT_ALLOWED'],
    ['log-progress', 'approved', 'OK'],
  ])('%s on a %s plan → %s', (change, state, code) => expect(codeOf(() => assertPlanAllows(change, state))).toBe(code));
});

describe('PlanPolicy', () => {
  const access = new PlanPolicy(new PairPolicy());
  it.each([
    ['the mentee submits', actor('mentee-org'), 'submit', 'OK'],
    ['the mentor may not submit', actor('mentor-org'), 'submit', 'FORBIDDEN'],
    ['the mentor approves', actor('mentor-org'), 'approve', 'OK'],
    ['a coordinator may not approve', actor('net', 'coordinator'), 'approve', 'FORBIDDEN'],
    ['a coordinator archives', actor('net', 'coordinator'), 'archive', 'OK'],
    ['an expert may not archive', actor('partner', 'expert'), 'archive', 'FORBIDDEN'],
    ['an admin may not archive', actor('', 'city-member', true), 'archive', 'FORBIDDEN'],
    ['another city does not see it', actor('other-org'), 'archive', 'NOT_FOUND'],
  ] as const)('%s', (_name, who, action, code) =>
    expect(codeOf(() => access.workflow(who, scope(), action))).toBe(code),
  );

  it('refuses steps other than archiving on an ended pair, after the policy', () => {
    const ended = scope({ pairStatus: 'ended' });
    expect(codeOf(() => access.workflow(actor('mentee-org'), ended, 'submit'))).toBe('CONFLICT');
    expect(codeOf(() => access.workflow(actor('mentee-org'), ended, 'archive'))).toBe('OK');
    expect(codeOf(() => access.workflow(actor('mentor-org'), ended, 'submit'))).toBe('FORBIDDEN');
    expect(codeOf(() => access.edit(actor('mentee-org'), ended, 'Milestone'))).toBe('CONFLICT');
  });

  it('is 404 for a missing scope, naming the thing', () => {
    expect(() => access.read(actor('mentee-org'), null, 'Milestone')).toThrow('Milestone not found');
  });
});

describe('planPermissions', () => {
  const none = {
    edit: false,
    submit: false,
    withdraw: false,
    review: false,
    start: false,
    complete: false,
    archive: false,
    comment: false,
    suggest: false,
    addMilestone: false,
    editMilestone: false,
    changeMilestoneStatus: false,
    logProgress: false,
  };

  it('lets the mentee write a draft and submit it; the mentor, expert and coordinator comment; the admin only reads', () => {
    expect(planPermissions('mentee', 'draft', true)).toEqual({
      ...none,
      edit: true,
      submit: true,
      archive: true,
      comment: true,
      addMilestone: true,
      editMilestone: true,
      changeMilestoneStatus: true,
    });
    expect(planPermissions('mentor', 'draft', true)).toEqual({ ...none, comment: true, suggest: true });
    expect(planPermissions('expert', 'draft', true)).toEqual({ ...none, comment: true });
    expect(planPermissions('coordinator', 'draft', true)).toEqual({ ...none, archive: true, comment: true });
    expect(planPermissions('admin', 'draft', true)).toEqual(none);
  });

  it('lets the mentee only withdraw (or archive) a submitted plan, and the mentor review it', () => {
    expect(planPermissions('mentee', 'submitted', true)).toEqual({
      ...none,
      withdraw: true,
      archive: true,
      comment: true,
    });
    expect(planPermissions('mentor', 'submitted', true)).toEqual({
      ...none,
      review: true,
      comment: true,
      suggest: true,
    });
  });

  it('lets the mentee move milestones and log progress once the plan is under way, not rewrite it', () => {
    expect(planPermissions('mentee', 'in-progress', true)).toEqual({
      ...none,
      complete: true,
      archive: true,
      comment: true,
      addMilestone: true,
      changeMilestoneStatus: true,
      logProgress: true,
    });
    // The reviewed text no longer changes: no suggestion to offer.
    for (const state of ['approved', 'in-progress', 'completed', 'archived'] as const)
      expect(planPermissions('mentor', state, true).suggest).toBe(false);
  });

  it('leaves archiving and comments once the pair has ended', () => {
    expect(planPermissions('mentee', 'draft', false)).toEqual({ ...none, archive: true, comment: true });
    expect(planPermissions('mentor', 'submitted', false)).toEqual({ ...none, comment: true });
  });
});
