/**
 * What the audit log records (who, when, what), for the installation admin. Add a code here before
 * recording it: the API, its documentation and the web client's labels follow this list.
 */
export const AUDIT_ACTIONS = [
  'account.deleted',
  'export.requested',
  'export.downloaded',
  'membership.added',
  'membership.removed',
  'membership.role-changed',
  'invitation.accepted',
  'programme.closed',
  'programme.reopened',
  'programme.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit entry is about. */
export const AUDIT_SUBJECTS = ['user', 'data-export', 'membership', 'invitation', 'programme'] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];
