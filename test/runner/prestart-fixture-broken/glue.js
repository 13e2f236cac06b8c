// Glue of test/runner/cucumber-prestart.test.ts that cannot load: the prestarted child must report this error the way
// cucumber does, not lose it.
throw new Error('prestart fixture: this glue does not load');
