import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentPhase, AssessmentStatus } from '@citymentor/contracts';
import { pairIncludes } from '@citymentor/persistence';
import type { PairScope } from '../pairs/pair.policy';

/** An active pair on the assessment's benchmark that includes the assessed city. */
export interface AssessmentPairRef extends PairScope {
  pairId: string;
}

/** What deciding about an assessment needs, and its header. */
export interface AssessmentScope {
  id: string;
  programmeId: string;
  organisationId: string;
  organisationName: string;
  organisationCountry: string;
  benchmarkCode: string;
  phase: AssessmentPhase;
  status: AssessmentStatus;
  /** Timestamps come back from raw SQL as text. */
  createdAt: Date | string;
  updatedAt: Date | string;
  submittedAt: Date | string | null;
  pairs: AssessmentPairRef[];
}

const activePairsOf = (assessment: string) => `coalesce((
    select json_agg(json_build_object('pairId', p.id, 'programmeId', p.programme_id,
      'mentorOrganisationId', p.mentor_organisation_id, 'menteeOrganisationId', p.mentee_organisation_id) order by p.created_at)
    from pairs p
    where p.programme_id = ${assessment}.programme_id and p.benchmark_code = ${assessment}.benchmark_code and p.status = 'active'
      and ${pairIncludes('p', `${assessment}.organisation_id`)}), '[]')`;

export const ASSESSMENT_SCOPE_COLUMNS = `a.id, a.programme_id as "programmeId", a.organisation_id as "organisationId", o.name as "organisationName",
  o.country as "organisationCountry", a.benchmark_code as "benchmarkCode", a.phase, a.status, a.created_at as "createdAt",
  a.updated_at as "updatedAt", a.submitted_at as "submittedAt", ${activePairsOf('a')} as pairs`;

/** Finds an assessment's scope in one lean query, so the policy decides before anything is loaded. */
@Injectable()
export class AssessmentScopes {
  constructor(private readonly em: EntityManager) {}

  async forAssessment(id: string): Promise<AssessmentScope | null> {
    const rows = await this.em
      .getConnection()
      .execute<AssessmentScope[]>(
        `select ${ASSESSMENT_SCOPE_COLUMNS} from assessments a join organisations o on o.id = a.organisation_id where a.id = ?`,
        [id],
      );
    return rows[0] ?? null;
  }

  /** The active pairs on `benchmarkCode` a city of the programme is in (for an assessment not yet saved). */
  async activePairs(programmeId: string, organisationId: string, benchmarkCode: string): Promise<AssessmentPairRef[]> {
    const [row] = await this.em
      .getConnection()
      .execute<{ pairs: AssessmentPairRef[] }[]>(
        `select ${activePairsOf('x')} as pairs from (select ?::uuid as programme_id, ?::uuid as organisation_id, ?::text as benchmark_code) x`,
        [programmeId, organisationId, benchmarkCode],
      );
    return row.pairs;
  }
}
