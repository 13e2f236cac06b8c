// cucumber configuration of test/runner/cucumber-prestart.test.ts: only the fixture's glue (not the project's steps).
export default { import: ['test/runner/prestart-fixture/glue.js'], format: ['summary'] };
