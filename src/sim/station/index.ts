// The reference Charging Station simulator: public entry point.
//
//   const sim = await startStationSim({ csmsUrl: 'ws://127.0.0.1:9000/ocpp', identity: 'CS001' });
//   sim.plugIn(1, 1); sim.presentToken({ idToken: 'TAG1', type: 'ISO14443' });
//   await sim.stop();
//
// It uses src/rpc, src/schema and src/transport like any OCPP peer and knows nothing about test cases.

import type { JsonServer } from '../common/http-json.ts';
import { startActionApi } from './action-api.ts';
import type { DeviceModel } from './device-model.ts';
import { StationCore } from './core.ts';
import { storeCustomerIdentifier } from './areas/customer-information.ts';
import type { BootReason, IdToken, IdTokenType, StationSimOptions, StationSnapshot, StationStateName } from './types.ts';

export { STATION_FAULTS, UnknownFaultError, isStationFault, type StationFault } from './faults.ts';
export * from './types.ts';

export interface StationSim {
  readonly identity: string;
  /** Base URL of the HTTP SUT-action API (undefined when turned off). */
  readonly actionApiUrl: string | undefined;
  readonly deviceModel: DeviceModel;
  /** Connects and boots (only needed with `connect: false`). */
  connect(): void;
  plugIn(evseId?: number, connectorId?: number): void;
  plugOut(evseId?: number, connectorId?: number): void;
  /** A driver presents a token (the HTTP `authorize` action). */
  presentToken(token: IdToken | string, evseId?: number): void;
  setState(state: StationStateName, evseId?: number, connectorId?: number): void;
  setParkingBay(evseId: number, occupied: boolean): void;
  /** On the master pass UI (variant masterPassUi): stop the transaction of one EVSE, or all. */
  masterPassStop(target: number | 'all'): void;
  /** Power cycle (default reason PowerUp). */
  reboot(reason?: BootReason): void;
  goOffline(): void;
  goOnline(): void;
  /** An operator stores a customer identifier at the station (the HTTP `customer` action; Part 6 TC_N_62_CS). */
  storeCustomerIdentifier(identifier: string): void;
  state(): StationSnapshot;
  /** Called (coalesced, once per tick at most) after every change; returns an unsubscribe function. */
  onStateChange(listener: (s: StationSnapshot) => void): () => void;
  /** Resolves when `predicate(state)` holds; rejects after `timeoutMs` (default 10000) with the last state in the message. */
  waitForState(predicate: (s: StationSnapshot) => boolean, timeoutMs?: number): Promise<StationSnapshot>;
  stop(): Promise<void>;
}

export async function startStationSim(opts: StationSimOptions): Promise<StationSim> {
  const core = new StationCore(opts);
  let api: JsonServer | undefined;
  if (opts.actionApi !== false) api = await startActionApi(core, opts.actionApi ?? {});

  const sim: StationSim = {
    identity: core.identity,
    actionApiUrl: api?.url,
    deviceModel: core.dm,
    connect: () => core.start(),
    plugIn: (evseId, connectorId) => core.plugIn(evseId, connectorId),
    plugOut: (evseId, connectorId) => core.plugOut(evseId, connectorId),
    presentToken: (token, evseId) => core.presentToken(typeof token === 'string' ? { idToken: token, type: 'ISO14443' as IdTokenType } : token, evseId),
    setState: (state, evseId, connectorId) => core.setState(state, evseId, connectorId),
    setParkingBay: (evseId, occupied) => core.setParkingBay(evseId, occupied),
    masterPassStop: (target) => core.masterPassStop(target),
    reboot: (reason = 'PowerUp') => core.reboot(reason),
    goOffline: () => core.goOffline(),
    goOnline: () => core.goOnline(),
    storeCustomerIdentifier: (identifier) => storeCustomerIdentifier(core, identifier),
    state: () => core.snapshot(),
    onStateChange: (listener) => core.onStateChange(listener),
    waitForState: (predicate, timeoutMs = 10_000) =>
      new Promise<StationSnapshot>((resolve, reject) => {
        const now = core.snapshot();
        if (predicate(now)) {
          resolve(now);
          return;
        }
        let last = now;
        const timer = setTimeout(() => {
          off();
          reject(new Error(`station state condition not met within ${timeoutMs} ms; last state: ${JSON.stringify(last)}`));
        }, timeoutMs);
        const off = core.onStateChange((s) => {
          last = s;
          if (!predicate(s)) return;
          clearTimeout(timer);
          off();
          resolve(s);
        });
      }),
    stop: async () => {
      await core.stop();
      await api?.close();
    },
  };
  if (opts.connect !== false) core.start();
  return sim;
}
