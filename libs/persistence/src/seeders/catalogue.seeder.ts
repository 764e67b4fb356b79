import type { EntityManager } from '@mikro-orm/postgresql';
import { loadCatalogue, type BenchmarkDocument } from '@citymentor/benchmarks';
import { Benchmark } from '@citymentor/domain';

/** Inserts every bundled benchmark that is not in the database yet; returns the codes it added. */
export async function seedCatalogue(
  em: EntityManager,
  documents: BenchmarkDocument[] = loadCatalogue(),
): Promise<string[]> {
  const existing = new Set((await em.find(Benchmark, {}, { fields: ['code'] })).map((b) => b.code));
  const missing = documents.filter((d) => !existing.has(d.code));
  for (const doc of missing) em.persist(new Benchmark(doc));
  await em.flush();
  return missing.map((d) => d.code);
}
