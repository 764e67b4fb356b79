import { Injectable } from '@nestjs/common';
import { DomainError, forbidden } from '@citymentor/domain';
import { membershipIn, type Actor, type ActorMembership } from '../auth/actor';

export type ProgrammeAction = 'read' | 'manage';

/**
 * Whether the actor may start a city's self-assessment in the programme: the city's own members, the
 * programme's coordinators and the installation's admin. `AssessmentPolicy.assertCanCreate` enforces it;
 * `PairDto.can.startAssessment` says it for the pair's mentee city.
 */
export function startsAssessmentOf(actor: Actor, programmeId: string, organisationId: string): boolean {
  if (actor.isAdmin) return true;
  const membership = membershipIn(actor, programmeId);
  return membership?.role === 'coordinator' || membership?.organisationId === organisationId;
}

/**
 * Who may do what with a programme. Members read it; coordinators (and the installation's
 * admin) manage it. Anyone else cannot even tell it exists.
 */
@Injectable()
export class ProgrammePolicy {
  can(actor: Actor, action: ProgrammeAction, programmeId: string): boolean {
    if (actor.isAdmin) return true;
    const membership = membershipIn(actor, programmeId);
    if (!membership) return false;
    return action === 'read' || membership.role === 'coordinator';
  }

  /** 404 when the programme is not visible to the actor, 403 when visible but the action is not allowed. */
  assert(actor: Actor, action: ProgrammeAction, programmeId: string): ActorMembership | undefined {
    if (!this.can(actor, 'read', programmeId)) throw new DomainError('NOT_FOUND', 'Programme not found');
    if (!this.can(actor, action, programmeId)) throw forbidden(`Only the programme's coordinators may ${action} it`);
    return membershipIn(actor, programmeId);
  }

  /** A programme may be created by an admin, or by a coordinator on behalf of their own organisation. */
  assertCanCreate(actor: Actor, coordinatorOrganisationId: string) {
    const coordinates = actor.memberships.some(
      (m) => m.role === 'coordinator' && m.organisationId === coordinatorOrganisationId,
    );
    if (!actor.isAdmin && !coordinates) {
      throw forbidden('Only an admin, or a coordinator of the coordinating organisation, may create a programme');
    }
  }
}
