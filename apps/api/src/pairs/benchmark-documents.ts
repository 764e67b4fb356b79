import { Injectable } from '@nestjs/common';
import type { BenchmarkDocument, BenchmarkSection } from '@citymentor/benchmarks';
import { DomainError } from '@citymentor/domain';
import { PairQueries } from './pair.queries';

/**
 * The benchmark documents mentoring work is measured against, sections in their order. A benchmark
 * is never edited once imported, so each instance keeps the documents it has read.
 */
@Injectable()
export class BenchmarkDocuments {
  private readonly documents = new Map<string, BenchmarkDocument>();

  constructor(private readonly queries: PairQueries) {}

  async find(code: string): Promise<BenchmarkDocument | null> {
    const known = this.documents.get(code);
    if (known) return known;
    const stored = await this.queries.benchmarkDocument(code);
    if (!stored) return null;
    const document = { ...stored, sections: [...stored.sections].sort((a, b) => a.order - b.order) };
    this.documents.set(code, document);
    return document;
  }

  /** The benchmark a request names in `field`; an unknown code is a bad request naming that field. */
  async require(code: string, field: string): Promise<BenchmarkDocument> {
    const document = await this.find(code);
    if (!document) throw invalid(field, `${field} names no benchmark of the catalogue ("${code}")`);
    return document;
  }
}

/** Section codes of `document` that `codes` names but the benchmark does not have. */
export function unknownSections(document: BenchmarkDocument, codes: string[]): string[] {
  const known = new Set(document.sections.map((s) => s.code));
  return codes.filter((c) => !known.has(c));
}

export const sectionTitles = (document: BenchmarkDocument) =>
  new Map(document.sections.map((s: BenchmarkSection) => [s.code, s.title]));

/** A 400 naming one field, in the shape the validation pipe uses. */
export const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', message, [{ path, message }]);
