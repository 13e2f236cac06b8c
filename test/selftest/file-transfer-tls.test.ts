// Block L, M and N station cases over TLS (security profile 2): the file server speaks HTTPS with the CSMS server
// certificate of the test PKI, which the reference station trusts for its CSMS connection, so firmware downloads and
// log uploads go over HTTPS; the certificate cases that need SP2 or SP3 run here (NOT_APPLICABLE in the SP1 run).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { explanationOf } from './fault-run.ts';
import { runSlice } from './run.ts';

const SP2_CASES = ['TC_L_01_CS', 'TC_M_07_CS', 'TC_M_12_CS', 'TC_M_17_CS', 'TC_M_18_CS', 'TC_M_20_CS', 'TC_M_22_CS', 'TC_N_25_CS'];

describe('file transfers and certificates over TLS', () => {
  it('the cases pass over SP2 against the reference station, with HTTPS file transfers', { timeout: 240_000 }, async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'ocpp-selftest-pki-'));
    await initTestPki({ dir: certDir, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
    const runDir = mkdtempSync(join(tmpdir(), 'ocpp-selftest-tls-'));
    const summaries = await runSlice(SP2_CASES, { sim: { securityProfile: 2, certDir }, parallel: 2, runDir });
    const results = summaries.flatMap((s) => s.results);
    expect(results.map((r) => `${r.id} ${r.verdict} ${explanationOf(r)}`.trim()).sort()).toEqual(SP2_CASES.map((id) => `${id} PASS`));
    // The downloads and uploads went over HTTPS: the traces say where the file server listened.
    for (const id of ['TC_L_01_CS', 'TC_N_25_CS']) expect(readFileSync(join(runDir, 'cs', 'traces', `${id}.ndjson`), 'utf8')).toMatch(/file server listening: https:\/\/127\.0\.0\.1:\d+\//);
  });
});
