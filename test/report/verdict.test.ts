import { describe, expect, it } from 'vitest';
import { buildRunSummary, combineVerdicts, countVerdicts, exitCodeFor, oneLine, VERDICTS, type Verdict } from '../../src/report/verdict.ts';

const v = (...verdicts: Verdict[]): Array<{ verdict: Verdict }> => verdicts.map((verdict) => ({ verdict }));

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('combineVerdicts', () => {
  it('applies the documented precedence ERROR > FAIL > INCONCLUSIVE > PASS > NOT_APPLICABLE', () => {
    expect(combineVerdicts(['PASS', 'ERROR', 'FAIL'])).toBe('ERROR');
    expect(combineVerdicts(['PASS', 'FAIL', 'INCONCLUSIVE'])).toBe('FAIL');
    expect(combineVerdicts(['PASS', 'INCONCLUSIVE'])).toBe('INCONCLUSIVE');
    expect(combineVerdicts(['NOT_APPLICABLE', 'PASS'])).toBe('PASS');
    expect(combineVerdicts(['NOT_APPLICABLE', 'NOT_APPLICABLE'])).toBe('NOT_APPLICABLE');
    expect(combineVerdicts([])).toBe('NOT_APPLICABLE');
  });
  it('does not depend on input order', () => {
    for (const p of permutations([...VERDICTS])) expect(combineVerdicts(p)).toBe('ERROR');
    for (const p of permutations(['PASS', 'INCONCLUSIVE', 'NOT_APPLICABLE', 'FAIL'] as Verdict[])) expect(combineVerdicts(p)).toBe('FAIL');
  });
  it('rejects an unknown verdict instead of ignoring it', () => {
    expect(() => combineVerdicts(['PASS', 'SKIPPED' as Verdict])).toThrow(/unknown verdict/);
  });
});

describe('exitCodeFor', () => {
  it('is 0 when every case is PASS or NOT_APPLICABLE', () => {
    expect(exitCodeFor(v('PASS', 'NOT_APPLICABLE', 'PASS'))).toBe(0);
    expect(exitCodeFor(v('NOT_APPLICABLE'))).toBe(0);
  });
  it('is 1 for any FAIL or INCONCLUSIVE', () => {
    expect(exitCodeFor(v('PASS', 'FAIL'))).toBe(1);
    expect(exitCodeFor(v('PASS', 'INCONCLUSIVE', 'NOT_APPLICABLE'))).toBe(1);
  });
  it('is 2 for any ERROR, even alongside FAIL', () => {
    expect(exitCodeFor(v('FAIL', 'ERROR', 'PASS'))).toBe(2);
    expect(exitCodeFor(v('ERROR'))).toBe(2);
  });
});

describe('counts', () => {
  it('counts every verdict, with zeros present', () => {
    expect(countVerdicts(v('PASS', 'PASS', 'ERROR'))).toEqual({ PASS: 2, FAIL: 0, INCONCLUSIVE: 0, NOT_APPLICABLE: 0, ERROR: 1 });
  });
  it('buildRunSummary derives counts from results', () => {
    const s = buildRunSummary({
      runId: 'r',
      startedAt: 'a',
      finishedAt: 'b',
      sut: { role: 'CSMS', version: '2.1' },
      results: [],
    });
    expect(s.counts).toEqual({ PASS: 0, FAIL: 0, INCONCLUSIVE: 0, NOT_APPLICABLE: 0, ERROR: 0 });
  });
});

describe('oneLine', () => {
  it('flattens newlines and control characters and truncates', () => {
    expect(oneLine('a\nb\u0001c', 100)).toBe('a b?c');
    expect(oneLine('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
