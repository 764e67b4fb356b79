import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import type { ProgrammeRole } from '@citymentor/contracts';
import {
  assertOpen,
  conflict,
  DomainError,
  Invitation,
  Membership,
  Participant,
  Programme,
  User,
  type Organisation,
} from '@citymentor/domain';
import { inTransaction } from '@citymentor/persistence';
import { AuditLog } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import type { SessionDto } from '../auth/dto/session.dto';
import { toUserDto } from '../auth/dto/session.dto';
import { PasswordAttempts } from '../auth/login-limits';
import { assertStrongPassword, hashPassword, verifyPassword } from '../auth/passwords';
import { sha256, TokensService } from '../auth/tokens.service';
import { appConfig, type AppConfig } from '../config/app.config';
import { toOrganisationDto } from '../programmes/programme.mappers';
import { ProgrammePolicy } from '../programmes/programme.policy';
import type {
  AcceptInvitationDto,
  CreatedInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
} from './dto/invitation.dto';

const toInvitationDto = (i: Invitation, now = new Date()): InvitationDto => ({
  id: i.id,
  email: i.email,
  role: i.role,
  organisation: toOrganisationDto(i.organisation),
  status: i.status(now),
  sentAt: i.sentAt.toISOString(),
  emailedAt: i.emailedAt?.toISOString() ?? null,
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
});

/** A new one-time token: the plain one (to mail and to show once) and the hash the database keeps. */
const newToken = () => {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token) };
};

@Injectable()
export class InvitationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: ProgrammePolicy,
    private readonly tokens: TokensService,
    private readonly attempts: PasswordAttempts,
    private readonly audit: AuditLog,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async invite(actor: Actor, programmeId: string, dto: CreateInvitationDto): Promise<CreatedInvitationDto> {
    this.policy.assert(actor, 'manage', programmeId);
    const participant = await this.em.findOne(
      Participant,
      { programme: programmeId, organisation: dto.organisationId },
      { populate: ['programme', 'organisation'] },
    );
    if (!participant) throw new DomainError('NOT_FOUND', 'This organisation is not in the programme; add it first');
    const { programme, organisation } = participant;
    const role = dto.role ?? defaultRole(organisation, programme);
    if (role === 'coordinator' && organisation.id !== programme.coordinatorOrganisation.id) {
      throw new DomainError('VALIDATION_FAILED', 'role coordinator is for members of the coordinating organisation', [
        { path: 'role', message: 'role coordinator is for members of the coordinating organisation' },
      ]);
    }
    const email = User.normaliseEmail(dto.email);
    if (await this.em.count(Membership, { programme, user: { email } }))
      throw conflict(`${email} is already a member of this programme`);

    const { token, tokenHash } = newToken();
    const invitation = new Invitation({
      programme,
      organisation,
      email,
      role,
      tokenHash,
      mailToken: token,
      invitedBy: this.em.getReference(User, actor.userId),
      expiresAt: this.expiry(),
    });
    await this.em.persistAndFlush(invitation);
    return this.withLink(invitation, token);
  }

  /** A new link (the old one dead at once), a new expiry, e-mailed again by the worker. */
  async resend(actor: Actor, programmeId: string, invitationId: string): Promise<CreatedInvitationDto> {
    const invitation = await this.findManaged(actor, programmeId, invitationId);
    if (await this.em.count(Membership, { programme: programmeId, user: { email: invitation.email } }))
      throw conflict(`${invitation.email} is already a member of this programme`);
    const { token, tokenHash } = newToken();
    invitation.resend({
      tokenHash,
      mailToken: token,
      invitedBy: this.em.getReference(User, actor.userId),
      expiresAt: this.expiry(),
      now: new Date(),
    });
    await this.em.flush();
    return this.withLink(invitation, token);
  }

  /** The link is dead at once and answers like an unknown one; an e-mail not sent yet is not sent. */
  async revoke(actor: Actor, programmeId: string, invitationId: string): Promise<InvitationDto> {
    const invitation = await this.findManaged(actor, programmeId, invitationId);
    invitation.revoke(new Date());
    await this.em.flush();
    return toInvitationDto(invitation);
  }

  async list(actor: Actor, programmeId: string): Promise<InvitationDto[]> {
    this.policy.assert(actor, 'oversee', programmeId);
    const invitations = await this.em.find(
      Invitation,
      { programme: programmeId },
      { populate: ['organisation'], orderBy: { createdAt: 'desc' } },
    );
    const now = new Date();
    return invitations.map((i) => toInvitationDto(i, now));
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.findUsable(token);
    return {
      email: invitation.email,
      programmeName: invitation.programme.name,
      organisationName: invitation.organisation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: (await this.em.count(User, { email: invitation.email })) > 0,
    };
  }

  /**
   * Joins the programme: a new person sets name and a password the policy accepts; someone with an
   * account confirms their password, which counts against the sign-in limits of the account and of `ip`.
   */
  async accept(token: string, dto: AcceptInvitationDto, ip: string): Promise<SessionDto> {
    const invitation = await this.findUsable(token);
    assertOpen(invitation.programme);
    let user = await this.em.findOne(User, { email: invitation.email }, { populate: ['passwordHash'] });
    if (user) {
      await this.attempts.count({ email: user.email, ip });
      if (!(await verifyPassword(user.passwordHash, dto.password))) {
        throw new DomainError('INVALID_CREDENTIALS', 'You have an account already: accept with its current password');
      }
    } else {
      if (!dto.name)
        throw new DomainError('VALIDATION_FAILED', 'name is required to create your account', [
          { path: 'name', message: 'name is required to create your account' },
        ]);
      await assertStrongPassword('password', dto.password, { name: dto.name, email: invitation.email });
      user = new User(invitation.email, dto.name, await hashPassword(dto.password));
      this.em.persist(user);
    }
    if (await this.em.count(Membership, { programme: invitation.programme, user }))
      throw conflict('You are already a member of this programme');
    invitation.accept(new Date());
    const membership = new Membership(user, invitation.programme, invitation.organisation, invitation.role);
    this.em.persist(membership);
    const entry = this.audit.record(this.em, null, {
      action: 'invitation.accepted',
      subject: { type: 'invitation', id: invitation.id },
      programmeId: invitation.programme.id,
      details: {
        membershipId: membership.id,
        userId: user.id,
        organisationId: invitation.organisation.id,
        role: invitation.role,
      },
    });
    Object.assign(entry, { actorId: user.id, actorOrganisation: invitation.organisation.name });
    // The conditional update makes a second, concurrent acceptance fail instead of joining twice.
    await inTransaction(this.em, async () => {
      const claimed = await this.em.nativeUpdate(
        Invitation,
        { id: invitation.id, acceptedAt: null },
        { acceptedAt: invitation.acceptedAt },
      );
      if (claimed === 0) throw conflict('This invitation has already been accepted');
    });
    return { ...(await this.tokens.startSession(user)), user: toUserDto(user) };
  }

  private expiry() {
    return new Date(Date.now() + this.config.invitationTtlDays * 86_400_000);
  }

  private withLink(invitation: Invitation, token: string): CreatedInvitationDto {
    return { ...toInvitationDto(invitation), acceptUrl: `${this.config.publicUrl}/invitations/${token}` };
  }

  private async findManaged(actor: Actor, programmeId: string, invitationId: string): Promise<Invitation> {
    this.policy.assert(actor, 'manage', programmeId);
    const invitation = await this.em.findOne(
      Invitation,
      { id: invitationId, programme: programmeId },
      { populate: ['organisation'] },
    );
    if (!invitation) throw new DomainError('NOT_FOUND', 'Invitation not found');
    return invitation;
  }

  private async findUsable(token: string): Promise<Invitation> {
    const invitation = await this.em.findOne(
      Invitation,
      { tokenHash: sha256(token) },
      { populate: ['programme', 'organisation'] },
    );
    // A revoked link answers as an unknown one does.
    if (!invitation || invitation.revokedAt || invitation.expiresAt <= new Date())
      throw new DomainError('NOT_FOUND', 'Invitation not found or expired');
    if (invitation.acceptedAt) throw conflict('This invitation has already been accepted');
    return invitation;
  }
}

function defaultRole(organisation: Organisation, programme: Programme): ProgrammeRole {
  if (organisation.id === programme.coordinatorOrganisation.id) return 'coordinator';
  return organisation.kind === 'partner' ? 'expert' : 'city-member';
}
