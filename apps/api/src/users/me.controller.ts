import { Body, Controller, Delete, Get, HttpCode, Ip } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { Membership, User } from '@citymentor/domain';
import { CurrentActor, type Actor } from '../auth/actor';
import { toUserDto } from '../auth/dto/session.dto';
import { toOrganisationDto } from '../programmes/programme.mappers';
import { AccountErasureService } from './account-erasure.service';
import { DeleteAccountDto } from './erasure.dto';
import { MeDto } from './me.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly em: EntityManager,
    private readonly erasure: AccountErasureService,
  ) {}

  /** Erases my account (GDPR art. 17): personal data goes, what I wrote stays as by a former member. */
  @Delete()
  @ApiOperation({
    summary: 'Delete your account',
    description:
      'Any signed-in user, for their own account, giving their password (403 WRONG_PASSWORD naming `password` if it is wrong; attempts count towards the sign-in limits). Your name, e-mail address, password, sessions, notifications, notification preferences, Viewed marks, data exports and memberships are deleted at once and every session ends, realtime connections included. What you wrote for your city (plans, progress, comments) stays, shown as by "a former member of <organisation>"; the coordinators of your programmes are told that a member of your organisation left. Your e-mail address can be invited again later, as a new account.',
  })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Erased; every session of yours has ended' })
  @ApiForbiddenResponse({ description: 'WRONG_PASSWORD: the password is wrong; nothing was deleted' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many password attempts for this account or from this address (counted with sign-in); see Retry-After',
  })
  async erase(@CurrentActor() actor: Actor, @Body() dto: DeleteAccountDto, @Ip() ip: string): Promise<void> {
    await this.erasure.eraseSelf(actor, dto, ip);
  }

  /** Who I am, the organisations I act for, and my role in each programme. */
  @Get()
  @ApiOperation({
    summary: 'Get the signed-in user and their memberships',
    description:
      'Any signed-in user, about themselves: their profile, the organisations they act for, and their role in each programme they belong to (latest programme start first).',
  })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const [user, memberships] = await Promise.all([
      this.em.findOneOrFail(User, actor.userId),
      this.em.find(
        Membership,
        { user: actor.userId },
        { populate: ['programme', 'organisation'], orderBy: { programme: { startDate: 'desc' } } },
      ),
    ]);
    const organisations = new Map(memberships.map((m) => [m.organisation.id, toOrganisationDto(m.organisation)]));
    return {
      user: toUserDto(user),
      organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name)),
      programmes: memberships.map((m) => ({
        programmeId: m.programme.id,
        programmeName: m.programme.name,
        organisationId: m.organisation.id,
        role: m.role,
      })),
    };
  }
}
