// Declared expected failures: all four outcomes, and how each reporter shows them.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderConsoleSummary, progressLine } from '../../src/report/console.ts';
import { applyExpectedFailures, declaredButNotRun, type ExpectedFailure } from '../../src/report/expected-failures.ts';
import { toSummaryJson } from '../../src/report/json-summary.ts';
import { renderJUnit } from '../../src/report/junit.ts';
import { profileTable, renderProfileTable } from '../../src/report/profiles.ts';
import { buildRunSummary, exitCodeFor, type CaseResult, type RunSummary } from '../../src/report/verdict.ts';
import { baseCase } from './fixtures.ts';

const core = [{ profile: 'Core', requirement: 'M' as const }];
const failure = { step: 'Part 6 step 3', requirementIds: ['B02.FR.02'], expected: 'Accepted', actual: 'Rejected' };
const DECLARED: ExpectedFailure[] = [
  { case: 'TC_B_02_CS', reason: 'firmware 1.2 answers Rejected while Pending', reference: 'BUG-17' },
  { case: 'TC_B_03_CS', reason: 'fixed in 1.3?' },
  { case: 'TC_B_04_CS', reason: 'bench flaky' },
  { case: 'TC_B_05_CS', reason: 'crashes the harness?' },
  { case: 'TC_B_99_CS', reason: 'typo in the config' },
];

function run(results: CaseResult[]): RunSummary {
  return buildRunSummary({ runId: 'xfail', startedAt: '2026-12-06T20:00:00.000Z', finishedAt: '2026-12-06T20:01:00.000Z', sut: { role: 'ChargingStation', version: '2.0.1' }, results });
}

const declaredRun = (): RunSummary =>
  run(
    applyExpectedFailures(
      [
        baseCase({ id: 'TC_B_01_CS', verdict: 'PASS', profiles: core }),
        baseCase({ id: 'TC_B_02_CS', verdict: 'FAIL', failure, profiles: core }),
        baseCase({ id: 'TC_B_03_CS', verdict: 'PASS', profiles: core }),
        baseCase({ id: 'TC_B_04_CS', verdict: 'INCONCLUSIVE', reason: 'no reboot', profiles: core }),
      ],
      DECLARED,
    ),
  );

describe('expected failures', () => {
  it('a declared FAIL is excused: still FAIL, exit code 0 when nothing else failed', () => {
    const s = run(applyExpectedFailures([baseCase({ id: 'TC_B_02_CS', verdict: 'FAIL', failure })], DECLARED));
    expect(s.results[0]?.verdict).toBe('FAIL');
    expect(s.results[0]?.expectation?.outcome).toBe('expected-failure');
    expect(exitCodeFor(s.results)).toBe(0);
    expect(exitCodeFor(run([baseCase({ id: 'TC_B_02_CS', verdict: 'FAIL', failure })]).results)).toBe(1);
  });

  it('a declared PASS is an UNEXPECTED PASS and fails the run', () => {
    const s = run(applyExpectedFailures([baseCase({ id: 'TC_B_03_CS', verdict: 'PASS' })], DECLARED));
    expect(s.results[0]?.expectation?.outcome).toBe('unexpected-pass');
    expect(exitCodeFor(s.results)).toBe(1);
  });

  it('a declared INCONCLUSIVE or ERROR is never excused', () => {
    const inc = run(applyExpectedFailures([baseCase({ id: 'TC_B_04_CS', verdict: 'INCONCLUSIVE', reason: 'x' })], DECLARED));
    expect(inc.results[0]?.expectation?.outcome).toBe('not-excused');
    expect(exitCodeFor(inc.results)).toBe(1);
    const err = run(applyExpectedFailures([baseCase({ id: 'TC_B_05_CS', verdict: 'ERROR', reason: 'x' })], DECLARED));
    expect(exitCodeFor(err.results)).toBe(2);
  });

  it('names declared cases that did not run', () => {
    expect(declaredButNotRun(declaredRun().results, DECLARED)).toEqual(['TC_B_05_CS', 'TC_B_99_CS']);
  });

  it('summary.json carries each outcome and the counts', () => {
    const json = toSummaryJson(declaredRun());
    expect(json.exitCode).toBe(1);
    expect(json.expectations).toEqual({ expectedFailures: 1, unexpectedPasses: 1, notExcused: 1 });
    expect(json.results.find((r) => r.id === 'TC_B_02_CS')?.expectation).toEqual({ outcome: 'expected-failure', reason: DECLARED[0]?.reason, reference: 'BUG-17' });
  });

  it('junit.xml: excused FAIL as a skip that says why, UNEXPECTED PASS as a failure, and still schema-valid', async () => {
    const xml = renderJUnit(declaredRun());
    expect(xml).toMatch(/<skipped type="EXPECTED_FAIL" message="expected failure: firmware 1.2 answers Rejected while Pending \(BUG-17\)">/);
    expect(xml).toMatch(/<failure type="UNEXPECTED_PASS" message="UNEXPECTED PASS: declared as an expected failure/);
    expect(xml).toMatch(/<testsuites [^>]*failures="2" errors="0" skipped="1"/);
    const xsd = await readFile(new URL('./junit.xsd', import.meta.url), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    expect(result.errors).toEqual([]);
  });

  it('the profile table has its own column for expected failures', () => {
    const s = declaredRun();
    const rows = profileTable(s, s.results.map((r) => ({ id: r.id, profiles: r.profiles })));
    expect(rows[0]?.mandatory).toMatchObject({ total: 4, pass: 2, fail: 0, expectedFail: 1, other: 1 });
    expect(renderProfileTable(rows)).toMatch(/M xfail/);
  });

  it('the console marks the case on its progress line and lists the declarations at the end', () => {
    const s = declaredRun();
    expect(progressLine(s.results[1] as CaseResult, 2, 4)).toMatch(/FAIL .*TC_B_02_CS .*\(expected failure\)/);
    expect(progressLine(s.results[2] as CaseResult, 3, 4)).toMatch(/PASS .*TC_B_03_CS .*\(UNEXPECTED PASS\)/);
    const text = renderConsoleSummary(s);
    expect(text).toMatch(/Declared expected failures: 1 failed as expected \(excused\), 1 UNEXPECTED PASS/);
    expect(text).toMatch(/XFAIL +TC_B_02_CS +firmware 1.2 answers Rejected while Pending \(BUG-17\)/);
    expect(text).toMatch(/XPASS +TC_B_03_CS +UNEXPECTED PASS: remove the declaration/);
    expect(text).toMatch(/Not passed:\n +INCONCLUSIVE +TC_B_04_CS/);
    expect(text).not.toMatch(/Not passed:[^]*\n +FAIL +TC_B_02_CS/);
  });
});
