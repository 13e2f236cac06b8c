// The stand-in for `regexp-match-indices` in the bundled cucumber child (src/runner/native-match-indices.ts) gives the
// same matches and group positions as the package it replaces, for the shapes of pattern cucumber-expressions builds
// (nested, optional and alternative groups, anchors, unicode), and leaves a non-matching text alone.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CucumberExpression, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import execWithIndices from '../../src/runner/native-match-indices.ts';

const requireHere = createRequire(import.meta.url);
const expressionsDir = requireHere.resolve('@cucumber/cucumber-expressions');
const polyfill = (createRequire(expressionsDir)('regexp-match-indices') as { implementation: (this: RegExp, s: string) => RegExpExecArray | null }).implementation;

const cases: Array<[RegExp, string]> = [
  [/^the station sends (\d+) (?:messages?) within (\d+(?:\.\d+)?) s$/, 'the station sends 3 messages within 2.5 s'],
  [/^a(b(c)?)?(d|e)$/, 'abe'],
  [/^a(b(c)?)?(d|e)$/, 'ad'],
  [/^(?:the )?(CSMS|station) (?:answers|responds) with an? ([A-Z]\w*)Response$/, 'CSMS answers with a BootNotificationResponse'],
  [/^"([^"]*)" is (é+)$/u, '"ünï" is éé'],
  [/^no (match)$/, 'something else'],
];

describe('native match indices', () => {
  it('matches like the package it replaces, with the same group positions', () => {
    for (const [re, text] of cases) {
      const ours = execWithIndices(re, text);
      const theirs = polyfill.call(re, text);
      expect(ours === null, `${re} on ${text}`).toBe(theirs === null);
      if (!ours || !theirs) continue;
      expect([...ours]).toEqual([...theirs]);
      expect(ours.indices?.map((p) => (p ? [...p] : p))).toEqual(theirs.indices?.map((p) => (p ? [...p] : p)));
    }
  });

  it('gives the positions of the arguments of a step in a cucumber expression', () => {
    const regexp = new CucumberExpression('the station waits {int} s for {string}', new ParameterTypeRegistry()).regexp;
    const text = 'the station waits 15 s for "Accepted"';
    const match = execWithIndices(regexp, text);
    expect(match?.indices?.map((p) => (p ? [...p] : p))).toEqual(polyfill.call(regexp, text)?.indices?.map((p) => (p ? [...p] : p)));
    expect(match?.indices?.[1]).toEqual([18, 20]);
    expect(execWithIndices(regexp, 'the station waits for nothing')).toBeNull();
  });
});
