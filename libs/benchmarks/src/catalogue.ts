import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkDocument } from './benchmark-document';
import { validateBenchmark } from './validate-benchmark';

/** Where the bundled catalogue lives; resolved from this file so it works from source and from dist. */
export function catalogueDirectory(): string {
  const candidates = [join(__dirname, '..', 'data'), join(__dirname, '..', '..', '..', '..', '..', 'libs', 'benchmarks', 'data')];
  for (const dir of candidates) {
    try {
      if (readdirSync(dir).some((f) => f.endsWith('.json'))) return dir;
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`benchmark catalogue not found (looked in ${candidates.join(', ')})`);
}

/** The bundled benchmarks, validated; a broken bundled file is a programming error and throws. */
export function loadCatalogue(dir = catalogueDirectory()): BenchmarkDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const result = validateBenchmark(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!result.ok) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
      return result.document;
    });
}
