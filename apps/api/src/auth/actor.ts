import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ProgrammeRole } from '@citymentor/contracts';

export interface ActorMembership {
  programmeId: string;
  organisationId: string;
  organisationName: string;
  role: ProgrammeRole;
}

/** Who is asking: the signed-in user and the programmes they belong to, loaded once per request. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  /** The sign-in this request belongs to (its refresh-token family). */
  sessionId: string;
  isAdmin: boolean;
  memberships: ActorMembership[];
  /** The closed programmes among those the actor sees: id → when it was closed (ISO). Read-only to everyone. */
  closedProgrammes?: Readonly<Record<string, string>>;
}

/** When the programme was closed, if it is (the actor's view of it, loaded with the actor). */
export const closedAtOf = (actor: Actor, programmeId: string): string | undefined =>
  actor.closedProgrammes?.[programmeId];

export const membershipIn = (actor: Actor, programmeId: string) =>
  actor.memberships.find((m) => m.programmeId === programmeId);

/** The signed-in actor of this request (set by JwtAuthGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
