// runCases: runs the selected cases through cucumber in a child process and collects one CaseResult per case.
//   - cases the PICS rules out are NOT_APPLICABLE without running; cases without a feature file are INCONCLUSIVE;
//   - every scenario writes <runDir>/cases/<id>.json in its After hook; a case whose file never appears (crash,
//     timeout, cucumber refusing the feature) becomes ERROR with the reason;
//   - progress is streamed through onResult as the files appear.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunConfig } from '../config/types.ts';
import { securityProfileApplicability } from '../catalog/catalog.ts';
import { flowDecision } from '../catalog/version-flow.ts';
import type { SelectedCase } from '../catalog/types.ts';
import { applyExpectedFailures } from '../report/expected-failures.ts';
import { buildRunSummary } from '../report/verdict.ts';
import type { CaseResult, ProfileMembership, RunSummary, SutInfo } from '../report/verdict.ts';
import { announcedLines } from './announce.ts';
import { parentWatchEnv } from './child-lifetime.ts';
import { cucumberArgv, cucumberGlue } from './cucumber-glue.ts';
import type { CucumberInvocation } from './cucumber-glue.ts';
import { cucumberNodeArgs, takePrestartedCucumber } from './cucumber-prestart.ts';
import { CONTEXT_ENV, effectiveBench, writeRunContext } from './context.ts';
import { UNAVAILABLE } from './sut-presence.ts';
import { loadSutState } from './sut-state.ts';
import type { StationTuning } from '../actions/simulator.ts';
import type { CaseMeta, EngineOverrides, RunContext } from './context.ts';
import { parseSignal } from './wait-signal.ts';
import type { RunSignal } from './wait-signal.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunCasesOptions {
  config: RunConfig;
  cases: SelectedCase[];
  runDir: string;
  parallel?: number;
  /** Simulator mode only: named faults switched on in the simulators. */
  faults?: string[];
  /** Simulator mode only: tuning of the built-in station (see StationTuning). */
  stationTuning?: StationTuning;
  /** Simulator mode only: the station tuning of single cases (see RunContext.caseStationTuning). */
  caseStationTuning?: Record<string, StationTuning>;
  /** Bench values to use instead of the run config's "bench" for this run (e.g. a shorter heartbeat). */
  engine?: EngineOverrides;
  onResult?: (r: CaseResult) => void;
  /** Where the cucumber child's output goes; default: inherited stderr/stdout are piped and kept for error reports. */
  echo?: boolean;
  /** Kill cucumber after this long (ms); the missing cases become ERROR. Default: no limit. */
  timeoutMs?: number;
  /** Where the lines meant for the person (waits, prompts) go; default stderr. */
  onAnnounce?: (line: string) => void;
  /** What a running case is doing (it started, a wait began or ended): see wait-signal.ts. */
  onSignal?: (signal: RunSignal) => void;
  /** Aborting stops the run: the cucumber child is ended and every case without a result is INCONCLUSIVE (interrupted). */
  signal?: AbortSignal;
}

export function featurePath(c: { id: string; role: 'ChargingStation' | 'CSMS'; block: string }): string {
  return join(REPO_ROOT, 'features', c.role === 'CSMS' ? 'csms' : 'cs', c.block, `${c.id}.feature`);
}

export function metaOf(c: SelectedCase): CaseMeta {
  const profiles: ProfileMembership[] = c.profiles.map((p) => ({ profile: p.profile, requirement: p.requirement }));
  return { id: c.id, title: c.title, role: c.role, version: c.version, block: c.blockName ? `${c.block} ${c.blockName}` : c.block, profiles, requirements: c.requirements };
}

export function skeleton(c: SelectedCase, config: RunConfig): CaseResult {
  const m = metaOf(c);
  return { ...m, verdict: 'ERROR', steps: [], startedAt: new Date().toISOString(), durationMs: 0, securityProfile: config.securityProfile };
}

function sutInfo(config: RunConfig): SutInfo {
  if (config.sut.role === 'CSMS') return { role: 'CSMS', version: config.ocppVersion, url: config.sut.csmsUrl, identity: config.sut.identity, securityProfile: config.securityProfile };
  return { role: 'ChargingStation', version: config.ocppVersion, identity: config.sut.stationIdentity, securityProfile: config.securityProfile };
}

/** The result of a case that is not run (NOT_APPLICABLE, no feature file, a flow of another version); undefined: run it. */
export function verdictWithoutRunning(c: SelectedCase, config: RunConfig): CaseResult | undefined {
  const applicability = c.applicability.applicable ? securityProfileApplicability(c, config.securityProfile) : c.applicability;
  if (!applicability.applicable) return { ...skeleton(c, config), verdict: 'NOT_APPLICABLE', reason: applicability.reason };
  if (!existsSync(featurePath(c))) return { ...skeleton(c, config), verdict: 'INCONCLUSIVE', reason: `not implemented yet: no feature file ${featurePath(c)}` };
  // A feature follows the 2.0.1 flow; it stands for the case only where Part 6 of the case's version keeps that flow.
  const flow = flowDecision(c);
  return flow.runs ? undefined : { ...skeleton(c, config), verdict: 'INCONCLUSIVE', reason: `not implemented yet for OCPP ${c.version}: ${flow.reason}` };
}

export async function runCases(opts: RunCasesOptions): Promise<RunSummary> {
  const startedAt = new Date();
  const runDir = resolve(opts.runDir);
  const casesDir = join(runDir, 'cases');
  mkdirSync(casesDir, { recursive: true });
  mkdirSync(join(runDir, 'traces'), { recursive: true });
  const results = new Map<string, CaseResult>();
  const emit = (found: CaseResult): void => {
    if (results.has(found.id)) return;
    // Declared expected failures mark the result (its verdict never changes) before anyone sees it.
    const [r] = applyExpectedFailures([found], opts.config.expectedFailures) as [CaseResult];
    results.set(r.id, r);
    opts.onResult?.(r);
  };

  const toRun: SelectedCase[] = [];
  for (const c of opts.cases) {
    const verdict = verdictWithoutRunning(c, opts.config);
    if (verdict) emit(verdict);
    else toRun.push(c);
  }

  if (toRun.length > 0) {
    const context: RunContext = {
      runDir,
      config: opts.config,
      engine: effectiveBench(opts.config.bench, opts.engine),
      faults: opts.faults ?? [],
      ...(opts.stationTuning ? { stationTuning: opts.stationTuning } : {}),
      ...(opts.caseStationTuning ? { caseStationTuning: opts.caseStationTuning } : {}),
      cases: Object.fromEntries(toRun.map((c) => [c.id, metaOf(c)])),
    };
    const contextPath = join(runDir, 'run-context.json');
    const secretsEnv = writeRunContext(contextPath, context);
    // The SUT went away for good: the run stops at the first case that says so (no wall of INCONCLUSIVE).
    let gone: string | undefined;
    const started = new Set<string>();
    const watched = { ...opts, onSignal: (s: RunSignal) => (s.kind === 'case' && started.add(s.caseId), opts.onSignal?.(s)) };
    const { code, output } = await runCucumber(toRun.map(featurePath), contextPath, secretsEnv, watched, (id) => {
      const r = readResult(casesDir, id);
      if (!r) return;
      emit(r);
      if (r.reason?.includes(UNAVAILABLE)) gone ??= r.reason.slice(r.reason.indexOf(UNAVAILABLE));
    }, new Set(toRun.map((c) => c.id)), casesDir, () => gone !== undefined);
    for (const c of toRun) {
      const r = readResult(casesDir, c.id);
      if (r) emit(r);
      else if (opts.signal?.aborted) emit({ ...skeleton(c, opts.config), verdict: 'INCONCLUSIVE', reason: started.has(c.id) ? `interrupted: the run was stopped (${String(opts.signal.reason ?? 'signal')}) while this case ran` : `not run: the run was stopped (${String(opts.signal.reason ?? 'signal')}) before this case started` });
      else if (gone) emit({ ...skeleton(c, opts.config), verdict: 'INCONCLUSIVE', reason: `not run: ${gone}` });
      else {
        const tail = output.trim().split('\n').slice(-8).join(' | ');
        emit({ ...skeleton(c, opts.config), verdict: 'ERROR', reason: `the scenario produced no result (cucumber exit code ${String(code)}): ${tail.slice(0, 800)}` });
      }
    }
    if (!gone && !opts.signal?.aborted) await retrySpoiledCases(toRun, contextPath, secretsEnv, opts, casesDir, results);
  }

  const ordered = opts.cases.map((c) => results.get(c.id)).filter((r): r is CaseResult => r !== undefined);
  return buildRunSummary({
    runId: runDir.split(/[\\/]/).pop() ?? 'run',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    sut: sutInfo(opts.config),
    results: ordered,
  });
}

/**
 * Cases the SUT's disappearance spoiled (it went away right after them and came back): run once more, and the
 * second result is the case's result (its reason says it was retried).
 */
async function retrySpoiledCases(
  toRun: SelectedCase[],
  contextPath: string,
  secretsEnv: Record<string, string>,
  opts: RunCasesOptions,
  casesDir: string,
  results: Map<string, CaseResult>,
): Promise<void> {
  const retry = toRun.filter((c) => loadSutState(dirname(casesDir)).retry?.includes(c.id) && results.get(c.id)?.verdict !== 'PASS');
  if (retry.length === 0) return;
  for (const c of retry) rmSync(join(casesDir, `${c.id}.json`), { force: true });
  await runCucumber(retry.map(featurePath), contextPath, secretsEnv, { ...opts, parallel: 1 }, () => undefined, new Set(retry.map((c) => c.id)), casesDir);
  for (const c of retry) {
    const r = readResult(casesDir, c.id);
    if (!r) continue;
    const [again] = applyExpectedFailures([{ ...r, reason: `retried once after the SUT came back${r.reason ? `: ${r.reason}` : ''}` }], opts.config.expectedFailures) as [CaseResult];
    results.set(c.id, again);
    opts.onResult?.(again);
  }
}

export function readResult(casesDir: string, id: string): CaseResult | undefined {
  const p = join(casesDir, `${id}.json`);
  if (!existsSync(p)) return undefined;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as CaseResult;
  } catch {
    return undefined; // being written; the final pass reads it again
  }
}

export async function runCucumber(
  features: string[],
  contextPath: string,
  secretsEnv: Record<string, string>,
  opts: Pick<RunCasesOptions, 'parallel' | 'echo' | 'timeoutMs' | 'onAnnounce' | 'onSignal' | 'signal'>,
  onFile: (id: string) => void,
  ids: Set<string>,
  casesDir: string,
  stopNow: () => boolean = () => false,
): Promise<{ code: number | null; output: string }> {
  const bin = join(REPO_ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const glue = cucumberGlue(REPO_ROOT);
  const nodeArgs = cucumberNodeArgs(glue);
  const invocation: CucumberInvocation = { ...glue.configuration, paths: features, ...(opts.parallel ? { parallel: opts.parallel } : {}) };
  const env = definedOnly({ ...process.env, ...parentWatchEnv(), ...secretsEnv, [CONTEXT_ENV]: contextPath, FORCE_COLOR: '0' });
  let stop: (() => void) | undefined;
  const watcher = watch(casesDir, (_event, name) => {
    const id = typeof name === 'string' ? name.replace(/\.json$/, '') : '';
    if (ids.has(id)) onFile(id);
    if (stopNow()) stop?.();
  });
  try {
    return await new Promise((resolvePromise) => {
      const child = takePrestartedCucumber(nodeArgs, { invocation, env }) ?? spawn(process.execPath, [...nodeArgs, bin, ...cucumberArgv(invocation)], { cwd: REPO_ROOT, env, stdio: ['inherit', 'pipe', 'pipe'] });
      let output = '';
      let carry = '';
      const keep = (chunk: Buffer, to: NodeJS.WriteStream): void => {
        const text = chunk.toString('utf8');
        output = (output + text).slice(-20_000);
        // Echoed output leaves out the run signals (machine lines for the waiting display, wait-signal.ts).
        if (opts.echo) to.write(to === process.stderr ? text.replace(/^>>>signal .*\n?/gm, '') : text);
        else if (to === process.stderr) {
          // Waits and prompts meant for the person at the terminal are shown even when the rest is kept quiet.
          const { lines, rest, signals } = announcedLines(carry, text);
          carry = rest;
          for (const s of signals) {
            const parsed = parseSignal(s);
            if (parsed) opts.onSignal?.(parsed);
          }
          for (const l of lines) (opts.onAnnounce ?? ((t: string) => process.stderr.write(`${t}\n`)))(l);
        }
      };
      child.stdout?.on('data', (c: Buffer) => keep(c, process.stdout));
      child.stderr?.on('data', (c: Buffer) => keep(c, process.stderr));
      stop = () => child.kill('SIGTERM');
      // An interrupted run ends the cucumber child (and with it the case that runs); the caller writes what it has.
      const onAbort = (): void => void child.kill('SIGTERM');
      if (opts.signal?.aborted) onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
      child.on('close', (code) => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        resolvePromise({ code, output });
      });
    });
  } finally {
    watcher.close();
  }
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
