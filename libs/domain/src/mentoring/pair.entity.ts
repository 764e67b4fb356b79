import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { PairStatus } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { Organisation } from '../programme/organisation.entity';
import { Programme } from '../programme/programme.entity';

/** A mentor city and a mentee city working on one benchmark inside a programme. */
@Entity({ tableName: 'pairs' })
@Index({ properties: ['programme', 'status'] })
export class Pair {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @Property({ type: 'string', length: 100 })
  benchmarkCode: string;

  @ManyToOne(() => Organisation)
  mentorOrganisation: Organisation;

  @ManyToOne(() => Organisation)
  menteeOrganisation: Organisation;

  /** Benchmark sections the pair concentrates on; empty means all. */
  @Property({ type: 'json' })
  focusSectionCodes: string[] & Opt = [];

  @Enum({ items: ['active', 'ended'], type: 'string', length: 16 })
  status: PairStatus & Opt = 'active';

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date;

  constructor(
    programme: Programme,
    benchmarkCode: string,
    mentor: Organisation,
    mentee: Organisation,
    focusSectionCodes: string[] = [],
  ) {
    if (mentor.id === mentee.id) {
      throw new DomainError('VALIDATION_FAILED', 'A city cannot mentor itself', [
        { path: 'menteeOrganisationId', message: 'menteeOrganisationId must differ from mentorOrganisationId' },
      ]);
    }
    this.programme = programme;
    this.benchmarkCode = benchmarkCode;
    this.mentorOrganisation = mentor;
    this.menteeOrganisation = mentee;
    this.focusSectionCodes = [...new Set(focusSectionCodes)];
  }

  end(now: Date) {
    if (this.status === 'ended') throw new DomainError('CONFLICT', 'This pair has already ended');
    this.status = 'ended';
    this.endedAt = now;
  }
}
