// Long-lived layer, CSMS under test, cases side by side: the whole implemented Core profile with --parallel 4 against
// ONE `sim csms` process that knows a pool of four station identities (each with its own password), started from the
// CLI. Each worker runs under its own identity, so no case's connection replaces another's; what a case changes on
// the CSMS for its station (the password of TC_A_09, the profile of TC_A_19, the Pending policy of TC_B_02) stays with
// that identity. Same verdicts as the serial run of long-lived-csms.test.ts: every case PASSes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTestPki } from '../../src/pki/index.ts';
import { REFERENCE_CSMS_PICS } from '../../src/sim/csms/pics.ts';
import { LONG_LIVED_TOKENS as TOKENS, notPassed, runWithConfig, startCli, writeJson } from './long-lived.ts';
import type { CliProcess } from './long-lived.ts';

const POOL = ['PAR-ST-001', 'PAR-ST-002', 'PAR-ST-003', 'PAR-ST-004'];
const PASSWORD = 'parallel-password-{n:3}-0001';

let dir: string;
let certDir: string;
const started: CliProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ocpp-long-lived-parallel-'));
  certDir = join(dir, 'certs');
  await initTestPki({ dir: certDir, identities: POOL, organization: 'Parallel Lab' });
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe('the Core profile with --parallel 4 against one CSMS that knows four station identities', () => {
  it('every case PASSes, as in the serial run', async () => {
    // The pool as a pattern with a password per identity; any other identity is refused by this CSMS.
    const args = ['sim', 'csms', '--port', '0', '--security-profile', '2', '--station', `PAR-ST-{n:3}:${PASSWORD}`, '--station-count', '4', '--cert-dir', certDir];
    args.push('--heartbeat-interval', '3', '--boot-interval', '1', '--pending-accept-after', '0');
    for (const t of TOKENS.valid) args.push('--token', `${t.idToken}:${t.type}:Accepted:${TOKENS.groupId.idToken}`);
    args.push('--token', `${TOKENS.invalid.idToken}:ISO14443:Invalid`, '--token', `${TOKENS.blocked.idToken}:ISO14443:Blocked`, '--token', `${TOKENS.expired.idToken}:ISO14443:Expired`);
    args.push('--master-pass', `${TOKENS.masterPass.idToken}:${TOKENS.masterPass.type}`, '--master-pass-group', TOKENS.masterPassGroupId);
    const csms = startCli(args);
    started.push(csms);
    const ws = await csms.waitFor(/listening at wss:\/\/127\.0\.0\.1:(\d+)\//, 60_000);
    const api = await csms.waitFor(/Operator API at (http:\/\/[0-9.:]+)\//, 60_000);
    const config = writeJson(join(dir, 'parallel.json'), {
      sut: { role: 'CSMS', csmsUrl: `wss://localhost:${ws[1]!}/`, identity: POOL[0], identities: { pattern: 'PAR-ST-{n:3}', count: 4, basicAuthPassword: PASSWORD } },
      ocppVersion: '2.0.1',
      securityProfile: 2,
      // The password of "identity" itself (the pattern gives the others theirs).
      basicAuthPassword: 'parallel-password-001-0001',
      certificates: { dir: certDir },
      evses: [1, 2].map((id) => ({ id, connectors: [{ id: 1 }] })),
      idTokens: TOKENS,
      timeouts: { defaultMs: 5000, connectMs: 5000, bootMs: 8000, transactionMs: 5000, promptMs: 1000 },
      actions: { kind: 'http-octt', baseUrl: api[1]! },
      bench: { heartbeatIntervalS: 3, transactionDurationMs: 0, clockAlignedIntervalS: 0.2, sampledIntervalS: 0.2 },
      pics: REFERENCE_CSMS_PICS,
      report: { dir: join(dir, 'reports') },
    });
    const { summary, output } = await runWithConfig(config, join(dir, 'run'), ['--profile', 'Core', '--implemented-only', '--parallel', '4']);
    expect(summary.results.length, output).toBe(132);
    expect(notPassed(summary), output.slice(-4000)).toEqual([]);
  }, 900_000);
});
