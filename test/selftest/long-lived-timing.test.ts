// Timing from the SUT's own parameters: after our Rejected answer the station retries when the interval we gave has
// passed, so the wait for that retry is the interval plus the reaction time (timeouts.defaultMs), never the reboot
// deadline (timeouts.bootMs). Here the interval (10 s) is longer than bootMs (3 s) on purpose.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCases } from '../../src/runner/index.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';
import { selectCases } from './run.ts';

async function runB03(faults: string[]): Promise<{ verdict: string; why: string }> {
  const base = stationSutConfig();
  const config = { ...base, timeouts: { ...base.timeouts, defaultMs: 5000, bootMs: 3000 } };
  const summary = await runCases({
    config,
    cases: selectCases(['TC_B_03_CS']),
    runDir: mkdtempSync(join(tmpdir(), 'ocpp-b03-timing-')),
    faults,
    engine: { heartbeatIntervalS: 10 },
    timeoutMs: 120_000,
  });
  const r = summary.results[0]!;
  return { verdict: r.verdict, why: `${r.reason ?? ''} ${r.failure?.expected ?? ''} ${r.failure?.actual ?? ''}` };
}

describe('TC_B_03_CS with interval 10 s and a 5 s reaction timeout', () => {
  it('PASSes against a compliant station and FAILs against one that never retries', async () => {
    const [compliant, silent] = await Promise.all([runB03([]), runB03(['boot.noRetryAfterRejected'])]);
    expect(compliant, compliant.why).toMatchObject({ verdict: 'PASS' });
    expect(silent.verdict, silent.why).toBe('FAIL');
    expect(silent.why).toMatch(/BootNotificationRequest within 1[45]\.\d s/);
  }, 120_000);
});
