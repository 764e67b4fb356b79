import { JobBoardPolicy } from './job-board.policy';

describe('JobBoardPolicy', () => {
  const policy = new JobBoardPolicy();
  const admin = { isAdmin: true };

  it('lets the admin read the board', () => {
    expect(policy.mayOpen('GET', admin)).toBe(true);
    expect(policy.mayOpen('HEAD', admin)).toBe(true);
  });

  it('lets no one change anything through it, the admin included', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
      expect(policy.mayOpen(method, admin)).toBe(false);
  });

  it('refuses anyone else, and a request without a live session', () => {
    expect(policy.mayOpen('GET', { isAdmin: false })).toBe(false);
    expect(policy.mayOpen('GET', null)).toBe(false);
  });
});
