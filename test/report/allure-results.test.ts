import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findThirdPartyReferences, generateHtmlReport, writeAllureResults, type AllureResult } from '../../src/report/allure.ts';
import { buildRunSummary } from '../../src/report/verdict.ts';
import { baseCase, KNOWN_FRAME_MARKER, NASTY_FRAME, tempDir, threeCaseRun } from './fixtures.ts';

async function readResults(dir: string): Promise<{ files: string[]; results: AllureResult[] }> {
  const files = (await readdir(dir)).sort();
  const results = await Promise.all(
    files.filter((f) => f.endsWith('-result.json')).map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as AllureResult),
  );
  return { files, results };
}

describe('writeAllureResults', () => {
  it('writes one result per case with status mapping, labels, details, steps and the trace attachment', async () => {
    const dir = await tempDir();
    const base = await threeCaseRun(dir);
    const summary = buildRunSummary({
      ...base,
      results: [...base.results, baseCase({ id: 'TC_E_01_CS', verdict: 'INCONCLUSIVE', reason: 'no EV plugged in' }), baseCase({ id: 'TC_E_02_CS', verdict: 'ERROR', reason: 'bug' })],
    });
    const out = await writeAllureResults(summary, dir);
    expect(out).toBe(path.join(dir, 'allure-results'));
    const { files, results } = await readResults(out);
    expect(results).toHaveLength(5);
    for (const r of results) expect(files).toContain(`${r.uuid}-result.json`);
    const byId = new Map(results.map((r) => [r.name.split(' ')[0], r]));
    expect([...byId.entries()].map(([id, r]) => [id, r.status]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['TC_B_01_CS', 'passed'],
      ['TC_B_02_CS', 'failed'],
      ['TC_C_10_CS', 'skipped'],
      ['TC_E_01_CS', 'unknown'],
      ['TC_E_02_CS', 'broken'],
    ]);

    const fail = byId.get('TC_B_02_CS')!;
    expect(fail.name).toBe('TC_B_02_CS Cold Boot Charging Station - Pending');
    expect(fail.fullName).toBe('ocpp2.0.1.ChargingStation.B Provisioning.TC_B_02_CS');
    const label = (name: string): string[] => fail.labels.filter((l) => l.name === name).map((l) => l.value);
    expect(label('suite')).toEqual(['ChargingStation']);
    expect(label('parentSuite')).toEqual(['Core']);
    expect(label('subSuite')).toEqual(['B Provisioning']);
    expect(label('tag')).toEqual(['TC_B_02_CS']);
    expect(fail.statusDetails.message).toContain('Expected: no CALL other than BootNotificationRequest while Pending');
    expect(fail.statusDetails.message).toContain('Actual: StatusNotificationRequest');
    expect(fail.statusDetails.message).toContain('Requirement ids: B02.FR.02');
    expect(fail.statusDetails.trace).toContain(`Frame: ${NASTY_FRAME}`);
    expect(fail.parameters).toContainEqual({ name: 'requirements', value: 'B02.FR.01, B01.FR.02' });
    expect(fail.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'failed', 'skipped']);
    expect(fail.steps[2]).toMatchObject({ start: fail.start + 305, stop: fail.start + 1105 });

    const trace = fail.attachments.find((a) => a.source.endsWith('-attachment.ndjson'))!;
    expect(trace).toEqual({ name: 'wire trace (NDJSON)', source: `${fail.uuid}-attachment.ndjson`, type: 'text/plain' });
    const copied = await readFile(path.join(out, trace.source), 'utf8');
    expect(copied).toBe(await readFile(path.join(dir, 'TC_B_02_CS.ndjson'), 'utf8'));
    expect(copied).toContain(KNOWN_FRAME_MARKER);
    const frame = fail.attachments.find((a) => a.name === 'failing frame')!;
    // Written as UTF-8: byte-exact except the lone surrogate, which UTF-8 cannot carry (it becomes U+FFFD).
    expect(await readFile(path.join(out, frame.source), 'utf8')).toBe(Buffer.from(NASTY_FRAME, 'utf8').toString('utf8'));

    expect(byId.get('TC_C_10_CS')!.statusDetails.message).toBe('NOT_APPLICABLE: PICS: AuthCacheCtrlr not supported');
    expect(byId.get('TC_C_10_CS')!.attachments).toEqual([]);
    expect(await readFile(path.join(out, 'environment.properties'), 'utf8')).toContain('SUT\\ role=ChargingStation');
  });

  it('notes a missing trace file instead of failing the whole writer', async () => {
    const dir = await tempDir();
    const summary = buildRunSummary({
      runId: 'r', startedAt: '', finishedAt: '', sut: { role: 'CSMS', version: '2.1' },
      results: [baseCase({ id: 'TC_A', verdict: 'FAIL', tracePath: path.join(dir, 'nope.ndjson') })],
    });
    const out = await writeAllureResults(summary, dir);
    const { results } = await readResults(out);
    const att = results[0]!.attachments[0]!;
    expect(att.name).toBe('wire trace (missing)');
    expect(await readFile(path.join(out, att.source), 'utf8')).toMatch(/nope\.ndjson could not be copied/);
  });
});

describe('generateHtmlReport guards', () => {
  it('says clearly when the generator is missing, and never throws', async () => {
    const dir = await tempDir();
    const res = await generateHtmlReport(dir, path.join(dir, 'html'), { allureCli: path.join(dir, 'no-such-allure', 'cli.js') });
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/Allure 3 generator \(npm package "allure"\) is not installed; run `npm ci`/);
    expect(res.message).toMatch(/summary\.json and junit\.xml are written regardless/);
  });
  it('refuses a results path that is not a directory', async () => {
    const dir = await tempDir();
    const res = await generateHtmlReport(path.join(dir, 'missing'), path.join(dir, 'html'));
    expect(res).toEqual({ ok: false, message: `HTML report not generated: ${path.join(dir, 'missing')} is not a directory` });
  });
  it('finds analytics and third-party resources in generated files (the check behind ok=false)', async () => {
    const dir = await tempDir();
    // The exact snippet Allure 3's default "awesome" plugin writes into index.html.
    await writeFile(path.join(dir, 'index.html'), '<html><head><link rel="stylesheet" href="app.css"></head><body><script src="app.js"></script>\n<script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script></body></html>');
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'x.css'), '@import url("//fonts.example.org/font.css");');
    await writeFile(path.join(dir, 'clean.html'), '<script src="http://127.0.0.1:8080/a.js"></script><a href="https://github.com/allure-framework">link, not a load</a>');
    expect((await findThirdPartyReferences(dir)).sort()).toEqual([
      'index.html: web analytics code',
      'index.html: www.googletagmanager.com',
      `${path.join('sub', 'x.css')}: fonts.example.org`,
    ]);
  });
});
