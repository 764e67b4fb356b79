import { Injectable } from '@nestjs/common';
import { DomainError, forbidden, programmeClosed } from '@citymentor/domain';
import { closedAtOf, membershipIn, type Actor, type ActorMembership } from '../auth/actor';

/**
 * `read`: its members; `oversee`: what only its coordinators see or do whether it is open or closed (invitation
 * lists, pair suggestions, closing, reopening, deleting); `manage`: its coordinators' changes, refused once closed.
 */
export type ProgrammeAction = 'read' | 'oversee' | 'manage';

/**
 * Whether the actor writes in the programme at all now: a closed programme is read-only for everyone (the one rule
 * every policy applies to its write actions, and every `can` flag). The actor carries its closed programmes.
 */
export const isOpenFor = (actor: Actor, programmeId: string): boolean => !closedAtOf(actor, programmeId);

/** 409 PROGRAMME_CLOSED, naming the day, when the programme is closed. */
export function assertOpenFor(actor: Actor, programmeId: string): void {
  const closedAt = closedAtOf(actor, programmeId);
  if (closedAt) throw programmeClosed(closedAt);
}

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
 * admin) manage it while it is open. Anyone else cannot even tell it exists.
 */
@Injectable()
export class ProgrammePolicy {
  can(actor: Actor, action: ProgrammeAction, programmeId: string): boolean {
    return this.allows(actor, action, programmeId) && (action !== 'manage' || isOpenFor(actor, programmeId));
  }

  /**
   * 404 when the programme is not visible to the actor, 403 when visible but the action is not allowed,
   * 409 PROGRAMME_CLOSED for a change to a closed programme.
   */
  assert(actor: Actor, action: ProgrammeAction, programmeId: string): ActorMembership | undefined {
    if (!this.allows(actor, 'read', programmeId)) throw new DomainError('NOT_FOUND', 'Programme not found');
    if (!this.allows(actor, action, programmeId)) throw forbidden(`Only the programme's coordinators may ${action} it`);
    if (action === 'manage') assertOpenFor(actor, programmeId);
    return membershipIn(actor, programmeId);
  }

  /**
   * What the actor may do with the programme itself (`ProgrammeDto.can`), from the programme as it is now
   * (`closedAt`, and `deletableFrom` once closed), not from the actor's view loaded with the request.
   */
  permissions(
    actor: Actor,
    programmeId: string,
    closedAt: Date | null,
    deletableFrom: Date | null,
    now = new Date(),
  ): { manage: boolean; close: boolean; reopen: boolean; delete: boolean } {
    const oversees = this.allows(actor, 'oversee', programmeId);
    return {
      manage: this.allows(actor, 'manage', programmeId) && !closedAt,
      close: oversees && !closedAt,
      reopen: oversees && !!closedAt,
      delete: oversees && !!deletableFrom && deletableFrom <= now,
    };
  }

  private allows(actor: Actor, action: ProgrammeAction, programmeId: string): boolean {
    if (actor.isAdmin) return true;
    const membership = membershipIn(actor, programmeId);
    if (!membership) return false;
    return action === 'read' || membership.role === 'coordinator';
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
