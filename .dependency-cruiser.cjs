// The architecture as a test (ARCHITECTURE.md, "Layout"): code flows one way, and these rules fail the build when
// an import goes the other way. test/unit/architecture/dependencies.test.ts cruises functions/, shared/, events/,
// infra/, web/src/ and scripts/ with them; by hand: `npx depcruise functions shared events infra web/src scripts`.
// Paths are relative to the repository root, and npm packages are matched where they resolve (node_modules/…).

/** Node's built-ins that are pure computation: the only ones shared/domain may import. */
const PURE_NODE_MODULES = [
  // isDeepStrictEqual (catalog/rules.ts). Everything else in node: reads or writes the world (fs, net, http,
  // child_process, os, process, dns, …) or is random (crypto), so it stays out: rules get what they need
  // (today, an id) from their caller, and stay runnable in the browser and in a test without a clock.
  'util',
];

/** What the web app may import from outside web/: the public contract, and pure rules it must apply alike. */
const WEB_MAY_IMPORT = [
  // The request and response shapes of the HTTP API, which the web imports as types (web/src/api/types.ts).
  '^shared/http/schemas/',
  // The ID number and USCC check characters: the apply wizard refuses a mistyped number before it is sent,
  // by the same rule the API applies. Pure, with no imports.
  '^shared/domain/id-numbers[.]ts$',
  // The file types a material may be, by their first bytes: the wizard checks a file before uploading it, by
  // the same table the upload check uses. Pure, with no imports.
  '^shared/domain/materials/file-types[.]ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle has no lower level to read or test first, and an ES module cycle can see an export before it is ' +
        'initialised. Move what both sides need into a module below them. Type-only imports count too.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-not-to-outer',
      severity: 'error',
      comment:
        'shared/ and events/ are used by functions and infra, never the reverse: functions -> shared, ' +
        'infra -> functions (as assets).',
      from: { path: '^(shared|events)/' },
      to: { path: '^(functions|infra|web|scripts|test)/' },
    },
    {
      name: 'functions-not-to-outer',
      severity: 'error',
      comment:
        'A handler is bundled on its own: it imports shared/ and events/, never the CDK app or the web.',
      from: { path: '^functions/' },
      to: { path: '^(infra|web|scripts|test)/' },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment:
        'shared/domain holds the pure rules: no storage, no AWS, no handlers. Adapters (I/O) and the HTTP stack ' +
        'build on it, not it on them.',
      from: { path: '^shared/domain/' },
      to: { path: '^(functions|infra|web|scripts|test|shared/adapters|shared/http)/' },
    },
    {
      name: 'domain-no-aws',
      severity: 'error',
      comment:
        'shared/domain imports no AWS SDK, Lambda tooling or CDK: that is what shared/adapters is for.',
      from: { path: '^shared/domain/' },
      to: {
        // Where the package resolves (node_modules/…), or its bare name when it has only types (aws-lambda).
        path: '(^|node_modules/)(@aws-sdk|@smithy|@aws-lambda-powertools|@middy|aws-lambda|@types/aws-lambda|aws-cdk-lib|constructs)(/|$)',
      },
    },
    {
      name: 'domain-no-impure-node',
      severity: 'error',
      comment:
        'shared/domain imports no node: module that does I/O or draws randomness. Time and randomness reach ' +
        'the rules as arguments from functions/ or shared/adapters.',
      from: { path: '^shared/domain/' },
      to: { dependencyTypes: ['core'], pathNot: `^(node:)?(${PURE_NODE_MODULES.join('|')})$` },
    },
    {
      name: 'local-mode-stays-local',
      severity: 'error',
      comment:
        'infra/local is the embedded runtime (its runner is infra/local/main.ts, `npm start`): only it and the ' +
        'tests import it, so nothing deployed depends on local mode.',
      from: { pathNot: '^(infra/local|test)/' },
      to: { path: '^infra/local/' },
    },
    {
      name: 'web-only-contract',
      severity: 'error',
      comment:
        'The web app talks to the platform through the HTTP API: it imports the public contract and the few ' +
        'pure rules it must apply alike (WEB_MAY_IMPORT), nothing else of the repository.',
      from: { path: '^web/' },
      to: { path: '^(shared|events|functions|infra|scripts|test)/', pathNot: WEB_MAY_IMPORT },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7.0 offers dependency-cruiser no compiler API (it drives a typescript <7 or >=7.1), so it reads
    // the sources with swc (@swc/core, a devDependency). swc parses them as written, type-only imports included:
    // a type cycle is still a cycle, and a type from functions/ in shared/ still points the wrong way.
    parser: 'swc',
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
