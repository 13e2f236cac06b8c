// Block A, L, M and N station cases over TLS (security profile 2): the TLS cases of block A serve other TLS parameters
// on the station's endpoint (required suites only, invalid certificates, TLS 1.0/1.1); the file server speaks HTTPS with the CSMS server
// certificate of the test PKI, which the reference station trusts for its CSMS connection, so firmware downloads and
// log uploads go over HTTPS; every station case that needs SP2 or SP3 runs here (NOT_APPLICABLE in the SP1 run).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { securityProfileApplicability } from '../../src/catalog/catalog.ts';
import { featurePath } from '../../src/runner/index.ts';
import { initTestPki } from '../../src/pki/index.ts';
import { explanationOf } from './fault-run.ts';
import { runSlice } from './run.ts';

const SP2_CASES = ['TC_A_04_CS', 'TC_A_05_CS', 'TC_A_06_CS', 'TC_A_22_CS', 'TC_B_47_CS', 'TC_B_50_CS', 'TC_L_01_CS', 'TC_M_01_CS', 'TC_M_07_CS', 'TC_M_09_CS', 'TC_M_12_CS', 'TC_M_17_CS', 'TC_M_18_CS', 'TC_M_20_CS', 'TC_M_22_CS', 'TC_M_30_CS', 'TC_M_31_CS', 'TC_N_25_CS'];

describe('file transfers and certificates over TLS', () => {
  it('every implemented station case that cannot run over SP1 is among them', () => {
    const needTls = loadCatalog()
      .select({ version: '2.0.1', role: 'ChargingStation' })
      .filter((c) => existsSync(featurePath(c)) && !securityProfileApplicability(c, 1).applicable && securityProfileApplicability(c, 2).applicable)
      .map((c) => c.id);
    expect(needTls.filter((id) => !SP2_CASES.includes(id))).toEqual([]);
  });

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
