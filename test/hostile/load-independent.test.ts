// Finding 7: TC_B_02_CS failed on a loaded machine because the Pending station's BootNotification repeat (sent after
// each interval) arrived in the middle of its report and was held unanswered; a station sends one CALL at a time, so
// the rest of the report never came. A 1 s interval makes that repeat certain on an idle machine too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { runCases } from '../../src/runner/index.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ocpp-load-independent-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('verdicts independent of timing', () => {
  it('TC_B_02_CS passes when the Pending station repeats its BootNotificationRequest during the case', { timeout: 120_000 }, async () => {
    const summary = await runCases({
      config: stationSutConfig(),
      cases: loadCatalog().select({ version: '2.0.1', ids: ['TC_B_02_CS'] }),
      runDir: tmp,
      engine: { heartbeatIntervalS: 1 },
    });
    const r = summary.results[0];
    expect(`${r?.verdict ?? '-'} ${r?.failure ? `${r.failure.step}: ${r.failure.actual}` : (r?.reason ?? '')}`.trim()).toBe('PASS');
  });
});
