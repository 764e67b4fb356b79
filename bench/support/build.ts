import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './setup';
import { fmt } from './util';

/** Where the benches build the API (`nest build api`, tsc) and compile their bare servers: not the shared dist/. */
export const BUILD_DIR = join(ROOT, 'bench/dist');
export const BUILT_MAIN = join(BUILD_DIR, 'apps/api/src/main.js');
/** Preloaded into a server for memory readings: SIGUSR2 → full GC and one BENCH_MEMORY line on stderr. */
export const GC_PRELOAD = join(__dirname, 'gc-on-signal.cjs');

/** The newest modification time among the API's and the libraries' sources. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of [
    'apps/api/src',
    'libs/domain/src',
    'libs/persistence/src',
    'libs/contracts/src',
    'libs/benchmarks/src',
  ])
    walk(join(ROOT, dir));
  return newest;
}

export interface AppBuild {
  /** node arguments that start the API */
  command: string[];
  /** how it was built, for the report */
  source: string;
}

/**
 * The API as the benches run it. Flags: --from-source (run it with @swc-node/register), --build
 * (always build), --no-build (reuse bench/dist as it is); by default it builds when a source is
 * newer than the build.
 */
export function prepareAppBuild(flag: (name: string) => boolean, log: (message: string) => void): AppBuild {
  if (flag('from-source')) {
    return {
      command: ['-r', '@swc-node/register', 'apps/api/src/main.ts'],
      source: 'from source (node -r @swc-node/register apps/api/src/main.ts)',
    };
  }
  const stale = !existsSync(BUILT_MAIN) || newestSource() > statSync(BUILT_MAIN).mtimeMs;
  let source: string;
  if (flag('build') || (!flag('no-build') && stale) || !existsSync(BUILT_MAIN)) {
    log('building the API into bench/dist (npx nest build api -p bench/support/tsconfig.api-build.json) …');
    const started = Date.now();
    const result = spawnSync('npx', ['nest', 'build', 'api', '-p', 'bench/support/tsconfig.api-build.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const output = stripVTControlCharacters(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.status !== 0) {
      if (!existsSync(BUILT_MAIN)) throw new Error(`nest build failed and emitted nothing:\n${output}`);
      const errors = output.split('\n').filter((l) => /error TS\d+/.test(l));
      log(
        `nest build reported ${errors.length} type error(s) in code being edited (tsc still emitted JavaScript; running it):\n  ${errors.join('\n  ')}`,
      );
      source = `built by nest build (tsc) into bench/dist, with ${errors.length} type error(s) reported`;
    } else source = 'built by nest build (tsc) into bench/dist';
    log(`build took ${fmt((Date.now() - started) / 1000, 0)} s`);
  } else source = `bench/dist (previous build${stale ? ', older than the sources: --no-build' : ', up to date'})`;
  return { command: [BUILT_MAIN], source };
}

/**
 * A bare server runs as plain JavaScript like the built app (no @swc-node/register in its process):
 * each file is compiled with @swc/core to bench/dist/<its path>.js (relative imports between them
 * keep working), again on every call (it is quick). Returns the first file's output.
 */
export function compileScripts(...tsFiles: string[]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core') as typeof import('@swc/core');
  const outs = tsFiles.map((file) => {
    const out = join(BUILD_DIR, relative(ROOT, file)).replace(/\.ts$/, '.js');
    const { code } = swc.transformFileSync(file, {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
    return out;
  });
  return outs[0];
}
