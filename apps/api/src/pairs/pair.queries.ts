import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { BenchmarkDocument } from '@citymentor/benchmarks';
import type { AssessmentStatus, PairStatus } from '@citymentor/contracts';
import type { ScoredQuestion } from '@citymentor/domain';
import type { PairScope } from './pair.policy';

/** A pair as the lean read gives it, with both organisations. */
export interface PairRow extends PairScope {
  id: string;
  benchmarkCode: string;
  focusSectionCodes: string[];
  status: PairStatus;
  /** Timestamps come back from raw SQL as text. */
  createdAt: Date | string;
  endedAt: Date | string | null;
  mentorName: string;
  mentorCountry: string;
  menteeName: string;
  menteeCountry: string;
}

const PAIR_ROW_SQL = `select p.id, p.programme_id as "programmeId", p.benchmark_code as "benchmarkCode", p.focus_section_codes as "focusSectionCodes",
    p.status, p.created_at as "createdAt", p.ended_at as "endedAt",
    p.mentor_organisation_id as "mentorOrganisationId", mo.name as "mentorName", mo.country as "mentorCountry",
    p.mentee_organisation_id as "menteeOrganisationId", me.name as "menteeName", me.country as "menteeCountry"
  from pairs p
  join organisations mo on mo.id = p.mentor_organisation_id
  join organisations me on me.id = p.mentee_organisation_id`;

export interface CityBaselineRow {
  id: string;
  name: string;
  country: string;
  /** null: the city has no baseline of this benchmark in the programme. */
  status: AssessmentStatus | null;
  answers: ScoredQuestion[];
}

/**
 * The pairs' SQL: the lean reads of pairs (with both cities), of the cities' baselines the
 * suggestions score and of benchmark documents; the advisory lock that serialises forming one pair. The caller asks the policy;
 * pairs are created and ended through the `Pair` entity in `PairsService`.
 */
@Injectable()
export class PairQueries {
  constructor(private readonly em: EntityManager) {}

  /** Every pair of the programme, oldest first (the caller keeps those the actor may see). */
  ofProgramme(programmeId: string): Promise<PairRow[]> {
    return this.em
      .getConnection()
      .execute<PairRow[]>(`${PAIR_ROW_SQL} where p.programme_id = ? order by p.created_at, p.id`, [programmeId]);
  }

  async one(id: string): Promise<PairRow | null> {
    const [row] = await this.em.getConnection().execute<PairRow[]>(`${PAIR_ROW_SQL} where p.id = ?`, [id]);
    return row ?? null;
  }

  /** Within the em's transaction: waits until no other transaction forms the same pair (`key`), until commit. */
  async lockPairing(key: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
  }

  /** Every city of the programme with its baseline of the benchmark (if any) and that baseline's ratings. */
  cityBaselines(programmeId: string, benchmarkCode: string): Promise<CityBaselineRow[]> {
    return this.em.getConnection().execute<CityBaselineRow[]>(
      `select o.id, o.name, o.country, a.status,
         coalesce(json_agg(json_build_object('questionCode', x.question_code, 'rating', x.rating)) filter (where x.id is not null), '[]') as answers
       from programme_participants pp
       join organisations o on o.id = pp.organisation_id and o.kind = 'city'
       left join assessments a on a.programme_id = pp.programme_id and a.organisation_id = o.id and a.benchmark_code = ? and a.phase = 'baseline'
       left join assessment_answers x on x.assessment_id = a.id
       where pp.programme_id = ?
       group by o.id, o.name, o.country, a.id, a.status
       order by o.name`,
      [benchmarkCode, programmeId],
    );
  }

  /** The active pairs of the programme, on every benchmark: who mentors whom, on which. */
  activePairsOf(programmeId: string): Promise<{ id: string; benchmarkCode: string; mentor: string; mentee: string }[]> {
    return this.em
      .getConnection()
      .execute<{ id: string; benchmarkCode: string; mentor: string; mentee: string }[]>(
        `select id, benchmark_code as "benchmarkCode", mentor_organisation_id as mentor, mentee_organisation_id as mentee from pairs where programme_id = ? and status = 'active'`,
        [programmeId],
      );
  }

  /** The benchmark's document as imported (`BenchmarkDocuments` orders and keeps it); null for an unknown code. */
  async benchmarkDocument(code: string): Promise<BenchmarkDocument | null> {
    const rows = await this.em
      .getConnection()
      .execute<{ document: BenchmarkDocument }[]>('select document from benchmarks where code = ?', [code]);
    return rows[0]?.document ?? null;
  }
}
