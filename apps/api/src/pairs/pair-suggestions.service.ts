import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AssessmentStatus } from '@citymentor/contracts';
import {
  DEFAULT_THRESHOLDS,
  scoreAssessment,
  suggestPairs,
  type CityScores,
  type ScoredQuestion,
} from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { BenchmarkDocuments, sectionTitles } from './benchmark-documents';
import type { OrganisationRefDto } from './dto/pair.dto';
import type { PairSuggestionsDto, PairSuggestionsQueryDto } from './dto/pair-suggestions.dto';

interface CityBaselineRow {
  id: string;
  name: string;
  country: string;
  /** null: the city has no baseline of this benchmark in the programme. */
  status: AssessmentStatus | null;
  answers: ScoredQuestion[];
}

/**
 * Candidate pairs for a coordinator: every city of the programme with a baseline self-assessment
 * of the benchmark is scored per section (a submitted baseline, or the draft while it is not
 * submitted — there is one baseline per city), then matched by `suggestPairs`.
 */
@Injectable()
export class PairSuggestionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly programmes: ProgrammePolicy,
    private readonly benchmarks: BenchmarkDocuments,
  ) {}

  async suggest(actor: Actor, programmeId: string, query: PairSuggestionsQueryDto): Promise<PairSuggestionsDto> {
    this.programmes.assert(actor, 'manage', programmeId);
    const benchmark = await this.benchmarks.require(query.benchmark, 'benchmark');
    const thresholds = { strong: query.strong ?? DEFAULT_THRESHOLDS.strong, gap: query.gap ?? DEFAULT_THRESHOLDS.gap };
    const connection = this.em.getConnection();
    const [cities, activePairs] = await Promise.all([
      connection.execute<CityBaselineRow[]>(
        `select o.id, o.name, o.country, a.status,
           coalesce(json_agg(json_build_object('questionCode', x.question_code, 'rating', x.rating)) filter (where x.id is not null), '[]') as answers
         from programme_participants pp
         join organisations o on o.id = pp.organisation_id and o.kind = 'city'
         left join assessments a on a.programme_id = pp.programme_id and a.organisation_id = o.id and a.benchmark_code = ? and a.phase = 'baseline'
         left join assessment_answers x on x.assessment_id = a.id
         where pp.programme_id = ?
         group by o.id, o.name, o.country, a.id, a.status
         order by o.name`,
        [benchmark.code, programmeId],
      ),
      connection.execute<{ id: string; mentor: string; mentee: string }[]>(
        `select id, mentor_organisation_id as mentor, mentee_organisation_id as mentee from pairs where programme_id = ? and benchmark_code = ? and status = 'active'`,
        [programmeId, benchmark.code],
      ),
    ]);

    const assessed = cities.filter((c) => c.status !== null);
    const byId = new Map(assessed.map((c) => [c.id, c]));
    const scores: CityScores[] = assessed.map((c) => ({
      organisationId: c.id,
      name: c.name,
      sections: Object.fromEntries(
        scoreAssessment(benchmark.sections, c.answers).sections.map((s) => [s.sectionCode, s.score]),
      ),
    }));
    const titles = sectionTitles(benchmark);
    const ref = (id: string): OrganisationRefDto => ({ id, name: byId.get(id)!.name, country: byId.get(id)!.country });
    const pairOf = (mentor: string, mentee: string) =>
      activePairs.find((p) => p.mentor === mentor && p.mentee === mentee)?.id ?? null;
    const sectionScores = new Map(scores.map((c) => [c.organisationId, c.sections]));

    return {
      benchmarkCode: benchmark.code,
      ...thresholds,
      mentees: suggestPairs(scores, thresholds).map((s) => ({
        mentee: ref(s.menteeOrganisationId),
        assessmentStatus: byId.get(s.menteeOrganisationId)!.status!,
        gaps: s.gaps.map((code) => ({
          sectionCode: code,
          title: titles.get(code) ?? code,
          score: sectionScores.get(s.menteeOrganisationId)![code]!,
        })),
        candidates: s.candidates.map((c) => ({
          mentor: ref(c.mentorOrganisationId),
          score: c.score,
          covers: c.covers.map((cover) => ({ ...cover, title: titles.get(cover.sectionCode) ?? cover.sectionCode })),
          assessmentStatus: byId.get(c.mentorOrganisationId)!.status!,
          activePairId: pairOf(c.mentorOrganisationId, s.menteeOrganisationId),
        })),
      })),
      citiesWithoutBaseline: cities
        .filter((c) => c.status === null)
        .map((c) => ({ id: c.id, name: c.name, country: c.country })),
    };
  }
}
