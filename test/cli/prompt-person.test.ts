// The `prompt` action adapter with a person at the bench, end to end: `ocpp-conformance run --config` against a
// `sim station` process, both started from the CLI; every manual step of block C and E cases appears on the terminal as
// ">>> ACTION NEEDED: ...", and the "person" of this test does what it says on the station (through the station's own
// bench API, as a technician would with the cable and the card) and then presses Enter. The cases PASS only if each
// prompt came at the moment its step needs the action; an instruction the person does not understand is answered
// "fail", which turns the case INCONCLUSIVE, so a new or reworded prompt shows up here.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { notPassed, runWithConfig, startCli, writeJson } from '../selftest/long-lived.ts';
import type { CliProcess } from '../selftest/long-lived.ts';
import { freePort } from '../helpers/free-port.ts';

const CASES = ['TC_C_02_CS', 'TC_E_01_CS'];
const started: CliProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

/** The bench API call that performs an instruction, or undefined when the person does not know what to do. */
export function benchCallFor(instruction: string): { path: string; query: Record<string, string> } | undefined {
  let m = /^plug the EV into EVSE (\d+), connector (\d+)/.exec(instruction);
  if (m) return { path: '/api/v1/plugin', query: { evse_id: m[1]!, connector_id: m[2]! } };
  m = /^unplug the EV from EVSE (\d+), connector (\d+)/.exec(instruction);
  if (m) return { path: '/api/v1/plugout', query: { evse_id: m[1]!, connector_id: m[2]! } };
  m = /^present idToken (\S+) \((\w+)\) at EVSE (\d+)/.exec(instruction);
  if (m) return { path: '/api/v1/authorize', query: { id: m[1]!, type: m[2]!, evse_id: m[3]! } };
  if (/^power-cycle \(reboot\)/.test(instruction)) return { path: '/api/v1/reboot', query: {} };
  return undefined;
}

it('block C and E cases with prompts, answered by a person who acts on the station: PASS', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-prompt-person-'));
  const [port, benchPort] = [await freePort(), await freePort()];
  const identity = 'PROMPT-PERSON-CS';
  const config = writeJson(join(dir, 'station.json'), {
    sut: { role: 'ChargingStation', listen: { host: '127.0.0.1', port, path: '/ocpp' }, stationIdentity: identity },
    ocppVersion: '2.0.1',
    securityProfile: 1,
    basicAuthPassword: 'prompt-person-password-01',
    evses: [{ id: 1, connectors: [{ id: 1 }] }],
    idTokens: { valid: [{ idToken: '0A0B0C01', type: 'ISO14443' }] },
    timeouts: { defaultMs: 5000, connectMs: 5000, bootMs: 8000, transactionMs: 5000, promptMs: 20_000, sutReturnMs: 60_000 },
    actions: { kind: 'prompt' },
    bench: { heartbeatIntervalS: 10, transactionDurationMs: 0 },
    report: { dir: join(dir, 'reports') },
  });
  const answered: string[] = [];
  const person = async (run: CliProcess): Promise<void> => {
    let seen = 0;
    const onOutput = (): void => {
      const prompts = [...run.output().matchAll(/>>> ACTION NEEDED: (.+)\n/g)].map((m) => m[1]!);
      for (; seen < prompts.length; seen++) {
        const instruction = prompts[seen]!;
        const call = benchCallFor(instruction);
        answered.push(instruction);
        const act = call
          ? fetch(`http://127.0.0.1:${benchPort}${call.path}?${new URLSearchParams(call.query).toString()}`, { method: 'POST' }).then((r) => r.ok)
          : Promise.resolve(false);
        void act.then((ok) => run.child.stdin?.write(ok ? '\n' : 'fail\n'));
      }
    };
    run.child.stdout?.on('data', onOutput);
    run.child.stderr?.on('data', onOutput);
  };
  const run = runWithConfig(config, join(dir, 'reports'), CASES.flatMap((id) => ['--case', id]), person, { stdin: true });
  const station = startCli(['sim', 'station', '--csms-url', `ws://127.0.0.1:${port}/ocpp`, '--id', identity, '--security-profile', '1', '--password', 'prompt-person-password-01', '--reconnect-ms', '1000', '--action-port', String(benchPort)]);
  started.push(station);
  const { summary, output } = await run;
  expect(notPassed(summary), output).toEqual([]);
  expect(summary.results.map((r) => r.id).sort()).toEqual(CASES);
  // Both cases needed the EV and the card; every prompt was one the person could perform.
  expect(answered.some((a) => a.startsWith('plug the EV'))).toBe(true);
  expect(answered.some((a) => a.startsWith('present idToken'))).toBe(true);
  expect(answered.filter((a) => !benchCallFor(a)), output).toEqual([]);
}, 120_000);
