// The self-test plan: every scenario the self-test needs against the per-case simulators (clean cases, every fault
// matrix row, the runs over other profiles and versions) as case instances of a few cucumber children, one per
// (SUT role, security profile, OCPP version), instead of one child per fault. Each instance still runs alone in its
// own fresh simulator with exactly its own faults (see src/runner/run-instances.ts). Tests ask for the instances they
// judge; the first question starts every run, and the runs hand their instances to their workers in the order added.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StationTuning } from '../../src/actions/simulator.ts';
import { initTestPki } from '../../src/pki/index.ts';
import type { CaseResult } from '../../src/report/verdict.ts';
import { runInstances } from '../../src/runner/index.ts';
import type { CaseInstance } from '../../src/runner/index.ts';
import { csmsSutConfig, stationSutConfig } from '../../src/runner/simulator-config.ts';
import type { OcppVersion } from '../../src/rpc/types.ts';
import type { ReferenceStationVariant } from '../../src/sim/station/pics.ts';
import { selectCases } from './run.ts';
import { VARIANT_OF_CASE, variantTuning } from './station-variants.ts';

export interface RunKey {
  role: 'cs' | 'csms';
  securityProfile: 1 | 2 | 3;
  version: OcppVersion;
  /** A variant of the reference station (its own PICS, so its own run); default: the variant the case needs, if any. */
  stationVariant?: ReferenceStationVariant;
}

export interface InstanceRequest extends Partial<RunKey> {
  caseId: string;
  faults?: string[];
  stationTuning?: StationTuning;
  /** Names the instance within its run; default: the case id, then "~" and the faults. */
  key?: string;
}

interface PlannedRun {
  key: RunKey;
  instances: Array<{ key: string; caseId: string; faults: string[]; stationTuning?: StationTuning }>;
}

/** How many cucumber workers a run with `count` instances gets (the total is shared by every run of the plan). */
export type WorkersFor = (count: number) => number;

/** Default: one worker per 40 instances, at most 6 per run; small runs go without workers (the child runs them). */
export const defaultWorkers: WorkersFor = (count) => Math.max(1, Math.min(6, Math.ceil(count / 40)));

export const roleOf = (caseId: string): 'cs' | 'csms' => (caseId.endsWith('_CSMS') ? 'csms' : 'cs');
const runName = (k: RunKey): string => `${k.role}@SP${k.securityProfile}@${k.version}${k.stationVariant ? `@${k.stationVariant}` : ''}`;

let pki: Promise<string> | undefined;
/** One test PKI for every TLS run of this process. */
export function selftestCertDir(): Promise<string> {
  pki ??= (async () => {
    const d = mkdtempSync(join(tmpdir(), 'ocpp-selftest-pki-'));
    await initTestPki({ dir: d, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
    return d;
  })();
  return pki;
}

export class SelfTestPlan {
  private readonly runs = new Map<string, PlannedRun>();
  private readonly waiting = new Map<string, { promise: Promise<CaseResult>; resolve: (r: CaseResult) => void }>();
  private started: Promise<void> | undefined;

  constructor(
    private readonly workersFor: WorkersFor = defaultWorkers,
    private readonly progress?: (line: string) => void,
  ) {}

  /** Adds an instance (once: the same request twice is one instance) and returns its handle for result(). */
  add(req: InstanceRequest): string {
    if (this.started) throw new Error('the plan already runs: add every instance before asking for results');
    const key: RunKey = { role: req.role ?? roleOf(req.caseId), securityProfile: req.securityProfile ?? 1, version: req.version ?? '2.0.1' };
    // The station variant goes with the PICS of 2.0.1 runs (2.1 runs have no PICS).
    const variant = req.stationVariant ?? (key.role === 'cs' && key.version === '2.0.1' ? VARIANT_OF_CASE[req.caseId] : undefined);
    if (variant) key.stationVariant = variant;
    const faults = req.faults ?? [];
    const instanceKey = req.key ?? [req.caseId, ...faults].join('~');
    const name = runName(key);
    const run = this.runs.get(name) ?? { key, instances: [] };
    this.runs.set(name, run);
    const handle = `${name}/${instanceKey}`;
    const same = run.instances.find((i) => i.key === instanceKey);
    if (same && (same.caseId !== req.caseId || same.faults.join() !== faults.join())) throw new Error(`instance ${handle} is planned twice with different contents`);
    if (!same) run.instances.push({ key: instanceKey, caseId: req.caseId, faults, ...(req.stationTuning ? { stationTuning: req.stationTuning } : {}) });
    return handle;
  }

  /** Starts every run (once) and resolves with the handle's result as soon as that instance is done. */
  result(handle: string): Promise<CaseResult> {
    this.started ??= this.runAll();
    return this.slot(handle).promise;
  }

  /** The number of instances and cucumber children the plan runs (for reports). */
  get size(): { instances: number; children: number } {
    return { instances: [...this.runs.values()].reduce((n, r) => n + r.instances.length, 0), children: this.runs.size };
  }

  private slot(handle: string): { promise: Promise<CaseResult>; resolve: (r: CaseResult) => void } {
    let s = this.waiting.get(handle);
    if (!s) {
      let resolve: (r: CaseResult) => void = () => undefined;
      const promise = new Promise<CaseResult>((r) => (resolve = r));
      s = { promise, resolve };
      this.waiting.set(handle, s);
    }
    return s;
  }

  /**
   * Starts the runs with workers first; the small ones (no workers) once every big run has its first result, so that
   * their start-up does not compete with the start of the big runs, whose first instances the first tests wait for.
   */
  private async runAll(): Promise<void> {
    const base = mkdtempSync(join(tmpdir(), 'ocpp-selftest-'));
    const entries = [...this.runs.entries()];
    const isBig = (run: PlannedRun): boolean => this.workersFor(run.instances.length) > 1;
    const big = entries.filter(([, run]) => isBig(run));
    const small = entries.filter(([, run]) => !isBig(run));
    const firsts: Array<Promise<void>> = [];
    const start = (name: string, run: PlannedRun, onFirst: () => void = () => undefined): Promise<void> =>
      this.guarded(name, run, join(base, name.replace(/[@.]/g, '_')), onFirst);
    const bigRuns = big.map(([name, run]) => {
      let first: () => void = () => undefined;
      firsts.push(new Promise<void>((r) => (first = r)));
      return start(name, run, first);
    });
    await Promise.all(firsts);
    await Promise.all([...bigRuns, ...small.map(([name, run]) => start(name, run))]);
  }

  private async guarded(name: string, run: PlannedRun, runDir: string, onFirst: () => void): Promise<void> {
    try {
      await this.runOne(name, run, runDir, onFirst);
    } catch (e) {
      // A run that could not even start answers every one of its instances with the reason (no test waits forever).
      for (const i of run.instances) this.slot(`${name}/${i.key}`).resolve(errorResult(i.caseId, run.key, `the ${name} run failed: ${e instanceof Error ? e.message : String(e)}`));
    } finally {
      onFirst();
    }
  }

  private async runOne(name: string, run: PlannedRun, runDir: string, onFirst: () => void): Promise<void> {
    const { role, securityProfile, version, stationVariant } = run.key;
    const sim = { securityProfile, ocppVersion: version, ...(securityProfile >= 2 ? { certDir: await selftestCertDir() } : {}), ...(stationVariant ? { stationVariant } : {}) };
    const config = role === 'cs' ? stationSutConfig(sim) : csmsSutConfig(sim);
    const cases = new Map(selectCases([...new Set(run.instances.map((i) => i.caseId))], version).map((c) => [c.id, c]));
    const instances: CaseInstance[] = [];
    for (const i of run.instances) {
      const c = cases.get(i.caseId);
      if (!c) {
        this.slot(`${name}/${i.key}`).resolve(errorResult(i.caseId, run.key, `${i.caseId} is not in the ${version} catalog`));
        continue;
      }
      const tuning = variantTuning(stationVariant, i.stationTuning);
      instances.push({ key: i.key, case: c, faults: i.faults, ...(tuning ? { stationTuning: tuning } : {}) });
    }
    const workers = this.workersFor(instances.length);
    const t0 = Date.now();
    let done = 0;
    const results = await runInstances({
      config,
      instances,
      runDir,
      parallel: workers,
      // A last-resort guard against a hung child; the tests' own budgets are shorter.
      timeoutMs: 120_000 + Math.ceil(instances.length / workers) * 30_000,
      onResult: (key, r) => {
        // A scenario's result (it has a trace), not a verdict given without running: the run is past its start-up.
        if (r.tracePath) onFirst();
        this.slot(`${name}/${key}`).resolve(r);
        done++;
        if (done % 50 === 0 || done === instances.length) this.progress?.(`self-test run ${name}: ${done}/${instances.length} instances done (${workers} worker(s), ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      },
    });
    // runInstances answers every instance; this guards the tests against waiting forever if it ever did not.
    for (const i of instances) if (!results.has(i.key)) this.slot(`${name}/${i.key}`).resolve(errorResult(i.case.id, run.key, 'no result from the run'));
  }
}

function errorResult(caseId: string, k: RunKey, reason: string): CaseResult {
  return {
    id: caseId,
    title: caseId,
    role: k.role === 'cs' ? 'ChargingStation' : 'CSMS',
    version: k.version,
    block: '',
    profiles: [],
    requirements: [],
    verdict: 'ERROR',
    reason,
    steps: [],
    startedAt: new Date().toISOString(),
    durationMs: 0,
    securityProfile: k.securityProfile,
  };
}
