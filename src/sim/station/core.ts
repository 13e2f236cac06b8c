// The reference Charging Station's core: the state every area shares, the one gate for the station's own CALLs, the
// routing of CSMS requests to the areas (with the boot-state rules and the rpc.* faults, once), the snapshot.
// Behaviour lives in areas/<area>.ts; the connection life cycle in connection.ts.

import { NO_REPLY, type OcppConnection } from '../../rpc/connection.ts';
import { OcppError } from '../../rpc/errors.ts';
import type { CallFrame, OcppVersion } from '../../rpc/types.ts';
import type { TraceSink } from '../../report/trace-types.ts';
import { AREAS, type StationArea } from './areas/index.ts';
import { aggregate, connectorStatus } from './areas/availability.ts';
import { checkCustomData } from './areas/data-transfer.ts';
import { chargingStateOf } from './areas/transactions.ts';
import { queuedCount } from './tx-queue.ts';
import * as life from './connection.ts';
import type { DeviceModel } from './device-model.ts';
import { StationFaultSet } from './faults.ts';
import { EvseMeter } from './meter.ts';
import { buildStationModel, TX_POINTS } from './station-model.ts';
import { defineRetryBackOff } from './areas/reconnect.ts';
import { errText, nowText, type ConnectorState, type EvseState, type Json } from './state.ts';
import * as sut from './sut-actions.ts';
import {
  StationActionError,
  type BootReason,
  type BootState,
  type EvseSnapshot,
  type IdToken,
  type StationSimOptions,
  type StationSnapshot,
  type StationStateName,
  type StationTimers,
} from './types.ts';

const DEFAULT_TIMERS: Required<Pick<StationTimers, 'reconnectMs' | 'reconnectMaxMs' | 'rebootMs' | 'callTimeoutMs' | 'handshakeTimeoutMs' | 'lateAnswerMs'>> = {
  reconnectMs: 1000,
  reconnectMaxMs: 30_000,
  rebootMs: 100,
  callTimeoutMs: 30_000,
  handshakeTimeoutMs: 10_000,
  lateAnswerMs: 35_000,
};

function normaliseEvses(evses: StationSimOptions['evses']): number[] {
  if (evses === undefined) return [1];
  if (typeof evses === 'number') {
    if (!Number.isInteger(evses) || evses < 1) throw new Error(`evses must be a positive integer, got ${evses}`);
    return Array.from({ length: evses }, () => 1);
  }
  if (evses.length === 0 || evses.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('evses must list at least one EVSE, each with at least one connector');
  return [...evses];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The station's shared state. Fields are open to the areas (this class is not exported from index.ts). */
export class StationCore {
  readonly identity: string;
  readonly version: OcppVersion;
  readonly faults: StationFaultSet;
  readonly dm: DeviceModel;
  readonly opts: StationSimOptions;
  readonly timers: StationTimers & typeof DEFAULT_TIMERS;
  readonly trace: TraceSink | undefined;
  readonly evses: EvseState[];
  readonly areas: readonly StationArea[] = AREAS;

  conn: OcppConnection | undefined;
  running = false;
  networkUp = true;
  connecting = false;
  bootState: BootState = 'Down';
  bootCount = 0;
  nextBootReason: BootReason = 'PowerUp';
  lastBootReason: BootReason | undefined;
  heartbeatMs: number | undefined;
  offlineSince: number | undefined;
  reconnectDelay: number;
  reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  rebootTimer: ReturnType<typeof setTimeout> | undefined;
  stationOperative = true;
  scheduledStationOperative: boolean | undefined;
  pendingStationReset: 'OnIdle' | undefined;
  private readonly listeners = new Set<(s: StationSnapshot) => void>();
  private readonly lateTimers = new Set<ReturnType<typeof setTimeout>>();
  private stateChangeQueued = false;

  constructor(opts: StationSimOptions) {
    this.opts = opts;
    this.identity = opts.identity;
    this.version = opts.ocppVersion ?? '2.0.1';
    this.faults = new StationFaultSet(opts.faults ?? []);
    this.trace = opts.trace;
    this.timers = { ...DEFAULT_TIMERS, ...stripUndefined(opts.timers ?? {}) };
    this.reconnectDelay = this.timers.reconnectMs;
    const layout = normaliseEvses(opts.evses);
    for (const p of [...(opts.txStartPoint ?? []), ...(opts.txStopPoint ?? [])]) {
      if (!(TX_POINTS as readonly string[]).includes(p)) throw new Error(`unknown TxStartPoint/TxStopPoint value "${p}"; valid: ${TX_POINTS.join(', ')}`);
    }
    this.evses = layout.map((n, i) => ({
      id: i + 1,
      connectors: Array.from({ length: n }, (_, c) => ({ id: c + 1, plugged: false, faulted: false, unlockFailure: false, operative: true })),
      operative: true,
      bayOccupied: false,
      evSuspended: false,
      evseSuspended: false,
      sessionClosed: false,
      meter: new EvseMeter(),
    }));
    this.dm = buildStationModel(
      {
        identity: opts.identity,
        securityProfile: opts.securityProfile ?? 0,
        vendorName: opts.vendorName ?? 'OpenConformance',
        model: opts.model ?? 'RefStation',
        evses: layout,
        txStartPoint: opts.txStartPoint ?? ['PowerPathClosed'],
        txStopPoint: opts.txStopPoint ?? ['EVConnected', 'Authorized'],
        measurands: opts.measurands ?? ['Energy.Active.Import.Register'],
        heartbeatIntervalS: 300,
        offlineThresholdS: 60,
        // Declared as it is: a CSMS (or a test) waiting out the station's retries reads it from here.
        messageTimeoutS: Math.max(1, Math.ceil(this.timers.callTimeoutMs / 1000)),
        txUpdatedIntervalS: 60,
        itemsPerMessage: { getReport: 20, getVariables: 32, setVariables: 32 },
        bytesPerMessage: { getReport: 65_000, getVariables: 65_000, setVariables: 65_000 },
      },
      {
        stationAvailability: () => aggregate(this.evses.flatMap((e) => e.connectors.map((c) => connectorStatus(this, e, c)))),
        evseAvailability: (id) => {
          const e = this.evse(id);
          return aggregate(e.connectors.map((c) => connectorStatus(this, e, c)));
        },
        connectorAvailability: (id, c) => connectorStatus(this, this.evse(id), this.connector(this.evse(id), c)),
        evseAvailable: (id) => this.evse(id).operative,
        connectorAvailable: (id, c) => this.connector(this.evse(id), c).operative,
        stationAvailable: () => this.stationOperative,
        now: nowText,
      },
    );
    if (opts.retryBackOff) defineRetryBackOff(this.dm);
    for (const [key, value] of Object.entries(opts.variables ?? {})) this.preset(key, value);
    this.dm.onChange((component, variable) => {
      for (const area of this.areas) area.variableChanged?.(this, component, variable);
    });
  }

  private preset(key: string, value: string): void {
    const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)(?:\[([^\]]+)\])?$/.exec(key);
    if (!m) throw new Error(`variable override "${key}" must look like Component.Variable or Component.Variable[Instance]`);
    const r = this.dm.set({ name: m[1] ?? '' }, m[3] ? { name: m[2] ?? '', instance: m[3] } : { name: m[2] ?? '' }, value);
    if (r.status === 'Accepted' || r.status === 'RebootRequired') return;
    // ReadOnly values may still be preset by the operator of the simulator.
    if (r.status === 'Rejected' && r.reason === 'ReadOnly') this.dm.setInternal(m[1] ?? '', m[2] ?? '', value, m[3]);
    else throw new Error(`variable override ${key}=${value}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
  }

  // ===== the public contract (index.ts, action-api.ts) ============================================================

  start(): void {
    life.start(this);
  }
  stop(): Promise<void> {
    for (const t of this.lateTimers) clearTimeout(t);
    this.lateTimers.clear();
    return life.stop(this);
  }
  reboot(reason: BootReason): void {
    life.reboot(this, reason);
  }
  goOffline(): void {
    life.goOffline(this);
  }
  goOnline(): void {
    life.goOnline(this);
  }
  plugIn(evseId = 1, connectorId = 1): void {
    sut.plugIn(this, evseId, connectorId);
  }
  plugOut(evseId = 1, connectorId?: number): void {
    sut.plugOut(this, evseId, connectorId);
  }
  presentToken(token: IdToken, evseId?: number): void {
    sut.presentToken(this, token, evseId);
  }
  setParkingBay(evseId: number, occupied: boolean): void {
    sut.setParkingBay(this, evseId, occupied);
  }
  setState(state: StationStateName, evseId = 1, connectorId = 1): void {
    sut.setState(this, state, evseId, connectorId);
  }
  masterPassStop(target: number | 'all'): void {
    sut.selectMasterPassStop(this, target);
  }

  // ===== shared helpers for the areas =============================================================================

  evse(id: number): EvseState {
    const e = this.evses[id - 1];
    if (!e) throw new StationActionError(`no EVSE ${id} (this station has ${this.evses.length})`);
    return e;
  }

  connector(e: EvseState, id: number): ConnectorState {
    const c = e.connectors[id - 1];
    if (!c) throw new StationActionError(`EVSE ${e.id} has no connector ${id} (it has ${e.connectors.length})`);
    return c;
  }

  allConnectors(): Array<{ evse: EvseState; connector: ConnectorState }> {
    return this.evses.flatMap((evse) => evse.connectors.map((connector) => ({ evse, connector })));
  }

  /** Connected and Accepted: the CSMS can be asked. */
  online(): boolean {
    return this.conn !== undefined && this.bootState === 'Accepted';
  }

  /** The one gate for station-initiated CALLs: what the boot state allows. */
  mayCall(action: string, triggered: boolean): boolean {
    if (!this.conn || this.conn.closed) return false;
    if (action === 'BootNotification') return true;
    if (this.bootState === 'Accepted') return true;
    if (this.bootState === 'Pending') return triggered;
    return false;
  }

  /** Sends a CALL if allowed; resolves with the response payload or undefined (not sent / failed). */
  async callSafe(action: string, payload: Json, triggered = false): Promise<Json | undefined> {
    const conn = this.conn;
    if (!conn || !this.mayCall(action, triggered)) return undefined;
    try {
      return (await conn.call(action, payload)) as Json;
    } catch (e) {
      this.note(`${action} failed: ${errText(e)}`);
      return undefined;
    }
  }

  note(message: string): void {
    this.trace?.write({ kind: 'note', at: new Date().toISOString(), message: `[station ${this.identity}] ${message}` });
  }

  /** Runs `fn` after the current response went on the wire. */
  afterReply(fn: () => void): void {
    setImmediate(() => {
      if (this.running) fn();
    });
  }

  // ===== routing of CSMS requests ===================================================================================

  /** Installs every area's request handlers on a new connection. */
  registerHandlers(conn: OcppConnection): void {
    const owner = new Map<string, string>();
    for (const area of this.areas) {
      for (const [action, handler] of Object.entries(area.handlers ?? {})) {
        const first = owner.get(action);
        if (first) throw new Error(`station areas: ${action} is handled by ${first} and ${area.name}`);
        owner.set(action, area.name);
        conn.handle(action, (payload) =>
          this.serve(() => {
            checkCustomData(this, action, payload as Json);
            return handler(this, payload as Json);
          }),
        );
      }
    }
    if (this.faults.has('rpc.wrongCallErrorCode')) {
      conn.setDefaultHandler((_payload, frame) =>
        this.serve(() => {
          throw new OcppError('GenericError', `${(frame as CallFrame).action} not handled`);
        }),
      );
    }
  }

  /** Wraps every handler: boot-state rules and the RPC faults live here, once. */
  private async serve(fn: () => Json | Promise<Json>): Promise<unknown> {
    if (this.faults.has('rpc.neverAnswer')) return NO_REPLY;
    // The answer to our BootNotification and the CSMS's next request can arrive in one read; the answer settles our
    // boot state a microtask later. Let it, so a request right after a Rejected boot meets the Rejected state.
    if (this.bootState === 'Booting') await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.bootState === 'Rejected' && !this.faults.has('boot.answerWhileRejected')) throw new OcppError('SecurityError', 'the CSMS rejected this station\'s boot');
    let result = await fn();
    if (this.faults.has('rpc.schemaInvalidResponse')) result = { ...result, simulatorExtraField: true };
    if (!this.faults.has('rpc.lateAnswer')) return result;
    const answer = result;
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.lateTimers.delete(t);
        resolve(answer);
      }, this.timers.lateAnswerMs);
      this.lateTimers.add(t);
    });
  }

  // ===== snapshot / events ==========================================================================================

  onStateChange(listener: (s: StationSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    if (this.listeners.size === 0 || this.stateChangeQueued) return;
    this.stateChangeQueued = true;
    queueMicrotask(() => {
      this.stateChangeQueued = false;
      const snap = this.snapshot();
      for (const l of this.listeners) l(snap);
    });
  }

  snapshot(): StationSnapshot {
    const evses: EvseSnapshot[] = this.evses.map((e) => {
      const snap: EvseSnapshot = {
        evseId: e.id,
        operative: e.operative,
        parkingBayOccupied: e.bayOccupied,
        chargingState: chargingStateOf(this, e),
        connectors: e.connectors.map((c) => ({
          evseId: e.id,
          connectorId: c.id,
          status: connectorStatus(this, e, c),
          plugged: c.plugged,
          faulted: c.faulted,
          operative: c.operative,
        })),
      };
      if (e.auth) snap.authorized = e.auth.token;
      if (e.tx) {
        snap.transaction = { transactionId: e.tx.id, evseId: e.id, seqNo: e.tx.seqNo, chargingState: e.tx.chargingState, energyWh: e.meter.read() };
        if (e.tx.connectorId !== undefined) snap.transaction.connectorId = e.tx.connectorId;
        if (e.tx.idToken) snap.transaction.idToken = e.tx.idToken;
      }
      return snap;
    });
    const s: StationSnapshot = {
      identity: this.identity,
      ocppVersion: this.version,
      connected: this.conn !== undefined && !this.conn.closed,
      networkUp: this.networkUp,
      bootState: this.bootState,
      bootCount: this.bootCount,
      operative: this.stationOperative,
      queuedTransactionEvents: queuedCount(this),
      evses,
      faults: this.faults.list(),
    };
    if (this.lastBootReason) s.lastBootReason = this.lastBootReason;
    if (this.heartbeatMs !== undefined) s.heartbeatIntervalMs = this.heartbeatMs;
    if (this.pendingStationReset) s.pendingReset = 'station';
    else if (this.evses.some((e) => e.scheduledReset)) s.pendingReset = this.evses.filter((e) => e.scheduledReset).map((e) => e.id);
    return s;
  }
}
