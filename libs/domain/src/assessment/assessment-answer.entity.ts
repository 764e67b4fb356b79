import { Entity, ManyToOne, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Rating } from '@citymentor/contracts';
import type { Assessment } from './assessment.entity';

/**
 * A city's answer to one guide question (rating 0/1/2, or null for not applicable) with evidence,
 * and the mentor side's calibration rating of the same question.
 */
@Entity({ tableName: 'assessment_answers' })
@Unique({ properties: ['assessment', 'questionCode'] })
export class AssessmentAnswer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Assessment', { deleteRule: 'cascade' })
  assessment: Assessment;

  @Property({ type: 'string', length: 120 })
  questionCode: string;

  @Property({ type: 'smallint', nullable: true })
  rating: Rating;

  @Property({ type: 'text' })
  evidence: string & Opt = '';

  @Property({ type: 'json' })
  links: string[] & Opt = [];

  /** The mentor side's rating of the same question; absent until they calibrate. */
  @Property({ type: 'smallint', nullable: true })
  mentorRating?: Rating;

  @Property({ type: 'boolean' })
  mentorRated: boolean & Opt = false;

  @Property({ type: 'text', nullable: true })
  mentorNote?: string;

  @Property({ type: 'uuid', nullable: true })
  updatedBy?: string;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(assessment: Assessment, questionCode: string, rating: Rating) {
    this.assessment = assessment;
    this.questionCode = questionCode;
    this.rating = rating;
  }
}
