// Runs the fault matrix: one cucumber run per (fault, SUT role) with the cases that fault must break.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTestPki } from '../../src/pki/index.ts';
import type { CaseResult } from '../../src/report/verdict.ts';
import { shortReason } from '../../src/report/verdict.ts';
import { runSlice } from './run.ts';

export interface MatrixEntry {
  fault: string;
  expect: 'FAIL';
  message: string;
  /** Run this row over this security profile (default 1); TLS cases need 2 or 3. */
  securityProfile?: 2 | 3;
  /** The Part 6 step(s) at which the case must fail ("3", "3-4", "state:<Name>"); recorded, not yet enforced. */
  step?: string;
}
export interface Matrix {
  cases: Record<string, MatrixEntry[]>;
  noFault: Record<string, string>;
}

export interface MatrixRow {
  id: string;
  fault: string;
  verdict: string;
  ok: boolean;
  problem?: string;
  explanation: string;
}

/** The matrix files: fault-matrix.json plus one fault-matrix/<area>.json per functional area. */
export function matrixFiles(): URL[] {
  const dir = new URL('./fault-matrix/', import.meta.url);
  return [new URL('./fault-matrix.json', import.meta.url), ...readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => new URL(f, dir))];
}

/** One matrix file as a Matrix. */
export function loadMatrixFile(file: URL): Matrix {
  const part = JSON.parse(readFileSync(file, 'utf8')) as Partial<Matrix>;
  return { cases: part.cases ?? {}, noFault: part.noFault ?? {} };
}

/** Every matrix file merged (a case may appear in several). */
export function loadMatrix(): Matrix {
  const merged: Matrix = { cases: {}, noFault: {} };
  for (const file of matrixFiles()) {
    const part = loadMatrixFile(file);
    for (const [id, entries] of Object.entries(part.cases)) merged.cases[id] = [...(merged.cases[id] ?? []), ...entries];
    Object.assign(merged.noFault, part.noFault);
  }
  return merged;
}

export function explanationOf(r: CaseResult): string {
  return r.failure ? `${r.failure.step}: expected ${r.failure.expected}; actual ${r.failure.actual}` : (r.reason ?? '');
}

/** Runs every fault group with at most `concurrency` cucumber runs at a time. */
export async function runMatrix(matrix: Matrix, concurrency = 3): Promise<MatrixRow[]> {
  // One cucumber run per (fault, security profile); the TLS profiles share one test PKI, made on first use.
  const groups = new Map<string, { fault: string; sp: 1 | 2 | 3; ids: string[] }>();
  for (const [id, entries] of Object.entries(matrix.cases)) {
    for (const e of entries) {
      const sp = e.securityProfile ?? 1;
      const key = `${e.fault}@${sp}`;
      const g = groups.get(key) ?? { fault: e.fault, sp, ids: [] };
      g.ids.push(id);
      groups.set(key, g);
    }
  }
  let pki: Promise<string> | undefined;
  const certDir = (): Promise<string> => {
    pki ??= (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ocpp-matrix-pki-'));
      await initTestPki({ dir, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
      return dir;
    })();
    return pki;
  };
  const queue = [...groups.values()];
  const rows: MatrixRow[] = [];
  async function worker(): Promise<void> {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { fault, sp, ids } = next;
      const sim = sp === 1 ? {} : { securityProfile: sp, certDir: await certDir() };
      const summaries = await runSlice(ids, { faults: [fault], sim });
      for (const r of summaries.flatMap((s) => s.results)) {
        const entry = matrix.cases[r.id]?.find((e) => e.fault === fault && (e.securityProfile ?? 1) === sp);
        const explanation = explanationOf(r);
        let problem: string | undefined;
        if (r.verdict === 'PASS') problem = 'XPASS: the case passed although the fault is on';
        else if (r.verdict !== (entry?.expect ?? 'FAIL')) problem = `verdict ${r.verdict} instead of ${entry?.expect ?? 'FAIL'}: ${shortReason(r, 300)}`;
        else if (entry && !explanation.includes(entry.message)) problem = `explanation lacks "${entry.message}"`;
        rows.push({ id: r.id, fault, verdict: r.verdict, ok: problem === undefined, ...(problem ? { problem } : {}), explanation });
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return rows.sort((a, b) => a.id.localeCompare(b.id) || a.fault.localeCompare(b.fault));
}

export function printMatrix(rows: MatrixRow[]): string {
  const lines = rows.map((r) => `${r.ok ? 'ok ' : 'BAD'} ${r.id.padEnd(13)} x ${r.fault.padEnd(32)} -> ${r.verdict.padEnd(13)} ${r.problem ?? r.explanation.slice(0, 140)}`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('fault-run.ts')) {
  const t0 = Date.now();
  const rows = await runMatrix(loadMatrix(), Number(process.env.CONCURRENCY ?? 3));
  console.log(printMatrix(rows));
  console.log(`${rows.filter((r) => !r.ok).length} problem(s); wall ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
