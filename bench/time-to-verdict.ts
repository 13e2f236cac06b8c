// Time to verdict against a CSMS with realistic bench values: the Core CSMS profile against the reference CSMS run as
// a separate process (`sim csms`, a pool of 8 station identities, SP2), through the CLI the way a user runs it, once
// serial and once per --parallel N. Per case it sets the protocol-mandated time (every wait the engine makes on
// purpose, written to the trace as "letting N ms pass: <reason>", less the two that are ours: the end-of-case drain
// window and the reconnect gap) beside the measured time; the difference is the harness's overhead (with the SUT's
// answer times, tiny for the reference CSMS). Also the start-up: process start to the first case's start, through the
// bundle of `npm run build` (which the bench makes first) and through tsx without a build, cold and warm; and the CPU
// seconds (user + sys, from GNU time) of every run, which the machine's load distorts less than the wall time.
//
//   npx tsx bench/time-to-verdict.ts [--parallel 1,4,8] [--case ID ...] [--block B ...]   (per-case table printed)
//   npm run bench -- time-to-verdict                                                    (the summary rows)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { initTestPki } from '../src/pki/index.ts';
import { REFERENCE_CSMS_PICS } from '../src/sim/csms/pics.ts';
import type { RunSummary } from '../src/report/verdict.ts';
import { REPO_ROOT } from '../src/runner/run-cases.ts';
import { build } from '../scripts/build.js';
import { NO_DIST_ENV } from '../scripts/dist-state.js';
import type { BenchRow } from './bench-row.ts';

const BIN = join(REPO_ROOT, 'bin', 'ocpp-conformance.js');
const POOL = 8;
/** How many warm compiled starts the start-up figure is the median of. */
const WARM_STARTS = 7;
const PASSWORD = 'bench-password-{n:3}-000000';
/** The bench values of examples/csms-under-test.json (the meter-value intervals are the config defaults there: 10 s). */
const BENCH = { heartbeatIntervalS: 300, model: 'LabSim-AC22', vendorName: 'ExampleLab', transactionDurationMs: 5000, clockAlignedIntervalS: 10, sampledIntervalS: 10 };
const TOKENS = {
  valid: [
    { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' },
    { idToken: '04A1B2C3D4E5F7', type: 'ISO14443' },
  ],
  invalid: { idToken: '04FFFFFFFFFF01', type: 'ISO14443' },
  blocked: { idToken: '04FFFFFFFFFF02', type: 'ISO14443' },
  expired: { idToken: '04FFFFFFFFFF03', type: 'ISO14443' },
  groupId: { idToken: 'BENCH-GROUP-1', type: 'Central' },
  masterPass: { idToken: '04EEEEEEEEEE01', type: 'ISO14443' },
  masterPassGroupId: 'BENCH-MASTERPASS',
};
/** Our own waits, not the protocol's: they count as overhead. */
const OURS = [/^the end-of-case drain window/, /^the reconnect gap/];

interface Proc {
  output: () => string;
  waitFor: (re: RegExp, ms: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  stop: () => void;
}

/** GNU time, when installed: the CPU seconds (user + sys) of the CLI and every process it waited for (cucumber, workers). */
const GNU_TIME = '/usr/bin/time';

function cli(args: string[], env: NodeJS.ProcessEnv = {}, cpuFile?: string): Proc {
  const command = cpuFile && existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S', '-o', cpuFile, process.execPath] : [process.execPath];
  const child = spawn(command[0] ?? process.execPath, [...command.slice(1), BIN, ...args], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...env } });
  let text = '';
  child.stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => text,
    exited,
    waitFor: async (re, ms) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const m = re.exec(text);
        if (m) return m;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${String(re)} within ${ms} ms:\n${text}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => {
      try {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

export interface CaseTiming {
  id: string;
  verdict: string;
  measuredMs: number;
  mandatedMs: number;
  reason?: string;
}

/** The protocol-mandated waits of one case, from its trace. */
function mandatedMs(tracePath: string | undefined): number {
  if (!tracePath) return 0;
  let total = 0;
  for (const line of readFileSync(tracePath, 'utf8').split('\n')) {
    if (!line.includes('letting ')) continue;
    const message = (JSON.parse(line) as { message?: string }).message ?? '';
    const m = /^letting (\d+) ms pass: (.*)$/s.exec(message);
    if (m && !OURS.some((re) => re.test(m[2] ?? ''))) total += Number(m[1]);
  }
  return total;
}

export interface RunTiming {
  parallel: number;
  wallMs: number;
  /** User + system CPU seconds of the run's processes (NaN without GNU time). */
  cpuS: number;
  startupMs: number;
  cases: CaseTiming[];
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

async function runOnce(config: string, out: string, parallel: number, selection: string[], env: NodeJS.ProcessEnv = {}): Promise<RunTiming> {
  mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  const cpuFile = join(out, 'cpu.txt');
  const p = cli(['run', '--config', config, '--report-dir', out, '--no-html', '--quiet', '--parallel', String(parallel), ...selection], env, cpuFile);
  await p.exited;
  const wallMs = Date.now() - t0;
  const cpuS = existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number).reduce((a, b) => a + b, 0) ?? NaN : NaN;
  const dir = readdirSync(out).filter((d) => d !== 'cpu.txt').map((d) => join(out, d))[0];
  if (!dir) throw new Error(`the run wrote no report:\n${p.output()}`);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
  const ran = summary.results.filter((r) => r.steps.length > 0);
  const first = Math.min(...ran.map((r) => Date.parse(r.startedAt)));
  return {
    parallel,
    wallMs,
    cpuS,
    startupMs: first - t0,
    cases: summary.results.map((r) => ({ id: r.id, verdict: r.verdict, measuredMs: r.durationMs, mandatedMs: mandatedMs(r.tracePath), ...(r.verdict === 'PASS' ? {} : { reason: r.reason ?? r.failure?.actual ?? '' }) })),
  };
}

export interface StartUp {
  label: string;
  /** Process start to the first case's start. */
  ms: number;
  /** CPU seconds of that whole one-case run. */
  cpuS: number;
}

export interface TimeToVerdict {
  runs: RunTiming[];
  startups: StartUp[];
}

/**
 * A fresh `sim csms` that knows the pool, and the run config for it. Fresh per run: a run changes what the CSMS holds
 * for its identities (TC_A_09's password, TC_A_19's profile) and carries that only within itself.
 */
export async function startCsms(dir: string, certDir: string, identities: string[], name: string): Promise<{ config: string; stop: () => Promise<void> }> {
  const args = ['sim', 'csms', '--port', '0', '--security-profile', '2', '--station', `BENCH-{n:3}:${PASSWORD}`, '--station-count', String(POOL), '--cert-dir', certDir];
  args.push('--heartbeat-interval', String(BENCH.heartbeatIntervalS), '--pending-accept-after', '0');
  for (const t of TOKENS.valid) args.push('--token', `${t.idToken}:${t.type}:Accepted:${TOKENS.groupId.idToken}`);
  args.push('--token', `${TOKENS.invalid.idToken}:ISO14443:Invalid`, '--token', `${TOKENS.blocked.idToken}:ISO14443:Blocked`, '--token', `${TOKENS.expired.idToken}:ISO14443:Expired`);
  args.push('--master-pass', `${TOKENS.masterPass.idToken}:${TOKENS.masterPass.type}`, '--master-pass-group', TOKENS.masterPassGroupId);
  const csms = cli(args);
  const stop = async (): Promise<void> => {
    csms.stop();
    await csms.exited;
  };
  try {
    const ws = await csms.waitFor(/listening at wss:\/\/127\.0\.0\.1:(\d+)\//, 120_000);
    const api = await csms.waitFor(/Operator API at (http:\/\/[0-9.:]+)\//, 120_000);
    const config = join(dir, `${name}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        sut: { role: 'CSMS', csmsUrl: `wss://localhost:${ws[1] ?? ''}/`, identity: identities[0], identities: { pattern: 'BENCH-{n:3}', count: POOL, basicAuthPassword: PASSWORD } },
        ocppVersion: '2.0.1',
        securityProfile: 2,
        basicAuthPassword: PASSWORD.replace('{n:3}', '001'),
        certificates: { dir: certDir },
        evses: [1, 2].map((id) => ({ id, connectors: [{ id: 1 }] })),
        idTokens: TOKENS,
        timeouts: { defaultMs: 30_000, connectMs: 15_000 },
        actions: { kind: 'http-octt', baseUrl: api[1] },
        bench: BENCH,
        pics: REFERENCE_CSMS_PICS,
      }),
    );
    return { config, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export async function timeToVerdict(parallels: number[], selection: string[]): Promise<TimeToVerdict> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-bench-ttv-'));
  const certDir = join(dir, 'certs');
  const identities = Array.from({ length: POOL }, (_, i) => `BENCH-${String(i + 1).padStart(3, '0')}`);
  await initTestPki({ dir: certDir, identities, organization: 'Bench Lab' });
  try {
    // Start-up: one quick case through the bundle `npm run build` made (built just now: the first run after a build,
    // then again), and without a build through tsx (with an empty transpile cache, kept under the temporary folder, then
    // warm).
    await build(REPO_ROOT);
    const first = await startCsms(dir, certDir, identities, 'startup');
    const startups: StartUp[] = [];
    try {
      // A single start on this machine varies by a tenth of a second either way: the warm compiled start, the one a
      // user meets every time, is the median of several.
      const ways: Array<[string, NodeJS.ProcessEnv, number]> = [
        ['compiled (npm run build), first run', {}, 1],
        [`compiled (npm run build), again (median of ${WARM_STARTS})`, {}, WARM_STARTS],
        ['tsx (no build), empty transpile cache', { [NO_DIST_ENV]: '1', TMPDIR: mkdtempSync(join(dir, 'cold-')) }, 1],
        ['tsx (no build), warm transpile cache', { [NO_DIST_ENV]: '1' }, 1],
      ];
      for (const [i, [label, env, times]] of ways.entries()) {
        const runs: RunTiming[] = [];
        for (let k = 0; k < times; k++) runs.push(await runOnce(first.config, join(dir, `startup-${i}-${k}`), 1, ['--case', 'TC_B_01_CSMS'], env));
        startups.push({ label, ms: quantile(runs.map((r) => r.startupMs), 0.5), cpuS: quantile(runs.map((r) => r.cpuS), 0.5) });
      }
    } finally {
      await first.stop();
    }
    const runs: RunTiming[] = [];
    for (const n of parallels) {
      const csms = await startCsms(dir, certDir, identities, `parallel-${n}`);
      try {
        runs.push(await runOnce(csms.config, join(dir, `parallel-${n}`), n, selection));
      } finally {
        await csms.stop();
      }
    }
    return { runs, startups };
  } finally {
    if (process.env['BENCH_KEEP']) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function verdictsOf(run: RunTiming): string {
  return run.cases.map((c) => `${c.id}=${c.verdict}`).join(' ');
}

export function rowsOf(t: TimeToVerdict): BenchRow[] {
  const rows: BenchRow[] = t.startups.flatMap((u) => [
    { name: `time to verdict: start-up to the first case, ${u.label}`, value: u.ms, unit: 'ms' },
    { name: `time to verdict: CPU of that one-case run, ${u.label}`, value: u.cpuS, unit: 's' },
  ]);
  const serial = t.runs[0];
  for (const run of t.runs) {
    const overhead = run.cases.filter((c) => c.verdict !== 'NOT_APPLICABLE').map((c) => c.measuredMs - c.mandatedMs);
    const label = run.parallel === 1 ? 'serial' : `--parallel ${run.parallel}`;
    rows.push(
      { name: `time to verdict ${label}: wall (${run.cases.length} cases)`, value: run.wallMs / 1000, unit: 's' },
      { name: `time to verdict ${label}: CPU, user + sys (all processes of the run)`, value: run.cpuS, unit: 's' },
      { name: `time to verdict ${label}: PASS`, value: run.cases.filter((c) => c.verdict === 'PASS').length, unit: 'cases' },
      { name: `time to verdict ${label}: protocol-mandated, sum`, value: run.cases.reduce((a, c) => a + c.mandatedMs, 0) / 1000, unit: 's' },
      { name: `time to verdict ${label}: overhead, sum`, value: overhead.reduce((a, b) => a + b, 0) / 1000, unit: 's' },
      { name: `time to verdict ${label}: overhead per case p50`, value: quantile(overhead, 0.5), unit: 'ms' },
      { name: `time to verdict ${label}: overhead per case p99`, value: quantile(overhead, 0.99), unit: 'ms' },
    );
    if (serial && run !== serial) {
      rows.push({ name: `time to verdict ${label}: wall / serial wall`, value: run.wallMs / serial.wallMs, unit: 'x' });
      rows.push({ name: `time to verdict ${label}: CPU / serial CPU`, value: run.cpuS / serial.cpuS, unit: 'x' });
      rows.push({ name: `time to verdict ${label}: verdicts differ from serial`, value: verdictsOf(run) === verdictsOf(serial) ? 0 : 1, unit: '(0 = same)' });
    }
  }
  return rows;
}

export function caseTable(t: TimeToVerdict): string {
  const lines = [`${'case'.padEnd(16)} ${t.runs.map((r) => `${`p${r.parallel} verdict`.padEnd(14)} ${'mandated'.padStart(9)} ${'measured'.padStart(9)} ${'overhead'.padStart(9)}`).join('  ')}`];
  const ids = t.runs[0]?.cases.map((c) => c.id) ?? [];
  for (const id of ids) {
    const cells = t.runs.map((r) => {
      const c = r.cases.find((x) => x.id === id);
      return c ? `${c.verdict.padEnd(14)} ${String(c.mandatedMs).padStart(9)} ${String(c.measuredMs).padStart(9)} ${String(c.measuredMs - c.mandatedMs).padStart(9)}` : '-';
    });
    lines.push(`${id.padEnd(16)} ${cells.join('  ')}`);
  }
  for (const r of t.runs) for (const c of r.cases) if (c.reason !== undefined) lines.push(`p${r.parallel} ${c.id} ${c.verdict}: ${c.reason.slice(0, 300)}`);
  return lines.join('\n');
}

/** The `npm run bench` suite: the Core CSMS profile serial and --parallel 4/8 (minutes: the example's intervals). */
export async function benchTimeToVerdict(): Promise<{ rows: BenchRow[]; text: string }> {
  const t = await timeToVerdict([1, 4, 8], ['--profile', 'Core', '--implemented-only']);
  return { rows: rowsOf(t), text: caseTable(t) };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { parallel: { type: 'string', default: '1,4,8' }, case: { type: 'string', multiple: true }, block: { type: 'string', multiple: true } } });
  const selection = [...(values.case ?? []).flatMap((c) => ['--case', c]), ...(values.block ?? []).flatMap((b) => ['--block', b])];
  const t = await timeToVerdict(values.parallel.split(',').map(Number), selection.length > 0 ? selection : ['--profile', 'Core', '--implemented-only']);
  console.log(caseTable(t));
  for (const r of rowsOf(t)) console.log(`  ${r.name.padEnd(70)} ${r.value.toFixed(r.unit === 'x' ? 2 : r.unit === 's' ? 1 : 0).padStart(10)} ${r.unit}`);
}
