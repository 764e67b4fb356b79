import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PairEvent } from '@citymentor/contracts';
import { conflict, DomainError, Organisation, Pair, Participant, Programme } from '@citymentor/domain';
import { appendEvents, inTransaction } from '@citymentor/persistence';
import { EventLog } from '../events/event-log';
import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { BenchmarkDocuments, invalid, unknownSections } from './benchmark-documents';
import type { CreatePairDto, PairDto } from './dto/pair.dto';
import { toPairDto } from './pair.mappers';
import { PairPolicy } from './pair.policy';
import { PairQueries, type PairRow } from './pair.queries';

/**
 * Mentoring pairs: a coordinator forms them from the cities of a programme and ends them; members
 * see the pairs they are part of (experts and coordinators see all). Forming and ending a pair are
 * announced in the pair's room (`pair.created`, `pair.ended`): its activity, its open pages.
 */
@Injectable()
export class PairsService {
  constructor(
    private readonly em: EntityManager,
    private readonly programmes: ProgrammePolicy,
    private readonly policy: PairPolicy,
    private readonly benchmarks: BenchmarkDocuments,
    private readonly events: EventLog,
    private readonly queries: PairQueries,
  ) {}

  async create(actor: Actor, programmeId: string, dto: CreatePairDto): Promise<PairDto> {
    this.programmes.assert(actor, 'manage', programmeId);
    const benchmark = await this.benchmarks.require(dto.benchmarkCode, 'benchmarkCode');
    const focus = dto.focusSectionCodes ?? [];
    const unknown = unknownSections(benchmark, focus);
    if (unknown.length)
      throw invalid(
        'focusSectionCodes',
        `focusSectionCodes names sections the benchmark does not have: ${unknown.join(', ')}`,
      );
    const mentor = await this.cityOf(programmeId, dto.mentorOrganisationId, 'mentorOrganisationId');
    const mentee = await this.cityOf(programmeId, dto.menteeOrganisationId, 'menteeOrganisationId');
    const pair = new Pair(this.em.getReference(Programme, programmeId), benchmark.code, mentor, mentee, focus);

    await inTransaction(this.em, async () => {
      // Two coordinators forming the same pair at once: the second waits here, then sees the first.
      await this.queries.lockPairing(`pair:${programmeId}:${benchmark.code}:${mentor.id}:${mentee.id}`);
      const duplicate = await this.em.count(Pair, {
        programme: programmeId,
        benchmarkCode: benchmark.code,
        mentorOrganisation: mentor,
        menteeOrganisation: mentee,
        status: 'active',
      });
      if (duplicate)
        throw conflict(`${mentor.name} already mentors ${mentee.name} on this benchmark in an active pair`);
      this.em.persist(pair);
      await this.em.flush();
      await appendEvents(this.em, [pairEvent('pair.created', pair, mentor, mentee, actor.userId)]);
    });
    return this.get(actor, pair.id);
  }

  /** The pairs of the programme the actor may see: a city member those of their city, others all. */
  async list(actor: Actor, programmeId: string): Promise<PairDto[]> {
    this.programmes.assert(actor, 'read', programmeId);
    const rows = await this.queries.ofProgramme(programmeId);
    return rows.flatMap((row) => {
      const side = this.policy.sideOf(actor, row);
      return side ? [toPairDto(row, side, this.policy.permissions(actor, side, row))] : [];
    });
  }

  async get(actor: Actor, id: string): Promise<PairDto> {
    const row = await this.row(id);
    const side = this.policy.assert(actor, 'read', row);
    return toPairDto(row, side, this.policy.permissions(actor, side, row));
  }

  async end(actor: Actor, id: string): Promise<PairDto> {
    const row = await this.row(id);
    this.policy.assert(actor, 'manage', row);
    const pair = await this.em.findOneOrFail(Pair, id);
    pair.end(new Date());
    const mentor = { id: row.mentorOrganisationId, name: row.mentorName };
    const mentee = { id: row.menteeOrganisationId, name: row.menteeName };
    await this.events.flushWith(this.em, () => pairEvent('pair.ended', pair, mentor, mentee, actor.userId));
    return this.get(actor, id);
  }

  private async row(id: string): Promise<PairRow> {
    const row = await this.queries.one(id);
    if (!row) throw new DomainError('NOT_FOUND', 'Pair not found');
    return row;
  }

  /** A city taking part in the programme, named by `field` of the request. */
  private async cityOf(programmeId: string, organisationId: string, field: string): Promise<Organisation> {
    const participant = await this.em.findOne(
      Participant,
      { programme: programmeId, organisation: organisationId },
      { populate: ['organisation'] },
    );
    if (!participant) throw invalid(field, `${field} is not an organisation of this programme`);
    if (participant.organisation.kind !== 'city')
      throw invalid(
        field,
        `${field} must be a city; ${participant.organisation.name} is a ${participant.organisation.kind}`,
      );
    return participant.organisation;
  }
}

type City = Pick<Organisation, 'id' | 'name'>;

function pairEvent(type: 'pair.created' | 'pair.ended', pair: Pair, mentor: City, mentee: City, actorId: string) {
  const payload: PairEvent = {
    programmeId: pair.programme.id,
    pairId: pair.id,
    benchmarkCode: pair.benchmarkCode,
    mentorOrganisationId: mentor.id,
    mentorName: mentor.name,
    menteeOrganisationId: mentee.id,
    menteeName: mentee.name,
    status: pair.status,
  };
  return { room: `pair:${pair.id}`, type, payload, actorId, programmeId: pair.programme.id };
}
