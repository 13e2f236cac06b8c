#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI with the tsx loader so users need no build step. Ctrl-C and SIGTERM are passed
// on to the CLI (which writes the reports of an interrupted run before it exits), and its exit code is ours.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(here, '..', 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
// On a terminal the CLI gets Ctrl-C itself as well; it treats two signals within a second as one.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 2)));
