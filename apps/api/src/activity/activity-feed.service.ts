import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { isUuid } from '../http/params';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { ActivityQueries, type ActivityEventRow } from './activity.queries';
import { ACTIVITY_PAGE_DEFAULT, type ActivityItemDto, type ActivityPageDto } from './dto/activity.dto';

const toItem = (r: ActivityEventRow): ActivityItemDto => ({
  seq: String(r.seq),
  type: r.type,
  room: r.room,
  payload: r.payload,
  actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
  at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
  subject: { planTitle: r.planTitle, milestoneTitle: r.milestoneTitle },
});

/**
 * The programme's activity, newest first, each change once, with the current title of the plan and
 * milestone it is about (the rooms it is read from: `ActivityQueries.feed`).
 */
@Injectable()
export class ActivityFeedService {
  constructor(
    private readonly queries: ActivityQueries,
    private readonly policy: ProgrammePolicy,
  ) {}

  /**
   * The feed's version for the actor (its ETag, `@ETagFrom`), asked of the policy as `page` is: the
   * programme's newest event and whose feed it is (admin, role, organisation). Null for a malformed id.
   */
  async version(actor: Actor, programmeId: string): Promise<string | null> {
    if (!isUuid(programmeId)) return null;
    const id = programmeId.toLowerCase(); // as UuidPipe hands it to `page`
    const membership = this.policy.assert(actor, 'read', id);
    const reader = `${actor.isAdmin}|${membership?.role}|${membership?.organisationId}`;
    return `${await this.queries.newestSeq(id)}|${reader}`;
  }

  async page(actor: Actor, programmeId: string, query: { cursor?: string; limit?: number }): Promise<ActivityPageDto> {
    const membership = this.policy.assert(actor, 'read', programmeId);
    const limit = query.limit ?? ACTIVITY_PAGE_DEFAULT;
    // Coordinators, experts and the admin see every pair and every assessment; a city the pairs it is in.
    const city =
      !actor.isAdmin && membership?.role === 'city-member'
        ? { role: membership.role, organisationId: membership.organisationId }
        : null;
    const rows = await this.queries.feed(programmeId, city, query.cursor, limit + 1);
    const items = rows.slice(0, limit).map(toItem);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].seq : null };
  }
}
