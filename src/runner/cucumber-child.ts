// The cucumber child, started before the run knows what it will run (cucumber-prestart.ts): it loads cucumber's
// command line (a few hundred modules, most of the child's start-up) while the CLI still reads its config and probes
// the SUT, then waits for one message with cucumber's arguments and the run's environment, and from there does
// exactly what `node_modules/.bin/cucumber-js ARGS` does. The glue is not loaded here: cucumber imports it itself
// after resetting its step registry, so loading it earlier would register nothing. (Loading the engine under the
// steps while waiting was tried: with the glue split into chunks it moved ~120 ms from after the arguments to before,
// but the child, not the CLI, is the slower of the two, so the first case started no sooner.)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PARENT_PID_ENV } from './child-lifetime.ts';

export interface CucumberChildStart {
  /** cucumber's own arguments (no node options, no script path). */
  args: string[];
  /** The environment the run's cucumber child gets (it replaces this process's own, but for the parent watch). */
  env: Record<string, string>;
}

interface CucumberCli {
  run(): Promise<{ success: boolean; shouldExitImmediately: boolean }>;
}
type CucumberCliClass = new (options: { argv: string[]; cwd: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv }) => CucumberCli;

const requireHere = createRequire(import.meta.url);
// cucumber's command line itself, not its bin script's wrapper (lib/cli/run): that one also loads semver to check the
// Node version, which package.json's engines already pins (~20 ms of the start).
const Cli = (requireHere('@cucumber/cucumber/lib/cli/index') as { default: CucumberCliClass }).default;
const bin = join(dirname(requireHere.resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber.js');

/** What cucumber's bin script does with its command line's result. */
async function runCucumberCli(argv: string[]): Promise<void> {
  try {
    const result = await new Cli({ argv, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env }).run();
    const code = result.success ? 0 : 1;
    if (result.shouldExitImmediately) process.exit(code);
    process.exitCode = code;
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

process.once('message', (message: CucumberChildStart) => {
  // The parent watch set its variable to this process's pid for the workers cucumber forks: it stays.
  const own = process.env[PARENT_PID_ENV];
  for (const key of Object.keys(process.env)) if (!(key in message.env)) delete process.env[key];
  Object.assign(process.env, message.env);
  if (own !== undefined) process.env[PARENT_PID_ENV] = own;
  process.argv = [process.execPath, bin, ...message.args];
  // The channel is not needed any more; it must not keep this process alive after cucumber is done. (Not
  // disconnect(): called inside the message handler, Node 20 fails in its own code right after.)
  process.channel?.unref();
  void runCucumberCli(process.argv);
});
