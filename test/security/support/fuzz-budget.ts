/**
 * How many generated inputs a run tries. `npm test` runs a small seeded sample; `npm run test:security`
 * sets FUZZ_RUNS=10000 and a fresh seed (printed, so a failure can be replayed with FUZZ_SEED=<seed>).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 500);
export const FUZZ_SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : FUZZ_RUNS > 1000
    ? Date.now() % 2 ** 31
    : 20260801;
/** Four in five inputs are HTTP requests, the rest socket messages. */
export const HTTP_RUNS = Math.round(FUZZ_RUNS * 0.8);
export const SOCKET_RUNS = FUZZ_RUNS - HTTP_RUNS;
/**
 * The field-by-field matrix (fuzz-matrix.ts) runs whole in the full run; `npm test` tries every field
 * as null and a seeded share of the other cases.
 */
export const MATRIX_SHARE = Math.min(1, FUZZ_RUNS / 2_000);
