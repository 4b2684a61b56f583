// The direction of the code: collect → evaluate → score → report → serve, checked on every test run
// (npm run deps). `common/` is what every phase may use; nothing shipped imports the tests. The sample
// portals (`portals/`) sit beside the pipeline as its test bed: they use it (to render and to compare with
// the truth), only the demo among shipped code uses them, and they never reach into the server. Known
// violations still being fixed are listed in .dependency-cruiser-known-violations.json: a new one fails.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: the modules cannot be read, tested or loaded one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-imports-nothing-of-ours',
      severity: 'error',
      comment: 'common/ is used by every phase, so it may not depend on any of them.',
      from: { path: '^common/' },
      to: { path: '^(evaluators|indicators|reports|server|portals|scripts|test|bin)/' },
    },
    {
      name: 'collect-before-evaluate',
      severity: 'error',
      comment: "The collector records facts; judging them is the evaluators' job (evaluators/*.ts).",
      from: { path: '^evaluators/collect/' },
      to: { path: '^evaluators/[^/]+\\.ts$' },
    },
    {
      name: 'evaluate-before-score',
      severity: 'error',
      comment: 'Collecting and evaluating know nothing of indicator sets, reports or the server.',
      from: { path: '^evaluators/' },
      to: { path: '^(indicators|reports|server)/' },
    },
    {
      name: 'score-before-report',
      severity: 'error',
      comment: 'Scoring knows nothing of reports or the server.',
      from: { path: '^indicators/' },
      to: { path: '^(reports|server)/' },
    },
    {
      name: 'report-before-serve',
      severity: 'error',
      comment: 'Reports are written from results; the server, the CLI and the queue call them, not the reverse.',
      from: { path: '^reports/' },
      to: { path: '^server/' },
    },
    {
      name: 'interfaces-do-not-import-the-cli',
      severity: 'error',
      comment: 'The web app, the queue and the rest of the server call shared use cases, not the command line.',
      from: { path: '^server/', pathNot: '^server/cli/' },
      to: { path: '^server/cli/' },
    },
    {
      name: 'use-cases-below-the-interfaces',
      severity: 'error',
      comment: 'server/use-cases/ is what the CLI, the web app and the queue share: it may not depend on any of them.',
      from: { path: '^server/use-cases/' },
      to: { path: '^server/(cli|app|queue)/' },
    },
    {
      name: 'shipped-code-does-not-import-tests',
      severity: 'error',
      comment: 'What npm ships and runs (the demo ships the sample portals) may not depend on test/.',
      from: { path: '^(common|evaluators|indicators|reports|server|portals|bin)/' },
      to: { path: '^test/' },
    },
    {
      name: 'only-the-demo-serves-the-sample-portals',
      severity: 'error',
      comment: 'The sample portals are a test bed: the product measures real sites and only `govscore demo` starts them.',
      from: { path: '^(common|evaluators|indicators|reports|server|bin)/', pathNot: '^server/cli/demo\\.ts$' },
      to: { path: '^portals/' },
    },
    {
      name: 'sample-portals-stay-out-of-the-server',
      severity: 'error',
      comment:
        'portals/ renders with reports/html.ts and runs collect → evaluate → score to compare with its truth; the server (which starts it for the demo), the scripts and the tests are its users, not its parts.',
      from: { path: '^portals/' },
      to: { path: '^(server|scripts|test|bin)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out)/' },
    // Type-only imports count: a type imported against the flow is a dependency against it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
