// The user's way, for the long-lived self-test layer: a simulator started from the CLI as one separate process
// that lives through the whole run, and `ocpp-conformance run --config FILE` against it (never --sim).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/runner/run-cases.ts';
import type { RunSummary } from '../../src/report/verdict.ts';
import { REFERENCE_STATION_PICS } from '../../src/sim/station/pics.ts';

const BIN = join(REPO_ROOT, 'bin', 'ocpp-conformance.js');

export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output (bounded by `withinMs`). */
  waitFor(pattern: RegExp, withinMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/**
 * `ocpp-conformance <args>` as its own process group (the launcher runs tsx in a child; both end together). With
 * `stdin`, the process reads what the test writes to `child.stdin` (a person answering prompts).
 */
export function startCli(args: string[], opts: { stdin?: boolean } = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, detached: true, stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  let text = '';
  const listeners = new Set<() => void>();
  const take = (c: Buffer): void => {
    text += c.toString('utf8');
    for (const l of [...listeners]) l();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => text,
    waitFor(pattern, withinMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = pattern.exec(text);
          if (!m) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(m);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${String(pattern)} within ${withinMs} ms; output:\n${text}`));
        }, withinMs);
        listeners.add(check);
        check();
        void exited.then(() => {
          if (!listeners.has(check)) return;
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`the process ended before ${String(pattern)}; output:\n${text}`));
        });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await exited;
    },
  };
}

/** Runs `ocpp-conformance run --config <file> ...` to its end; returns the summary it wrote and its output. */
export async function runWithConfig(
  configPath: string,
  reportDir: string,
  extra: string[],
  whileRunning?: (run: CliProcess) => Promise<void>,
  cliOpts: { stdin?: boolean } = {},
): Promise<{ code: number | null; summary: RunSummary; output: string }> {
  mkdirSync(reportDir, { recursive: true });
  const p = startCli(['run', '--config', configPath, '--report-dir', reportDir, '--no-html', ...extra], cliOpts);
  if (whileRunning) await whileRunning(p);
  const code = await new Promise<number | null>((resolve) => p.child.once('exit', (c) => resolve(c)));
  const m = /Report: (\S+?)\/? \(summary\.json/.exec(p.output());
  if (!m?.[1]) throw new Error(`the run wrote no report; output:\n${p.output()}`);
  const summary = JSON.parse(readFileSync(join(m[1], 'summary.json'), 'utf8')) as RunSummary;
  return { code, summary, output: p.output() };
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

/** "ID VERDICT reason" lines of every case that did not PASS (readable test failures). */
export function notPassed(summary: RunSummary): string[] {
  return summary.results.filter((r) => r.verdict !== 'PASS').map((r) => `${r.id} ${r.verdict} ${r.reason ?? r.failure?.actual ?? ''}`.slice(0, 300));
}

/** The idTokens the long-lived CSMS runs name in their config and give the `sim csms` they start (valid, invalid, blocked, expired, group, master pass). */
export const LONG_LIVED_TOKENS = {
  valid: [
    { idToken: 'A1A10001', type: 'ISO14443' },
    { idToken: 'A1A10002', type: 'ISO14443' },
  ],
  invalid: { idToken: 'B2B20001', type: 'ISO14443' },
  blocked: { idToken: 'C3C30001', type: 'ISO14443' },
  expired: { idToken: 'D4D40001', type: 'ISO14443' },
  groupId: { idToken: 'LL-GROUP-0001', type: 'Central' },
  masterPass: { idToken: 'E5E50001', type: 'ISO14443' },
  masterPassGroupId: 'LL-MASTERPASS',
};

/** Where the harness listens for a `sim station` started from the CLI, and who that station is. */
export interface StationEndpoint {
  dir: string;
  port: number;
  actionPort: number;
  identity: string;
  password: string;
}

/**
 * The run config of a station-side run against one `sim station` started from the CLI (SP1, one EVSE, the gateway
 * actions on `actionPort`): the reference station's own PICS decides the conditional cases, as a real station's would.
 */
export function stationRunConfig(at: StationEndpoint, extra: { idTokens?: unknown; sutReturnMs?: number } = {}): Record<string, unknown> {
  return {
    sut: { role: 'ChargingStation', listen: { host: '127.0.0.1', port: at.port, path: '/ocpp' }, stationIdentity: at.identity },
    ocppVersion: '2.0.1',
    securityProfile: 1,
    pics: { ...REFERENCE_STATION_PICS, facts: {} },
    basicAuthPassword: at.password,
    evses: [{ id: 1, connectors: [{ id: 1 }] }],
    idTokens: extra.idTokens ?? { valid: [{ idToken: '0A0B0C01', type: 'ISO14443' }] },
    timeouts: { defaultMs: 5000, connectMs: 5000, bootMs: 8000, transactionMs: 5000, promptMs: 1000, sutReturnMs: extra.sutReturnMs ?? 30_000 },
    actions: { kind: 'http-gateway', baseUrl: `http://127.0.0.1:${at.actionPort}` },
    // The interval given with Pending/Rejected (the configured heartbeatInterval) outlasts the provisioning of TC_B_02.
    bench: { heartbeatIntervalS: 10, transactionDurationMs: 0 },
    report: { dir: join(at.dir, 'reports') },
  };
}
