// The self-test: every slice case PASSES against the reference simulators; every case FAILS, with the expected
// explanation and at the step the matrix row names, under at least one named simulator fault of its own functional
// area (fault matrix v2); TC_B_01 of both roles also runs over SP2 and SP3, and a few cases of both roles run over OCPP 2.1.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { ownArea } from './fault-areas.ts';
import { explanationOf, judgeRow, loadMatrix, loadMatrixFiles, printMatrix, runMatrix } from './fault-run.ts';
import { runSlice } from './run.ts';

const featuresDir = new URL('../../features/', import.meta.url);
function implementedCases(): string[] {
  const out: string[] = [];
  for (const role of ['cs', 'csms']) {
    const roleDir = new URL(`${role}/`, featuresDir);
    for (const block of readdirSync(roleDir)) {
      for (const f of readdirSync(new URL(`${block}/`, roleDir))) if (f.endsWith('.feature')) out.push(f.replace(/\.feature$/, ''));
    }
  }
  return out.sort();
}

describe('self-test against the reference simulators', () => {
  it('every implemented case PASSES against the reference simulators', { timeout: 240_000 }, async () => {
    const ids = implementedCases();
    const summaries = await runSlice(ids, { parallel: 2 });
    const results = summaries.flatMap((s) => s.results);
    // Cases Part 6 runs only over other security profiles (TLS cases) are NOT_APPLICABLE here and pass over SP2 in
    // security-profiles.test.ts.
    const otherProfile = (r: (typeof results)[number]): boolean => r.verdict === 'NOT_APPLICABLE' && /^the case runs under security profile /.test(r.reason ?? '');
    const bad = results.filter((r) => r.verdict !== 'PASS' && !otherProfile(r)).map((r) => `${r.id} ${r.verdict}: ${explanationOf(r)}`);
    expect(bad).toEqual([]);
    expect(results.map((r) => r.id).sort()).toEqual(ids);
  });

  it('every implemented case is in the fault matrix (or has a written reason)', () => {
    const m = loadMatrix();
    const missing = implementedCases().filter((id) => !(m.cases[id]?.length) && !m.noFault[id]);
    expect(missing).toEqual([]);
  });

  it('every matrix row names the step its case must FAIL at, and every case has a row of its own functional area', () => {
    const m = loadMatrix();
    const noStep = Object.entries(m.cases).flatMap(([id, rows]) => rows.filter((r) => typeof r.step !== 'string' || r.step.trim() === '').map((r) => `${id} x ${r.fault}`));
    expect(noStep).toEqual([]);
    // Generic RPC/transport faults may add rows but never stand alone; a waiver needs a written reason.
    const foreign = Object.entries(m.cases).filter(([id, rows]) => !rows.some((r) => ownArea(id, r.fault)) && !m.ownAreaWaiver?.[id]).map(([id, rows]) => `${id}: ${rows.map((r) => r.fault).join(', ')}`);
    expect(foreign).toEqual([]);
  });

  it('a row whose case FAILs at another step than the row names is a matrix failure', { timeout: 120_000 }, async () => {
    const row = { fault: 'boot.retryTooEarly', expect: 'FAIL' as const, message: 'no earlier than the interval', step: '3-4' };
    const [result] = (await runSlice(['TC_B_03_CS'], { faults: [row.fault] })).flatMap((s) => s.results);
    expect(result?.verdict).toBe('FAIL');
    if (!result) return;
    expect(judgeRow(row, result)).toBeUndefined();
    expect(judgeRow({ ...row, step: '1-2' }, result)).toMatch(/FAIL at the wrong step: the row says 1-2, the case failed at 3-4/);
    expect(judgeRow({ ...row, step: 'state:Booted' }, result)).toMatch(/wrong step/);
    expect(judgeRow({ ...row, step: '' }, result)).toMatch(/names no step/);
  });
});

// One test per matrix file (functional area), so that no single test carries the whole matrix's budget.
describe('fault matrix: each listed fault makes its case FAIL with the expected explanation at the named step', () => {
  for (const { name, matrix } of loadMatrixFiles()) {
    const rowCount = Object.values(matrix.cases).reduce((n, rows) => n + rows.length, 0);
    if (rowCount === 0) continue;
    it(`${name} (${rowCount} rows)`, { timeout: 60_000 + rowCount * 8_000 }, async () => {
      console.log(`fault matrix ${name}: ${rowCount} rows`);
      const rows = await runMatrix(matrix, 3, (line) => console.log(`${name}${line}`));
      console.log(printMatrix(rows));
      expect(rows.filter((r) => !r.ok).map((r) => `${r.id} x ${r.fault}: ${r.problem ?? ''}`)).toEqual([]);
    });
  }
});

describe('self-test over other profiles and versions', () => {
  it('TC_B_01 of both roles passes over security profiles 2 and 3', { timeout: 240_000 }, async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'ocpp-selftest-pki-'));
    await initTestPki({ dir: certDir, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
    for (const sp of [2, 3] as const) {
      const summaries = await runSlice(['TC_B_01_CS', 'TC_B_01_CSMS'], { sim: { securityProfile: sp, certDir } });
      const results = summaries.flatMap((s) => s.results);
      expect(results.map((r) => `${r.id}@SP${sp} ${r.verdict} ${explanationOf(r)}`.trim())).toEqual([`TC_B_01_CS@SP${sp} PASS`, `TC_B_01_CSMS@SP${sp} PASS`]);
    }
  });

  it('the same features run over OCPP 2.1 (ocpp2.1 negotiated on the wire)', { timeout: 240_000 }, async () => {
    const ids = ['TC_B_01_CS', 'TC_B_06_CS', 'TC_B_01_CSMS', 'TC_B_06_CSMS'];
    const summaries = await runSlice(ids, { sim: { ocppVersion: '2.1' } });
    const results = summaries.flatMap((s) => s.results);
    expect(results.map((r) => `${r.id}@${r.version} ${r.verdict} ${explanationOf(r)}`.trim()).sort()).toEqual(ids.map((id) => `${id}@2.1 PASS`).sort());
    for (const r of results) {
      const trace = readFileSync(r.tracePath ?? '', 'utf8');
      expect(trace, `${r.id} trace`).toContain('"chosenSubprotocol":"ocpp2.1"');
      expect(trace, `${r.id} trace`).not.toContain('"chosenSubprotocol":"ocpp2.0.1"');
    }
  });

  it('over OCPP 2.1 a feature whose Part 6 flow changed is not run (INCONCLUSIVE, not implemented for 2.1)', async () => {
    const [summary] = await runSlice(['TC_B_20_CSMS'], { sim: { ocppVersion: '2.1' } });
    const [r] = summary?.results ?? [];
    expect(r?.verdict).toBe('INCONCLUSIVE');
    expect(r?.reason).toMatch(/not implemented yet for OCPP 2\.1: the 2\.1 flow differs from 2\.0\.1/);
  });

  it('TC_B_22_CS is not misled by periodic meter values arriving before the Ended event', { timeout: 240_000 }, async () => {
    // Meter values every 2 ms: between the start of charging and the reset, the station certainly sends some.
    const summaries = await runSlice(['TC_B_22_CS'], { stationTuning: { meterSampleMs: 2 } });
    const [result] = summaries.flatMap((s) => s.results);
    expect(`${result?.verdict} ${result ? explanationOf(result) : ''}`.trim()).toBe('PASS');
    // The tuning must really have put a periodic event before the Ended one, or this test proves nothing.
    const events = readFileSync(result?.tracePath ?? '', 'utf8')
      .split('\n')
      .filter((line) => line.includes('"kind":"frame"') && line.includes('"dir":"in"') && line.includes('TransactionEvent'));
    const firstPeriodic = events.findIndex((line) => line.includes('MeterValuePeriodic'));
    const ended = events.findIndex((line) => line.includes('\\"eventType\\":\\"Ended\\"'));
    expect(firstPeriodic, 'a periodic TransactionEvent arrived').toBeGreaterThanOrEqual(0);
    expect(ended, 'the Ended TransactionEvent arrived').toBeGreaterThan(firstPeriodic);
  });
});
