// Runs started from the console. Each is the `ocpp-conformance run` command itself, in a child process, so a console run
// and a CLI run are the same code and write the same reports; the console only follows the run directory as it grows
// (RunWatch) and stops the child on request. One run at a time per SUT.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import { cliEntry } from '../../scripts/dist-state.js';
import { BENCH_BROKER_ENV } from '../actions/prompt-broker.ts';
import type { TraceEvent } from '../report/trace-types.ts';
import type { CaseResult, RunSummary } from '../report/verdict.ts';
import { REPO_ROOT } from '../runner/index.ts';
import { RunWatch } from './run-watch.ts';
import { configOf, isSimulator, previewSelection } from './sut-choices.ts';
import type { PlannedCase, SelectionRequest, SutChoice } from './sut-choices.ts';
import { killTree } from './process-tree.ts';

export interface RunRequest extends SelectionRequest {
  /** false: `--no-html` (the JSON, JUnit and Markdown reports are always written). */
  html?: boolean;
  /** Built-in simulators only: named faults switched on (`--fault`), to see how a failure looks. */
  faults?: string[];
}

export type RunState = 'starting' | 'running' | 'finished' | 'stopped' | 'failed';

/** What a browser tab needs to draw a run; sent whole on every change (it is small). */
export interface RunView {
  key: string;
  sut: string;
  sutLabel: string;
  command: string;
  state: RunState;
  startedAt: string;
  finishedAt?: string;
  /** The reports/<run-id> directory name, once the runner created it. */
  runId?: string;
  runDir?: string;
  planned: PlannedCase[];
  results: CaseResult[];
  /** Cases whose trace is being written and whose verdict is not in yet. */
  running: string[];
  currentStep: Record<string, string>;
  exitCode?: number | null;
  /** The last lines the command printed (its progress lines, tables and summary). */
  output: string;
}

export type RunEvent =
  | { type: 'run'; run: RunView }
  | { type: 'step'; run: string; caseId: string; text: string }
  | { type: 'trace'; run: string; caseId: string; seq: number; event: TraceEvent };

/** A result as the run card needs it: the step list stays in the case file (it is most of its size). */
function slim(result: CaseResult): CaseResult {
  return { ...result, steps: [] };
}

const RUN_ID = /^\d{8}-\d{6}-[0-9a-f]{4}$/;

export class RunControl {
  private readonly runs = new Map<string, RunView>();
  private readonly children = new Map<string, ChildProcess>();
  private readonly watches = new Map<string, RunWatch>();
  private readonly traceCounts = new Map<string, number>();
  /** Starts are serialised until the new run directory is found, so two runs never mistake each other's folder. */
  private starting: Promise<unknown> = Promise.resolve();
  private sequence = 0;

  constructor(
    private readonly opts: {
      /** Where the runner posts bench prompts (known once the server listens). */
      brokerUrl: () => string;
      choices: () => SutChoice[];
      publish: (event: RunEvent) => void;
      /** true: the runner's terminal prompt reads this process's stdin (the console was started from a terminal). */
      terminalPrompts: boolean;
      cwd: string;
    },
  ) {}

  list(): RunView[] {
    return [...this.runs.values()];
  }

  get(key: string): RunView | undefined {
    return this.runs.get(key);
  }

  /** The report base a SUT's runs go to: the config's report.dir, or ./reports for the simulators (as `run` does). */
  reportBase(sut: string): string {
    return isSimulator(sut) ? resolve(this.opts.cwd, 'reports') : configOf(sut, this.opts.choices()).report.dir;
  }

  start(request: RunRequest): RunView {
    const busy = this.list().find((r) => r.sut === request.sut && (r.state === 'starting' || r.state === 'running'));
    if (busy) throw new RunConflict(`a run against this SUT is already going on (${busy.runId ?? busy.key}); stop it first or watch it`);
    const preview = previewSelection(request, this.opts.choices());
    if (preview.cases.length === 0) throw new RunConflict('the selection is empty');
    const base = this.reportBase(request.sut);
    const argv = ['run', ...(isSimulator(request.sut) ? ['--sim', '--sut', request.sut === 'sim:cs' ? 'cs' : 'csms'] : ['--config', request.sut.slice('config:'.length)])];
    if (request.profile) argv.push('--profile', request.profile);
    for (const b of request.blocks ?? []) argv.push('--block', b);
    for (const c of request.cases ?? []) argv.push('--case', c);
    if (request.html === false) argv.push('--no-html');
    if (isSimulator(request.sut)) for (const f of request.faults ?? []) argv.push('--fault', f);
    argv.push('--report-dir', base);
    const key = `r${++this.sequence}`;
    const view: RunView = {
      key,
      sut: request.sut,
      sutLabel: this.opts.choices().find((c) => c.key === request.sut)?.label ?? request.sut,
      command: `ocpp-conformance ${argv.join(' ')}`,
      state: 'starting',
      startedAt: new Date().toISOString(),
      planned: preview.cases,
      results: [],
      running: [],
      currentStep: {},
      output: '',
    };
    this.runs.set(key, view);
    this.starting = this.starting.then(() => this.launch(view, argv, base)).catch((e: unknown) => this.fail(view, e));
    this.changed(view);
    return view;
  }

  stop(key: string): boolean {
    const child = this.children.get(key);
    const view = this.runs.get(key);
    if (!child || !view || (view.state !== 'running' && view.state !== 'starting')) return false;
    view.state = 'stopped';
    if (child.pid !== undefined) killTree(child.pid);
    this.changed(view);
    return true;
  }

  /** Stops every run (console shutdown). */
  stopAll(): void {
    for (const key of this.children.keys()) this.stop(key);
  }

  private async launch(view: RunView, argv: string[], base: string): Promise<void> {
    mkdirSync(base, { recursive: true });
    const before = new Set(readdirSync(base));
    // What bin/ocpp-conformance.js runs, minus the launcher's own process: the bundle while it is fresh, else tsx.
    const child = spawn(process.execPath, [...cliEntry(REPO_ROOT), ...argv], {
      cwd: this.opts.cwd,
      env: { ...process.env, [BENCH_BROKER_ENV]: this.opts.brokerUrl(), FORCE_COLOR: '0' },
      stdio: [this.opts.terminalPrompts ? 'inherit' : 'ignore', 'pipe', 'pipe'],
    });
    this.children.set(view.key, child);
    if (view.state === 'starting') view.state = 'running';
    const keep = (chunk: Buffer): void => {
      view.output = (view.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<number | null>((done) => {
      child.on('close', (code) => done(code));
      // Could not be started at all (no 'close' follows).
      child.on('error', (e) => {
        keep(Buffer.from(`\nconsole: the run command could not be started: ${e.message}`));
        done(null);
      });
    });
    this.changed(view);
    const dir = await Promise.race([findNewRunDir(base, before, exited), exited.then(() => undefined)]);
    if (dir) this.follow(view, dir);
    void exited.then((code) => this.finish(view, code));
  }

  private follow(view: RunView, runDir: string): void {
    view.runDir = runDir;
    view.runId = runDir.split(/[\\/]/).pop();
    const watch = new RunWatch(runDir, {
      caseStarted: (caseId) => {
        if (!view.results.some((r) => r.id === caseId)) view.running.push(caseId);
        this.changed(view);
      },
      traceEvent: (caseId, event) => {
        const countKey = `${view.key}/${caseId}`;
        const seq = this.traceCounts.get(countKey) ?? 0;
        this.traceCounts.set(countKey, seq + 1);
        if (event.kind === 'note' && event.message.startsWith('step: ')) {
          const text = event.message.slice('step: '.length);
          view.currentStep[caseId] = text;
          this.opts.publish({ type: 'step', run: view.key, caseId, text });
        }
        this.opts.publish({ type: 'trace', run: view.key, caseId, seq, event });
      },
      caseResult: (result) => {
        view.results = [...view.results.filter((r) => r.id !== result.id), slim(result)];
        view.running = view.running.filter((id) => id !== result.id);
        delete view.currentStep[result.id];
        this.changed(view);
      },
    });
    this.watches.set(view.key, watch);
    this.changed(view);
  }

  private finish(view: RunView, code: number | null): void {
    this.children.delete(view.key);
    const watch = this.watches.get(view.key);
    watch?.scan();
    watch?.close();
    this.watches.delete(view.key);
    view.exitCode = code;
    view.finishedAt = new Date().toISOString();
    view.running = [];
    view.currentStep = {};
    // The summary the command wrote is the final word (it also holds the NOT_APPLICABLE cases, which never run).
    const summary = view.runDir ? readSummary(view.runDir) : undefined;
    if (summary) view.results = summary.results.map(slim);
    if (view.state !== 'stopped') view.state = summary ? 'finished' : 'failed';
    this.changed(view);
  }

  private fail(view: RunView, error: unknown): void {
    view.state = 'failed';
    view.output += `\nconsole: ${error instanceof Error ? error.message : String(error)}`;
    this.changed(view);
  }

  private changed(view: RunView): void {
    this.opts.publish({ type: 'run', run: view });
  }
}

export class RunConflict extends Error {}

export function readSummary(dir: string): RunSummary | undefined {
  const file = join(dir, 'summary.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
  } catch {
    return undefined;
  }
}

/** Waits for the run directory the command creates under `base` (a name that was not there before it started). */
function findNewRunDir(base: string, before: Set<string>, exited: Promise<unknown>): Promise<string | undefined> {
  let over = false;
  void exited.then(() => (over = true));
  return new Promise((done) => {
    let watcher: FSWatcher | undefined;
    const look = (): boolean => {
      const fresh = readdirSync(base).find((name) => !before.has(name) && RUN_ID.test(name));
      if (!fresh && !over) return false;
      clearInterval(timer);
      watcher?.close();
      done(fresh ? join(base, fresh) : undefined);
      return true;
    };
    const timer = setInterval(look, 200);
    try {
      watcher = watch(base, () => look());
    } catch {
      // the interval alone will find it
    }
    look();
  });
}
