// A scripted Charging Station for testing the reference CSMS: our transport client + RPC connection, nothing else.
import { afterEach, expect } from 'vitest';
import { CallErrorResponse, OcppConnection } from '../../../src/rpc/index.ts';
import type { Handler } from '../../../src/rpc/index.ts';
import type { OcppVersion } from '../../../src/rpc/types.ts';
import { connect } from '../../../src/transport/index.ts';
import type { ClientOptions, WireSocket } from '../../../src/transport/index.ts';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim, CsmsSimOptions } from '../../../src/sim/csms/index.ts';

export const DEADLINE_MS = 5_000;

export interface ScriptedStation {
  conn: OcppConnection;
  /** Requests the CSMS sent us, in order. */
  received: Array<{ action: string; payload: unknown }>;
  /** Resolves with the next (or an already received, not yet taken) request of this action. */
  nextRequest(action: string, deadlineMs?: number): Promise<Record<string, unknown>>;
  boot(reason?: string): Promise<Record<string, unknown>>;
  call(action: string, payload: unknown): Promise<Record<string, unknown>>;
  close(): void;
}

export type StationOptions = Partial<ClientOptions> & { version?: OcppVersion; handlers?: Record<string, Handler> };

export async function openStation(url: string, identity: string, opts: StationOptions = {}): Promise<ScriptedStation> {
  const version = opts.version ?? '2.0.1';
  const socket = await connect({
    url,
    identity,
    subprotocols: [version === '2.1' ? 'ocpp2.1' : 'ocpp2.0.1'],
    securityProfile: 0,
    ...opts,
  });
  // The wire replays messages that arrived before the first onMessage listener synchronously, i.e. inside the
  // OcppConnection constructor, before any handler exists. Hold them back until our handlers are registered.
  let deliver: ((text: string, isBinary: boolean) => void) | undefined;
  const held: WireSocket = {
    send: (t) => socket.send(t),
    close: (c, r) => socket.close(c, r),
    terminate: () => socket.terminate(),
    onMessage: (l) => {
      deliver = l;
    },
    onClose: (l) => socket.onClose(l),
    get facts() {
      return socket.facts;
    },
  };
  const conn = new OcppConnection(held, { version, localRole: 'ChargingStation', callTimeoutMs: DEADLINE_MS });
  const received: ScriptedStation['received'] = [];
  const taken = new Set<number>();
  const waiters: Array<{ action: string; resolve: (p: Record<string, unknown>, index: number) => void }> = [];
  const handlers = opts.handlers ?? {};
  conn.setDefaultHandler((payload, frame) => {
    const index = received.push({ action: frame.action, payload }) - 1;
    const w = waiters.find((x) => x.action === frame.action);
    if (w) {
      waiters.splice(waiters.indexOf(w), 1);
      taken.add(index);
      w.resolve(payload as Record<string, unknown>, index);
    }
    const h = handlers[frame.action];
    if (h) return h(payload, frame);
    return defaultAnswer(frame.action, payload as Record<string, unknown>);
  });
  if (deliver) socket.onMessage(deliver);
  return {
    conn,
    received,
    nextRequest(action, deadlineMs = DEADLINE_MS) {
      const idx = received.findIndex((r, i) => r.action === action && !taken.has(i));
      if (idx >= 0) {
        taken.add(idx);
        return Promise.resolve(received[idx]!.payload as Record<string, unknown>);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${action} request from the CSMS within ${deadlineMs} ms`));
        }, deadlineMs);
        const waiter = {
          action,
          resolve: (p: Record<string, unknown>) => {
            clearTimeout(timer);
            resolve(p);
          },
        };
        waiters.push(waiter);
      });
    },
    async boot(reason = 'PowerUp') {
      return (await conn.call('BootNotification', {
        reason,
        chargingStation: { model: 'SimModel', vendorName: 'SimVendor' },
      })) as Record<string, unknown>;
    },
    async call(action, payload) {
      return (await conn.call(action, payload)) as Record<string, unknown>;
    },
    close() {
      conn.close();
    },
  };
}

export type SimStarter = (faults: string[], opts?: CsmsSimOptions, boot?: boolean) => Promise<{ sim: CsmsSim; st: ScriptedStation }>;

/**
 * One reference CSMS with one scripted station `identity` per test, stopped after each test. Call at module (or
 * describe) level; the starter runs `startCsmsSim({ faults, ...simDefaults, ...opts })`, connects and (unless told not
 * to) boots. Starting again in the same test replaces the pair (stop the first yourself).
 */
export function simWithStation(identity: string, simDefaults: CsmsSimOptions = {}, stationOpts: StationOptions = {}): SimStarter {
  // One shared fixture so the many area tests do not each repeat the start/boot/clean-up boilerplate.
  let sim: CsmsSim | undefined;
  let st: ScriptedStation | undefined;
  afterEach(async () => {
    // Either may be missing when a start failed half-way.
    st?.close();
    await sim?.stop();
    st = undefined;
    sim = undefined;
  });
  return async (faults, opts = {}, boot = true) => {
    sim = await startCsmsSim({ faults, ...simDefaults, ...opts });
    st = await openStation(sim.url, identity, stationOpts);
    if (boot) await st.boot();
    return { sim, st };
  };
}

/** Plain, schema-valid answers of a cooperative station. */
export function defaultAnswer(action: string, p: Record<string, unknown>): unknown {
  switch (action) {
    case 'GetVariables':
      return {
        getVariableResult: (p.getVariableData as Array<Record<string, unknown>>).map((d) => ({
          attributeStatus: 'Accepted',
          component: d.component,
          variable: d.variable,
          attributeValue: '60',
        })),
      };
    case 'SetVariables':
      return {
        setVariableResult: (p.setVariableData as Array<Record<string, unknown>>).map((d) => ({
          attributeStatus: 'Accepted',
          component: d.component,
          variable: d.variable,
        })),
      };
    case 'CertificateSigned':
    case 'GetBaseReport':
    case 'TriggerMessage':
    case 'SetNetworkProfile':
      return { status: 'Accepted' };
    case 'Reset':
      return { status: 'Accepted' };
    default:
      return { status: 'Accepted' };
  }
}

/** POSTs JSON (or raw text) to the operator API. */
export async function post(url: string, body: unknown, raw = false): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
    signal: AbortSignal.timeout(DEADLINE_MS * 2),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export const AVAILABLE_STATUS = (evseId = 1, connectorId = 1): Record<string, unknown> => ({
  timestamp: new Date().toISOString(),
  connectorStatus: 'Available',
  evseId,
  connectorId,
});

/** The CALLERROR code a request was refused with (fails the test when it was answered). */
export async function callError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CallErrorResponse);
  return (e as CallErrorResponse).code;
}
