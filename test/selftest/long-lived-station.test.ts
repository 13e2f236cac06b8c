// Long-lived layer, Charging Station under test: every implemented station case against a `sim station` process
// started from the CLI with a realistic reconnect back-off (30 s), run with `run --config`, one case after the other.
// The harness's CSMS listens for the whole run (the station connects once; no case pays the back-off), says on the
// terminal that it waits for the station, and each case starts from a verified "connected, accepted and idle" whatever
// the case before left behind. The cases are split into parts (`run --shard i/n`, as CI runners would), each its own
// long-lived station and run, run side by side: about 30 cases in a row each, and a whole Core run's protocol waits
// (offline periods, scheduled firmware, retries) do not add up to one long test.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { featurePath } from '../../src/runner/index.ts';
import { notPassed, runWithConfig, startCli, stationRunConfig, writeJson } from './long-lived.ts';
import { VARIANT_OF_CASE } from './station-variants.ts';
import type { CliProcess } from './long-lived.ts';
import { freePort } from '../helpers/free-port.ts';

const PASSWORD = 'long-lived-cs-password-01';
const PARTS = 6;
/** The station here runs security profile 1: cases Part 6 runs only over TLS are NOT_APPLICABLE (they run over SP2 in file-transfer-tls.test.ts). */
const started: CliProcess[] = [];

/** A "not passed" line of a case that needs another security profile than this run's. */
const onOtherProfile = (line: string): boolean => / NOT_APPLICABLE the case runs under security profile /.test(line);
/**
 * A "not passed" line of a case this station's PICS rules out: a case about a variant of the reference station (the
 * self-test plan runs it against its variant), or one that needs more than the one EVSE this station has.
 */
const forAVariant = (line: string): boolean =>
  / NOT_APPLICABLE condition .* is false: PICS /.test(line) && (Object.hasOwn(VARIANT_OF_CASE, line.split(' ')[0] ?? '') || /PICS facts\.numberOfEvses = 1$/.test(line));

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

type Summary = Awaited<ReturnType<typeof runWithConfig>>['summary'];

/** Which cases a layer runs, and in how many parts side by side. */
interface Slice {
  parts: number;
  /** Only this block's cases (all Core station cases when absent). */
  block?: string;
  /** The station's reconnect back-off; realistic (30 s) unless the layer is about something else. */
  reconnectMs?: number;
}

async function runAgainstStation(name: string, faults: string[], part: number, slice: Slice): Promise<{ summary: Summary; output: string; identity: string }> {
  const dir = mkdtempSync(join(tmpdir(), `ocpp-long-lived-cs-${name}-${part}-`));
  const [port, actionPort] = [await freePort(), await freePort()];
  const identity = `LL-CS-${name.toUpperCase()}-${part}`;
  // A second valid idToken, a group and a master pass: the group and master pass cases of block C use them.
  const idTokens = {
    valid: [
      { idToken: '0A0B0C01', type: 'ISO14443' },
      { idToken: '0A0B0C02', type: 'ISO14443' },
    ],
    groupId: { idToken: 'OCTT-GROUP-0001', type: 'Central' },
    masterPass: { idToken: '0A0B0CFF', type: 'ISO14443' },
    masterPassGroupId: 'OCTT-MASTERPASS',
  };
  const config = writeJson(join(dir, 'station.json'), stationRunConfig({ dir, port, actionPort, identity, password: PASSWORD }, { idTokens, sutReturnMs: 90_000 }));
  const run = runWithConfig(config, join(dir, 'reports'), ['--profile', 'Core', '--implemented-only', '--shard', `${part}/${slice.parts}`, ...(slice.block ? ['--block', slice.block] : [])]);
  // The station is started after the harness listens, as a user would power it on; its back-off is 30 s.
  const station = startCli(['sim', 'station', '--csms-url', `ws://127.0.0.1:${port}/ocpp`, '--id', identity, '--security-profile', '1', '--password', PASSWORD, '--reconnect-ms', String(slice.reconnectMs ?? 30_000), '--action-port', String(actionPort), ...faults.flatMap((f) => ['--fault', f])]);
  started.push(station);
  const { summary, output } = await run;
  return { summary, output, identity };
}

/** Every part against its own station, side by side; the results of all parts, and each part's output. */
async function allParts(name: string, faults: string[], slice: Slice): Promise<{ summary: Summary; runs: Array<{ output: string; identity: string }> }> {
  const runs = await Promise.all(Array.from({ length: slice.parts }, (_, i) => runAgainstStation(name, faults, i + 1, slice)));
  const first = runs[0]?.summary as Summary;
  // The parts together ran every implemented Core station case exactly once.
  const implemented = loadCatalog()
    .select({ version: '2.0.1', role: 'ChargingStation', profile: 'Core' })
    .filter((c) => existsSync(featurePath(c)) && (!slice.block || c.block === slice.block))
    .map((c) => c.id)
    .sort();
  const results = runs.flatMap((r) => r.summary.results);
  expect(results.map((r) => r.id).sort()).toEqual(implemented);
  return { summary: { ...first, results }, runs };
}

describe('the station cases against one long-lived station started from the CLI', () => {
  it.concurrent('every case PASSes; each run waits visibly for its station once', async () => {
    const { summary, runs } = await allParts('clean', [], { parts: PARTS });
    for (const { output, identity } of runs) {
      expect(output).toMatch(new RegExp(`>>> waiting for ${identity} to connect to ws://127\\.0\\.0\\.1:\\d+/ocpp/${identity} \\(up to 90 s\\)`));
      expect(output.match(/>>> waiting for/g)).toHaveLength(1);
    }
    // A case this run's security profile (1) cannot run is NOT_APPLICABLE, and says why.
    expect(notPassed(summary).filter((r) => !onOtherProfile(r) && !forAVariant(r))).toEqual([]);
  }, 600_000);

  it.concurrent('two named faults FAIL their own cases and nothing else', async () => {
    // Both faults are of block B's areas (boot, reporting): that block, in two parts, shows that a faulty station's
    // FAILs stay with their own cases in a long-lived run (every case after them still PASSes). Every other block ran
    // clean above, and the fault matrix kills each case with faults of its own area. The back-off is short here: the
    // clean run already proves the cases that wait for the station's reconnects against a realistic one.
    const { summary } = await allParts('faults', ['boot.retryTooEarly', 'report.wrongSeqNo'], { parts: 2, block: 'B', reconnectMs: 3000 });
    const failed = summary.results.filter((r) => r.verdict === 'FAIL').map((r) => r.id).sort();
    // boot.retryTooEarly breaks the Pending/Rejected boot cases, report.wrongSeqNo every case that reads a base report.
    expect(failed).toEqual(['TC_B_02_CS', 'TC_B_03_CS', 'TC_B_12_CS', 'TC_B_13_CS', 'TC_B_14_CS', 'TC_B_53_CS'].filter((id) => failed.includes(id)));
    expect(failed).toContain('TC_B_03_CS');
    expect(failed).toContain('TC_B_12_CS');
    expect(summary.results.filter((r) => r.verdict !== 'PASS' && r.verdict !== 'FAIL').map((r) => `${r.id} ${r.verdict} ${r.reason ?? ''}`).filter((r) => !onOtherProfile(r) && !forAVariant(r))).toEqual([]);
  }, 600_000);
});
