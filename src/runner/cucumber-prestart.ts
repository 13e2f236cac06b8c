// Starts the cucumber child at the very beginning of `ocpp-conformance run`, so that loading cucumber (about half of
// the time to the first case) overlaps with the CLI reading its config, building its plans and probing the SUT.
// runCucumber takes the waiting child when it was started with the node arguments it needs, and sends it cucumber's
// invocation and the run's environment (cucumber-child.ts); otherwise it spawns one as before. A waiting child holds no
// reference on the event loop, ends with the CLI (the parent watch), and is killed when the run never needs it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../scripts/dist-state.js';
import type { DistState } from '../../scripts/dist-state.js';
import { parentWatchEnv } from './child-lifetime.ts';
import { cucumberGlue } from './cucumber-glue.ts';
import type { CucumberGlue, GlueConfiguration } from './cucumber-glue.ts';
import type { CucumberChildStart } from './cucumber-child.ts';

/** OCPP_CONFORMANCE_CPU_PROF=DIR: a CPU profile of the cucumber child and of each parallel worker, written to DIR. */
export function cucumberNodeArgs(glue: CucumberGlue, env: NodeJS.ProcessEnv = process.env): string[] {
  const prof = env['OCPP_CONFORMANCE_CPU_PROF'];
  return [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), ...glue.nodeArgs];
}

interface Waiting {
  child: ChildProcess;
  /** The node arguments and the glue's configuration it was started with: what a run must match to take it. */
  startedWith: string;
}

function startedWith(nodeArgs: string[], glue: GlueConfiguration): string {
  return JSON.stringify([nodeArgs, glue.file, glue.profiles]);
}

// The launcher (bin/ocpp-conformance.js) starts the child from its own small bundle before it loads the CLI's, so the
// two module instances share the waiting child through a global slot.
const SLOT = Symbol.for('ocpp-conformance.prestarted-cucumber');
const slot = globalThis as unknown as Record<typeof SLOT, Waiting | undefined>;

function setRef(child: ChildProcess, on: boolean): void {
  const handles = [child, child.channel, child.stdout, child.stderr] as Array<{ ref?: () => void; unref?: () => void } | null | undefined>;
  for (const h of handles) (on ? h?.ref : h?.unref)?.call(h);
}

/** For the command line `args` (the command first): starts a cucumber child that waits for its arguments when the
 * command is a run that will need one (at most one waits at a time). */
export function prestartCucumberFor(args: readonly string[], root: string = ROOT, dist?: DistState): void {
  if (args[0] !== 'run' || args.some((a) => a === '--help' || a === '-h') || slot[SLOT]) return;
  const glue = cucumberGlue(root, process.env, dist);
  const nodeArgs = cucumberNodeArgs(glue);
  const script = glue.compiled ? join(root, 'dist', 'cucumber-child.js') : fileURLToPath(new URL('./cucumber-child.ts', import.meta.url));
  const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(glue.configuration)], {
    cwd: root,
    env: { ...process.env, ...parentWatchEnv(), FORCE_COLOR: '0' },
    stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
  });
  // A child that cannot start is simply not used: runCucumber then spawns one the usual way and reports its failure.
  child.on('error', () => undefined);
  child.once('exit', () => {
    if (slot[SLOT]?.child === child) slot[SLOT] = undefined;
  });
  setRef(child, false);
  slot[SLOT] = { child, startedWith: startedWith(nodeArgs, glue.configuration) };
}

/**
 * Starts the waiting child on `start` and hands it over (its output unread so far), or undefined when none waits, it
 * has ended, or it was started with other node arguments or another glue configuration (a CPU profile switched on
 * since, another build): the glue it loaded while waiting would not be the run's.
 */
export function takePrestartedCucumber(nodeArgs: string[], start: CucumberChildStart): ChildProcess | undefined {
  const w = slot[SLOT];
  slot[SLOT] = undefined;
  if (!w) return undefined;
  if (w.startedWith !== startedWith(nodeArgs, start.invocation) || w.child.exitCode !== null || w.child.signalCode !== null || !w.child.connected) {
    w.child.kill('SIGTERM');
    return undefined;
  }
  setRef(w.child, true);
  w.child.send(start);
  return w.child;
}

/** Ends a child nobody took (the run stopped before it ran a case, or ran none). */
export function discardPrestartedCucumber(): void {
  slot[SLOT]?.child.kill('SIGTERM');
  slot[SLOT] = undefined;
}
