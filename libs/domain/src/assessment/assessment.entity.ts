import { Collection, Entity, Enum, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { AssessmentPhase, AssessmentStatus } from '@citymentor/contracts';
import { DomainError } from '../shared/domain-error';
import { Organisation } from '../programme/organisation.entity';
import { Programme } from '../programme/programme.entity';
import { AssessmentAnswer } from './assessment-answer.entity';
import { ContextNote } from './context-note.entity';

/** A submitted assessment is the record progress is measured against: nothing in it changes any more. */
export function assertAssessmentEditable(status: AssessmentStatus) {
  if (status === 'submitted') throw new DomainError('CONFLICT', 'This assessment has been submitted and is locked');
}

/** A city testing itself against a benchmark, at the start (baseline) or the end (follow-up) of a programme. */
@Entity({ tableName: 'assessments' })
@Unique({ properties: ['programme', 'organisation', 'benchmarkCode', 'phase'] })
export class Assessment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme: Programme;

  @ManyToOne(() => Organisation)
  organisation: Organisation;

  @Property({ type: 'string', length: 100 })
  benchmarkCode: string;

  @Enum({ items: ['baseline', 'follow-up'], type: 'string', length: 16 })
  phase: AssessmentPhase;

  @Enum({ items: ['draft', 'submitted'], type: 'string', length: 16 })
  status: AssessmentStatus & Opt = 'draft';

  @OneToMany(() => AssessmentAnswer, (a) => a.assessment)
  answers = new Collection<AssessmentAnswer>(this);

  @OneToMany(() => ContextNote, (n) => n.assessment)
  contextNotes = new Collection<ContextNote>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date;

  constructor(programme: Programme, organisation: Organisation, benchmarkCode: string, phase: AssessmentPhase) {
    this.programme = programme;
    this.organisation = organisation;
    this.benchmarkCode = benchmarkCode;
    this.phase = phase;
  }

  /** Submitted assessments are locked: they are the record progress is measured against. */
  assertEditable() {
    assertAssessmentEditable(this.status);
  }

  submit(now: Date) {
    this.assertEditable();
    this.status = 'submitted';
    this.submittedAt = now;
  }
}
