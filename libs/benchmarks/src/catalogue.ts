import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchmarkDocument } from './benchmark-document';
import { validateBenchmark } from './validate-benchmark';

/**
 * Where the bundled catalogue lives: `libs/benchmarks/data`, found by walking up from this file,
 * so it is the same from the sources, from dist/ and inside a container image.
 */
export function catalogueDirectory(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'benchmarks', 'data');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`benchmark catalogue (libs/benchmarks/data) not found above ${from}`);
  }
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
