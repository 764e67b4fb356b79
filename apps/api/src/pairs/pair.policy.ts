import { Injectable } from '@nestjs/common';
import type { PairSide, PairStatus } from '@citymentor/contracts';
import { DomainError, forbidden } from '@citymentor/domain';
import { membershipIn, type Actor } from '../auth/actor';
import { assertOpenFor, isOpenFor, startsAssessmentOf } from '../programmes/programme.policy';

/** What is done with a pair's work (its plans, milestones, progress, comments, calibration). */
export type PairAction =
  | 'read'
  | 'comment'
  /** write and submit plans, milestones and progress */
  | 'edit-plan'
  /** approve or request changes; rate the mentee's assessment for calibration */
  | 'review'
  /** create and end pairs */
  | 'manage';

/** The pair fields the policy needs; services pass rows or entities. */
export interface PairScope {
  programmeId: string;
  mentorOrganisationId: string;
  menteeOrganisationId: string;
}

const ALLOWED: Record<PairSide, PairAction[]> = {
  mentee: ['read', 'comment', 'edit-plan'],
  mentor: ['read', 'comment', 'review'],
  expert: ['read', 'comment'],
  coordinator: ['read', 'comment', 'manage'],
  admin: ['read', 'manage'],
};

/** Whether a side of the pair may do `action` at all (the table `assert` enforces; responses say it as `can`). */
export const sideMay = (side: PairSide, action: PairAction): boolean => ALLOWED[side].includes(action);

/** What the reader may do on the pair's page now, as `PairDto.can` says it: the rules the plan and assessment routes enforce. */
export interface PairPermissions {
  /** `PlanPolicy.edit`: the pair's 'edit-plan' right, while the pair is active. */
  createPlan: boolean;
  /** `AssessmentPolicy.assertCanCreate` for the pair's mentee city. */
  startAssessment: boolean;
}

/**
 * Who may do what with a mentoring pair and everything inside it. The side comes from the actor's
 * membership: their organisation is the mentor or the mentee; experts and coordinators see every
 * pair of their programme. Other cities of the programme cannot see the pair at all (404).
 * The REST services and the socket gateway both ask this one place.
 */
@Injectable()
export class PairPolicy {
  sideOf(actor: Actor, pair: PairScope): PairSide | null {
    const membership = membershipIn(actor, pair.programmeId);
    if (membership) {
      if (membership.role === 'coordinator') return 'coordinator';
      if (membership.role === 'expert') return 'expert';
      if (membership.organisationId === pair.menteeOrganisationId) return 'mentee';
      if (membership.organisationId === pair.mentorOrganisationId) return 'mentor';
    }
    return actor.isAdmin ? 'admin' : null;
  }

  /** Every action but 'read' writes, and nothing is written in a closed programme. */
  can(actor: Actor, action: PairAction, pair: PairScope): boolean {
    const side = this.sideOf(actor, pair);
    return side !== null && sideMay(side, action) && (action === 'read' || isOpenFor(actor, pair.programmeId));
  }

  /** The actions of the pair's page, for a reader on `side` of it. */
  permissions(actor: Actor, side: PairSide, pair: PairScope & { status: PairStatus }): PairPermissions {
    return {
      createPlan: sideMay(side, 'edit-plan') && pair.status === 'active' && isOpenFor(actor, pair.programmeId),
      startAssessment:
        startsAssessmentOf(actor, pair.programmeId, pair.menteeOrganisationId) && isOpenFor(actor, pair.programmeId),
    };
  }

  /**
   * 404 when the pair is not visible to the actor (`what` names the thing asked for), 403 when visible but not
   * allowed, 409 PROGRAMME_CLOSED for a write (every action but 'read', or `writes` for a change that needs only
   * 'read', such as archiving, resolving or marking viewed) in a closed programme.
   */
  assert(actor: Actor, action: PairAction, pair: PairScope, what = 'Pair', writes = action !== 'read'): PairSide {
    const side = this.sideOf(actor, pair);
    if (!side) throw new DomainError('NOT_FOUND', `${what} not found`);
    if (!sideMay(side, action)) throw forbidden(`The ${side} side may not ${action.replace('-', ' ')} here`);
    if (writes) assertOpenFor(actor, pair.programmeId);
    return side;
  }
}
