import { Entity, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { BenchmarkDocument } from '@citymentor/benchmarks';

/**
 * A benchmark of the catalogue, kept as the validated document it was imported from: sections,
 * guide questions, examples and context factors are read together and never edited piecemeal.
 */
@Entity({ tableName: 'benchmarks' })
export class Benchmark {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  @Unique()
  code: string;

  @Property({ type: 'string', length: 300 })
  title: string;

  @Property({ type: 'json' })
  document: BenchmarkDocument;

  @Property({ type: 'timestamptz' })
  importedAt: Date & Opt = new Date();

  constructor(document: BenchmarkDocument) {
    this.code = document.code;
    this.title = document.title;
    this.document = document;
  }
}
