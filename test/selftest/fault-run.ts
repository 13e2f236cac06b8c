// Runs the fault matrix (v2): one case instance per row, its case alone in a fresh simulator with the row's fault
// switched on, all rows of a (SUT role, security profile) in one cucumber child (see plan.ts). A row holds when its case FAILs with the expected explanation AT THE STEP the row names: a Part 6 step spec
// as in the feature's "# Part 6 step(s) ..." comment ("3", "3-4", "3, 5"), "state:<ReusableState>" for a failure
// inside a reusable state, "rules" for a breach of Part 6's general rules (checked on every frame), or, for a feature
// without Part 6 step numbers, the Gherkin step's text.
// By hand: `tsx test/selftest/fault-run.ts [area-file-name|case-id-regex]` (STEPS=observed prints the observed steps;
// WORKERS=n sets the cucumber workers per child).
import { readdirSync, readFileSync } from 'node:fs';
import { parseStepSpec, spellStepList, stepsOfFailure } from '../../src/runner/annotations.ts';
import type { CaseResult } from '../../src/report/verdict.ts';
import { shortReason } from '../../src/report/verdict.ts';
import { SelfTestPlan } from './plan.ts';
import type { WorkersFor } from './plan.ts';

export interface MatrixEntry {
  fault: string;
  expect: 'FAIL';
  message: string;
  /** Where the case must FAIL: "3", "3-4", "3, 5", "state:<Name>", "rules", or the Gherkin step text (unnumbered features). */
  step: string;
  /** Run this row over this security profile (default 1); TLS cases need 2 or 3. */
  securityProfile?: 2 | 3;
}
export interface Matrix {
  cases: Record<string, MatrixEntry[]>;
  noFault: Record<string, string>;
  /** Cases whose only killing faults are of another functional area, with the reason no own-area fault exists yet. */
  ownAreaWaiver?: Record<string, string>;
}

export interface MatrixRow {
  id: string;
  fault: string;
  verdict: string;
  ok: boolean;
  problem?: string;
  explanation: string;
  /** Where the case failed, spelled as a row's `step` would be. */
  observedStep?: string;
}

const dir = new URL('./fault-matrix/', import.meta.url);

/** The matrix files: fault-matrix.json plus one fault-matrix/<area>.json per functional area, by name. */
export function loadMatrixFiles(): Array<{ name: string; matrix: Matrix }> {
  const files: Array<[string, URL]> = [
    ['fault-matrix', new URL('./fault-matrix.json', import.meta.url)],
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f): [string, URL] => [f.replace(/\.json$/, ''), new URL(f, dir)]),
  ];
  return files.map(([name, file]) => {
    const part = JSON.parse(readFileSync(file, 'utf8')) as Partial<Matrix>;
    return { name, matrix: { cases: part.cases ?? {}, noFault: part.noFault ?? {}, ownAreaWaiver: part.ownAreaWaiver ?? {} } };
  });
}

/** All matrix files merged (a case may appear in several). */
export function loadMatrix(): Matrix {
  const merged: Matrix = { cases: {}, noFault: {}, ownAreaWaiver: {} };
  for (const { matrix: part } of loadMatrixFiles()) {
    for (const [id, entries] of Object.entries(part.cases)) merged.cases[id] = [...(merged.cases[id] ?? []), ...entries];
    Object.assign(merged.noFault, part.noFault);
    Object.assign(merged.ownAreaWaiver ?? {}, part.ownAreaWaiver);
  }
  return merged;
}

export function explanationOf(r: CaseResult): string {
  return r.failure ? `${r.failure.step}: expected ${r.failure.expected}; actual ${r.failure.actual}` : (r.reason ?? '');
}

const STATE_STEP = /the reusable states? (?:from )?([A-Z][A-Za-z]+)/;
const STATE_MARK = /\(in reusable state ([A-Z][A-Za-z]+)\)/;

/** Where a FAIL happened, spelled as a row's `step`: the Part 6 steps, else the reusable state, else "rules". */
export function observedStep(r: CaseResult): string | undefined {
  const f = r.failure;
  if (!f) return undefined;
  if (f.step.startsWith('Part 6 general rules')) return 'rules';
  const steps = stepsOfFailure(f.step);
  if (steps) return steps.length === 1 ? String(steps[0]) : spellStepList(steps);
  const state = STATE_MARK.exec(f.expected)?.[1] ?? STATE_STEP.exec(f.step)?.[1];
  // A feature without Part 6 step numbers: the Gherkin step's own text names the place.
  return state ? `state:${state}` : f.step;
}


/** Does the failure happen where the row says? A state row also holds when the failing Part 6 step executes that state. */
export function atStep(entry: Pick<MatrixEntry, 'step'>, r: CaseResult): boolean {
  const f = r.failure;
  if (!f) return false;
  const want = entry.step.trim();
  if (want === 'rules') return f.step.startsWith('Part 6 general rules');
  if (want.startsWith('state:')) {
    const name = want.slice('state:'.length);
    return STATE_MARK.exec(f.expected)?.[1] === name || STATE_MARK.exec(f.actual)?.[1] === name || new RegExp(`the reusable states? (?:from )?${name}\\b`).test(f.step);
  }
  const wanted = parseStepSpec(want);
  if (wanted === undefined) return stepsOfFailure(f.step) === undefined && f.step === want;
  const got = stepsOfFailure(f.step);
  return got !== undefined && wanted.join(',') === got.join(',');
}

/** Judges one row against its case's result (undefined: the row holds). */
export function judgeRow(entry: MatrixEntry | undefined, r: CaseResult): string | undefined {
  if (r.verdict === 'PASS') return 'XPASS: the case passed although the fault is on';
  if (r.verdict !== (entry?.expect ?? 'FAIL')) return `verdict ${r.verdict} instead of ${entry?.expect ?? 'FAIL'}: ${shortReason(r, 300)}`;
  if (!entry) return 'no matrix row for this result';
  if (!explanationOf(r).includes(entry.message)) return `explanation lacks "${entry.message}"`;
  if (typeof entry.step !== 'string' || entry.step.trim() === '') return `the row names no step (it failed at ${observedStep(r) ?? 'an unnamed step'})`;
  if (!atStep(entry, r)) return `FAIL at the wrong step: the row says ${entry.step}, the case failed at ${observedStep(r) ?? 'an unnamed step'} (${r.failure?.step ?? ''})`;
  return undefined;
}

/** A matrix row planned as an instance of the self-test plan (its case alone in a simulator with the row's fault). */
export interface PlannedRow {
  id: string;
  entry: MatrixEntry;
  handle: string;
}

/** Plans one instance per (case, fault, security profile) of the matrix; a row's instance is its case with its fault. */
export function planMatrix(matrix: Matrix, plan: SelfTestPlan): PlannedRow[] {
  return Object.entries(matrix.cases).flatMap(([id, entries]) => entries.map((entry) => ({ id, entry, handle: plan.add({ caseId: id, faults: [entry.fault], securityProfile: entry.securityProfile ?? 1 }) })));
}

/** The row's verdict on its instance's result (judgeRow), with what was observed. */
export function judgedRow(row: PlannedRow, r: CaseResult): MatrixRow {
  const problem = judgeRow(row.entry, r);
  const seen = observedStep(r);
  return { id: row.id, fault: row.entry.fault, verdict: r.verdict, ok: problem === undefined, ...(problem ? { problem } : {}), explanation: explanationOf(r), ...(seen ? { observedStep: seen } : {}) };
}

/** Waits for the planned rows (the plan runs on the first wait) and judges each; `progress` hears of each row. */
export async function awaitRows(plan: SelfTestPlan, rows: PlannedRow[], progress?: (line: string) => void): Promise<MatrixRow[]> {
  let done = 0;
  const judged = await Promise.all(
    rows.map(async (row) => {
      const j = judgedRow(row, await plan.result(row.handle));
      done++;
      progress?.(`  [${done}/${rows.length}] ${row.id} x ${row.entry.fault}${row.entry.securityProfile ? ` @SP${row.entry.securityProfile}` : ''}: ${j.ok ? 'ok' : 'BAD'}`);
      return j;
    }),
  );
  return judged.sort((a, b) => a.id.localeCompare(b.id) || a.fault.localeCompare(b.fault));
}

/** Runs a matrix on a plan of its own (by hand, see the top of this file). */
export async function runMatrix(matrix: Matrix, workersFor?: WorkersFor, progress?: (line: string) => void): Promise<MatrixRow[]> {
  const plan = new SelfTestPlan(workersFor, progress);
  return await awaitRows(plan, planMatrix(matrix, plan), progress);
}

export function printMatrix(rows: MatrixRow[]): string {
  const lines = rows.map((r) => `${r.ok ? 'ok ' : 'BAD'} ${r.id.padEnd(13)} x ${r.fault.padEnd(32)} -> ${r.verdict.padEnd(13)} @${(r.observedStep ?? '-').padEnd(8)} ${r.problem ?? r.explanation.slice(0, 140)}`);
  return lines.join('\n');
}

/** The matrix restricted to one file's rows, or to cases matching a regex. */
export function sliceMatrix(filter: string | undefined): Matrix {
  if (!filter) return loadMatrix();
  const file = loadMatrixFiles().find((f) => f.name === filter);
  if (file) return file.matrix;
  const m = loadMatrix();
  const re = new RegExp(filter);
  return { ...m, cases: Object.fromEntries(Object.entries(m.cases).filter(([id]) => re.test(id))) };
}

if (process.argv[1]?.endsWith('fault-run.ts')) {
  const t0 = Date.now();
  const workers = process.env.WORKERS ? (): number => Number(process.env.WORKERS) : undefined;
  const rows = await runMatrix(sliceMatrix(process.argv[2]), workers, (l) => console.log(l));
  console.log(printMatrix(rows));
  if (process.env.STEPS === 'observed') console.log(JSON.stringify(rows.map((r) => ({ id: r.id, fault: r.fault, observedStep: r.observedStep, ok: r.ok, problem: r.problem }))));
  console.log(`${rows.filter((r) => !r.ok).length} problem(s); wall ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
