#!/usr/bin/env node
// Launcher. While dist/ (compiled by `npm run build`, which `npm install` runs) matches the sources, the compiled CLI
// runs in this very process (one Node start less), and a run's cucumber child is started before the CLI is even loaded
// (src/runner/cucumber-prestart.ts). Otherwise it runs the TypeScript CLI with the tsx loader in a child process, so
// users need no build step and an edited source is never shadowed by an old build (scripts/dist-state.js); Ctrl-C and
// SIGTERM are then passed on to that child (which writes the reports of an interrupted run before it exits), and its
// exit code is ours.
import { spawn } from 'node:child_process';
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliEntry, distBuilt, distState, ROOT } from '../scripts/dist-state.js';

// Node 22.1 and later keep the compiled code of what they load on disk: for this process and, through the variable,
// every Node it starts (the cucumber child, its workers). Node 20 has neither and ignores the variable.
if (typeof module.enableCompileCache === 'function' && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  process.env.NODE_COMPILE_CACHE ??= join(ROOT, 'node_modules', '.cache', 'ocpp-conformance-compile');
  module.enableCompileCache(process.env.NODE_COMPILE_CACHE);
}
const compiled = (name) => import(pathToFileURL(join(ROOT, 'dist', name)).href);
// The cucumber child of a run starts first, as if the build matched the sources (comparing them takes a while); it is
// dropped if it does not.
const prestart = distBuilt() ? await compiled('cucumber-prestart.js') : undefined;
prestart?.prestartCucumberFor(process.argv.slice(2), ROOT, { dir: join(ROOT, 'dist'), fresh: true });
if (distState().fresh) {
  await compiled('cli.js');
} else {
  prestart?.discardPrestartedCucumber();
  const child = spawn(process.execPath, [...cliEntry(), ...process.argv.slice(2)], { stdio: 'inherit' });
  // On a terminal the CLI gets Ctrl-C itself as well; it treats two signals within a second as one.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 2)));
}
