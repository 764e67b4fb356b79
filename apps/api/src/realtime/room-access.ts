import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { PairScopes } from '../pairs/pair-scopes';
import { PairPolicy } from '../pairs/pair.policy';
import { ProgrammePolicy } from '../programmes/programme.policy';

const ROOM = /^(programme|pair|plan|user|assessment):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export type RoomVerdict = { ok: true } | { ok: false; error: string };

/**
 * May this actor read this room? The same policies as the REST routes decide: reading a room is
 * reading the programme, pair or plan it is named after.
 */
@Injectable()
export class RoomAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly programmes: ProgrammePolicy,
    private readonly pairs: PairPolicy,
    private readonly scopes: PairScopes,
  ) {}

  static isRoom(room: unknown): room is string {
    return typeof room === 'string' && ROOM.test(room);
  }

  async check(actor: Actor, room: string): Promise<RoomVerdict> {
    const match = ROOM.exec(room);
    if (!match) return { ok: false, error: 'unknown room: use programme:<id>, pair:<id>, plan:<id> or user:<your id>' };
    const [, kind, id] = match;
    const allowed = await this.allowed(actor, kind, id);
    return allowed ? { ok: true } : { ok: false, error: `not allowed to read ${room}` };
  }

  private async allowed(actor: Actor, kind: string, id: string): Promise<boolean> {
    switch (kind) {
      case 'user':
        return id === actor.userId;
      case 'programme':
        return this.programmes.can(actor, 'read', id);
      case 'pair': {
        const scope = await this.scopes.forPair(id);
        return !!scope && this.pairs.can(actor, 'read', scope);
      }
      case 'plan': {
        const scope = await this.scopes.forPlan(id);
        return !!scope && this.pairs.can(actor, 'read', scope);
      }
      case 'assessment':
        return this.canReadAssessment(actor, id);
      default:
        return false;
    }
  }

  /** Its city's members, the programme's coordinators and experts, and the other side of an active pair with that city. */
  private async canReadAssessment(actor: Actor, assessmentId: string): Promise<boolean> {
    const [row] = await this.em.getConnection().execute<{ programme_id: string; organisation_id: string; partners: string[] }[]>(
      `select a.programme_id, a.organisation_id,
         coalesce(array_agg(case when p.mentor_organisation_id = a.organisation_id then p.mentee_organisation_id else p.mentor_organisation_id end)
           filter (where p.id is not null), '{}') as partners
       from assessments a
       left join pairs p on p.programme_id = a.programme_id and p.status = 'active' and p.benchmark_code = a.benchmark_code
         and a.organisation_id in (p.mentor_organisation_id, p.mentee_organisation_id)
       where a.id = ? group by a.id`,
      [assessmentId],
    );
    if (!row) return false;
    if (actor.isAdmin) return true;
    const membership = actor.memberships.find((m) => m.programmeId === row.programme_id);
    if (!membership) return false;
    return membership.role !== 'city-member' || membership.organisationId === row.organisation_id || row.partners.includes(membership.organisationId);
  }
}
