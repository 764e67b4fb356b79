import type { AppBuild } from '../support/build';
import type { Harness } from '../support/harness';
import type { RestData } from './data';
import type { Target } from './load';
import type { Report } from './report';

export interface Options {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

/** What every REST benchmark gets from the runner (bench/rest/run.ts). */
export interface BenchContext {
  h: Harness;
  report: Report;
  options: Options;
  data: RestData;
  app: AppBuild;
  /** The compiled bare server and its environment. */
  bare: { script: string; env: Record<string, string> };
  /** Both servers, started fresh by the runner for the load benchmarks. */
  targets: { bare: Target; app: Target };
  log: (message: string) => void;
}
