// `sim csms` can be set up for a whole profile in one process: RSA and ECDSA server certificates on one listener
// (each client gets the one its cipher suites fit), token groups, a master pass and per-identity boot answers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runSimCsmsCommand } from '../../src/cli/sim-csms.ts';
import { initTestPki } from '../../src/pki/index.ts';

function serverKeyType(port: number, ciphers: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, ciphers, maxVersion: 'TLSv1.2', rejectUnauthorized: false, servername: 'localhost' }, () => {
      const pem = s.getPeerX509Certificate?.();
      resolve(pem ? new X509Certificate(pem.raw).publicKey.asymmetricKeyType : undefined);
      s.end();
    });
    s.once('error', reject);
  });
}

describe('sim csms for a long-lived run', () => {
  it('serves an RSA and an ECDSA server certificate on one listener', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-dual-cert-'));
    await initTestPki({ dir, identities: ['CS001'] });
    const ac = new AbortController();
    const out: string[] = [];
    let ready!: () => void;
    const printed = new Promise<void>((r) => (ready = r));
    const args = ['sim', 'csms', '--port', '0', '--security-profile', '2', '--password', 'pw-0000000000000001', '--cert-dir', dir, '--algorithm', 'RSA,ECDSA-P256',
      '--token', 'T1:ISO14443:Accepted:G1', '--master-pass', 'M1:ISO14443', '--master-pass-group', 'MPG', '--boot-status-for', 'CS002=Pending', '--boot-interval', '2'];
    const run = runSimCsmsCommand(args, { out: (t) => (out.push(t), t.startsWith('Press Ctrl-C') && ready()), err: (t) => out.push(t), signal: ac.signal });
    await printed;
    const port = Number(/wss:\/\/127\.0\.0\.1:(\d+)\//.exec(out.join(''))?.[1]);
    expect(await serverKeyType(port, 'ECDHE-ECDSA-AES128-GCM-SHA256')).toBe('ec');
    expect(await serverKeyType(port, 'ECDHE-RSA-AES128-GCM-SHA256')).toBe('rsa');
    ac.abort();
    expect(await run).toBe(0);
  }, 60_000);

  it('refuses a malformed group token, boot-status-for and a master pass without its group', async () => {
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t) };
    expect(await runSimCsmsCommand(['sim', 'csms', '--token', 'A:ISO14443:Accepted:'], io)).toBe(2);
    expect(await runSimCsmsCommand(['sim', 'csms', '--boot-status-for', 'CS1=Maybe'], io)).toBe(2);
    expect(await runSimCsmsCommand(['sim', 'csms', '--master-pass', 'M:ISO14443'], io)).toBe(2);
    expect(err.join('')).toMatch(/--token must look like[\s\S]*--boot-status-for must look like[\s\S]*--master-pass needs --master-pass-group/);
  });
});
