// "no answer arrived" against a real CSMS-like peer that sends its own CALL instead of answering ours: the verdict
// says the SUT's CALL crossed ours (the likely cause), not only that nothing came.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { runRunCommand } from '../../src/cli/run.ts';
import type { SummaryJson } from '../../src/report/json-summary.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cli-crossed-'));
const csms = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (offered) => [...offered][0] ?? false });
// Our BootNotification is never answered; the "CSMS" sends a GetVariables of its own right after it.
csms.on('connection', (ws) => {
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as unknown[];
    if (frame[0] === 2 && frame[2] === 'BootNotification') ws.send(JSON.stringify([2, 'crossing-1', 'GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] }]));
  });
});
afterAll(() => {
  csms.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('run: a CALL of the SUT crossing ours', () => {
  it('is named in the explanation of the missing answer', async () => {
    const address = csms.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const reportDir = join(tmp, 'reports');
    const config = join(tmp, 'csms.json');
    writeFileSync(config, JSON.stringify({ sut: { role: 'CSMS', csmsUrl: `ws://127.0.0.1:${port}/ocpp`, identity: 'CS-CROSS' }, ocppVersion: '2.0.1', securityProfile: 0, timeouts: { defaultMs: 2000, connectMs: 3000 }, report: { dir: reportDir } }));
    const lines: string[] = [];
    expect(await runRunCommand(['--config', config, '--case', 'TC_B_01_CSMS', '--no-html', '--quiet'], (l) => lines.push(l))).toBe(1);
    const [runId] = readdirSync(reportDir);
    const summary = JSON.parse(readFileSync(join(reportDir, runId ?? '', 'summary.json'), 'utf8')) as SummaryJson;
    const actual = summary.results[0]?.failure?.actual ?? '';
    expect(actual, lines.join('\n')).toMatch(/^no answer arrived; the SUT's CALL crossed ours: it sent GetVariablesRequest #\d+ \d+ ms after ours/);
  }, 120_000);
});
