// Case instances (src/runner/run-instances.ts): one cucumber child runs the same case twice, first with a fault, then
// without, in the same process. Each instance must get only its own faults (the clean one PASSes after the faulty one
// FAILed), and its own result and trace, keyed by instance.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { runInstances } from '../../src/runner/index.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ocpp-instances-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const firstNote = (path: string | undefined): { faults?: string[] } => (JSON.parse(readFileSync(path ?? '', 'utf8').split('\n')[0] ?? '{}') as { data?: { faults?: string[] } }).data ?? {};

describe('case instances in one cucumber child', () => {
  const [tc] = loadCatalog().select({ version: '2.0.1', ids: ['TC_B_03_CS'] });

  it('the same case with a fault and then without: each instance has its own faults, result and trace', { timeout: 120_000 }, async () => {
    if (!tc) throw new Error('TC_B_03_CS is not in the catalog');
    const seen: string[] = [];
    const results = await runInstances({
      config: stationSutConfig(),
      runDir: join(tmp, 'two'),
      instances: [
        { key: 'TC_B_03_CS~boot.retryTooEarly', case: tc, faults: ['boot.retryTooEarly'] },
        { key: 'TC_B_03_CS', case: tc, faults: [] },
      ],
      onResult: (key) => seen.push(key),
    });
    const faulty = results.get('TC_B_03_CS~boot.retryTooEarly');
    const clean = results.get('TC_B_03_CS');
    expect(`${faulty?.verdict} ${faulty?.failure?.step ?? ''}`).toMatch(/^FAIL Part 6 steps 3-4/);
    expect(`${clean?.verdict} ${clean?.reason ?? clean?.failure?.actual ?? ''}`.trim()).toBe('PASS');
    expect(seen.sort()).toEqual(['TC_B_03_CS', 'TC_B_03_CS~boot.retryTooEarly']);
    expect(faulty?.tracePath).toMatch(/traces\/TC_B_03_CS~boot\.retryTooEarly\.ndjson$/);
    expect(clean?.tracePath).toMatch(/traces\/TC_B_03_CS\.ndjson$/);
    expect(firstNote(faulty?.tracePath).faults).toEqual(['boot.retryTooEarly']);
    expect(firstNote(clean?.tracePath).faults).toEqual([]);
  });

  it('refuses a key used twice or one that cannot name a file, and a run config of a real SUT', async () => {
    if (!tc) throw new Error('TC_B_03_CS is not in the catalog');
    const runDir = join(tmp, 'bad');
    await expect(runInstances({ config: stationSutConfig(), runDir, instances: [{ key: 'a', case: tc, faults: [] }, { key: 'a', case: tc, faults: ['x'] }] })).rejects.toThrow(/used twice/);
    await expect(runInstances({ config: stationSutConfig(), runDir, instances: [{ key: '../a', case: tc, faults: [] }] })).rejects.toThrow(/must match/);
    const real = { ...stationSutConfig(), actions: { kind: 'prompt' as const, timeoutMs: 1000 } };
    await expect(runInstances({ config: real as never, runDir, instances: [] })).rejects.toThrow(/simulator run config/);
  });
});
