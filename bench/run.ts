// `npm run bench`: runs every benchmark module and prints one table, plus ratios where a pair is comparable.
// Each module exports an async function returning rows. Every suite runs in a fresh child process (with --expose-gc),
// so one suite's garbage does not skew another's memory figures; a suite that fails is reported, not fatal.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench-row.ts';

/** A suite returns its rows, or its rows and a text printed above them (e.g. a per-case table). */
type SuiteResult = BenchRow[] | { rows: BenchRow[]; text: string };

const suites: Array<{ title: string; load: () => Promise<() => Promise<SuiteResult>> }> = [
  { title: 'rpc + schema', load: async () => (await import('./rpc-schema.ts')).benchRpcSchema },
  { title: 'transport', load: async () => (await import('./transport.ts')).benchTransport },
  { title: 'station simulator', load: async () => (await import('./station-sim.ts')).benchStationSim },
  { title: 'csms simulator', load: async () => (await import('./csms-sim.ts')).benchCsmsSim },
  { title: 'self-test engine', load: async () => (await import('./selftest-engine.ts')).benchSelftestEngine },
  // Minutes, not seconds: the Core CSMS profile with the example config's intervals, serial and --parallel 4 and 8.
  { title: 'time to verdict', load: async () => (await import('./time-to-verdict.ts')).benchTimeToVerdict },
];

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

// Ratios make the numbers comparable across machines: each is numerator / denominator of two rows above.
const RATIOS: Array<{ name: string; numerator: string; denominator: string }> = [
  { name: 'SP1 / SP0 connect (Basic Auth cost)', numerator: 'SP1 ws+basic connect p50', denominator: 'SP0 ws connect p50' },
  { name: 'SP2 RSA / SP0 connect (TLS cost)', numerator: 'SP2 wss+basic RSA-2048 connect p50', denominator: 'SP0 ws connect p50' },
  { name: 'SP2 RSA / SP2 ECDSA connect', numerator: 'SP2 wss+basic RSA-2048 connect p50', denominator: 'SP2 wss+basic ECDSA-P256 connect p50' },
  { name: 'SP3 / SP2 connect (client certificate cost)', numerator: 'SP3 mTLS ECDSA-P256 connect p50', denominator: 'SP2 wss+basic ECDSA-P256 connect p50' },
  { name: 'NotifyReport / BootNotification validate p50', numerator: 'parse+validate: NotifyReport p50', denominator: 'parse+validate: BootNotification p50' },
  { name: 'self-test rows: child per row / one child, CPU', numerator: 'self-test 6 matrix rows, one child per row: children CPU', denominator: 'self-test 6 matrix rows, one child for all: children CPU' },
  { name: 'self-test rows: child per row / one child, wall', numerator: 'self-test 6 matrix rows, one child per row: wall', denominator: 'self-test 6 matrix rows, one child for all: wall' },
  { name: 'compile all 2.0.1 / first validator', numerator: 'startup: compile all 128 schemas of 2.0.1', denominator: 'startup: first validator, cold (2.0.1 BootNotification req)' },
];

function printRatios(rows: Map<string, number>): void {
  const lines = RATIOS.flatMap(({ name, numerator, denominator }) => {
    const top = rows.get(numerator);
    const bottom = rows.get(denominator);
    return top !== undefined && bottom !== undefined && bottom !== 0 ? [`  ${name.padEnd(48)} ${(top / bottom).toFixed(2)}x`] : [];
  });
  if (lines.length > 0) console.log(`\n## ratios\n${lines.join('\n')}`);
}

/** Child mode: run one suite in this (fresh) process and print its rows as JSON, so memory figures are not skewed. */
async function runOneSuite(title: string): Promise<void> {
  const suite = suites.find((s) => s.title === title);
  if (!suite) throw new Error(`unknown bench suite "${title}"`);
  const bench = await suite.load();
  const result = await bench();
  if (!Array.isArray(result)) process.stdout.write(`${result.text}\n`);
  process.stdout.write(`${JSON.stringify(Array.isArray(result) ? result : result.rows)}\n`);
}

function runSuiteInChild(title: string): BenchRow[] {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--suite', title], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = child.stdout.trim().split('\n');
  const lastLine = lines.at(-1) ?? '';
  if (child.status !== 0 || !lastLine.startsWith('[')) {
    throw new Error(`exit ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  // What the suite printed before its rows (a per-case table) is shown as it is.
  const text = lines.slice(0, -1).filter((l) => l.trim() !== '');
  if (text.length > 0) console.log(text.map((l) => `  ${l}`).join('\n'));
  return JSON.parse(lastLine) as BenchRow[];
}

async function main(): Promise<void> {
  const suiteFlag = process.argv.indexOf('--suite');
  if (suiteFlag >= 0) {
    await runOneSuite(process.argv[suiteFlag + 1] ?? '');
    return;
  }
  const only = process.argv.slice(2);
  const seen = new Map<string, number>();
  let failures = 0;
  for (const suite of suites) {
    if (only.length > 0 && !only.some((word) => suite.title.includes(word))) continue;
    console.log(`\n## ${suite.title}`);
    try {
      const rows = runSuiteInChild(suite.title);
      const width = Math.max(...rows.map((row) => row.name.length), 10);
      for (const row of rows) seen.set(row.name, row.value);
      for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${formatValue(row.value).padStart(12)} ${row.unit}`);
    } catch (error) {
      failures += 1;
      console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  printRatios(seen);
  process.exitCode = failures > 0 ? 1 : 0;
}

await main();
