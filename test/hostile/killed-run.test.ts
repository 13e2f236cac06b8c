// Finding 4: kill -9 of the CLI must not leave the cucumber child running (holding the station port, finishing cases
// nobody reads). A real SIGKILL of a real CLI run with a station under test listening on a fixed port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ocpp-killed-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Resolves when `probe` holds, checking on each tick of `everyMs`; rejects at the deadline. */
async function until(what: string, probe: () => Promise<boolean>, deadlineMs: number, everyMs = 100): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const listening = (port: number): Promise<boolean> =>
  new Promise((r) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), r(true)));
    c.once('error', () => r(false));
  });

const bindable = (port: number): Promise<boolean> =>
  new Promise((r) => {
    const s = createServer();
    s.once('error', () => r(false));
    s.listen(port, '127.0.0.1', () => s.close(() => r(true)));
  });

describe('a killed run', () => {
  it('SIGKILL of the CLI ends the cucumber child and frees the station port for the rerun', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const config = join(tmp, 'station.json');
    writeFileSync(
      config,
      JSON.stringify({
        sut: { role: 'ChargingStation', listen: { host: '127.0.0.1', port, path: '/ocpp' }, stationIdentity: 'KILLED-RUN-CS' },
        ocppVersion: '2.0.1',
        securityProfile: 0,
        evses: [{ id: 1, connectors: [{ id: 1 }] }],
        idTokens: { valid: [{ idToken: '0A0B0C0D', type: 'ISO14443' }] },
        // The station never comes: the case waits (well beyond this test) for it, listening on the port.
        timeouts: { defaultMs: 60_000, connectMs: 60_000, bootMs: 60_000, promptMs: 60_000 },
        actions: { kind: 'prompt', timeoutMs: 60_000 },
      }),
    );
    const cli = spawn(process.execPath, ['--import', 'tsx', resolve('src/cli/main.ts'), 'run', '--config', config, '--case', 'TC_B_01_CS', '--no-html', '--quiet', '--report-dir', join(tmp, 'reports')], {
      cwd: resolve('.'),
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    try {
      await until('the case listens on the station port', () => listening(port), 120_000);
      cli.kill('SIGKILL');
      await until('the port is free again after the CLI was killed', () => bindable(port), 10_000);
    } finally {
      cli.kill('SIGKILL');
    }
    expect(await bindable(port)).toBe(true);
  });
});
