import type { WorkGroupDto, WorkItemDto, WorkPairRefDto, WorkProgrammeRefDto } from './dto/work.dto';
import { WORK_KINDS, type WorkKind } from './work-kinds';

/** Where one acts on an item: the web client's pages and the anchors they scroll to. */
export const links = {
  plan: (programmeId: string, planId: string) => `/programmes/${programmeId}/plans/${planId}`,
  milestone: (programmeId: string, planId: string, milestoneId: string) =>
    `${links.plan(programmeId, planId)}#milestone-${milestoneId}`,
  comment: (programmeId: string, planId: string, commentId: string) =>
    `${links.plan(programmeId, planId)}#comment-${commentId}`,
  assessment: (programmeId: string, assessmentId: string) => `/programmes/${programmeId}/assessments/${assessmentId}`,
  stalled: (programmeId: string) => `/programmes/${programmeId}/dashboard#stalled`,
  consortiumMilestone: (programmeId: string, milestoneId: string) =>
    `/programmes/${programmeId}/dashboard#cm-${milestoneId}`,
};

/** The programme and pair an item belongs to, as the queue names them. */
export interface PairContext {
  programme: WorkProgrammeRefDto;
  pair: WorkPairRefDto;
}

const DAY_MS = 86_400_000;
const EXCERPT_LENGTH = 140;
const MENTION = /@\[([^\]\r\n]{1,200})\]\([0-9a-fA-F-]{36}\)/g;

/** The start of a comment as a line of text: `@[Name](id)` mentions as `@Name`, white space collapsed, at most 140 characters. */
export function excerpt(body: string): string {
  const text = body.replace(MENTION, '@$1').replace(/\s+/g, ' ').trim();
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

type ItemFields = Partial<Omit<WorkItemDto, 'kind' | 'key' | 'link' | 'programme' | 'since' | 'waitingDays'>> & {
  /** When the wait began (ms since the epoch); waitingDays is counted from it. */
  sinceMs?: number | null;
};

/** One item with every field present (null when it does not apply). */
export function workItem(
  kind: WorkKind,
  subjectId: string,
  link: string,
  programme: WorkProgrammeRefDto,
  now: Date,
  fields: ItemFields = {},
): WorkItemDto {
  const sinceMs = fields.sinceMs ?? null;
  return {
    kind,
    key: `${kind}:${subjectId}`,
    link,
    programme,
    pair: fields.pair ?? null,
    plan: fields.plan ?? null,
    milestone: fields.milestone ?? null,
    comment: fields.comment ?? null,
    assessment: fields.assessment ?? null,
    since: sinceMs === null ? null : new Date(sinceMs).toISOString(),
    waitingDays: sinceMs === null ? null : Math.max(0, Math.floor((now.getTime() - sinceMs) / DAY_MS)),
    dueInDays: fields.dueInDays ?? null,
    reason: fields.reason ?? null,
  };
}

/** Kinds about a date: the nearest (or latest) due date first. Every other kind: the longest wait first. */
const BY_DUE_DATE = new Set<WorkKind>(['milestone-late', 'milestone-due-soon', 'consortium-milestone-due']);

function compare(a: WorkItemDto, b: WorkItemDto): number {
  const order = BY_DUE_DATE.has(a.kind)
    ? (a.dueInDays ?? 0) - (b.dueInDays ?? 0)
    : (a.since ?? '').localeCompare(b.since ?? '');
  return order || a.key.localeCompare(b.key);
}

/**
 * The items grouped by kind, in WORK_KINDS' order, only kinds with items; an item reached through two
 * roles (it should not happen: one membership per programme) is listed once.
 */
export function groupItems(items: WorkItemDto[]): WorkGroupDto[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const byKind = new Map<WorkKind, WorkItemDto[]>();
  for (const item of byKey.values()) {
    const list = byKind.get(item.kind) ?? [];
    list.push(item);
    byKind.set(item.kind, list);
  }
  return WORK_KINDS.filter((kind) => byKind.has(kind)).map((kind) => ({
    kind,
    items: byKind.get(kind)!.sort(compare),
  }));
}
