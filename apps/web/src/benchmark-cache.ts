/** Benchmarks change only when an admin imports one: each is loaded once per page life and shared. */
import { api, type Schemas } from './api/client';

export type Benchmark = Schemas['BenchmarkDto'];
export type BenchmarkSection = Schemas['BenchmarkSectionDto'];

const cache = new Map<string, Promise<Benchmark>>();

export function loadBenchmark(code: string): Promise<Benchmark> {
  let found = cache.get(code);
  if (!found) {
    found = api.get('/api/v1/benchmarks/{code}', { path: { code } });
    found.catch(() => cache.delete(code)); // a failure is not remembered
    cache.set(code, found);
  }
  return found;
}

/** Section titles by code, in the benchmark's order. */
export function sectionTitles(benchmark: Benchmark | undefined): Map<string, string> {
  return new Map([...(benchmark?.sections ?? [])].sort((a, b) => a.order - b.order).map((s) => [s.code, s.title]));
}
