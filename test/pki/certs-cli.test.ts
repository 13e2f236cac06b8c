// The `certs` subcommand: exit codes, messages on stderr without stack traces, output on stdout.
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCertsCommand } from '../../src/cli/certs.ts';
import { createCsr, loadTestPki, splitPemCertificates } from '../../src/pki/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'pki-cli-'));
const dir = path.join(tmp, 'certs');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCertsCommand(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('certs command', () => {
  beforeAll(async () => {
    const r = await run('init', '--dir', dir, '--identity', 'CS001', '--identity', 'CS002', '--org', 'CLI CPO', '--algorithm', 'ECDSA-P256');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/file\(s\) written, 0 kept, 0 supplied by you/);
  });

  it('init again without options keeps everything and reuses the stored configuration', async () => {
    const r = await run('init', '--dir', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: 0 file\(s\) written, \d+ kept/);
    expect(r.out).toContain('Stations: CS001, CS002; algorithms: ECDSA-P256.');
  });

  it('show prints the manifest as a table', async () => {
    const r = await run('show', '--dir', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('organisation "CLI CPO"');
    expect(r.out).toMatch(/^ID\s+ALGORITHM\s+INTENDED\s+NOT AFTER\s+ORIGIN\s+SUBJECT$/m);
    expect(r.out).toMatch(/^ecdsa\/stations\/CS002\s+ECDSA-P256\s+valid\s+\d{4}-\d\d-\d\d\s+generated\s+O=CLI CPO, CN=CS002$/m);
    expect(r.out).toMatch(/^ecdsa\/invalid\/csms-server-expired\s+ECDSA-P256\s+expired\s/m);
  });

  it('sign-csr prints a chain issued by the CSMS root, or by CPO Sub-CA2 with --issuer v2g', async () => {
    const { csrPem } = await createCsr({ commonName: 'CS002', organization: 'CLI CPO' });
    const csrFile = path.join(tmp, 'station.csr.pem');
    writeFileSync(csrFile, csrPem);
    const layout = await loadTestPki(dir);
    const r = await run('sign-csr', '--dir', dir, '--csr', csrFile, '--expect-cn', 'CS002');
    expect(r.code).toBe(0);
    expect(r.err).toContain('signed "O=CLI CPO, CN=CS002" with ecdsa/csms-root-ca');
    const [cert, more] = splitPemCertificates(r.out);
    expect(more).toBeUndefined();
    expect(new X509Certificate(cert ?? '').verify(new X509Certificate(layout.csms['ECDSA-P256']?.root.certPem ?? '').publicKey)).toBe(true);

    const v2g = await run('sign-csr', '--dir', dir, '--csr', csrFile, '--issuer', 'v2g', '--usage', 'server');
    expect(v2g.code).toBe(0);
    expect(splitPemCertificates(v2g.out)).toHaveLength(3);

    const wrong = await run('sign-csr', '--dir', dir, '--csr', csrFile, '--expect-cn', 'CS001');
    expect(wrong).toEqual({ code: 2, out: '', err: 'certs sign-csr: the CSR has CN "CS002" but "CS001" is required\n' });
  });

  it('bad input gives exit code 2 and a one-line message', async () => {
    const garbage = path.join(tmp, 'garbage.pem');
    writeFileSync(garbage, 'definitely not a CSR');
    const cases: [string[], RegExp][] = [
      [['sign-csr', '--dir', dir, '--csr', garbage], /^certs sign-csr: the CSR is not PEM of the expected kind/],
      [['sign-csr', '--dir', dir, '--csr', path.join(tmp, 'missing.pem')], /cannot read the CSR file .*missing\.pem: no such file/],
      [['sign-csr', '--dir', dir], /--csr FILE is required/],
      [['sign-csr', '--dir', dir, '--csr', garbage, '--usage', 'ca'], /--usage must be client, server or codeSigning/],
      [['sign-csr', '--dir', path.join(tmp, 'nowhere'), '--csr', garbage], /no test PKI in .*nowhere.*certs init --dir/],
      [['show', '--dir', path.join(tmp, 'nowhere')], /no test PKI in .*nowhere/],
      [['init', '--dir', dir, '--bogus'], /Unknown option '--bogus'.*certs help/],
      [['init', '--dir', dir, '--algorithm', 'DSA'], /unknown algorithm "DSA"/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('help', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: ocpp-conformance certs <command>/);
    expect((await run()).code).toBe(2);
  });
});
