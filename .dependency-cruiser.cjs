/**
 * The architecture as dependency rules (docs/architecture.md, "Dependency rules").
 *
 *   npx depcruise apps libs --config .dependency-cruiser.cjs
 *
 * One run over the whole tree with the root tsconfig: its `@citymentor/*` paths resolve every alias the
 * api, the worker, the libs and the web use (the web's own tsconfig maps only `@citymentor/contracts`, to
 * the same folder), so an alias the web is not given still resolves here and is caught by `web-backend-only`.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-without-nest',
      comment:
        'libs/domain holds the entities and rules without the framework, so they can be used and tested anywhere ' +
        '(the worker, seeders, unit tests); Nest belongs in the apps. (MikroORM decorators are allowed: decision 0002.)',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '(^|/)node_modules/@nestjs/' },
    },
    {
      name: 'libs-not-apps',
      comment:
        'Libraries are shared by the api, the worker and the web; a lib that imports an app drags that app into ' +
        'the others and makes a cycle between the layers. Move what both need into a lib instead.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-cycles-between-api-features',
      comment:
        'apps/api/src/<feature> folders form a hierarchy (events, auth and the policies at the bottom; features ' +
        'above): a cycle between two folders means neither can be understood, tested or changed alone. Break ' +
        'it by moving the shared piece down (as the event log moved from activity to events).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/api/src/[^/]+$' },
      to: { path: '^apps/api/src/[^/]+$', circular: true },
    },
    {
      name: 'no-module-cycles-in-api',
      comment:
        'A cycle between two files makes their load order matter (a class is undefined while its module is ' +
        'still loading: Nest then fails at start-up, or forwardRef hides the problem). Type-only imports are ' +
        'erased from the JavaScript, so a cycle made of them is allowed.',
      severity: 'error',
      from: { path: '^apps/api/src/' },
      to: {
        path: '^apps/api/src/',
        dependencyTypesNot: ['type-only'],
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
    {
      name: 'web-backend-only-via-contracts',
      comment:
        'The web client is built and shipped separately: from the backend it may use only the shared contracts ' +
        '(libs/contracts, `@citymentor/contracts`) and the types generated from the OpenAPI document ' +
        '(apps/web/src/api/schema.d.ts). Anything else would bundle server code (MikroORM, Nest, secrets) into ' +
        'the browser.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/(?!web/)|libs/(?!contracts/))' },
    },
    {
      name: 'worker-not-api',
      comment:
        'The worker is its own process and deploys without the api: what both need (the event-log append, ' +
        'queries, env readers) lives in libs/persistence and libs/runtime. The api does not import the worker ' +
        'either; it talks to it only through Postgres rows and BullMQ jobs (decision 0008).',
      severity: 'error',
      from: { path: '^apps/(worker|api)/' },
      to: { path: '^apps/(api|worker)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-unresolvable',
      comment:
        'An import that does not resolve cannot be checked by the rules above (a new alias missing from ' +
        'tsconfig paths, a typo): it must resolve to a file or a package.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
