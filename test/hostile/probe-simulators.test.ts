// The probe run against both reference simulators: the reference CSMS faces a hostile station, the reference station
// faces a hostile CSMS. Each survives the whole battery, traces every frame, and keeps serving (OCPP and HTTP).
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { MemoryTrace } from '../../src/report/trace.ts';
import { startCsmsSim } from '../../src/sim/csms/index.ts';
import type { CsmsSim } from '../../src/sim/csms/index.ts';
import { startStationSim } from '../../src/sim/station/index.ts';
import type { StationSim } from '../../src/sim/station/index.ts';
import { battery, burst, BURST } from './battery.ts';
import { openRawPeer } from './raw-peer.ts';
import type { RawPeer } from './raw-peer.ts';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function tracedIn(trace: MemoryTrace): string[] {
  return trace.ofKind('frame').filter((e) => e.dir === 'in').map((e) => e.raw);
}

function missingFrom(raws: string[], tag: string): string[] {
  const missing = battery(tag).filter((f) => !raws.some((r) => r.startsWith(f.tracedAs))).map((f) => f.name);
  const burstSeen = new Set(raws.map((r) => new RegExp(`^\\[2,"${tag}-b(\\d+)"`).exec(r)?.[1]).filter((x) => x !== undefined)).size;
  if (burstSeen !== BURST) missing.push(`burst: ${burstSeen} of ${BURST}`);
  return missing;
}

const GET_VARIABLES = { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] };

describe('probe: the reference CSMS against a hostile station', () => {
  it('survives the battery, traces every frame, its operator API and a new station still work', { timeout: 300_000 }, async () => {
    const trace = new MemoryTrace();
    const sim: CsmsSim = await startCsmsSim({ timers: { callTimeoutMs: 1_000 }, trace });
    cleanup.push(() => sim.stop());
    const st: RawPeer = await openRawPeer(`${sim.url}/HOSTILE-ST`);
    cleanup.push(() => st.close());
    st.send(`[2,"boot","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]`);
    await st.next((t) => t.startsWith('[3,"boot"'));
    for (const f of battery('c')) st.send(f.data, f.binary);
    for (const f of burst('c')) st.send(f);
    await st.next((t) => t.includes(`"c-b${BURST - 1}"`), 150_000);

    const api = `${sim.operatorApiUrl!}/api/octt/2.0.1/HOSTILE-ST/call/GetVariables`;
    const post = (): Promise<Response> => fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(GET_VARIABLES) });
    // Schema-invalid answer, answered twice.
    const first = post();
    const call = await st.next((t) => t.includes('"GetVariables"'));
    const id = (JSON.parse(call) as unknown[])[1] as string;
    st.send(`[3,"${id}",{"getVariableResult":"not a list"}]`);
    st.send(`[3,"${id}",{"getVariableResult":[]}]`);
    // The reference CSMS reports the station's answer as it came (its choice); what matters is that it answers.
    expect(await (await first).json()).toHaveProperty('ok');
    // Never answered: the API says so at the CSMS's call deadline.
    expect((await post()).status).toBe(504);
    // Same identity twice, then the first closes in the middle of a call.
    const twin = await openRawPeer(`${sim.url}/HOSTILE-ST`);
    cleanup.push(() => twin.close());
    const pending = post();
    st.close();
    expect([404, 502, 504, 200]).toContain((await pending).status);

    const list = await fetch(`${sim.operatorApiUrl!}/api/octt/stations`);
    expect([200, 500]).toContain(list.status);
    const fresh = await openRawPeer(`${sim.url}/FRESH-ST`);
    cleanup.push(() => fresh.close());
    fresh.send(`[2,"b2","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]`);
    expect(await fresh.next((t) => t.startsWith('[3,"b2"'))).toMatch(/"status"/);
    expect(missingFrom(tracedIn(trace), 'c')).toEqual([]);
  });
});

describe('probe: the reference station against a hostile CSMS', () => {
  it('survives the battery, traces every frame, still answers the CSMS and its action API', { timeout: 300_000 }, async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'ocpp2.0.1', maxPayload: 64 * 1024 * 1024 });
    cleanup.push(() => new Promise<void>((r) => wss.close(() => r())));
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const connected = new Promise<WebSocket>((r) => wss.once('connection', (ws) => r(ws)));
    const trace = new MemoryTrace();
    const station: StationSim = await startStationSim({ csmsUrl: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ocpp`, identity: 'HOSTILE-CSMS-ST', trace });
    cleanup.push(() => station.stop());
    const ws = await connected;
    const received: string[] = [];
    const listeners = new Set<() => void>();
    ws.on('message', (d: Buffer) => {
      received.push(d.toString('utf8'));
      for (const l of [...listeners]) l();
    });
    const next = (test: (t: string) => boolean, ms = 10_000): Promise<string> =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = received.find(test);
          if (hit === undefined) return false;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          const ids = new Set(received.map((r) => /^\[[345],"s-b(\d+)"/.exec(r)?.[1]).filter((x) => x !== undefined));
          const missing = Array.from({ length: BURST }, (_, i) => String(i)).filter((i) => !ids.has(i));
          reject(new Error(`nothing matching from the station within ${ms} ms (${received.length} frames; burst answers missing: ${missing.length}, first ${missing.slice(0, 5).join(',')}; last frames ${received.slice(-3).map((r) => r.slice(0, 80)).join(' | ')})`));
        }, ms);
        if (!check()) listeners.add(check);
      });
    // Its BootNotification answered twice (the second a schema-invalid answer to an id already answered).
    const boot = await next((t) => t.includes('"BootNotification"'));
    const bootId = (JSON.parse(boot) as unknown[])[1] as string;
    ws.send(`[3,"${bootId}",{"currentTime":"${new Date().toISOString()}","interval":300,"status":"Accepted"}]`);
    ws.send(`[3,"${bootId}",{"status":"Maybe"}]`);
    for (const f of battery('s')) ws.send(f.data, { binary: f.binary === true });
    for (const f of burst('s')) ws.send(f);
    await next((t) => t.includes(`"s-b${BURST - 1}"`), 150_000);
    ws.send(`[2,"alive","GetVariables",${JSON.stringify(GET_VARIABLES)}]`);
    expect(await next((t) => t.startsWith('[3,"alive"'))).toMatch(/getVariableResult/);
    const state = await fetch(`${station.actionApiUrl!}/api/v1/state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"state":"nonsense"}' });
    expect(state.status).toBe(400);
    expect(missingFrom(tracedIn(trace), 's')).toEqual([]);
  });
});
