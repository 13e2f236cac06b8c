// The test system's station (SUT = CSMS) reconnects without a fixed gap once the CSMS has seen the close (its close
// frame came back), waits the configured reconnect gap only after a close the CSMS may not have seen (1006), and ends
// a case only after the CSMS has seen the connection close, so the next case of the identity never overlaps it.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { DEFAULTS } from '../../src/config/load.ts';
import type { EngineSettings } from '../../src/peer/settings.ts';
import { StationPeer } from '../../src/peer/station-peer.ts';

const settings: EngineSettings = { ...DEFAULTS.bench, evseId: 1, connectorId: 1, evses: DEFAULTS.evses, idTokens: DEFAULTS.idTokens };

interface Csms {
  url: string;
  sockets: WebSocket[];
  /** Server-side close events, in order. */
  closes: number[];
  close(): Promise<void>;
}

async function csms(): Promise<Csms> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => (p.has('ocpp2.0.1') ? 'ocpp2.0.1' : false) });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const out: Csms = {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ocpp`,
    sockets: [],
    closes: [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  server.on('connection', (ws) => {
    out.sockets.push(ws);
    ws.on('close', (code) => out.closes.push(code));
  });
  return out;
}

function peer(url: string, notes: string[], reconnectGapMs: number): StationPeer {
  return new StationPeer({
    version: '2.0.1',
    trace: { write: (e: { kind: string; message?: string }) => void (e.kind === 'note' && e.message && notes.push(e.message)) } as never,
    timing: { expectMs: 2000, connectMs: 2000, bootMs: 2000, reconnectGapMs },
    csmsUrl: url,
    identity: 'GAP-1',
    securityProfile: 0,
    password: null,
    settings,
  });
}

const open: Csms[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

describe('reconnecting one identity', () => {
  it('after a close the CSMS answered, the next connection opens without a gap', async () => {
    const c = await csms();
    open.push(c);
    const notes: string[] = [];
    const p = peer(c.url, notes, 60_000);
    await p.connect();
    await p.disconnect();
    expect(c.closes).toEqual([1000]);
    const started = Date.now();
    await p.connect();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(notes.filter((n) => n.includes('reconnect gap'))).toEqual([]);
    await p.stop();
  });

  it('after a connection dropped without a close frame, the configured gap passes first', async () => {
    const c = await csms();
    open.push(c);
    const notes: string[] = [];
    const p = peer(c.url, notes, 200);
    await p.connect();
    const closed = p.waitForClose(2000, 'the drop');
    c.sockets[0]?.terminate();
    await closed;
    await p.connect();
    expect(notes.some((n) => /^letting \d+ ms pass: the reconnect gap/.test(n))).toBe(true);
    await p.stop();
  });

  it("a case's teardown ends after the CSMS has seen the close", async () => {
    const c = await csms();
    open.push(c);
    const p = peer(c.url, [], 0);
    await p.connect();
    await p.stop();
    expect(c.closes).toEqual([1000]);
  });
});
