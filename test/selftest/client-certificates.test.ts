// The security-profile-3 cases of client certificates (TC_A_07/08/11/13/14_CSMS) pass over SP3 against the reference
// CSMS with a test PKI on disk; the default SP1 run of selftest.test.ts finds them NOT_APPLICABLE.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { explanationOf } from './fault-run.ts';
import { runSlice } from './run.ts';

const SP3_CASES = ['TC_A_07_CSMS', 'TC_A_08_CSMS', 'TC_A_11_CSMS', 'TC_A_13_CSMS', 'TC_A_14_CSMS'];

describe('client certificates over SP3', () => {
  it('the SP3 cases pass against the reference CSMS', { timeout: 240_000 }, async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'ocpp-selftest-pki-'));
    await initTestPki({ dir: certDir, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
    const summaries = await runSlice(SP3_CASES, { sim: { securityProfile: 3, certDir }, parallel: 2 });
    const results = summaries.flatMap((s) => s.results);
    expect(results.map((r) => `${r.id} ${r.verdict} ${explanationOf(r)}`.trim()).sort()).toEqual(SP3_CASES.map((id) => `${id} PASS`));
  });
});
