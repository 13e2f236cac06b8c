// The test system's station fills the organisation of its CSR from SecurityCtrlr.OrganizationName (Part 2), as a
// certified CSMS requires: seen on the wire of RenewChargingStationCertificate (TC_A_19_CSMS over SP2).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { x509 } from '../../src/pki/x509.ts';
import { runSlice } from './run.ts';

describe('SignCertificateRequest of the test system', () => {
  it('carries the organisation (O) of SecurityCtrlr.OrganizationName', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'ocpp-csr-org-pki-'));
    await initTestPki({ dir: certDir, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
    const [summary] = await runSlice(['TC_A_19_CSMS'], { sim: { securityProfile: 2, certDir } });
    const result = summary!.results[0]!;
    expect(result.verdict, result.reason ?? result.failure?.actual).toBe('PASS');
    const frames = readFileSync(result.tracePath!, 'utf8').split('\n').filter((l) => l.includes('"SignCertificate"'));
    const sign = frames.map((l) => JSON.parse(l) as { frame?: { action?: string; payload?: { csr?: string } } }).find((e) => e.frame?.action === 'SignCertificate');
    const csr = new x509.Pkcs10CertificateRequest(sign!.frame!.payload!.csr!);
    expect(csr.subjectName.getField('O')).toEqual(['ocpp-conformance']);
  }, 120_000);
});
