// The end-of-case drain window, station role: a station that answers one of our CALLs twice (the second answer after
// the case has read the first) must FAIL, because the case's drain (a ping round trip, then the rest of
// timeouts.drainMs while anything is outstanding) takes in what the station sent before it lets go of the connection.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { effectiveBench } from '../../src/runner/context.ts';
import type { RunContext } from '../../src/runner/context.ts';
import { Scenario } from '../../src/runner/scenario.ts';
import { closeStationEndpoint, runStationEndpoint } from '../../src/runner/station-endpoint.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';

const IDENTITY = 'SELFTEST-CS';

function runContext(): RunContext {
  const base = stationSutConfig();
  // A real station's run: the run-scoped endpoint on an ephemeral port, the default drain window of 300 ms.
  const config = { ...base, sut: { ...base.sut, listen: { host: '127.0.0.1', port: 0, path: '/ocpp' } }, actions: { kind: 'http-gateway' as const, baseUrl: 'http://127.0.0.1:1' }, timeouts: { ...base.timeouts, drainMs: 300 } };
  return {
    runDir: mkdtempSync(join(tmpdir(), 'ocpp-drain-')),
    config,
    engine: effectiveBench(config.bench),
    faults: [],
    cases: { TC_B_06_CS: { id: 'TC_B_06_CS', title: 'drain', role: 'ChargingStation', version: '2.0.1', block: 'B', profiles: [], requirements: [] } },
  };
}

/** A station that answers each CALL at once and sends the same answer again when told to (answerAgain). */
function doubleAnsweringStation(url: string, password: string): Promise<{ ws: WebSocket; answerAgain: () => void }> {
  const ws = new WebSocket(`${url}/${IDENTITY}`, ['ocpp2.0.1'], { headers: { authorization: `Basic ${Buffer.from(`${IDENTITY}:${password}`).toString('base64')}` } });
  const sent: string[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as unknown[];
    if (frame[0] !== 2) return;
    const answer = JSON.stringify([3, frame[1], { getVariableResult: [{ attributeStatus: 'UnknownComponent', component: { name: 'X' }, variable: { name: 'Y' } }] }]);
    ws.send(answer);
    sent.push(answer);
  });
  const answerAgain = (): void => {
    for (const a of sent.splice(0)) ws.send(a);
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, answerAgain }));
    ws.once('error', reject);
  });
}

afterEach(async () => {
  await closeStationEndpoint();
});

describe('end-of-case drain window', () => {
  it('a station answering one CALL twice FAILs in the station role', async () => {
    const run = runContext();
    const password = run.config.basicAuthPassword ?? '';
    // The run's endpoint (the scenario borrows this one): listening before the station is powered on.
    const endpoint = runStationEndpoint({ host: '127.0.0.1', port: 0, securityProfile: 1, subprotocols: ['ocpp2.0.1'], isKnownIdentity: (id) => id === IDENTITY, checkPassword: (_id, pw) => pw === password });
    const url = await endpoint.start();
    const station = await doubleAnsweringStation(`${url.replace(/\/$/, '')}/ocpp`, password);
    const scenario = await Scenario.start(run, { caseId: 'TC_B_06_CS', name: 'double answer', stepTexts: [] });
    try {
      scenario.beginStep('the test system sends a GetVariablesRequest');
      await scenario.ctx.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'X' }, variable: { name: 'Y' } }] });
      // The case has read the first answer: the duplicate goes out now, before the drain's ping is even sent, so it
      // reaches the case inside its drain window whatever the machine's load.
      station.answerAgain();
      scenario.endStep('passed', 1);
      const result = await scenario.finish('PASSED');
      expect(result.verdict).toBe('FAIL');
      expect(result.failure?.actual).toMatch(/unknown-id.*matches no CALL/);
    } finally {
      station.ws.close();
    }
  }, 30_000);
});
