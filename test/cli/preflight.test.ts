// The sanity probes of `run` against a real SUT: a CSMS that is not there stops the run with one message (exit 2, no
// case run); at the end the run says whether it stayed. SP3 without a client certificate is a config error naming the
// field, before anything runs.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configProblem, endProbe, startProbe } from '../../src/cli/preflight.ts';
import { runRunCommand } from '../../src/cli/run.ts';
import { loadRunConfig } from '../../src/config/index.ts';
import type { RunConfig } from '../../src/config/types.ts';
import { makeTemporaryPki, removeTemporaryPkis } from '../../src/pki/index.ts';
import { freePort } from '../helpers/free-port.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cli-preflight-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function config(name: string, body: Record<string, unknown>): { path: string; config: RunConfig } {
  const path = join(tmp, `${name}.json`);
  writeFileSync(path, JSON.stringify({ ocppVersion: '2.0.1', ...body }));
  const loaded = loadRunConfig(path);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return { path, config: loaded.config };
}

describe('run: sanity probe at the start', () => {
  it('a wrong port: one message naming sut.csmsUrl, exit 2, no report and no case run', async () => {
    const port = await freePort();
    const reportDir = join(tmp, 'wrong-port-reports');
    const { path } = config('wrong-port', { sut: { role: 'CSMS', csmsUrl: `ws://127.0.0.1:${port}/ocpp`, identity: 'CS-1' }, securityProfile: 0, report: { dir: reportDir } });
    const lines: string[] = [];
    const code = await runRunCommand(['--config', path, '--profile', 'Core', '--no-html'], (l) => lines.push(l));
    expect(code).toBe(2);
    expect(lines).toEqual([
      `run: the CSMS under test is not there: nothing accepted a connection at ws://127.0.0.1:${port}/ocpp within 5 s. Check the host and port of "sut.csmsUrl" and that the CSMS runs; no case was run.`,
    ]);
    expect(() => readdirSync(reportDir)).toThrow();
  });

  it('start and end probes say whether the CSMS is there', async () => {
    const listening = createServer((socket) => socket.destroy());
    await new Promise<void>((r) => listening.listen(0, '127.0.0.1', r));
    const url = `ws://127.0.0.1:${(listening.address() as AddressInfo).port}/ocpp`;
    const { config: c } = config('there', { sut: { role: 'CSMS', csmsUrl: url, identity: 'CS-1' }, securityProfile: 0 });
    expect(await startProbe(c)).toBeUndefined();
    expect(await endProbe(c)).toBe(`Sanity probe at the end: the CSMS at ${url} is still there.`);
    await new Promise<void>((r) => listening.close(() => r()));
    expect(await endProbe(c, 1000)).toMatch(/^WARNING: sanity probe at the end: the CSMS at .* no longer accepts connections/);
  });

  it('a station under test is not probed (it connects to us; its first case waits for it visibly)', async () => {
    const { config: c } = config('station', { sut: { role: 'ChargingStation', stationIdentity: 'CS-1' }, securityProfile: 0 });
    expect(await startProbe(c)).toBeUndefined();
    expect(await endProbe(c)).toBeUndefined();
  });
});

describe('run: SP3 against a CSMS needs a client certificate', () => {
  it('none configured: the run config is refused naming certificates.clientCert and certificates.clientKey', async () => {
    const ca = join(tmp, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    const path = join(tmp, 'sp3.json');
    writeFileSync(path, JSON.stringify({ ocppVersion: '2.0.1', sut: { role: 'CSMS', csmsUrl: 'wss://127.0.0.1:1/ocpp', identity: 'CS-3' }, securityProfile: 3, basicAuthPassword: 'unused-password-0003', certificates: { caPem: 'ca.pem' } }));
    const lines: string[] = [];
    expect(await runRunCommand(['--config', path, '--case', 'TC_B_01_CSMS'], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/security profile 3 needs clientCert, clientKey .*"certificates.clientCert", "certificates.clientKey"/);
  });

  it('a test PKI without a certificate for the identity: a config error naming certificates.dir and the fix, before any case', { timeout: 120_000 }, async () => {
    const dir = await makeTemporaryPki({ identities: ['CS-OTHER'], serverNames: ['127.0.0.1'] });
    try {
      const { path, config: c } = config('sp3-pki', { sut: { role: 'CSMS', csmsUrl: 'wss://127.0.0.1:1/ocpp', identity: 'CS-3' }, securityProfile: 3, certificates: { dir } });
      const problem = await configProblem(c);
      expect(problem).toBe(
        `certificates.dir: the test PKI in ${dir} has no client certificate for "CS-3" (it has CS-OTHER), which security profile 3 presents; ` +
          'set "certificates.clientCert" and "certificates.clientKey" to the station\'s certificate and key (PEM), or create one in the test PKI with `ocpp-conformance certs init --dir <certificates.dir> --identity CS-3`',
      );
      const lines: string[] = [];
      expect(await runRunCommand(['--config', path, '--case', 'TC_B_01_CSMS'], (l) => lines.push(l))).toBe(2);
      expect(lines).toEqual([`run: ${problem ?? ''}`]);
    } finally {
      removeTemporaryPkis([dir]);
    }
  });

  it('a test PKI folder that does not exist: the message names certificates.dir', async () => {
    const { config: c } = config('sp3-dir', { sut: { role: 'CSMS', csmsUrl: 'wss://127.0.0.1:1/ocpp', identity: 'CS-3' }, securityProfile: 3, certificates: { dir: 'no-such-pki' } });
    expect(await configProblem(c)).toMatch(/^certificates.dir: no test PKI in .*no-such-pki/);
  });
});

describe('run: SP3 against a CSMS with a pool of identities', () => {
  it('every identity of the pool needs its client certificate; the missing ones are named', { timeout: 120_000 }, async () => {
    const dir = await makeTemporaryPki({ identities: ['CS-3'], serverNames: ['127.0.0.1'] });
    try {
      const { config: c } = config('sp3-pool', { sut: { role: 'CSMS', csmsUrl: 'wss://127.0.0.1:1/ocpp', identity: 'CS-3', identities: [{ identity: 'CS-4' }] }, securityProfile: 3, certificates: { dir } });
      expect(await configProblem(c)).toMatch(/has no client certificate for "CS-4" \(it has CS-3\).*--identity CS-4`$/);
    } finally {
      removeTemporaryPkis([dir]);
    }
  });
});
