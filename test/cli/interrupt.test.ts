// Ctrl-C against the real CLI (bin/ocpp-conformance.js, a child process): a CSMS under test that accepts the
// connection and never answers keeps TC_B_01_CSMS waiting; the waiting line shows it (not a TTY: a plain line after a
// few seconds), then SIGINT stops the run and the reports hold the case as INCONCLUSIVE "interrupted".
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { SummaryJson } from '../../src/report/json-summary.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cli-interrupt-'));
const silent = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (offered) => [...offered][0] ?? false });
afterAll(() => {
  silent.close();
  rmSync(tmp, { recursive: true, force: true });
});

function runUntil(args: string[], ready: RegExp, signal: NodeJS.Signals): Promise<{ code: number | null; text: string }> {
  const child = spawn(process.execPath, [resolve('bin/ocpp-conformance.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let sent = false;
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    if (!sent && ready.test(text)) {
      sent = true;
      child.kill(signal);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((done) => child.on('close', (code) => done({ code, text })));
}

describe('run: an interrupted run writes what it has', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while a case waits: the waiting line, then summary.json and junit.xml with the case INCONCLUSIVE "interrupted"', async (signal, exitCode) => {
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const reportDir = join(tmp, signal);
    const config = join(tmp, `${signal}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        sut: { role: 'CSMS', csmsUrl: `ws://127.0.0.1:${port}/ocpp`, identity: 'CS-INTERRUPTED' },
        ocppVersion: '2.0.1',
        securityProfile: 0,
        timeouts: { defaultMs: 120_000, connectMs: 15_000 },
        report: { dir: reportDir },
      }),
    );
    const { code, text } = await runUntil(['run', '--config', config, '--case', 'TC_B_01_CSMS', '--no-html'], /waiting: TC_B_01_CSMS for .*\(\d+ s of up to 120 s\)/, signal);
    expect(text).toMatch(new RegExp(`${signal}: stopping the run; writing the reports of what ran`));
    expect(code, text).toBe(exitCode);
    const [runId] = readdirSync(reportDir);
    const runDir = join(reportDir, runId ?? '');
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as SummaryJson;
    expect(summary.results.map((r) => [r.id, r.verdict])).toEqual([['TC_B_01_CSMS', 'INCONCLUSIVE']]);
    expect(summary.results[0]?.reason).toBe(`interrupted: the run was stopped (${signal}) while this case ran`);
    expect(existsSync(join(runDir, 'junit.xml'))).toBe(true);
    expect(readFileSync(join(runDir, 'junit.xml'), 'utf8')).toContain('TC_B_01_CSMS');
    expect(text).toMatch(/Interrupted: the reports hold the cases that finished/);
  }, 90_000);
});
