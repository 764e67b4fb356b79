import { Injectable } from '@nestjs/common';
import { ROOM_PATTERN } from '@citymentor/contracts';
import { AssessmentPolicy } from '../assessments/assessment.policy';
import { AssessmentScopes } from '../assessments/assessment-scopes';
import type { Actor } from '../auth/actor';
import { PairScopes } from '../pairs/pair-scopes';
import { PairPolicy } from '../pairs/pair.policy';
import { ProgrammePolicy } from '../programmes/programme.policy';

/** `kind:id`, as the protocol has it (libs/contracts realtime.ts). */
const ROOM = new RegExp(ROOM_PATTERN);

export type RoomVerdict = { ok: true } | { ok: false; error: string };

/**
 * May this actor read this room? The same policies as the REST routes decide: reading a room is
 * reading the programme, pair, plan or assessment it is named after.
 */
@Injectable()
export class RoomAccess {
  constructor(
    private readonly programmes: ProgrammePolicy,
    private readonly pairs: PairPolicy,
    private readonly scopes: PairScopes,
    private readonly assessments: AssessmentPolicy,
    private readonly assessmentScopes: AssessmentScopes,
  ) {}

  static isRoom(room: unknown): room is string {
    return typeof room === 'string' && ROOM.test(room);
  }

  async check(actor: Actor, room: string): Promise<RoomVerdict> {
    if (!ROOM.test(room))
      return { ok: false, error: 'unknown room: use programme:<id>, pair:<id>, plan:<id> or user:<your id>' };
    const [kind, id] = room.split(':');
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
      case 'assessment': {
        const scope = await this.assessmentScopes.forAssessment(id);
        return !!scope && this.assessments.can(actor, 'read', scope);
      }
      default:
        return false;
    }
  }
}
