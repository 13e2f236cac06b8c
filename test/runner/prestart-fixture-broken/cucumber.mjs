// cucumber configuration of test/runner/cucumber-prestart.test.ts: a glue that fails to load.
export default { import: ['glue.js'], format: ['summary'] };
