import { randomUUID } from 'node:crypto';
import { resolve, type Operation, type Schema } from './openapi-routes';
import type { ForeignSet } from './idor-cast';

/** A value the schema accepts, from its example, enum or type: so a request gets past validation to the policy. */
export function exampleOf(schema: Schema): unknown {
  const s = resolve(schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum.find((v) => v !== null);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2030-06-30';
      if (s.format === 'date-time') return new Date().toISOString();
      return 'Probe text for the authorisation matrix'.slice(0, s.maxLength ?? 200);
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([k]) => s.required?.includes(k))
          .map(([k, p]) => [k, exampleOf(p)]),
      );
  }
}

/** Bodies the schema's examples do not make valid on their own. */
const BODIES: Record<string, unknown> = {
  'POST /api/v1/programmes/{id}/organisations': { name: 'Probe City', kind: 'city', country: 'BE' },
  'POST /api/v1/action-plans/{id}/comments': { body: 'Probe comment', target: { type: 'plan', id: '{id}' } },
  'POST /api/v1/milestones/{id}/progress': { percent: 10, status: 'in-progress' },
  'POST /api/v1/invitations/{token}/accept': { name: 'Probe', password: 'probe-password-123' },
  'POST /api/v1/me/password': { currentPassword: 'not-the-password', newPassword: 'probe-password-123' },
};

/** The body to send to `op` with its path filled by `params`; undefined when the route takes none. */
export function exampleBody(op: Operation, params: Record<string, string>): unknown {
  const body = BODIES[op.name] ?? (op.body ? exampleOf(op.body) : undefined);
  if (body === undefined) return undefined;
  // Escaped as JSON text: a fuzzed path value may hold a quote or a backslash.
  return JSON.parse(
    JSON.stringify(body).replace(/\{(\w+)\}/g, (m, name: string) =>
      params[name] === undefined ? m : JSON.stringify(params[name]).slice(1, -1),
    ),
  );
}

/** Required query parameters, from their examples. */
export function exampleQuery(op: Operation): string {
  return op.query
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(exampleOf(q.schema)))}`)
    .join('&');
}

/** The markers and ids of `sets` that `text` shows, leaving out ids the request itself carried. */
export function leaksIn(text: string, sets: ForeignSet[], request: string): string[] {
  const found: string[] = [];
  for (const s of sets) {
    for (const marker of s.markers) if (text.includes(marker)) found.push(`${s.name}: ${marker}`);
    for (const id of s.ids) if (text.includes(id) && !request.includes(id)) found.push(`${s.name}: id ${id}`);
  }
  return found;
}
