// The cucumber child started before the run knows its arguments (src/runner/cucumber-prestart.ts, cucumber-child.ts):
// only a run starts one; the run's arguments and environment reach it, while the parent watch keeps the child's own
// pid for the workers it forks; a child started with other node arguments is not used; one nobody takes is ended; and
// a waiting child never keeps its parent alive. The tsx form is used here (the compiled one, through the launcher, in
// test/cli/dist-build.test.ts).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cucumberGlue } from '../../src/runner/cucumber-glue.ts';
import { cucumberNodeArgs, discardPrestartedCucumber, prestartCucumberFor, takePrestartedCucumber } from '../../src/runner/cucumber-prestart.ts';
import { REPO_ROOT } from '../../src/runner/run-cases.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cucumber-prestart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => discardPrestartedCucumber());

/** dist/ as if stale: the child runs through tsx, whatever the checkout's build. */
const TSX = { dir: join(REPO_ROOT, 'dist'), fresh: false, reason: 'test' };
const NODE_ARGS = cucumberNodeArgs(cucumberGlue(REPO_ROOT, process.env, TSX));
const FIXTURE = join('test', 'runner', 'prestart-fixture');

function ended(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));
}

describe('the prestarted cucumber child', () => {
  it('is started only for a run that will need one', () => {
    for (const args of [['list'], ['run', '--help'], ['run', '-h'], ['sim', 'station'], []]) {
      prestartCucumberFor(args, REPO_ROOT, TSX);
      expect(takePrestartedCucumber(NODE_ARGS, { args: [], env: {} }), args.join(' ')).toBeUndefined();
    }
  });

  it('runs cucumber with the arguments and environment it is sent; the parent watch keeps watching from the child', async () => {
    // A variable of the CLI's environment at the child's start that the run's environment does not have: dropped.
    process.env['PRESTART_STALE'] = 'from before';
    prestartCucumberFor(['run', '--sim'], REPO_ROOT, TSX);
    delete process.env['PRESTART_STALE'];
    const out = join(tmp, 'seen.json');
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', PRESTART_PROBE: 'from the run', PRESTART_PROBE_OUT: out, OCPP_CONFORMANCE_PARENT_PID: '1' };
    const child = takePrestartedCucumber(NODE_ARGS, { args: ['--config', join(FIXTURE, 'cucumber.js'), join(FIXTURE, 'probe.feature')], env });
    expect(child).toBeDefined();
    let output = '';
    child?.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child?.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    expect(await ended(child as ChildProcess), output).toBe(0);
    expect(output).toMatch(/1 scenario \(1 passed\)/);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { pid: number; parentWatch: string; probe: string; stale: string | null };
    expect(seen.stale).toBeNull();
    expect(seen.pid).toBe(child?.pid);
    expect(seen.probe).toBe('from the run');
    // Not the "1" sent: the child set it to its own pid for the workers it forks (parent-watch.ts).
    expect(seen.parentWatch).toBe(String(child?.pid));
  }, 60_000);

  it('is not used when started with other node arguments, and is ended', async () => {
    prestartCucumberFor(['run'], REPO_ROOT, TSX);
    const waiting = waitingChild();
    const other = [...NODE_ARGS, '--cpu-prof'];
    expect(takePrestartedCucumber(other, { args: [], env: {} })).toBeUndefined();
    await ended(waiting);
    expect(waiting.killed).toBe(true);
  }, 30_000);

  it('one nobody takes is ended by discard', async () => {
    prestartCucumberFor(['run'], REPO_ROOT, TSX);
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
