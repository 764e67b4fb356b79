import { exampleBody } from './idor-requests';
import { resolve, type Operation, type Schema } from './openapi-routes';

/** The signed-in people of the casts (`given.mentoring()`), and no one at all. */
export type Writer = 'admin' | 'coordinator' | 'expert' | 'mentor' | 'mentee' | 'otherCity' | 'outsider' | 'anonymous';

/**
 * Who makes each write of the API in the casts, so that a request built on a fitting body gets past
 * the policy to the service: a field the validation let through wrongly then meets the code (and the
 * database) behind it. A new write route fails loudly here until it is given its writer.
 */
export const WRITERS: Record<string, Writer> = {
  'POST /api/v1/auth/login': 'anonymous',
  'POST /api/v1/auth/refresh': 'anonymous',
  'POST /api/v1/auth/logout': 'outsider',
  'POST /api/v1/me/password': 'outsider',
  'DELETE /api/v1/me': 'outsider',
  'PUT /api/v1/me/notification-preferences': 'mentee',
  'POST /api/v1/organisations': 'admin',
  'POST /api/v1/benchmarks': 'admin',
  'POST /api/v1/programmes': 'coordinator',
  'PATCH /api/v1/programmes/{id}': 'coordinator',
  'DELETE /api/v1/programmes/{id}': 'coordinator',
  'POST /api/v1/programmes/{id}/organisations': 'coordinator',
  'POST /api/v1/programmes/{id}/milestones': 'coordinator',
  'PATCH /api/v1/programmes/{id}/milestones/{milestoneId}': 'coordinator',
  'DELETE /api/v1/programmes/{id}/milestones/{milestoneId}': 'coordinator',
  'POST /api/v1/programmes/{id}/invitations': 'coordinator',
  'POST /api/v1/invitations/{token}/accept': 'anonymous',
  'POST /api/v1/programmes/{id}/pairs': 'coordinator',
  'POST /api/v1/programmes/{id}/reports': 'coordinator',
  'POST /api/v1/programmes/{id}/assessments': 'mentee',
  'PUT /api/v1/assessments/{id}/answers/{questionCode}': 'mentee',
  'PUT /api/v1/assessments/{id}/context/{factorCode}': 'mentee',
  'PUT /api/v1/assessments/{id}/answers/{questionCode}/calibration': 'mentor',
  'POST /api/v1/pairs/{id}/action-plans': 'mentee',
  'PATCH /api/v1/action-plans/{id}': 'mentee',
  'POST /api/v1/action-plans/{id}/submit': 'mentee',
  'POST /api/v1/action-plans/{id}/withdraw': 'mentee',
  'POST /api/v1/action-plans/{id}/reviews': 'mentor',
  'PUT /api/v1/action-plans/{id}/diff/viewed': 'mentor',
  'POST /api/v1/action-plans/{id}/start': 'mentee',
  'POST /api/v1/action-plans/{id}/complete': 'mentee',
  'POST /api/v1/action-plans/{id}/archive': 'mentee',
  'POST /api/v1/action-plans/{id}/milestones': 'mentee',
  'PATCH /api/v1/milestones/{id}': 'mentee',
  'POST /api/v1/milestones/{id}/progress': 'mentee',
  'POST /api/v1/action-plans/{id}/comments': 'mentee',
  'PATCH /api/v1/comments/{id}': 'mentee',
  'POST /api/v1/comments/{id}/suggestion/apply': 'mentee',
  'POST /api/v1/comments/{id}/suggestion/dismiss': 'mentee',
};

/** Who reads what: the routes without a body, and the query parameters of reads. */
const READERS: [RegExp, Writer][] = [
  [/^\/api\/v1\/(notifications|me)\b/, 'mentee'],
  [/^\/api\/v1\/(pairs|action-plans|milestones|comments|assessments)\//, 'mentee'],
  [/^\/api\/v1\/programmes\/\{id\}/, 'coordinator'],
  [/./, 'admin'],
];

/** The role that gets furthest with `op` in the casts. */
export function writerOf(op: Operation): Writer {
  if (op.body) {
    const writer = WRITERS[op.name];
    if (!writer)
      throw new Error(`${op.name}: who makes this write in the casts? Add it to test/security/support/write-routes.ts`);
    return writer;
  }
  return READERS.find(([pattern]) => pattern.test(op.path))![1];
}

/** The ids of the cast a fitting body names. */
export interface CastIds {
  coordinatorOrganisation: string;
  /** The mentee city of the pair. */
  city: string;
  mentorCity: string;
}

/**
 * A body `op` accepts in the cast: the schema's example (as the IDOR matrix sends it), with the ids of
 * the cast where the example's random ones would stop the request at "not found".
 */
export function fittingBody(
  op: Operation,
  params: Record<string, string>,
  ids: CastIds,
): Record<string, unknown> | undefined {
  const body = exampleBody(op, params) as Record<string, unknown> | undefined;
  switch (op.name) {
    case 'POST /api/v1/programmes':
      return {
        ...body,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        coordinatorOrganisationId: ids.coordinatorOrganisation,
      };
    case 'POST /api/v1/programmes/{id}/invitations':
      return { ...body, organisationId: ids.city };
    case 'POST /api/v1/programmes/{id}/pairs':
      return { ...body, mentorOrganisationId: ids.mentorCity, menteeOrganisationId: ids.city };
    case 'POST /api/v1/programmes/{id}/assessments':
      return { ...body, organisationId: ids.city, phase: 'follow-up' };
    default:
      return body;
  }
}

/** The fields of a route's body and their schemas, resolved. */
export const bodyFields = (op: Operation): [string, Schema][] =>
  Object.entries(resolve(op.body ?? {}).properties ?? {}).map(([k, s]) => [k, resolve(s)]);

/** The body's `version` (optimistic lock) moved on: the same request again with the version the 409 named. */
export function withCurrentVersion(
  body: Record<string, unknown> | undefined,
  status: number,
  answer: string,
): Record<string, unknown> | undefined {
  if (status !== 409 || !body || !('version' in body)) return undefined;
  try {
    const current = (JSON.parse(answer) as { details?: { currentVersion?: unknown } }).details?.currentVersion;
    return typeof current === 'number' && current !== body.version ? { ...body, version: current } : undefined;
  } catch {
    return undefined;
  }
}
