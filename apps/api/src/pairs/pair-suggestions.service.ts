import { Injectable } from '@nestjs/common';
import { DEFAULT_THRESHOLDS, scoreAssessment, suggestPairs, type CityScores } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import { ProgrammePolicy } from '../programmes/programme.policy';
import { BenchmarkDocuments, sectionTitles } from './benchmark-documents';
import type { OrganisationRefDto } from './dto/pair.dto';
import { PairQueries } from './pair.queries';
import type { PairSuggestionsDto, PairSuggestionsQueryDto } from './dto/pair-suggestions.dto';

/**
 * Candidate pairs for a coordinator: every city of the programme with a baseline self-assessment
 * of the benchmark is scored per section (a submitted baseline, or the draft while it is not
 * submitted — there is one baseline per city), then matched by `suggestPairs`.
 */
@Injectable()
export class PairSuggestionsService {
  constructor(
    private readonly queries: PairQueries,
    private readonly programmes: ProgrammePolicy,
    private readonly benchmarks: BenchmarkDocuments,
  ) {}

  async suggest(actor: Actor, programmeId: string, query: PairSuggestionsQueryDto): Promise<PairSuggestionsDto> {
    this.programmes.assert(actor, 'oversee', programmeId);
    const benchmark = await this.benchmarks.require(query.benchmark, 'benchmark');
    const thresholds = { strong: query.strong ?? DEFAULT_THRESHOLDS.strong, gap: query.gap ?? DEFAULT_THRESHOLDS.gap };
    const [cities, activePairs] = await Promise.all([
      this.queries.cityBaselines(programmeId, benchmark.code),
      this.queries.activePairsOf(programmeId),
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
      activePairs.find((p) => p.benchmarkCode === benchmark.code && p.mentor === mentor && p.mentee === mentee)?.id ??
      null;
    const mentoring = new Map<string, number>();
    for (const p of activePairs) mentoring.set(p.mentor, (mentoring.get(p.mentor) ?? 0) + 1);
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
          mentorActivePairs: mentoring.get(c.mentorOrganisationId) ?? 0,
        })),
      })),
      citiesWithoutBaseline: cities
        .filter((c) => c.status === null)
        .map((c) => ({ id: c.id, name: c.name, country: c.country })),
    };
  }
}
