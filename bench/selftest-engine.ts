// The self-test's own cost: the same fault-matrix rows as case instances run one cucumber child per row (the old
// layout, one child per fault group) and all in one child (the plan's layout). CPU seconds are those of the children
// (Linux: /proc/self/stat cutime + cstime of reaped children), which a busy machine does not distort the way it
// distorts wall time; bench/run.ts prints their ratio.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInstances } from '../src/runner/index.ts';
import type { CaseInstance } from '../src/runner/index.ts';
import { stationSutConfig } from '../src/runner/simulator-config.ts';
import { loadMatrix } from '../test/selftest/fault-run.ts';
import { selectCases } from '../test/selftest/run.ts';
import type { BenchRow } from './bench-row.ts';

const ROWS = 6;
const CLOCK_TICKS_PER_S = 100;

/** CPU seconds of this process's reaped children (user + system); NaN where /proc is missing. */
function childrenCpuS(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the ") ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

function stationRows(): CaseInstance[] {
  const rows = Object.entries(loadMatrix().cases)
    .filter(([id]) => id.endsWith('_CS'))
    .flatMap(([id, entries]) => entries.filter((e) => (e.securityProfile ?? 1) === 1).map((e) => ({ id, fault: e.fault })))
    .slice(0, ROWS);
  const cases = new Map(selectCases([...new Set(rows.map((r) => r.id))]).map((c) => [c.id, c]));
  return rows.flatMap((r) => {
    const c = cases.get(r.id);
    return c ? [{ key: `${r.id}~${r.fault}`, case: c, faults: [r.fault] }] : [];
  });
}

async function measure(label: string, batches: CaseInstance[][]): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-bench-selftest-'));
  const cpu0 = childrenCpuS();
  const t0 = performance.now();
  let fails = 0;
  try {
    for (const [i, instances] of batches.entries()) {
      const results = await runInstances({ config: stationSutConfig(), instances, runDir: join(dir, String(i)) });
      fails += [...results.values()].filter((r) => r.verdict === 'FAIL').length;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const n = batches.flat().length;
  if (fails !== n) throw new Error(`${label}: ${fails} of ${n} rows FAILed as their matrix rows say`);
  return [
    { name: `self-test ${ROWS} matrix rows, ${label}: children CPU`, value: childrenCpuS() - cpu0, unit: 's' },
    { name: `self-test ${ROWS} matrix rows, ${label}: wall`, value: performance.now() - t0, unit: 'ms' },
  ];
}

export async function benchSelftestEngine(): Promise<BenchRow[]> {
  const instances = stationRows();
  if (instances.length !== ROWS) throw new Error(`the matrix has ${instances.length} station rows at SP1, the bench needs ${ROWS}`);
  return [...(await measure('one child per row', instances.map((i) => [i]))), ...(await measure('one child for all', [instances]))];
}
