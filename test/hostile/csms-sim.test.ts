// Finding 1: the reference CSMS must survive a station's hostile frames, and its operator API must keep answering.
import { afterEach, describe, expect, it } from 'vitest';
import { startCsmsSim } from '../../src/sim/csms/index.ts';
import type { CsmsSim } from '../../src/sim/csms/index.ts';
import { deepJson, openRawPeer } from './raw-peer.ts';
import type { RawPeer } from './raw-peer.ts';

let sim: CsmsSim | undefined;
let peer: RawPeer | undefined;
afterEach(async () => {
  peer?.close();
  await sim?.stop();
});

const BOOT = JSON.stringify([2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } }]);

describe('the reference CSMS under a hostile station', () => {
  it('a DataTransfer nested 20,000 levels deep does not take the CSMS or its operator API down', async () => {
    sim = await startCsmsSim({ timers: { callTimeoutMs: 1_000 } });
    peer = await openRawPeer(`${sim.url}/DEEP1`);
    peer.send(BOOT);
    await peer.next((t) => t.startsWith('[3,"b1"'));
    peer.send(`[2,"d1","DataTransfer",{"vendorId":"x","data":${deepJson(20_000)}}]`);
    await peer.next((t) => t.includes('"d1"'));
    for (const path of ['/api/octt/stations', '/api/octt/2.0.1/DEEP1']) {
      const res = await fetch(`${sim.operatorApiUrl!}${path}`);
      // The snapshot holds the hostile payload: answered (200, or 500 naming the cause), never a dead process.
      expect([200, 500]).toContain(res.status);
      expect(await res.json()).toHaveProperty('ok');
    }
    // Still serving the station afterwards.
    peer.send(JSON.stringify([2, 'h1', 'Heartbeat', {}]));
    expect(await peer.next((t) => t.startsWith('[3,"h1"'))).toMatch(/currentTime/);
  });
});
