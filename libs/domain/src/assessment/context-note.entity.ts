import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Assessment } from './assessment.entity';

/** A city's explanation of one context factor (national legislation, data, resources…). */
@Entity({ tableName: 'assessment_context_notes' })
@Unique({ properties: ['assessment', 'factorCode'] })
export class ContextNote {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Assessment', { deleteRule: 'cascade' })
  assessment: Assessment;

  @Property({ type: 'string', length: 100 })
  factorCode: string;

  @Property({ type: 'text' })
  note: string;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(assessment: Assessment, factorCode: string, note: string) {
    this.assessment = assessment;
    this.factorCode = factorCode;
    this.note = note;
  }
}
