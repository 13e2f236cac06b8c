// The probe run against the harness (the test system as CSMS, the peer every station case runs on): a hostile station
// sends the whole battery. The harness survives, every frame is in the trace, the general rules record the breaches
// (so no case on this connection can PASS), answers it waits for fail, and the report folder stays under 10 MB.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsmsPeer } from '../../src/peer/csms-peer.ts';
import { ExpectationFailed } from '../../src/peer/errors.ts';
import { NdjsonTrace } from '../../src/report/trace.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import { engineSettings } from '../../src/runner/context.ts';
import { stationSutConfig } from '../../src/runner/simulator-config.ts';
import { battery, burst, BURST } from './battery.ts';
import { openRawPeer } from './raw-peer.ts';
import { slowSender } from './slow-sender.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ocpp-probe-harness-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

describe('probe: a hostile station against the harness', () => {
  it('survives every hostile frame, traces each one, records the breaches, stays under 10 MB', { timeout: 300_000 }, async () => {
    const config = stationSutConfig();
    const tracePath = join(tmp, 'reports', 'traces', 'PROBE.ndjson');
    const trace = new NdjsonTrace(tracePath);
    const peer = new CsmsPeer({
      version: '2.0.1',
      trace,
      timing: { expectMs: 2_000, connectMs: 5_000, bootMs: 5_000, reconnectGapMs: 50 },
      host: '127.0.0.1',
      port: 0,
      path: '/ocpp',
      identity: 'PROBE-CS',
      securityProfile: 0,
      password: null,
      settings: engineSettings({ config, engine: config.bench }),
    });
    const url = await peer.start();
    const port = Number(new URL(url).port);
    const slow = slowSender(port, 150_000);
    try {
      const station = await openRawPeer(`${url}/PROBE-CS`);
      station.send(`[2,"boot","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]`);
      await station.next((t) => t.startsWith('[3,"boot"'));
      const frames = battery('h');
      for (const f of frames) station.send(f.data, f.binary);
      for (const f of burst('h')) station.send(f);
      // The last burst CALL answered: everything before it was read.
      await station.next((t) => t.startsWith(`[3,"h-b${BURST - 1}"`) || t.startsWith(`[4,"h-b${BURST - 1}"`), 150_000);

      // Schema-invalid answer, then a second answer to the same CALL.
      const invalid = peer.sendCall('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
      const callText = await station.next((t) => t.startsWith('[2,') && t.includes('"GetVariables"'));
      const callId = (JSON.parse(callText) as unknown[])[1] as string;
      station.send(`[3,"${callId}",{"getVariableResult":"not a list"}]`);
      station.send(`[3,"${callId}",{"getVariableResult":[]}]`);
      await expect(peer.awaitAnswer(invalid)).rejects.toBeInstanceOf(ExpectationFailed);

      // Never answered: the wait ends at its deadline with an explanation.
      const ignored = peer.sendCall('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] }, { timeoutMs: 500 });
      await expect(peer.awaitAnswer(ignored)).rejects.toThrow();

      // The same identity a second time, then the first connection closes in the middle of a CALL.
      const twin = await openRawPeer(`${url}/PROBE-CS`);
      const open = peer.sendCall('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
      station.close();
      await expect(peer.awaitAnswer(open)).rejects.toThrow();

      // Still serving: the remaining connection gets its Heartbeat answered.
      twin.send('[2,"alive","Heartbeat",{}]');
      expect(await twin.next((t) => t.startsWith('[3,"alive"'))).toMatch(/currentTime/);
      twin.close();
      expect(peer.rules.breaches.length).toBeGreaterThan(0);
      // The one-byte-per-second sender was cut off at the handshake deadline.
      expect(await slow).toBeLessThan(30_000);
    } finally {
      await peer.stop();
      trace.close();
    }

    const events = readFileSync(tracePath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceEvent);
    const inRaw = events.filter((e): e is Extract<TraceEvent, { kind: 'frame' }> => e.kind === 'frame' && e.dir === 'in').map((e) => e.raw);
    const missing = battery('h').filter((f) => !inRaw.some((r) => r.startsWith(f.tracedAs))).map((f) => f.name);
    expect(missing).toEqual([]);
    const burstIds = new Set(inRaw.map((r) => /^\[2,"h-b(\d+)"/.exec(r)?.[1]).filter((id) => id !== undefined));
    expect(burstIds.size).toBe(BURST);
    expect(events.some((e) => e.kind === 'note' && /connected again/.test(e.message))).toBe(true);
    expect(events.some((e) => e.kind === 'refused' && e.reason === 'handshake-timeout')).toBe(true);
    const bytes = folderBytes(join(tmp, 'reports'));
    console.log(`[probe harness] ${inRaw.length} frames in, trace ${(bytes / 1024 / 1024).toFixed(2)} MB, ${events.length} events`);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
  });
});
