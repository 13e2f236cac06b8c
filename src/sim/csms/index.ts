// Public surface of the reference CSMS simulator.
import type { CsmsSimEventName, CsmsSimEvents } from './events.ts';
import { startOperatorApi } from './operator-api.ts';
import type { OperatorApi } from './operator-api.ts';
import { resolveOptions } from './options.ts';
import type { CsmsSimOptions } from './options.ts';
import { CsmsSimulator } from './simulator.ts';
import type { CallStationOptions } from './simulator.ts';
import type { StationSnapshot } from './state.ts';

export { CSMS_FAULTS, CsmsFaultSet, UnknownFaultError, isCsmsFault } from './faults.ts';
export type { CsmsFaultName } from './faults.ts';
export { CsmsOptionsError } from './options.ts';
export type {
  CsmsSimOptions,
  BootOptions,
  BootStatus,
  TokenEntry,
  AuthorizationStatus,
  IdTokenRef,
  RequestSpec,
  TlsOptions,
  PkiOptions,
  TimerOptions,
} from './options.ts';
export { StationCallError } from './simulator.ts';
export type { StationCallErrorKind, CallStationOptions } from './simulator.ts';
export type { StationSnapshot, TransactionState, ConnectorState, ReportState, SecurityEventRecord, VariableRecord } from './state.ts';
export type { CsmsSimEvents, CsmsSimEventName } from './events.ts';
export { WaitTimeoutError } from './events.ts';
export { OPERATOR_HELPERS } from './operator-api.ts';

export interface CsmsSim {
  /** WebSocket endpoint base (ws:// or wss://, ends with '/'): a station connects to url + identity. */
  readonly url: string;
  /** Base of the operator-trigger HTTP API (http://host:port), or undefined when it is switched off. */
  readonly operatorApiUrl: string | undefined;
  /** The active named faults. */
  readonly faults: string[];
  /** Every station seen since start, connected or not. */
  stations(): StationSnapshot[];
  station(identity: string): StationSnapshot | undefined;
  /** Sends a request to a connected station; rejects with StationCallError. */
  callStation(identity: string, action: string, payload: Record<string, unknown>, opts?: CallStationOptions): Promise<unknown>;
  on<K extends CsmsSimEventName>(event: K, listener: (value: CsmsSimEvents[K]) => void): () => void;
  /** First event matching predicate, or WaitTimeoutError after timeoutMs (default 10000). */
  waitFor<K extends CsmsSimEventName>(event: K, predicate?: (value: CsmsSimEvents[K]) => boolean, timeoutMs?: number): Promise<CsmsSimEvents[K]>;
  stop(): Promise<void>;
}

export async function startCsmsSim(options: CsmsSimOptions = {}): Promise<CsmsSim> {
  const opts = resolveOptions(options);
  const sim = new CsmsSimulator(opts);
  await sim.start();
  let api: OperatorApi | undefined;
  try {
    if (opts.operatorApi) api = await startOperatorApi(sim, opts.operatorApi.host, opts.operatorApi.port);
  } catch (err) {
    await sim.stop();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: sim.url,
    operatorApiUrl: api?.url,
    faults: opts.faults.list(),
    stations: () => sim.stations(),
    station: (identity) => sim.knownRecord(identity)?.snapshot(),
    callStation: (identity, action, payload, o) => sim.callStation(identity, action, payload, o),
    on: (event, listener) => sim.events.on(event, listener),
    waitFor: (event, predicate, timeoutMs) => sim.events.waitFor(event, predicate, timeoutMs),
    stop: () => {
      stopping ??= (async () => {
        await api?.close();
        await sim.stop();
      })();
      return stopping;
    },
  };
}
