// cucumber-js configuration. Runs go through src/runner (runCases) or the CLI, which pass the run context in
// OCPP_CONFORMANCE_CONTEXT and name the feature files; this file only says where the glue is.
export default {
  import: ['steps/**/*.ts'],
  format: ['progress'],
  formatOptions: { snippetInterface: 'async-await' },
};

// `--profile compiled` (src/runner/cucumber-glue.ts): the same glue bundled into dist/glue.js by `npm run build`.
export const compiled = { import: ['dist/glue.js'], format: ['progress'], formatOptions: { snippetInterface: 'async-await' } };
