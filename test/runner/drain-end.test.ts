// The end-of-case drain ends on an event: once the ping round trip is in and nothing is outstanding either way, the
// case lets go at once (a 60 s window would outlast the test's deadline); with a CALL of ours that timed out (its
// answer may still come) the case keeps listening for the rest of timeouts.drainMs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { effectiveBench } from '../../src/runner/context.ts';
import type { RunContext } from '../../src/runner/context.ts';
import { Scenario } from '../../src/runner/scenario.ts';
import { closeStationEndpoint, runStationEndpoint } from '../../src/runner/station-endpoint.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';

const IDENTITY = 'DRAIN-CS';

function runContext(drainMs: number): RunContext {
  const base = stationSutConfig();
  const config = { ...base, sut: { ...base.sut, listen: { host: '127.0.0.1', port: 0, path: '/ocpp' } }, actions: { kind: 'http-gateway' as const, baseUrl: 'http://127.0.0.1:1' }, timeouts: { ...base.timeouts, drainMs } };
  return {
    runDir: mkdtempSync(join(tmpdir(), 'ocpp-drain-end-')),
    config,
    engine: effectiveBench(config.bench),
    faults: [],
    cases: { TC_B_06_CS: { id: 'TC_B_06_CS', title: 'drain', role: 'ChargingStation', version: '2.0.1', block: 'B', profiles: [], requirements: [] } },
  };
}

/** A station that answers GetVariables at once, or (silent) never answers anything. */
function station(url: string, password: string, silent: boolean): Promise<WebSocket> {
  const ws = new WebSocket(`${url}/${IDENTITY}`, ['ocpp2.0.1'], { headers: { authorization: `Basic ${Buffer.from(`${IDENTITY}:${password}`).toString('base64')}` } });
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as unknown[];
    if (frame[0] !== 2 || silent) return;
    ws.send(JSON.stringify([3, frame[1], { getVariableResult: [{ attributeStatus: 'UnknownComponent', component: { name: 'X' }, variable: { name: 'Y' } }] }]));
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function caseAgainst(silent: boolean, drainMs: number): Promise<string[]> {
  const run = runContext(drainMs);
  const password = run.config.basicAuthPassword ?? '';
  const endpoint = runStationEndpoint({ host: '127.0.0.1', port: 0, securityProfile: 1, subprotocols: ['ocpp2.0.1'], isKnownIdentity: (id) => id === IDENTITY, checkPassword: (_id, pw) => pw === password });
  const url = await endpoint.start();
  const ws = await station(`${url.replace(/\/$/, '')}/ocpp`, password, silent);
  const scenario = await Scenario.start(run, { caseId: 'TC_B_06_CS', name: 'drain end', stepTexts: [] });
  try {
    scenario.beginStep('the test system sends a GetVariablesRequest');
    const call = scenario.ctx.peer.sendCall('GetVariables', { getVariableData: [{ component: { name: 'X' }, variable: { name: 'Y' } }] }, { timeoutMs: silent ? 50 : 5000 });
    await call.outcome.catch(() => undefined);
    scenario.endStep('passed', 1);
    const result = await scenario.finish('PASSED');
    return readFileSync(result.tracePath ?? '', 'utf8')
      .split('\n')
      .filter((l) => l.includes('"note"'))
      .map((l) => (JSON.parse(l) as { message: string }).message);
  } finally {
    ws.close();
  }
}

afterEach(async () => {
  await closeStationEndpoint();
});

describe('end-of-case drain', () => {
  it('ends at the ping round trip when every CALL is answered', async () => {
    const notes = await caseAgainst(false, 60_000);
    expect(notes).toContain('drain: the ping round trip is in and nothing is outstanding either way; the drain window ends here');
    expect(notes.filter((n) => n.includes('drain window (timeouts.drainMs)'))).toEqual([]);
  }, 20_000);

  it('keeps listening for the rest of the window when a CALL of ours timed out', async () => {
    const notes = await caseAgainst(true, 300);
    expect(notes.some((n) => /^letting \d+ ms pass: the end-of-case drain window/.test(n))).toBe(true);
    expect(notes.some((n) => n.startsWith('drain: the ping round trip is in'))).toBe(false);
  }, 20_000);
});
