import type { AssessmentPhase, AssessmentStatus } from '@citymentor/contracts';
import type { Assessment } from '@citymentor/domain';
import type { AnyEvent } from '../events/event-log';
import type { AssessmentPairRef } from './assessment-scopes';

export interface AssessmentHeader {
  id: string;
  programmeId: string;
  organisationId: string;
  benchmarkCode: string;
  phase: AssessmentPhase;
  status: AssessmentStatus;
}

export const headerOf = (a: Assessment): AssessmentHeader => ({
  id: a.id,
  programmeId: a.programme.id,
  organisationId: a.organisation.id,
  benchmarkCode: a.benchmarkCode,
  phase: a.phase,
  status: a.status,
});

/**
 * `assessment.updated`, once in the assessment's room and once in the room of each active pair on
 * its benchmark that includes the city (the people who may read it), so replay of any of those
 * rooms is a plain `where room = ? and seq > ?`.
 */
export function assessmentUpdated(
  a: AssessmentHeader,
  pairs: AssessmentPairRef[],
  actorId: string,
  questionCode: string | null,
): AnyEvent[] {
  const payload = {
    programmeId: a.programmeId,
    assessmentId: a.id,
    organisationId: a.organisationId,
    benchmarkCode: a.benchmarkCode,
    phase: a.phase,
    status: a.status,
    questionCode,
  };
  const rooms = [`assessment:${a.id}`, ...pairs.map((p) => `pair:${p.pairId}`)];
  return rooms.map((room): AnyEvent => ({
    room,
    type: 'assessment.updated',
    payload,
    actorId,
    programmeId: a.programmeId,
  }));
}
