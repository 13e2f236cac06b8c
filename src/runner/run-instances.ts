// runInstances: runs many instances of cases against the built-in simulators in ONE cucumber child (with --parallel
// workers), each instance with its own named faults, and the same case as often as the caller lists it. Every scenario
// still starts its own simulator with exactly its instance's faults switched on (see instances.ts); what is shared is
// the child, its workers and what they load and compile once (tsx, the step library, the schema validators).
// The self-test uses it to run its clean cases and its whole fault matrix with a handful of children instead of one
// child per fault. Results stream through onResult as their files appear, keyed by instance.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { StationTuning } from '../actions/simulator.ts';
import type { SelectedCase } from '../catalog/types.ts';
import type { RunConfig } from '../config/types.ts';
import { applyExpectedFailures } from '../report/expected-failures.ts';
import type { CaseResult } from '../report/verdict.ts';
import { effectiveBench, writeRunContext } from './context.ts';
import type { EngineOverrides, InstanceSpec, RunContext } from './context.ts';
import { INSTANCE_KEY, instanceFeaturePath } from './instances.ts';
import { featurePath, metaOf, readResult, runCucumber, skeleton, verdictWithoutRunning } from './run-cases.ts';

export interface CaseInstance {
  /** Unique in the run; names the result and trace files (letters, digits and _ . @ ~ + -). */
  key: string;
  case: SelectedCase;
  /** The simulator faults of this instance only. */
  faults: string[];
  stationTuning?: StationTuning;
}

export interface RunInstancesOptions {
  /** A simulator run config (actions.kind "simulator"): only the built-in simulators start a fresh SUT per scenario. */
  config: RunConfig;
  /** Run in this order (cucumber hands them to its workers in turn). */
  instances: CaseInstance[];
  runDir: string;
  /** Cucumber workers (1: the scenarios run in the child itself). */
  parallel?: number;
  engine?: EngineOverrides;
  onResult?: (key: string, r: CaseResult) => void;
  echo?: boolean;
  /** Kill cucumber after this long (ms); the instances without a result become ERROR. */
  timeoutMs?: number;
}

export async function runInstances(opts: RunInstancesOptions): Promise<Map<string, CaseResult>> {
  if (opts.config.actions.kind !== 'simulator') throw new Error('runInstances needs a simulator run config: a real SUT is not started afresh per scenario');
  const runDir = resolve(opts.runDir);
  const casesDir = join(runDir, 'cases');
  mkdirSync(casesDir, { recursive: true });
  mkdirSync(join(runDir, 'traces'), { recursive: true });
  const results = new Map<string, CaseResult>();
  const emit = (key: string, found: CaseResult): void => {
    if (results.has(key)) return;
    const [r] = applyExpectedFailures([found], opts.config.expectedFailures) as [CaseResult];
    results.set(key, r);
    opts.onResult?.(key, r);
  };

  const toRun: CaseInstance[] = [];
  for (const inst of opts.instances) {
    if (!INSTANCE_KEY.test(inst.key)) throw new Error(`instance key "${inst.key}" must match ${String(INSTANCE_KEY)}`);
    if (toRun.some((i) => i.key === inst.key) || results.has(inst.key)) throw new Error(`instance key "${inst.key}" is used twice`);
    const verdict = verdictWithoutRunning(inst.case, opts.config);
    if (verdict) emit(inst.key, verdict);
    else toRun.push(inst);
  }
  if (toRun.length === 0) return results;

  const instances: Record<string, InstanceSpec> = {};
  const features: string[] = [];
  for (const inst of toRun) {
    const copy = instanceFeaturePath(runDir, inst.key, inst.case.id);
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(featurePath(inst.case), copy);
    features.push(copy);
    instances[inst.key] = { caseId: inst.case.id, faults: inst.faults, ...(inst.stationTuning ? { stationTuning: inst.stationTuning } : {}) };
  }
  const context: RunContext = {
    runDir,
    config: opts.config,
    engine: effectiveBench(opts.config.bench, opts.engine),
    faults: [],
    cases: Object.fromEntries(toRun.map((i) => [i.case.id, metaOf(i.case)])),
    instances,
  };
  const contextPath = join(runDir, 'run-context.json');
  const secretsEnv = writeRunContext(contextPath, context);
  const keys = new Set(toRun.map((i) => i.key));
  const { code, output } = await runCucumber(features, contextPath, secretsEnv, { ...(opts.parallel ? { parallel: opts.parallel } : {}), ...(opts.echo ? { echo: true } : {}), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) }, (key) => {
    const r = readResult(casesDir, key);
    if (r) emit(key, r);
  }, keys, casesDir);
  for (const inst of toRun) {
    const r = readResult(casesDir, inst.key);
    if (r) emit(inst.key, r);
    else {
      const tail = output.trim().split('\n').slice(-8).join(' | ');
      emit(inst.key, { ...skeleton(inst.case, opts.config), verdict: 'ERROR', reason: `the scenario produced no result (cucumber exit code ${String(code)}): ${tail.slice(0, 800)}` });
    }
  }
  return results;
}
