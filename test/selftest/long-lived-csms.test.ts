// Long-lived layer, CSMS under test: the whole implemented Core profile against ONE `sim csms` process started from
// the CLI, run with `run --config` the way the README tells a user. What one case changes on the CSMS (the station's
// password after TC_A_09, its security profile after TC_A_19, the Pending boot policy of TC_B_02/30/31) must not
// decide a later case's verdict: every case PASSes, and two named faults FAIL their own cases and nothing else.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { REFERENCE_CSMS_PICS } from '../../src/sim/csms/pics.ts';
import { LONG_LIVED_TOKENS as TOKENS, notPassed, runWithConfig, startCli, writeJson } from './long-lived.ts';
import type { CliProcess } from './long-lived.ts';

const IDENTITY = 'LONG-LIVED-ST';
const PASSWORD = 'long-lived-password-0001';

let dir: string;
let certDir: string;
const started: CliProcess[] = [];

/** `ocpp-conformance sim csms` at SP2 with the tokens, groups and master pass the run config names. */
async function startCsms(faults: string[]): Promise<{ wsPort: string; api: string }> {
  const args = ['sim', 'csms', '--port', '0', '--security-profile', '2', '--password', PASSWORD, '--cert-dir', certDir, '--heartbeat-interval', '3', '--boot-interval', '1', '--pending-accept-after', '0'];
  for (const t of TOKENS.valid) args.push('--token', `${t.idToken}:${t.type}:Accepted:${TOKENS.groupId.idToken}`);
  args.push('--token', `${TOKENS.invalid.idToken}:ISO14443:Invalid`, '--token', `${TOKENS.blocked.idToken}:ISO14443:Blocked`, '--token', `${TOKENS.expired.idToken}:ISO14443:Expired`);
  args.push('--master-pass', `${TOKENS.masterPass.idToken}:${TOKENS.masterPass.type}`, '--master-pass-group', TOKENS.masterPassGroupId);
  for (const f of faults) args.push('--fault', f);
  const p = startCli(args);
  started.push(p);
  const ws = await p.waitFor(/listening at wss:\/\/127\.0\.0\.1:(\d+)\//, 60_000);
  const api = await p.waitFor(/Operator API at (http:\/\/[0-9.:]+)\//, 60_000);
  return { wsPort: ws[1]!, api: api[1]! };
}

function config(name: string, csms: { wsPort: string; api: string }, evses: number): string {
  return writeJson(join(dir, `${name}.json`), {
    // "localhost" is the name in the test PKI's server certificate (TC_A_04 checks it).
    sut: { role: 'CSMS', csmsUrl: `wss://localhost:${csms.wsPort}/`, identity: IDENTITY },
    ocppVersion: '2.0.1',
    securityProfile: 2,
    basicAuthPassword: PASSWORD,
    certificates: { dir: certDir },
    evses: Array.from({ length: evses }, (_, i) => ({ id: i + 1, connectors: [{ id: 1 }] })),
    idTokens: TOKENS,
    timeouts: { defaultMs: 5000, connectMs: 5000, bootMs: 8000, transactionMs: 5000, promptMs: 1000 },
    actions: { kind: 'http-octt', baseUrl: csms.api },
    bench: { heartbeatIntervalS: 3, transactionDurationMs: 0, clockAlignedIntervalS: 0.2, sampledIntervalS: 0.2 },
    pics: REFERENCE_CSMS_PICS,
    report: { dir: join(dir, 'reports') },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ocpp-long-lived-csms-'));
  certDir = join(dir, 'certs');
  await initTestPki({ dir: certDir, identities: [IDENTITY], organization: 'Long-Lived Lab' });
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe('the Core profile against one long-lived CSMS started from the CLI', () => {
  it.concurrent('every case PASSes; the password and profile changes are carried, the Pending policy restored', async () => {
    const csms = await startCsms([]);
    const { summary, output } = await runWithConfig(config('clean', csms, 2), join(dir, 'clean'), ['--profile', 'Core', '--implemented-only']);
    expect(summary.results.length, output).toBe(132);
    expect(notPassed(summary)).toEqual([]);
  }, 900_000);

  it.concurrent('two named faults FAIL their own cases and nothing else; a missing second EVSE is INCONCLUSIVE with the reason', async () => {
    const csms = await startCsms(['security.keepOldPasswordAfterChange', 'certificates.deleteSha256Only']);
    // One EVSE with one connector: "every connector but the configured one" is empty (TC_G_14, TC_L_13 still PASS).
    const { summary } = await runWithConfig(config('faults', csms, 1), join(dir, 'faults'), ['--profile', 'Core', '--implemented-only']);
    const byVerdict = (v: string): string[] => summary.results.filter((r) => r.verdict === v).map((r) => r.id).sort();
    expect(byVerdict('FAIL')).toEqual(['TC_A_09_CSMS', 'TC_M_20_CSMS']);
    const inconclusive = summary.results.filter((r) => r.verdict === 'INCONCLUSIVE');
    expect(inconclusive.map((r) => r.id).sort()).toEqual(['TC_C_47_CSMS', 'TC_C_48_CSMS', 'TC_C_49_CSMS']);
    for (const r of inconclusive) expect(r.reason).toMatch(/EVSE/);
    expect(byVerdict('ERROR')).toEqual([]);
    expect(summary.results.find((r) => r.id === 'TC_G_14_CSMS')?.verdict).toBe('PASS');
    expect(summary.results.find((r) => r.id === 'TC_L_13_CSMS')?.verdict).toBe('PASS');
  }, 900_000);
});
