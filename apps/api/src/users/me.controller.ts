import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { Membership, User } from '@citymentor/domain';
import { CurrentActor, type Actor } from '../auth/actor';
import { toUserDto } from '../auth/dto/session.dto';
import { toOrganisationDto } from '../programmes/programme.mappers';
import { MeDto } from './me.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly em: EntityManager) {}

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
