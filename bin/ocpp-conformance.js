#!/usr/bin/env node
// Thin launcher: runs the CLI from dist/ (compiled by `npm run build`, which `npm install` runs) while that build
// matches the sources, and otherwise the TypeScript CLI with the tsx loader, so users need no build step and an edited
// source is never shadowed by an old build (scripts/dist-state.js). Ctrl-C and SIGTERM are passed on to the CLI (which
// writes the reports of an interrupted run before it exits), and its exit code is ours.
import { spawn } from 'node:child_process';
import { cliEntry } from '../scripts/dist-state.js';

const child = spawn(process.execPath, [...cliEntry(), ...process.argv.slice(2)], { stdio: 'inherit' });
// On a terminal the CLI gets Ctrl-C itself as well; it treats two signals within a second as one.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 2)));
