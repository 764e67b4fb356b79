#!/usr/bin/env node
/**
 * The dependency rules (.dependency-cruiser.cjs) through dependency-cruiser's API:
 *
 *   node scripts/depcruise.mjs            # apps and libs; exit code 1 on any violation
 *   node scripts/depcruise.mjs apps/web   # a part
 *
 * The same as `npx depcruise apps libs --config .dependency-cruiser.cjs`, which refuses to start on
 * Node 20 (dependency-cruiser 18's CLI wants ^22||^24||>=26; its API runs fine on 20, the Node this
 * project supports).
 */
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const tsConfig = extractTSConfig(options.tsConfig.fileName);
const targets = process.argv.slice(2);
const result = await cruise(targets.length ? targets : ['apps', 'libs'], { ...options, outputType: 'err' }, undefined, {
  tsConfig,
});
process.stdout.write(String(result.output));
process.exitCode = result.exitCode;
