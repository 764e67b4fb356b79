import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { validateBenchmark } from '@citymentor/benchmarks';
import { Benchmark, DomainError, forbidden } from '@citymentor/domain';
import type { Actor } from '../auth/actor';
import type { BenchmarkDto, BenchmarkSummaryDto } from './dto/benchmark.dto';

const toBenchmarkDto = (b: Benchmark): BenchmarkDto => ({
  code: b.code,
  title: b.title,
  standard: b.document.standard,
  introduction: b.document.introduction,
  sections: [...b.document.sections].sort((x, y) => x.order - y.order),
  contextFactors: b.document.contextFactors,
  importedAt: b.importedAt.toISOString(),
});

/** The benchmark catalogue: everyone signed in reads it; an admin imports new benchmarks. */
@Injectable()
export class BenchmarksService {
  constructor(private readonly em: EntityManager) {}

  async list(): Promise<BenchmarkSummaryDto[]> {
    const benchmarks = await this.em.find(Benchmark, {}, { orderBy: { title: 'asc' } });
    return benchmarks.map((b) => ({
      code: b.code,
      title: b.title,
      standard: b.document.standard,
      sectionCount: b.document.sections.length,
      guideQuestionCount: b.document.sections.reduce((n, s) => n + s.guideQuestions.length, 0),
      importedAt: b.importedAt.toISOString(),
    }));
  }

  async get(code: string): Promise<BenchmarkDto> {
    const benchmark = await this.em.findOne(Benchmark, { code });
    if (!benchmark) throw new DomainError('NOT_FOUND', `Benchmark "${code}" not found`);
    return toBenchmarkDto(benchmark);
  }

  /** Validates the whole file first, so a bad one is refused with the path of each bad field and nothing is written. */
  async import(actor: Actor, file: unknown): Promise<BenchmarkDto> {
    if (!actor.isAdmin) throw forbidden('Only an admin may import benchmarks');
    const result = validateBenchmark(file);
    if (!result.ok) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `The benchmark file is not valid: ${result.errors
          .slice(0, 5)
          .map((e) => e.message)
          .join('; ')}`,
        result.errors,
      );
    }
    if (await this.em.count(Benchmark, { code: result.document.code })) {
      throw new DomainError('ALREADY_EXISTS', `A benchmark with code "${result.document.code}" exists already`);
    }
    const benchmark = new Benchmark(result.document);
    await this.em.persistAndFlush(benchmark);
    return toBenchmarkDto(benchmark);
  }
}
