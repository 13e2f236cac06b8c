// The cucumber child started before the run knows its arguments (src/runner/cucumber-prestart.ts, cucumber-child.ts):
// only a run starts one; it loads its glue while it waits; the run's invocation and environment reach it, while the
// parent watch keeps the child's own pid for the workers it forks; a child started with other node arguments or another
// glue configuration is not used; one nobody takes is ended; and a waiting child never keeps its parent alive. The tsx form is used here (the compiled one, through the launcher, in
// test/cli/dist-build.test.ts).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cucumberGlue } from '../../src/runner/cucumber-glue.ts';
import type { CucumberInvocation } from '../../src/runner/cucumber-glue.ts';
import { cucumberNodeArgs, discardPrestartedCucumber, prestartCucumberFor, takePrestartedCucumber } from '../../src/runner/cucumber-prestart.ts';
import { REPO_ROOT } from '../../src/runner/run-cases.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cucumber-prestart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => discardPrestartedCucumber());

/** dist/ as if stale: the child runs through tsx, whatever the checkout's build. */
const TSX = { dir: join(REPO_ROOT, 'dist'), fresh: false, reason: 'test' };
const NODE_ARGS = cucumberNodeArgs(cucumberGlue(REPO_ROOT, process.env, TSX));
/** The fixture folder stands for a checkout: the child starts there, with its own cucumber.mjs and glue. */
const FIXTURE = join(REPO_ROOT, 'test', 'runner', 'prestart-fixture');
const FIXTURE_RUN: CucumberInvocation = { file: 'cucumber.mjs', profiles: [], paths: ['probe.feature'] };

function ended(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));
}

describe('the prestarted cucumber child', () => {
  it('is started only for a run that will need one', () => {
    for (const args of [['list'], ['run', '--help'], ['run', '-h'], ['sim', 'station'], []]) {
      prestartCucumberFor(args, REPO_ROOT, TSX);
      expect(takePrestartedCucumber(NODE_ARGS, { invocation: FIXTURE_RUN, env: {} }), args.join(' ')).toBeUndefined();
    }
  });

  it('runs cucumber with the glue it loaded while waiting, the invocation and the environment it is sent; the parent watch keeps watching from the child', async () => {
    // A variable of the CLI's environment at the child's start that the run's environment does not have: dropped.
    process.env['PRESTART_STALE'] = 'from before';
    prestartCucumberFor(['run', '--sim'], FIXTURE, TSX);
    delete process.env['PRESTART_STALE'];
    const ready = await new Promise((done) => waitingChild().once('message', done));
    expect(ready).toEqual({ preloaded: true });
    const out = join(tmp, 'seen.json');
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', PRESTART_PROBE: 'from the run', PRESTART_PROBE_OUT: out, OCPP_CONFORMANCE_PARENT_PID: '1' };
    const child = takePrestartedCucumber(NODE_ARGS, { invocation: FIXTURE_RUN, env });
    expect(child).toBeDefined();
    let output = '';
    child?.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child?.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    expect(await ended(child as ChildProcess), output).toBe(0);
    expect(output).toMatch(/1 scenario \(1 passed\)/);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { pid: number; parentWatch: string; probe: string; probeAtLoad: string | null; stale: string | null };
    expect(seen.stale).toBeNull();
    expect(seen.pid).toBe(child?.pid);
    expect(seen.probe).toBe('from the run');
    // The glue was loaded before the run's environment arrived: while the child waited.
    expect(seen.probeAtLoad).toBeNull();
    // Not the "1" sent: the child set it to its own pid for the workers it forks (parent-watch.ts).
    expect(seen.parentWatch).toBe(String(child?.pid));
  }, 60_000);

  it('reports a glue that fails to load as cucumber does, with the error', async () => {
    prestartCucumberFor(['run'], join(REPO_ROOT, 'test', 'runner', 'prestart-fixture-broken'), TSX);
    const ready = await new Promise((done) => waitingChild().once('message', done));
    expect(ready).toEqual({ preloaded: false });
    const child = takePrestartedCucumber(NODE_ARGS, { invocation: FIXTURE_RUN, env: { PATH: process.env['PATH'] ?? '' } });
    let output = '';
    child?.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child?.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    expect(await ended(child as ChildProcess)).toBe(1);
    expect(output).toContain('prestart fixture: this glue does not load');
  }, 60_000);

  it('is not used when started with other node arguments or another glue configuration, and is ended', async () => {
    const others: Array<[string[], CucumberInvocation]> = [
      [[...NODE_ARGS, '--cpu-prof'], FIXTURE_RUN],
      [NODE_ARGS, { ...FIXTURE_RUN, profiles: ['compiled'] }],
    ];
    for (const [nodeArgs, invocation] of others) {
      prestartCucumberFor(['run'], FIXTURE, TSX);
      const waiting = waitingChild();
      expect(takePrestartedCucumber(nodeArgs, { invocation, env: {} })).toBeUndefined();
      await ended(waiting);
      expect(waiting.killed).toBe(true);
    }
  }, 30_000);

  it('one nobody takes is ended by discard', async () => {
    prestartCucumberFor(['run'], FIXTURE, TSX);
    const waiting = waitingChild();
    discardPrestartedCucumber();
    await ended(waiting);
    expect(waiting.killed).toBe(true);
  }, 30_000);

  // (That the child then ends with its parent, through the parent watch, test/hostile/killed-run.test.ts shows for the
  // CLI killed with SIGKILL: the cucumber child it waits for is this prestarted one.)
  it('a waiting child does not keep its parent alive', async () => {
    const script = [
      `import { prestartCucumberFor } from ${JSON.stringify(join(REPO_ROOT, 'src', 'runner', 'cucumber-prestart.ts'))};`,
      `prestartCucumberFor(['run'], ${JSON.stringify(REPO_ROOT)}, ${JSON.stringify(TSX)});`,
      `if (!globalThis[Symbol.for('ocpp-conformance.prestarted-cucumber')]) process.exit(3);`,
    ].join('\n');
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: 'ignore' });
    expect(await ended(parent)).toBe(0);
  }, 30_000);
});

function waitingChild(): ChildProcess {
  const slot = (globalThis as unknown as Record<symbol, { child: ChildProcess } | undefined>)[Symbol.for('ocpp-conformance.prestarted-cucumber')];
  if (!slot) throw new Error('no child waits');
  return slot.child;
}
