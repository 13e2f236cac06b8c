// initTestPki / loadTestPki on a temp directory: contents, modes, manifest, idempotence, user-supplied files, renewal.
import { X509Certificate } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PkiError, createRootCa, csmsSet, initTestPki, issueCertificate, loadTestPki, readManifest } from '../../src/pki/index.ts';
import type { Manifest, PkiLayout } from '../../src/pki/index.ts';
import { handshake } from './tls-helpers.ts';

const DAY = 86_400_000;
const tmpRoot = mkdtempSync(path.join(tmpdir(), 'pki-layout-'));
let n = 0;
const freshDir = (): string => path.join(tmpRoot, `d${++n}`);
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }));

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

function snapshot(dir: string, files: string[]): Map<string, { mtimeMs: number; text: string }> {
  return new Map(files.map((f) => [f, { mtimeMs: statSync(path.join(dir, f)).mtimeMs, text: readFileSync(path.join(dir, f), 'utf8') }]));
}

describe('a full test PKI (RSA + ECDSA, two stations)', () => {
  const dir = freshDir();
  let layout: PkiLayout;
  let manifest: Manifest;

  beforeAll(async () => {
    layout = await initTestPki({ dir, identities: ['CS001', 'CS002'], organization: 'Test CPO', serverNames: ['csms.test', '10.1.2.3'] });
    const m = await readManifest(dir);
    if (!m) throw new Error('no manifest written');
    manifest = m;
  });

  it('writes exactly the files the manifest lists, keys with mode 0600 and certificates 0644', async () => {
    const files = await listFiles(dir);
    const listed = manifest.entries.flatMap((e) => e.files.map((f) => f.path));
    expect(files).toEqual([...listed, 'manifest.json'].sort());
    expect(listed.filter((f) => f.endsWith('.key.pem'))).toHaveLength(manifest.entries.length);
    for (const f of listed) {
      const mode = statSync(path.join(dir, f)).mode & 0o777;
      expect([f, mode.toString(8)]).toEqual([f, f.endsWith('.key.pem') ? '600' : '644']);
    }
    expect(layout.init?.written.length).toBe(listed.length);
    expect(layout.init?.userSupplied).toEqual([]);
  });

  it('describes every file in the manifest truthfully', () => {
    for (const e of manifest.entries) {
      const cert = new X509Certificate(readFileSync(path.join(dir, `${e.id}.cert.pem`)));
      expect(cert.serialNumber.toLowerCase()).toBe(e.serialNumber);
      expect(new Date(cert.validTo).toISOString()).toBe(e.notAfter);
      expect(e.userSupplied).toBe(false);
      expect(e.purpose.length).toBeGreaterThan(10);
      for (const f of e.files) expect(f.origin).toBe('generated');
    }
    const ids = manifest.entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([
      'rsa/csms-root-ca', 'rsa/csms-server', 'rsa/stations/CS001', 'rsa/stations/CS002',
      'ecdsa/csms-root-ca', 'ecdsa/csms-server', 'ecdsa/stations/CS001', 'ecdsa/invalid/csms-server-expired',
      'ecdsa/invalid/csms-server-not-yet-valid', 'ecdsa/invalid/csms-server-wrong-issuer', 'ecdsa/invalid/csms-server-self-signed',
      'ecdsa/invalid/stations/CS001-wrong-cn', 'v2g/v2g-root-ca', 'v2g/cpo-sub-ca1', 'v2g/cpo-sub-ca2', 'v2g/secc/CS001',
      'v2g/mo-root-ca', 'v2g/mo-sub-ca1', 'manufacturer/manufacturer-root-ca', 'manufacturer/firmware-signing',
    ]));
    expect(manifest.config).toEqual({ organization: 'Test CPO', identities: ['CS001', 'CS002'], serverNames: ['csms.test', '10.1.2.3'], algorithms: ['RSA', 'ECDSA-P256'] });
  });

  it('has the intended certificate properties', () => {
    for (const alg of ['RSA', 'ECDSA-P256'] as const) {
      const set = csmsSet(layout, alg);
      const root = new X509Certificate(set.root.certPem);
      const server = new X509Certificate(set.server.certPem);
      expect(server.subjectAltName).toBe('DNS:localhost, DNS:csms.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.1.2.3');
      expect(server.verify(root.publicKey)).toBe(true);
      expect(set.server.algorithm).toBe(alg);
      const station = new X509Certificate(set.stations.CS001?.certPem ?? '');
      expect(station.subject.split('\n').sort()).toEqual(['CN=CS001', 'O=Test CPO']);
      expect(station.verify(root.publicKey)).toBe(true);
      const inv = set.invalid;
      expect(inv.serverExpired.notAfter.getTime()).toBeLessThan(Date.now());
      expect(inv.serverNotYetValid.notBefore.getTime()).toBeGreaterThan(Date.now());
      expect(new X509Certificate(inv.serverWrongIssuer.certPem).verify(root.publicKey)).toBe(false);
      expect(new X509Certificate(inv.serverWrongIssuer.certPem).verify(new X509Certificate(inv.unrelatedRoot.certPem).publicKey)).toBe(true);
      expect(inv.serverSelfSigned.subject).toBe(inv.serverSelfSigned.issuer);
      expect(new X509Certificate(inv.stations.CS001?.wrongCommonName.certPem ?? '').subject).toContain('CN=CS002');
      expect(new X509Certificate(inv.stations.CS002?.wrongCommonName.certPem ?? '').subject).toContain('CN=CS001');
      expect(new X509Certificate(inv.stations.CS001?.wrongIssuer.certPem ?? '').verify(root.publicKey)).toBe(false);
      expect(inv.stations.CS001?.expired.notAfter.getTime()).toBeLessThan(Date.now());
    }
    expect(layout.csms['ECDSA-P384']).toBeUndefined();
    expect(() => csmsSet(layout, 'ECDSA-P384')).toThrow(/--algorithm ECDSA-P384/);
  });

  it('builds the ISO 15118 chains: V2G root -> Sub-CA1 -> Sub-CA2 -> SECC, and the MO and manufacturer chains', () => {
    const v = layout.v2g;
    const secc = v.secc.CS001;
    if (!secc) throw new Error('no SECC certificate');
    const [leaf, sub2, sub1, extra] = (secc.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? []).map((p) => new X509Certificate(p));
    expect(extra).toBeUndefined();
    const root = new X509Certificate(v.root.certPem);
    expect(leaf?.checkIssued(sub2 as X509Certificate)).toBe(true);
    expect(sub2?.checkIssued(sub1 as X509Certificate)).toBe(true);
    expect(sub1?.checkIssued(root)).toBe(true);
    expect(sub1?.verify(root.publicKey)).toBe(true);
    expect([sub1?.ca, sub2?.ca, leaf?.ca]).toEqual([true, true, false]);
    expect(new X509Certificate(v.contract.certPem).verify(new X509Certificate(v.moSubCa2.certPem).publicKey)).toBe(true);
    const fw = new X509Certificate(layout.manufacturer.firmwareSigning.certPem);
    expect(fw.keyUsage).toEqual(['1.3.6.1.5.5.7.3.3']);
    expect(fw.verify(new X509Certificate(layout.manufacturer.root.certPem).publicKey)).toBe(true);
  });

  it('the files serve TLS: the ECDSA server works, its expired variant fails with CERT_HAS_EXPIRED', async () => {
    const set = csmsSet(layout, 'ECDSA-P256');
    const serve = (c: { files: { chain: string; key: string } }) => ({ cert: readFileSync(c.files.chain, 'utf8'), key: readFileSync(c.files.key, 'utf8') });
    const ca = readFileSync(set.root.files.cert, 'utf8');
    expect((await handshake({ server: serve(set.server), client: { ca } })).clientOk).toBe(true);
    const expired = await handshake({ server: serve(set.invalid.serverExpired), client: { ca } });
    expect(expired.clientError).toBe('CERT_HAS_EXPIRED');
  });

  it('a second run changes nothing, and loadTestPki reads back the same material', async () => {
    const files = await listFiles(dir);
    const before = snapshot(dir, files);
    const again = await initTestPki({ dir, identities: ['CS001', 'CS002'], organization: 'Test CPO', serverNames: ['csms.test', '10.1.2.3'] });
    expect(again.init?.written).toEqual([]);
    expect(again.init?.manifestChanged).toBe(false);
    expect(await listFiles(dir)).toEqual(files);
    expect(snapshot(dir, files)).toEqual(before);
    const loaded = await loadTestPki(dir);
    expect(loaded.credentials.map((c) => [c.id, c.serialNumber, c.chainPem])).toEqual(layout.credentials.map((c) => [c.id, c.serialNumber, c.chainPem]));
    expect(loaded.csms.RSA?.server.files.key).toBe(path.join(dir, 'rsa/csms-server.key.pem'));
  });

  it('loadTestPki takes what the manifest recorded for unchanged files, equal to parsing them, and parses a changed file', async () => {
    const fields = (l: PkiLayout): unknown[] => l.credentials.map((c) => [c.id, c.subject, c.issuer, c.serialNumber, c.notBefore.toISOString(), c.notAfter.toISOString(), c.algorithm, c.certPem, c.keyPem, c.chainPem, c.userSupplied]);
    const fast = await loadTestPki(dir);
    // A copy whose manifest hashes match nothing: every credential is parsed from its files.
    const copy = freshDir();
    cpSync(dir, copy, { recursive: true });
    const m = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Manifest;
    for (const e of m.entries) for (const f of e.files) f.sha256 = '0'.repeat(64);
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(m));
    expect(fields(await loadTestPki(copy))).toEqual(fields(fast));
    // A station certificate and key swapped behind the manifest's back: the new certificate is what loads.
    const ownRoot = await createRootCa({ commonName: 'Swapped In CA' });
    const own = await issueCertificate({ issuer: ownRoot, commonName: 'CS001', usage: 'client' });
    writeFileSync(path.join(copy, 'ecdsa/stations/CS001.cert.pem'), own.certPem);
    writeFileSync(path.join(copy, 'ecdsa/stations/CS001.key.pem'), own.keyPem);
    const swapped = (await loadTestPki(copy)).credentials.find((c) => c.files.cert === path.join(copy, 'ecdsa/stations/CS001.cert.pem'));
    expect(swapped?.serialNumber).toBe(own.serialNumber);
    expect(swapped?.issuer).toBe(own.issuer);
  });
});

describe('user-supplied files and re-runs', () => {
  const ecdsaOnly = { identities: ['CS001'], algorithms: ['ECDSA-P256' as const] };

  it('never overwrites a user-supplied certificate and key, and uses them', async () => {
    const dir = freshDir();
    const ownRoot = await createRootCa({ commonName: 'My Own CA' });
    const own = await issueCertificate({ issuer: ownRoot, commonName: 'csms.example', usage: 'server', dnsNames: ['csms.example'] });
    const certFile = path.join(dir, 'ecdsa/csms-server.cert.pem');
    const keyFile = path.join(dir, 'ecdsa/csms-server.key.pem');
    mkdirSync(path.dirname(certFile), { recursive: true });
    writeFileSync(certFile, own.certPem);
    writeFileSync(keyFile, own.keyPem, { mode: 0o600 });
    const layout = await initTestPki({ dir, ...ecdsaOnly });
    expect(readFileSync(certFile, 'utf8')).toBe(own.certPem);
    expect(readFileSync(keyFile, 'utf8')).toBe(own.keyPem);
    expect(layout.init?.userSupplied).toEqual(['ecdsa/csms-server.cert.pem', 'ecdsa/csms-server.key.pem']);
    expect(layout.init?.warnings.join('\n')).toMatch(/ecdsa\/csms-server\.cert\.pem \(yours, kept\): not issued by ecdsa\/csms-root-ca\.cert\.pem/);
    expect(layout.csms['ECDSA-P256']?.server).toMatchObject({ certPem: own.certPem, userSupplied: true });
    const entry = (await readManifest(dir))?.entries.find((e) => e.id === 'ecdsa/csms-server');
    expect(entry?.userSupplied).toBe(true);
    expect(entry?.files.map((f) => [f.role, f.origin])).toEqual([['cert', 'user-supplied'], ['key', 'user-supplied'], ['chain', 'generated']]);

    // --force re-issues our files but still leaves the user's alone.
    const rootBefore = readFileSync(path.join(dir, 'ecdsa/csms-root-ca.cert.pem'), 'utf8');
    const forced = await initTestPki({ dir, ...ecdsaOnly, force: true });
    expect(readFileSync(certFile, 'utf8')).toBe(own.certPem);
    expect(readFileSync(path.join(dir, 'ecdsa/csms-root-ca.cert.pem'), 'utf8')).not.toBe(rootBefore);
    expect(forced.init?.written).toContain('ecdsa/csms-root-ca.cert.pem');
    expect(forced.init?.written).not.toContain('ecdsa/csms-server.cert.pem');
  });

  it('a generated file the user replaced becomes theirs; a user certificate without key is a clear error', async () => {
    const dir = freshDir();
    await initTestPki({ dir, ...ecdsaOnly });
    const stationFile = path.join(dir, 'ecdsa/stations/CS001.cert.pem');
    const ownRoot = await createRootCa({ commonName: 'Vendor CA' });
    const own = await issueCertificate({ issuer: ownRoot, commonName: 'CS001', usage: 'client' });
    writeFileSync(stationFile, own.certPem);
    writeFileSync(path.join(dir, 'ecdsa/stations/CS001.key.pem'), own.keyPem);
    const second = await initTestPki({ dir, ...ecdsaOnly });
    expect(readFileSync(stationFile, 'utf8')).toBe(own.certPem);
    expect(second.init?.userSupplied).toEqual(['ecdsa/stations/CS001.cert.pem', 'ecdsa/stations/CS001.key.pem']);

    unlinkSync(path.join(dir, 'ecdsa/stations/CS001.key.pem'));
    const err = await initTestPki({ dir, ...ecdsaOnly }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as Error).message).toContain(`${path.join(dir, 'ecdsa/stations/CS001.key.pem')} is missing`);
    expect(readFileSync(stationFile, 'utf8')).toBe(own.certPem);
  });

  it('re-issues a deleted generated file and what depends on it; loadTestPki names a missing file and the command', async () => {
    const dir = freshDir();
    await initTestPki({ dir, ...ecdsaOnly });
    unlinkSync(path.join(dir, 'v2g/cpo-sub-ca1.key.pem'));
    const err = await loadTestPki(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PkiError);
    expect((err as Error).message).toBe(
      `${path.join(dir, 'v2g/cpo-sub-ca1.key.pem')} is missing; re-create it with \`ocpp-conformance certs init --dir ${dir}\``,
    );
    const again = await initTestPki({ dir, ...ecdsaOnly });
    expect(again.init?.written.filter((f) => f.endsWith('.cert.pem'))).toEqual(['v2g/cpo-sub-ca1.cert.pem', 'v2g/cpo-sub-ca2.cert.pem', 'v2g/secc/CS001.cert.pem']);
    await expect(loadTestPki(dir)).resolves.toBeDefined();
  });

  it('renews generated certificates that expired since the last run, keeps roots and the deliberate negatives', async () => {
    const dir = freshDir();
    const threeYearsAgo = new Date(Date.now() - 3 * 365 * DAY);
    await initTestPki({ dir, ...ecdsaOnly, now: threeYearsAgo });
    const before = snapshot(dir, await listFiles(dir));
    const later = await initTestPki({ dir, ...ecdsaOnly });
    const written = later.init?.written ?? [];
    expect(written).toContain('ecdsa/csms-server.cert.pem');
    expect(written).toContain('ecdsa/stations/CS001.cert.pem');
    expect(written).toContain('v2g/secc/CS001.cert.pem');
    expect(written).not.toContain('ecdsa/csms-root-ca.cert.pem');
    expect(written).not.toContain('v2g/cpo-sub-ca2.cert.pem');
    expect(written).not.toContain('ecdsa/invalid/csms-server-expired.cert.pem');
    expect(written).not.toContain('ecdsa/invalid/csms-server-not-yet-valid.cert.pem');
    expect(readFileSync(path.join(dir, 'ecdsa/csms-root-ca.cert.pem'), 'utf8')).toBe(before.get('ecdsa/csms-root-ca.cert.pem')?.text);
    expect(later.csms['ECDSA-P256']?.server.notAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it('reports bad places and bad input clearly', async () => {
    const file = path.join(tmpRoot, 'a-file');
    writeFileSync(file, 'x');
    await expect(initTestPki({ dir: file, ...ecdsaOnly })).rejects.toThrow(new PkiError(`${file} exists and is not a directory`));
    await expect(loadTestPki(freshDir())).rejects.toThrow(/manifest\.json is missing; create it with `ocpp-conformance certs init --dir /);
    await expect(initTestPki({ dir: freshDir(), identities: ['../evil'] })).rejects.toThrow(/station identity "..\/evil" is not usable/);
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    await expect(initTestPki({ dir, ...ecdsaOnly })).rejects.toThrow(/manifest\.json is not valid JSON/);
    expect(existsSync(path.join(dir, 'ecdsa'))).toBe(false);
  });
});
