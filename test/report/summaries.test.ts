import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine, renderConsoleSummary } from '../../src/report/console.ts';
import { writeJsonSummary } from '../../src/report/json-summary.ts';
import { profileTable, renderProfileMarkdown, renderProfileTable, writeProfileSummary } from '../../src/report/profiles.ts';
import { requirementMatrix, writeRequirementMatrix } from '../../src/report/requirements.ts';
import { buildRunSummary } from '../../src/report/verdict.ts';
import { baseCase, tempDir, threeCaseRun } from './fixtures.ts';

describe('summary.json', () => {
  it('has the documented shape, stable key order, and the exit code CI gates on', async () => {
    const dir = await tempDir();
    const summary = await threeCaseRun(dir);
    const file = await writeJsonSummary(summary, path.join(dir, 'out'));
    const text = await readFile(file, 'utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['schemaVersion', 'runId', 'startedAt', 'finishedAt', 'sut', 'overall', 'exitCode', 'total', 'counts', 'expectations', 'results']);
    expect(json).toMatchObject({ schemaVersion: 1, runId: 'run-test-1', overall: 'FAIL', exitCode: 1, total: 3 });
    expect(json.counts).toEqual({ PASS: 1, FAIL: 1, INCONCLUSIVE: 0, NOT_APPLICABLE: 1, ERROR: 0 });
    const results = json.results as Array<Record<string, unknown>>;
    expect(results.map((r) => r.id)).toEqual(['TC_B_01_CS', 'TC_B_02_CS', 'TC_C_10_CS']);
    expect(Object.keys(results[2] ?? {})).toEqual(['id', 'title', 'role', 'version', 'block', 'profiles', 'requirements', 'verdict', 'reason', 'steps', 'startedAt', 'durationMs']);
    expect((results[1]?.failure as Record<string, unknown>).requirementIds).toEqual(['B02.FR.02']);
    expect(text.endsWith('}\n')).toBe(true);
    // Same input, same bytes.
    await writeJsonSummary(summary, path.join(dir, 'again'));
    expect(await readFile(path.join(dir, 'again', 'summary.json'), 'utf8')).toBe(text);
  });
});

describe('profile table', () => {
  it('counts M and C cases per profile from the catalog, including cases not run', async () => {
    const dir = await tempDir();
    const summary = await threeCaseRun(dir);
    const catalog = [
      { id: 'TC_B_01_CS', profiles: [{ profile: 'Core', requirement: 'M' as const }] },
      { id: 'TC_B_02_CS', profiles: [{ profile: 'Core', requirement: 'M' as const }, { profile: 'Advanced Security', requirement: 'C' as const }] },
      { id: 'TC_B_99_CS', profiles: [{ profile: 'Core', requirement: 'C' as const }] },
      { id: 'TC_C_10_CS', profiles: [{ profile: 'Local Authorization - Cache', requirement: 'C' as const }] },
    ];
    const rows = profileTable(summary, catalog);
    expect(rows.map((r) => r.profile)).toEqual(['Core', 'Advanced Security', 'Local Authorization - Cache']);
    expect(rows[0]).toEqual({
      profile: 'Core',
      mandatory: { total: 2, pass: 1, fail: 1, expectedFail: 0, notApplicable: 0, other: 0, notRun: 0 },
      conditional: { total: 1, pass: 0, fail: 0, expectedFail: 0, notApplicable: 0, other: 0, notRun: 1 },
    });
    expect(rows[1]?.conditional).toMatchObject({ total: 1, fail: 1 });
    expect(rows[2]?.conditional).toMatchObject({ total: 1, notApplicable: 1 });

    const text = renderProfileTable(rows).split('\n');
    expect(text).toHaveLength(5);
    // Aligned: every line's "M total" column ends at the same offset.
    const end = (text[0] ?? '').indexOf('M total') + 'M total'.length;
    for (const line of [text[2], text[3], text[4]]) expect(line?.slice(0, end)).toMatch(/\d$/);
    expect(text[2]).toMatch(/^Core\s+2\s+1\s+1\s+0\s+0\s+0\s+0\s+1\s+0\s+0\s+0\s+0\s+0\s+1$/);

    const md = renderProfileMarkdown(rows);
    expect(md).toContain('| Core | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    const file = await writeProfileSummary(summary, catalog, dir);
    expect(await readFile(file, 'utf8')).toContain('| Local Authorization - Cache | 0 |');
  });

  it('uses a result\'s own profiles when the catalog does not know the case', async () => {
    const dir = await tempDir();
    const summary = await threeCaseRun(dir);
    const rows = profileTable(summary, []);
    expect(rows.find((r) => r.profile === 'Core')?.mandatory).toMatchObject({ total: 2, pass: 1, fail: 1 });
  });
});

describe('requirement matrix', () => {
  it('maps requirement ids to cases and a combined verdict, including ids named by a failure', async () => {
    const dir = await tempDir();
    const summary = await threeCaseRun(dir);
    const rows = requirementMatrix(summary);
    expect(rows.map((r) => r.requirement)).toEqual(['B01.FR.01', 'B01.FR.02', 'B02.FR.01', 'B02.FR.02', 'C10.FR.01']);
    expect(rows[1]).toEqual({
      requirement: 'B01.FR.02',
      verdict: 'FAIL',
      cases: [
        { id: 'TC_B_01_CS', role: 'ChargingStation', version: '2.0.1', verdict: 'PASS' },
        { id: 'TC_B_02_CS', role: 'ChargingStation', version: '2.0.1', verdict: 'FAIL' },
      ],
    });
    expect(rows[4]?.verdict).toBe('NOT_APPLICABLE');
    const files = await writeRequirementMatrix(summary, dir);
    const json = JSON.parse(await readFile(files.json, 'utf8')) as { requirements: unknown[] };
    expect(json.requirements).toEqual(rows);
    expect(await readFile(files.markdown, 'utf8')).toContain('| B01.FR.02 | FAIL | TC_B_01_CS PASS, TC_B_02_CS FAIL |');
  });
  it('sorts numerically (FR.2 before FR.10)', () => {
    const s = buildRunSummary({
      runId: 'r', startedAt: '', finishedAt: '', sut: { role: 'CSMS', version: '2.1' },
      results: [baseCase({ id: 'TC_X', verdict: 'PASS', requirements: ['E01.FR.10', 'E01.FR.2'] })],
    });
    expect(requirementMatrix(s).map((r) => r.requirement)).toEqual(['E01.FR.2', 'E01.FR.10']);
  });
});

describe('console output', () => {
  it('progressLine shows index, verdict, id, duration and a one-line reason', async () => {
    const summary = await threeCaseRun(await tempDir());
    const [pass, fail, na] = summary.results;
    expect(progressLine(pass!, 1, 12)).toBe('[ 1/12] PASS            TC_B_01_CS  1.2s');
    const line = progressLine(fail!, 2, 12);
    expect(line).toMatch(/^\[ 2\/12\] FAIL {12}TC_B_02_CS {2}1\.2s {2}Step 3: while Pending/);
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThanOrEqual(160);
    expect(progressLine(na!, 3, 12)).toBe('[ 3/12] NOT_APPLICABLE  TC_C_10_CS  0ms  PICS: AuthCacheCtrlr not supported');
  });
  it('renderConsoleSummary lists counts, cases that did not pass, where the report is and the exit code', async () => {
    const base = await threeCaseRun(await tempDir());
    const summary = buildRunSummary({ ...base, results: [...base.results, baseCase({ id: 'TC_Z_01_CS', verdict: 'ERROR', reason: 'peer crashed' })] });
    const text = renderConsoleSummary(summary);
    expect(text).toContain('PASS 1   FAIL 1   INCONCLUSIVE 0   NOT_APPLICABLE 1   ERROR 1   (total 4)');
    expect(text).toMatch(/\n {2}FAIL {12}TC_B_02_CS {2}Step 3: while Pending.*B02\.FR\.02/);
    expect(text).toMatch(/\n {2}ERROR {11}TC_Z_01_CS {2}peer crashed/);
    expect(text).not.toMatch(/TC_B_01_CS|TC_C_10_CS/);
    expect(text).toContain('Report: reports/run-test-1/');
    expect(text).toContain('Exit code: 2 (harness error)');
  });
});
