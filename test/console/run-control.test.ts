// Starting and stopping runs through the console's API: one run at a time per SUT, and "stop" ends the `run` command
// and the cucumber process it started (the station port the case listened on is free again).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, listening } from './net-helpers.ts';
import { startConsole } from '../../src/console/server.ts';

/** Includes starting `run` and its cucumber process (two TypeScript start-ups) on a loaded machine. */
const RUN_START_MS = 120_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});



describe('console run control', () => {
  it('refuses a second run against the same SUT and stops a run with its cucumber process', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ocpp-console-stop-'));
    const port = await freePort();
    const configFile = path.join(dir, 'absent-station.json');
    // No station ever connects: the case waits for one (for three minutes) until it is stopped.
    await writeFile(configFile, JSON.stringify({
      sut: { role: 'ChargingStation', stationIdentity: 'NOBODY-CS', listen: { host: '127.0.0.1', port, path: '/ocpp' } },
      ocppVersion: '2.0.1',
      securityProfile: 1,
      basicAuthPassword: 'console-test-password-02',
      timeouts: { connectMs: 180_000, promptMs: 60_000 },
      actions: { kind: 'prompt' },
      report: { dir: 'reports' },
    }));
    const server = await startConsole({ configs: [configFile], cwd: dir, terminalPrompts: false });
    cleanups.push(() => server.close());
    const post = (p: string, body: unknown): Promise<Response> =>
      fetch(`${server.origin}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-console-token': server.token }, body: JSON.stringify(body) });

    const request = { sut: `config:${configFile}`, cases: ['TC_B_01_CS'], html: false };
    const first = await post('/api/runs', request);
    const started = (await first.json()) as { key: string; error?: string };
    expect(first.status, started.error).toBe(202);
    const { key } = started;
    const second = await post('/api/runs', request);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toMatch(/already going on/);

    // The case is running once its trace exists, and the harness then listens for the station.
    await expect.poll(() => server.runs.get(key)?.running ?? [], { timeout: RUN_START_MS, interval: 100 }).toEqual(['TC_B_01_CS']);
    await expect.poll(() => listening(port), { timeout: RUN_START_MS, interval: 100 }).toBe(true);

    expect((await post(`/api/runs/${key}/stop`, {})).status).toBe(200);
    await expect.poll(() => server.runs.get(key)?.finishedAt, { timeout: RUN_START_MS, interval: 100 }).toBeDefined();
    expect(server.runs.get(key)?.state).toBe('stopped');
    // The cucumber process got the signal too and closes its listener on exit: well before the case's own connect
    // deadline (three minutes) could have freed the port.
    await expect.poll(() => listening(port), { timeout: 30_000, interval: 100 }).toBe(false);
    // Stopped, so the SUT is free for the next run.
    expect((await post(`/api/runs/${key}/stop`, {})).status).toBe(409);
  }, 300_000);
});
