// The security cases of block A over TLS: every A case passes over SP2 against the reference CSMS (the SP1/SP2 ones
// also pass in the default SP1 run of selftest.test.ts, where the SP2/SP3-only ones are NOT_APPLICABLE), and the
// security-profile upgrade also passes from SP1 with a test PKI on disk (the default run uses throw-away certificates).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { explanationOf } from './fault-run.ts';
import { runSlice } from './run.ts';

const SP2_CASES = ['TC_A_01_CSMS', 'TC_A_02_CSMS', 'TC_A_03_CSMS', 'TC_A_04_CSMS', 'TC_A_06_CSMS', 'TC_A_09_CSMS', 'TC_A_10_CSMS', 'TC_A_19_CSMS'];

let pki: Promise<string> | undefined;
function certDir(): Promise<string> {
  pki ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-selftest-pki-'));
    await initTestPki({ dir, identities: ['SELFTEST-CS', 'SELFTEST-ST'], serverNames: ['127.0.0.1', 'localhost'] });
    return dir;
  })();
  return pki;
}

describe('block A over TLS', () => {
  it('the A cases pass over SP2 against the reference CSMS (TC_A_19 moves the station to SP3)', { timeout: 240_000 }, async () => {
    const summaries = await runSlice(SP2_CASES, { sim: { securityProfile: 2, certDir: await certDir() }, parallel: 2 });
    const results = summaries.flatMap((s) => s.results);
    expect(results.map((r) => `${r.id} ${r.verdict} ${explanationOf(r)}`.trim()).sort()).toEqual(SP2_CASES.map((id) => `${id} PASS`));
  });

  it('TC_A_19 moves a station from SP1 to SP2 with the test PKI', { timeout: 120_000 }, async () => {
    const summaries = await runSlice(['TC_A_19_CSMS'], { sim: { securityProfile: 1, certDir: await certDir() } });
    const results = summaries.flatMap((s) => s.results);
    expect(results.map((r) => `${r.id} ${r.verdict} ${explanationOf(r)}`.trim())).toEqual(['TC_A_19_CSMS PASS']);
  });

  it('the TLS-only cases are NOT_APPLICABLE over SP1, saying which profiles they need', { timeout: 60_000 }, async () => {
    const summaries = await runSlice(['TC_A_04_CSMS', 'TC_A_06_CSMS']);
    const results = summaries.flatMap((s) => s.results);
    expect(results.map((r) => `${r.id} ${r.verdict} ${r.reason ?? ''}`)).toEqual([
      'TC_A_04_CSMS NOT_APPLICABLE the case runs under security profile SP2 or SP3; this run uses SP1',
      'TC_A_06_CSMS NOT_APPLICABLE the case runs under security profile SP2 or SP3; this run uses SP1',
    ]);
  });
});
