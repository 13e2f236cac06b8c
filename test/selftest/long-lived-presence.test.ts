// The SUT going away is its own outcome: a CSMS stopped in the middle of a run is noticed by the sanity probe before
// the next case, waited for (bounded), and then the run stops with "SUT unavailable since case X" instead of running
// every remaining case into an INCONCLUSIVE of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithConfig, startCli, writeJson } from './long-lived.ts';
import type { CliProcess } from './long-lived.ts';

const started: CliProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

const CASES = ['TC_B_01_CSMS', 'TC_B_06_CSMS', 'TC_B_07_CSMS', 'TC_B_09_CSMS', 'TC_B_10_CSMS'];

describe('a CSMS that goes away during the run', () => {
  it('stops the run with "SUT unavailable since case X" after a bounded wait', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-presence-'));
    const csms = startCli(['sim', 'csms', '--port', '0', '--security-profile', '1', '--password', 'presence-password-01', '--heartbeat-interval', '3']);
    started.push(csms);
    const ws = await csms.waitFor(/listening at (ws:\/\/127\.0\.0\.1:\d+\/)/, 60_000);
    const api = await csms.waitFor(/Operator API at (http:\/\/[0-9.:]+)\//, 60_000);
    const config = writeJson(join(dir, 'csms.json'), {
      sut: { role: 'CSMS', csmsUrl: ws[1], identity: 'PRESENCE-ST' },
      ocppVersion: '2.0.1',
      securityProfile: 1,
      basicAuthPassword: 'presence-password-01',
      timeouts: { defaultMs: 5000, connectMs: 3000, bootMs: 8000, transactionMs: 5000, promptMs: 1000, sutReturnMs: 3000 },
      actions: { kind: 'http-octt', baseUrl: api[1] },
      bench: { heartbeatIntervalS: 3 },
      report: { dir: join(dir, 'reports') },
    });
    // The CSMS goes away once the first case is over.
    const { summary, output } = await runWithConfig(config, join(dir, 'reports'), CASES.flatMap((c) => ['--case', c]), async (run) => {
      await run.waitFor(/\] \w+ +TC_B_01_CSMS/, 240_000);
      await csms.stop();
    });
    const results = summary.results;
    const first = results.findIndex((r) => r.reason?.includes('SUT unavailable since case TC_'));
    expect(first, output).toBeGreaterThan(0);
    expect(results[first]!.verdict).toBe('INCONCLUSIVE');
    // Later cases are not run; on a busy machine one may already be in its set-up when the stop comes, and then says
    // the same from there. Either way: INCONCLUSIVE, naming the case since which the SUT is unavailable.
    for (const r of results.slice(first + 1)) {
      expect(r.verdict, r.id).toBe('INCONCLUSIVE');
      expect(r.reason, r.id).toMatch(/^(not run|scenario set-up failed: PreconditionFailed): SUT unavailable since case TC_/);
    }
    expect(results.filter((r) => r.verdict === 'ERROR')).toEqual([]);
    expect(output).toMatch(/>>> the CSMS went away after case TC_\w+; waiting up to 3 s/);
  }, 300_000);
});
