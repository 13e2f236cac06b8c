// The cucumber child (and its parallel workers) must not outlive the process that started it: a CLI killed with
// SIGKILL cannot clean up, so the child watches its parent instead. The child loads parent-watch.ts before anything
// else (`--import`); it ends itself the moment its parent process is gone, which frees the ports its simulators and
// test servers held, so a rerun right after a killed run works.
import { fileURLToPath } from 'node:url';

/** The pid the watched process expects as its parent; each watched process sets it to its own pid for its children. */
export const PARENT_PID_ENV = 'OCPP_CONFORMANCE_PARENT_PID';

const WATCH_MODULE = fileURLToPath(new URL('./parent-watch.ts', import.meta.url));

/** Node arguments that make a spawned Node child end with its parent (put them before the script); `module`: the
 * compiled parent-watch.js when the child runs without tsx. */
export function parentWatchArgs(module: string = WATCH_MODULE): string[] {
  return ['--import', module];
}

/** Environment entries for such a child. */
export function parentWatchEnv(): Record<string, string> {
  return { [PARENT_PID_ENV]: String(process.pid) };
}
