// cucumber configuration of test/runner/cucumber-prestart.test.ts, relative to this folder (the test starts the child
// here): only the fixture's glue, not the project's steps.
export default { import: ['glue.js'], format: ['summary'] };
