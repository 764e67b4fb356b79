/**
 * The plan versions this page itself produced (a save, a submit, a withdrawal…). A 409 STALE_VERSION
 * where every version since the form opened is one of them is not someone else's change but one's own
 * earlier writes, so it is never shown as "someone else saved this meanwhile".
 */
const written = new Map<string, Set<number>>();

/** Notes the plan as this page's write answered it. */
export function wroteVersion<P extends { id: string; version: number }>(plan: P): P {
  const versions = written.get(plan.id) ?? new Set<number>();
  versions.add(plan.version);
  written.set(plan.id, versions);
  return plan;
}

/**
 * Whether every change of the plan after `since` up to `current` came from this page's own writes (each
 * write moves the version on by one), so that nothing someone else saved lies in between.
 */
export function onlyOwnWritesSince(planId: string, since: number, current: number): boolean {
  const versions = written.get(planId);
  if (!versions || current <= since) return false;
  for (let v = since + 1; v <= current; v++) if (!versions.has(v)) return false;
  return true;
}
