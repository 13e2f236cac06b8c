// The cucumber child, started before the run knows what it will run (cucumber-prestart.ts). While the CLI still
// reads its config and probes the SUT, it loads cucumber and then the glue (steps, hooks and the engine under them,
// through cucumber's own loadSupport, so the step registry is filled as in any run). Then it waits for one message with
// the run's invocation (feature files, workers) and environment, and runs cucumber with the support code already
// loaded. Its command line names the glue's configuration; a run with other support coordinates loads them itself,
// as cucumber would. The glue is loaded before the run's environment arrives, so it reads that environment (the run
// context, OCPP_CONFORMANCE_CONTEXT) when a scenario starts, never at load.
//
// The compiled child (dist/cucumber-child.js) carries cucumber in its own bundle: one file to read instead of a few
// hundred modules to resolve. The glue must then register with that copy, not the installed one: the child leaves it
// in a global slot that the glue's `@cucumber/cucumber` reads (cucumber-instance.ts).
import * as cucumber from '@cucumber/cucumber';
import * as api from '@cucumber/cucumber/api';
import { join } from 'node:path';
import { PARENT_PID_ENV } from './child-lifetime.ts';
import { CUCUMBER_SLOT } from './cucumber-slot.ts';
import type { CucumberInvocation, GlueConfiguration } from './cucumber-glue.ts';

export interface CucumberChildStart {
  invocation: CucumberInvocation;
  /** The environment the run's cucumber child gets (it replaces this process's own, but for the parent watch). */
  env: Record<string, string>;
}

/** What the child says once it has loaded its glue (or failed to). */
export interface CucumberChildReady {
  preloaded: boolean;
}

type SupportCodeLibrary = Awaited<ReturnType<typeof api.loadSupport>>;

(globalThis as Record<symbol, unknown>)[CUCUMBER_SLOT] = cucumber;

function environment(): api.IRunEnvironment {
  return { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** cucumber's configuration for an invocation (what its command line would build). */
function configurationFor(run: GlueConfiguration & Partial<CucumberInvocation>): ReturnType<typeof api.loadConfiguration> {
  const provided = { ...(run.paths ? { paths: run.paths } : {}), ...(run.parallel && run.parallel > 1 ? { parallel: run.parallel } : {}) };
  return api.loadConfiguration({ file: run.file, profiles: run.profiles, provided }, environment());
}

interface Preloaded {
  /** The support coordinates it was loaded from, as JSON, to compare with the run's. */
  coordinates: string;
  library: SupportCodeLibrary;
}

/** The glue of `glue`, loaded; undefined when that failed (the run then loads it itself and reports the failure the
 * way cucumber does). */
async function preload(glue: GlueConfiguration): Promise<Preloaded | undefined> {
  try {
    const { runConfiguration } = await configurationFor(glue);
    // A feature path that names nothing: only the support is loaded (no path at all would make cucumber glob them all).
    const sources = { ...runConfiguration.sources, paths: [join('features', '.none')] };
    const library = await api.loadSupport({ sources, support: runConfiguration.support }, environment());
    return { coordinates: JSON.stringify(runConfiguration.support), library };
  } catch {
    return undefined;
  }
}

/** What cucumber's bin script does with its command line, with the preloaded support when it fits. */
async function run(invocation: CucumberInvocation, preloading: Promise<Preloaded | undefined>): Promise<void> {
  try {
    const { useConfiguration, runConfiguration } = await configurationFor(invocation);
    const preloaded = await preloading;
    const support = preloaded?.coordinates === JSON.stringify(runConfiguration.support) ? preloaded.library : runConfiguration.support;
    const { success } = await api.runCucumber({ ...runConfiguration, support }, environment());
    const code = success ? 0 : 1;
    if (useConfiguration.forceExit) process.exit(code);
    process.exitCode = code;
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

const preloading = preload(JSON.parse(process.argv[2] ?? '{}') as GlueConfiguration);
// Said to the parent for what it is worth (a test waits for it; a run does not need to).
void preloading.then((p) => process.connected && process.send?.({ preloaded: p !== undefined } satisfies CucumberChildReady));
process.once('message', (message: CucumberChildStart) => {
  // The parent watch set its variable to this process's pid for the workers cucumber forks: it stays.
  const own = process.env[PARENT_PID_ENV];
  for (const key of Object.keys(process.env)) if (!(key in message.env)) delete process.env[key];
  Object.assign(process.env, message.env);
  if (own !== undefined) process.env[PARENT_PID_ENV] = own;
  // The channel is not needed any more; it must not keep this process alive after cucumber is done. (Not
  // disconnect(): called inside the message handler, Node 20 fails in its own code right after.)
  process.channel?.unref();
  void run(message.invocation, preloading);
});
