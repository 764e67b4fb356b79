import { Injectable } from '@nestjs/common';
import type { AssessmentStatus } from '@citymentor/contracts';
import { DomainError, forbidden } from '@citymentor/domain';
import { membershipIn, type Actor } from '../auth/actor';
import { PairPolicy } from '../pairs/pair.policy';
import { assertOpenFor, isOpenFor, ProgrammePolicy, startsAssessmentOf } from '../programmes/programme.policy';
import type { AssessmentPairRef } from './assessment-scopes';

export type AssessmentAction = 'read' | 'answer' | 'calibrate';

/**
 * How someone stands to an assessment: a member of the assessed city (`own`), the programme's
 * coordinator or expert, the `mentor` side of an active pair in which the city is the mentee, the
 * `mentee` side of one in which it mentors, or the installation's admin.
 */
export const ASSESSMENT_RELATIONS = ['own', 'coordinator', 'expert', 'mentor', 'mentee', 'admin'] as const;
export type AssessmentRelation = (typeof ASSESSMENT_RELATIONS)[number];

/** The fields of an assessment the policy needs. */
export interface AssessmentAccessScope {
  programmeId: string;
  organisationId: string;
  /** Active pairs on the assessment's benchmark that include the assessed city. */
  pairs: AssessmentPairRef[];
}

const ALLOWED: Record<AssessmentRelation, AssessmentAction[]> = {
  own: ['read', 'answer'],
  coordinator: ['read'],
  expert: ['read'],
  mentor: ['read', 'calibrate'],
  mentee: ['read'],
  admin: ['read'],
};

/**
 * Who may do what with a city's self-assessment. The city answers it; coordinators and experts
 * read it; the other side of an active pair on the same benchmark reads it, and its mentor side
 * calibrates it. Other cities of the programme and non-members cannot see it (404).
 */
@Injectable()
export class AssessmentPolicy {
  constructor(
    private readonly programmes: ProgrammePolicy,
    private readonly pairs: PairPolicy,
  ) {}

  relationOf(actor: Actor, scope: AssessmentAccessScope): AssessmentRelation | null {
    const membership = membershipIn(actor, scope.programmeId);
    if (membership?.organisationId === scope.organisationId) return 'own';
    if (membership?.role === 'coordinator' || membership?.role === 'expert') return membership.role;
    // Own city, coordinator and expert are settled, so a pair side left is the other city of that pair.
    const sides = new Set(scope.pairs.map((pair) => this.pairs.sideOf(actor, pair)));
    if (sides.has('mentor')) return 'mentor';
    if (sides.has('mentee')) return 'mentee';
    return actor.isAdmin ? 'admin' : null;
  }

  /** Answering and calibrating write, and nothing is written in a closed programme. */
  can(actor: Actor, action: AssessmentAction, scope: AssessmentAccessScope): boolean {
    const relation = this.relationOf(actor, scope);
    const open = action === 'read' || isOpenFor(actor, scope.programmeId);
    return relation !== null && ALLOWED[relation].includes(action) && open;
  }

  /**
   * What the actor may do with the assessment now, as `AssessmentDto.canAnswer` and `canCalibrate` say it:
   * answering also needs a draft (a submitted assessment is locked; its answers get 409), calibrating does not.
   */
  permissions(
    actor: Actor,
    scope: AssessmentAccessScope & { status: AssessmentStatus },
  ): { canAnswer: boolean; canCalibrate: boolean } {
    return {
      canAnswer: this.can(actor, 'answer', scope) && scope.status === 'draft',
      canCalibrate: this.can(actor, 'calibrate', scope),
    };
  }

  /**
   * 404 when the assessment is not visible to the actor, 403 when visible but the action is not allowed, 409
   * PROGRAMME_CLOSED for a write in a closed programme.
   */
  assert(actor: Actor, action: AssessmentAction, scope: AssessmentAccessScope): AssessmentRelation {
    const relation = this.relationOf(actor, scope);
    if (!relation) throw new DomainError('NOT_FOUND', 'Assessment not found');
    if (!ALLOWED[relation].includes(action)) {
      throw forbidden(
        action === 'calibrate'
          ? "Only the mentor side of the city's pair may calibrate its assessment"
          : "Only the city's own members may change its assessment",
      );
    }
    if (action !== 'read') assertOpenFor(actor, scope.programmeId);
    return relation;
  }

  /** A city's members start its assessments; so do the programme's coordinators (and the admin). */
  assertCanCreate(actor: Actor, programmeId: string, organisationId: string) {
    this.programmes.assert(actor, 'read', programmeId);
    if (startsAssessmentOf(actor, programmeId, organisationId)) return assertOpenFor(actor, programmeId);
    throw forbidden("Only the city's own members or a coordinator may start its self-assessment");
  }
}
