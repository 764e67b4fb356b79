/** Two tiers: `unit` (pure code in libs/ and apps/, no servers) and `e2e` (HTTP on real Postgres and Redis). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  // A few dependencies ship ESM only; compile them to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@citymentor/(domain|persistence|contracts|benchmarks|runtime)$': '<rootDir>/libs/$1/src' },
  setupFiles: ['<rootDir>/test/support/setup-env.ts'],
  testEnvironment: 'node',
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.js',
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      // test/browser included: its waits are bounded conditions sized for a loaded 2-core machine (test/browser/support/timing.ts).
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // The PgBouncer run (two API processes and a worker behind it, 1.5 min on a busy machine) has its own
      // script, `npm run test:pgbouncer`, which CI runs after `npm test`.
      testPathIgnorePatterns: process.env.PGBOUNCER_TESTS ? [] : ['<rootDir>/test/pgbouncer/'],
    },
  ],
};
