/** The kinds of thing a path parameter of the API names. */
export const KINDS = [
  'programme',
  'consortiumMilestone',
  'member',
  'invitationToken',
  'invitation',
  'pair',
  'plan',
  'revisionNumber',
  'milestone',
  'comment',
  'assessment',
  'questionCode',
  'factorCode',
  'report',
  'notification',
  'dataExport',
  'benchmarkCode',
  /** Any account, as the admin names it (erasing one on request). */
  'user',
] as const;
export type Kind = (typeof KINDS)[number];

/** The path segment before a parameter → what the parameter names. */
const BY_SEGMENT: Record<string, Kind> = {
  programmes: 'programme',
  members: 'member',
  invitations: 'invitationToken',
  pairs: 'pair',
  'action-plans': 'plan',
  revisions: 'revisionNumber',
  milestones: 'milestone',
  comments: 'comment',
  assessments: 'assessment',
  answers: 'questionCode',
  context: 'factorCode',
  reports: 'report',
  notifications: 'notification',
  exports: 'dataExport',
  benchmarks: 'benchmarkCode',
  users: 'user',
};

/**
 * What `{param}` of `path` names, read from the segment before it (`/pairs/{id}` → a pair).
 * A new kind of route fails loudly here, so the fuzz and the IDOR matrix learn about it.
 */
export function kindOf(path: string, param: string): Kind {
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  const before = segments[at - 1];
  if (before === 'milestones' && segments[at - 3] === 'programmes') return 'consortiumMilestone';
  if (before === 'invitations' && segments[at - 3] === 'programmes') return 'invitation';
  const kind = BY_SEGMENT[before];
  if (!kind)
    throw new Error(
      `${path}: what does {${param}} after "${before}" name? Add it to test/security/support/resource-kinds.ts`,
    );
  return kind;
}

/** Kinds that are not secrets nor anyone's: codes of the public catalogue and revision numbers. */
export const SHARED_KINDS = ['questionCode', 'factorCode', 'revisionNumber', 'benchmarkCode'] as const;

/** The public catalogue's codes and a revision that exists in every plan the casts build. */
export const SHARED_VALUES: Record<(typeof SHARED_KINDS)[number], string> = {
  questionCode: 'strategy.q1',
  factorCode: 'national-legislation-and-policy',
  revisionNumber: '1',
  benchmarkCode: 'migrant-entrepreneurs',
};
