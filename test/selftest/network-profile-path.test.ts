// The fallback cases of block B (TC_B_46, TC_B_49) against a station a case before left connected through another
// path: TC_B_45 ends with the station on its new profile (/ocpp/profileN) while the priority it restored puts the
// original one first. One `sim station` from the CLI lives through the three cases, as in a long-lived run; the
// fallback cases must judge the profile the station falls back to by its priority, not by the path it arrived on.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notPassed, runWithConfig, startCli, stationRunConfig, writeJson } from './long-lived.ts';
import type { CliProcess } from './long-lived.ts';
import { freePort } from '../helpers/free-port.ts';

const PASSWORD = 'profile-path-password-01';
const started: CliProcess[] = [];

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe('the fallback cases after a case that left the station on another path', () => {
  it('TC_B_46 and TC_B_49 PASS after TC_B_45 left the station connected through its new profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-profile-path-'));
    const [port, actionPort] = [await freePort(), await freePort()];
    const identity = 'PROFILE-PATH-1';
    const config = writeJson(join(dir, 'station.json'), stationRunConfig({ dir, port, actionPort, identity, password: PASSWORD }));
    const cases = ['TC_B_45_CS', 'TC_B_46_CS', 'TC_B_49_CS'];
    const run = runWithConfig(config, join(dir, 'reports'), cases.flatMap((id) => ['--case', id]));
    const station = startCli(['sim', 'station', '--csms-url', `ws://127.0.0.1:${port}/ocpp`, '--id', identity, '--security-profile', '1', '--password', PASSWORD, '--reconnect-ms', '2000', '--action-port', String(actionPort)]);
    started.push(station);
    const { summary } = await run;
    expect(summary.results.map((r) => r.id)).toEqual(cases);
    // TC_B_45 left the station on its new profile: TC_B_46 starts with it connected through /ocpp/profileN.
    const trace = readFileSync(summary.results[1]?.tracePath ?? '', 'utf8');
    expect(trace).toMatch(/connection data in use: ws:\/\/127\.0\.0\.1:\d+\/ocpp\/profile\d,/);
    expect(notPassed(summary)).toEqual([]);
  }, 300_000);
});
