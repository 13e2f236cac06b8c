// The self-test: every slice case PASSES against the reference simulators; every case FAILS, with the expected
// explanation and at the step the matrix row names, under at least one named simulator fault of its own functional
// area (fault matrix v2); TC_B_01 of both roles also runs over SP2 and SP3, and a few cases of both roles run over OCPP 2.1.
// Every scenario below is an instance of ONE plan (plan.ts): a few cucumber children, each instance alone in its own
// simulator with its own faults. The tests ask for their instances in the order the plan runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownArea } from './fault-areas.ts';
import { awaitRows, explanationOf, judgeRow, loadMatrix, loadMatrixFiles, planMatrix, printMatrix } from './fault-run.ts';
import { SelfTestPlan } from './plan.ts';

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

const blockOf = (id: string): string => /^TC_([A-Z])_/.exec(id)?.[1] ?? '?';

// The plan, in the order the tests below ask for it.
const plan = new SelfTestPlan(undefined, (line) => console.log(line));
const clean = implementedCases().map((id) => ({ id, handle: plan.add({ caseId: id }) }));
const wrongStepRow = { fault: 'boot.retryTooEarly', expect: 'FAIL' as const, message: 'no earlier than the interval', step: '3-4' };
const wrongStep = plan.add({ caseId: 'TC_B_03_CS', faults: [wrongStepRow.fault] });
const matrixFiles = loadMatrixFiles().map(({ name, matrix }) => ({ name, rows: planMatrix(matrix, plan) }));
const overTls = ([2, 3] as const).flatMap((sp) => ['TC_B_01_CS', 'TC_B_01_CSMS'].map((id) => ({ id, sp, handle: plan.add({ caseId: id, securityProfile: sp }) })));
const over21 = ['TC_B_01_CS', 'TC_B_06_CS', 'TC_B_01_CSMS', 'TC_B_06_CSMS'].map((id) => ({ id, handle: plan.add({ caseId: id, version: '2.1' }) }));
const changedFlow21 = plan.add({ caseId: 'TC_B_20_CSMS', version: '2.1' });
// Meter values every 2 ms: between the start of charging and the reset, the station certainly sends some.
const meterBeforeEnded = plan.add({ caseId: 'TC_B_22_CS', key: 'TC_B_22_CS~meterSample2ms', stationTuning: { meterSampleMs: 2 } });

describe('self-test against the reference simulators', () => {
  // One test per Part 6 block (both roles), so that no single test carries the budget of every case; the first one
  // also waits for the plan's children to start.
  const blocks = [...new Set(clean.map((c) => blockOf(c.id)))].sort();
  for (const [index, block] of blocks.entries()) {
    const mine = clean.filter((c) => blockOf(c.id) === block);
    it(`every implemented case of block ${block} PASSES against the reference simulators (${mine.length} cases)`, { timeout: (index === 0 ? 180_000 : 60_000) + mine.length * 4_000 }, async () => {
      if (index === 0) console.log(`self-test plan: ${plan.size.instances} case instances in ${plan.size.children} cucumber children`);
      const results = await Promise.all(mine.map((c) => plan.result(c.handle)));
      // Cases Part 6 runs only over other security profiles (TLS cases) are NOT_APPLICABLE here and pass over SP2 in
      // security-profiles.test.ts.
      const otherProfile = (r: (typeof results)[number]): boolean => r.verdict === 'NOT_APPLICABLE' && /^the case runs under security profile /.test(r.reason ?? '');
      const bad = results.filter((r) => r.verdict !== 'PASS' && !otherProfile(r)).map((r) => `${r.id} ${r.verdict}: ${explanationOf(r)}`);
      expect(bad).toEqual([]);
      expect(results.map((r) => r.id).sort()).toEqual(mine.map((c) => c.id));
    });
  }

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
    const row = wrongStepRow;
    const result = await plan.result(wrongStep);
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
  for (const { name, rows } of matrixFiles) {
    if (rows.length === 0) continue;
    it(`${name} (${rows.length} rows)`, { timeout: 60_000 + rows.length * 8_000 }, async () => {
      const t0 = Date.now();
      const judged = await awaitRows(plan, rows);
      const bad = judged.filter((r) => !r.ok);
      console.log(`fault matrix ${name}: ${rows.length} rows, ${bad.length === 0 ? 'all hold' : `${bad.length} BAD`} (waited ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      if (bad.length > 0) console.log(printMatrix(judged));
      expect(bad.map((r) => `${r.id} x ${r.fault}: ${r.problem ?? ''}`)).toEqual([]);
    });
  }
});

describe('self-test over other profiles and versions', () => {
  it('TC_B_01 of both roles passes over security profiles 2 and 3', { timeout: 240_000 }, async () => {
    const got = await Promise.all(overTls.map(async (c) => ({ c, r: await plan.result(c.handle) })));
    expect(got.map(({ c, r }) => `${r.id}@SP${c.sp} ${r.verdict} ${explanationOf(r)}`.trim())).toEqual(overTls.map((c) => `${c.id}@SP${c.sp} PASS`));
  });

  it('the same features run over OCPP 2.1 (ocpp2.1 negotiated on the wire)', { timeout: 240_000 }, async () => {
    const results = await Promise.all(over21.map((c) => plan.result(c.handle)));
    expect(results.map((r) => `${r.id}@${r.version} ${r.verdict} ${explanationOf(r)}`.trim()).sort()).toEqual(over21.map((c) => `${c.id}@2.1 PASS`).sort());
    for (const r of results) {
      const trace = readFileSync(r.tracePath ?? '', 'utf8');
      expect(trace, `${r.id} trace`).toContain('"chosenSubprotocol":"ocpp2.1"');
      expect(trace, `${r.id} trace`).not.toContain('"chosenSubprotocol":"ocpp2.0.1"');
    }
  });

  it('over OCPP 2.1 a feature whose Part 6 flow changed is not run (INCONCLUSIVE, not implemented for 2.1)', async () => {
    const r = await plan.result(changedFlow21);
    expect(r.verdict).toBe('INCONCLUSIVE');
    expect(r.reason).toMatch(/not implemented yet for OCPP 2\.1: the 2\.1 flow differs from 2\.0\.1/);
  });

  it('TC_B_22_CS is not misled by periodic meter values arriving before the Ended event', { timeout: 240_000 }, async () => {
    const result = await plan.result(meterBeforeEnded);
    expect(`${result.verdict} ${explanationOf(result)}`.trim()).toBe('PASS');
    // The tuning must really have put a periodic event before the Ended one, or this test proves nothing.
    const events = readFileSync(result.tracePath ?? '', 'utf8')
      .split('\n')
      .filter((line) => line.includes('"kind":"frame"') && line.includes('"dir":"in"') && line.includes('TransactionEvent'));
    const firstPeriodic = events.findIndex((line) => line.includes('MeterValuePeriodic'));
    const ended = events.findIndex((line) => line.includes('\\"eventType\\":\\"Ended\\"'));
    expect(firstPeriodic, 'a periodic TransactionEvent arrived').toBeGreaterThanOrEqual(0);
    expect(ended, 'the Ended TransactionEvent arrived').toBeGreaterThan(firstPeriodic);
  });
});
