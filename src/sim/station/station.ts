// The reference Charging Station: connection life cycle, boot, heartbeat, connector status, transactions,
// device model requests, resets, availability, offline queueing. Faults are read through `this.faults.has(...)`,
// each at one place.

import { randomUUID } from 'node:crypto';
import { OcppConnection, NO_REPLY } from '../../rpc/connection.ts';
import { CallErrorResponse, CallTimeoutError, ConnectionClosedError, OcppError } from '../../rpc/errors.ts';
import { SUBPROTOCOL_OF, type CallFrame, type OcppVersion, type SendFrame } from '../../rpc/types.ts';
import type { TraceSink } from '../../report/trace-types.ts';
import { formatOcppDateTime } from '../../schema/datetime.ts';
import { connect, TransportError } from '../../transport/client.ts';
import { cleanComponent, cleanVariable, paginate, type AttributeType, type ComponentRef, type DeviceModel, type ReportBase, type ReportDatum, type VariableRef } from './device-model.ts';
import { StationFaultSet } from './faults.ts';
import { EvseMeter, type MeterValue, type ReadingContext } from './meter.ts';
import { buildStationModel, TX_POINTS } from './station-model.ts';
import {
  StationActionError,
  type BootReason,
  type BootState,
  type ChargingState,
  type ConnectorStatus,
  type EvseSnapshot,
  type IdToken,
  type StationSimOptions,
  type StationSnapshot,
  type StationStateName,
  type StationTimers,
} from './types.ts';

type Json = Record<string, unknown>;

interface ConnectorState {
  id: number;
  plugged: boolean;
  faulted: boolean;
  unlockFailure: boolean;
  operative: boolean;
  /** Last status the CSMS was told (undefined: never told since boot). */
  reported?: ConnectorStatus;
}

interface Transaction {
  id: string;
  seqNo: number;
  connectorId?: number;
  idToken?: IdToken;
  remoteStartId?: number;
  remoteStartSent: boolean;
  evseSent: boolean;
  chargingState: ChargingState;
  startedAt: number;
  chargingMs: number;
  chargingSince?: number;
  meterTimer?: ReturnType<typeof setInterval>;
}

interface EvseState {
  id: number;
  connectors: ConnectorState[];
  operative: boolean;
  bayOccupied: boolean;
  evSuspended: boolean;
  evseSuspended: boolean;
  auth?: { token: IdToken; remoteStartId?: number; groupIdToken?: IdToken };
  /** Set when a session ended while the cable stayed in: plugging in again (or a new token) starts the next one. */
  sessionClosed: boolean;
  tx?: Transaction;
  meter: EvseMeter;
  evTimeout?: ReturnType<typeof setTimeout>;
  /** ChangeAvailability waiting for the transaction to end. */
  scheduledOperative?: boolean;
  scheduledReset?: 'Immediate' | 'OnIdle';
}

type Trigger =
  | 'CablePluggedIn'
  | 'Authorized'
  | 'RemoteStart'
  | 'EVDetected'
  | 'EVDeparted'
  | 'ChargingStateChanged'
  | 'StopAuthorized'
  | 'EVCommunicationLost'
  | 'RemoteStop'
  | 'ResetCommand'
  | 'Deauthorized'
  | 'EVConnectTimeout'
  | 'AbnormalCondition'
  | 'ChargingStateChangedOnly';

interface AuthCacheEntry {
  status: string;
  expires: number;
  groupIdToken?: IdToken;
}

const DEFAULT_TIMERS: Required<Pick<StationTimers, 'reconnectMs' | 'reconnectMaxMs' | 'rebootMs' | 'callTimeoutMs' | 'handshakeTimeoutMs' | 'lateAnswerMs'>> = {
  reconnectMs: 1000,
  reconnectMaxMs: 30_000,
  rebootMs: 100,
  callTimeoutMs: 30_000,
  handshakeTimeoutMs: 10_000,
  lateAnswerMs: 35_000,
};

function nowText(): string {
  return formatOcppDateTime(new Date());
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function normaliseEvses(evses: StationSimOptions['evses']): number[] {
  if (evses === undefined) return [1];
  if (typeof evses === 'number') {
    if (!Number.isInteger(evses) || evses < 1) throw new Error(`evses must be a positive integer, got ${evses}`);
    return Array.from({ length: evses }, () => 1);
  }
  if (evses.length === 0 || evses.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('evses must list at least one EVSE, each with at least one connector');
  return [...evses];
}

export class StationCore {
  readonly identity: string;
  readonly version: OcppVersion;
  readonly faults: StationFaultSet;
  readonly dm: DeviceModel;
  private readonly opts: StationSimOptions;
  private readonly timers: StationTimers & typeof DEFAULT_TIMERS;
  private readonly trace: TraceSink | undefined;
  private readonly evses: EvseState[];

  private conn: OcppConnection | undefined;
  private running = false;
  private networkUp = true;
  private connecting = false;
  private bootState: BootState = 'Down';
  private bootCount = 0;
  private nextBootReason: BootReason = 'PowerUp';
  private lastBootReason: BootReason | undefined;
  private heartbeatMs: number | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private bootRetryTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private rebootTimer: ReturnType<typeof setTimeout> | undefined;
  private reconnectDelay: number;
  private offlineSince: number | undefined;
  private stationOperative = true;
  private scheduledStationOperative: boolean | undefined;
  private pendingStationReset: 'OnIdle' | undefined;
  private readonly authCache = new Map<string, AuthCacheEntry>();
  private readonly txQueue: Array<{ payload: Json; attempts: number }> = [];
  private pumping = false;
  private readonly drainWaiters: Array<() => void> = [];
  private txRetryTimer: ReturnType<typeof setTimeout> | undefined;
  private eventId = 1;
  private readonly pendingSecurityEvents: Array<{ type: string; timestamp: string; techInfo?: string }> = [];
  private readonly networkProfiles = new Map<number, Json>();
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
        txUpdatedIntervalS: 60,
        itemsPerMessage: { getReport: 20, getVariables: 32, setVariables: 32 },
        bytesPerMessage: { getReport: 65_000, getVariables: 65_000, setVariables: 65_000 },
      },
      {
        stationAvailability: () => this.aggregate(this.evses.flatMap((e) => e.connectors.map((c) => this.connectorStatus(e, c)))),
        evseAvailability: (id) => {
          const e = this.evse(id);
          return this.aggregate(e.connectors.map((c) => this.connectorStatus(e, c)));
        },
        connectorAvailability: (id, c) => this.connectorStatus(this.evse(id), this.connector(this.evse(id), c)),
        evseAvailable: (id) => this.evse(id).operative,
        connectorAvailable: (id, c) => this.connector(this.evse(id), c).operative,
        stationAvailable: () => this.stationOperative,
        now: nowText,
      },
    );
    for (const [key, value] of Object.entries(opts.variables ?? {})) {
      const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)(?:\[([^\]]+)\])?$/.exec(key);
      if (!m) throw new Error(`variable override "${key}" must look like Component.Variable or Component.Variable[Instance]`);
      const r = this.dm.set({ name: m[1] ?? '' }, m[3] ? { name: m[2] ?? '', instance: m[3] } : { name: m[2] ?? '' }, value);
      if (r.status !== 'Accepted' && r.status !== 'RebootRequired') {
        // ReadOnly values may still be preset by the operator of the simulator.
        if (r.status === 'Rejected' && r.reason === 'ReadOnly') this.dm.setInternal(m[1] ?? '', m[2] ?? '', value, m[3]);
        else throw new Error(`variable override ${key}=${value}: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
      }
    }
    this.dm.onChange((component, variable) => this.onVariableChanged(component, variable));
  }

  // ===== life cycle =============================================================================================

  start(): void {
    if (this.running) return;
    this.running = true;
    this.nextBootReason = 'PowerUp';
    this.connectNow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearAllTimers();
    for (const t of this.lateTimers) clearTimeout(t);
    this.lateTimers.clear();
    const conn = this.conn;
    this.conn = undefined;
    if (conn && !conn.closed) {
      await new Promise<void>((resolve) => {
        const done = setTimeout(resolve, 2000);
        conn.onClose(() => {
          clearTimeout(done);
          resolve();
        });
        conn.close(1000, 'station stopped');
      });
    }
    this.bootState = 'Down';
  }

  private clearAllTimers(): void {
    this.stopHeartbeat();
    clearTimeout(this.bootRetryTimer);
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.rebootTimer);
    clearTimeout(this.txRetryTimer);
    for (const e of this.evses) {
      clearTimeout(e.evTimeout);
      if (e.tx) clearInterval(e.tx.meterTimer);
    }
  }

  private connectNow(): void {
    if (!this.running || !this.networkUp || this.connecting || this.conn) return;
    this.connecting = true;
    if (this.bootState === 'Down') this.bootState = 'Connecting';
    void this.openConnection().finally(() => {
      this.connecting = false;
    });
  }

  private async openConnection(): Promise<void> {
    const sp = this.opts.securityProfile ?? 0;
    const subprotocols = this.faults.has('subprotocol.wrong') ? ['ocpp0.0-unknown'] : [SUBPROTOCOL_OF[this.version]];
    let socket;
    try {
      socket = await connect({
        url: this.opts.csmsUrl,
        identity: this.identity,
        subprotocols,
        securityProfile: sp,
        password: this.opts.password,
        tls: this.opts.tls,
        handshakeTimeoutMs: this.timers.handshakeTimeoutMs,
        trace: this.trace,
        misbehave: { wrongPassword: this.faults.has('auth.wrongPassword') },
      });
    } catch (e) {
      if (e instanceof TransportError && e.kind === 'http-status' && e.status === 401) {
        this.recordSecurityEvent('FailedToAuthenticateAtCsms', `HTTP 401 from ${this.opts.csmsUrl}`);
      }
      this.note(`connection to ${this.opts.csmsUrl} failed: ${errText(e)}`);
      this.scheduleReconnect();
      return;
    }
    if (!this.running || !this.networkUp) {
      socket.close(1000, 'station no longer wants this connection');
      return;
    }
    const conn = new OcppConnection(socket, {
      version: this.version,
      localRole: 'ChargingStation',
      trace: this.trace,
      callTimeoutMs: this.timers.callTimeoutMs,
      allowConcurrentCalls: this.faults.has('rpc.concurrentCall'),
    });
    this.conn = conn;
    this.reconnectDelay = this.timers.reconnectMs;
    this.registerHandlers(conn);
    conn.onClose((code, reason) => this.onConnectionClosed(conn, code, reason));
    this.changed();
    if (this.bootState === 'Accepted') {
      // Reconnected after a network loss: no new boot; report what changed and deliver the queue.
      const longOffline = this.offlineSince !== undefined && Date.now() - this.offlineSince > this.offlineThresholdMs();
      this.offlineSince = undefined;
      if (longOffline) for (const c of this.allConnectors()) c.connector.reported = undefined;
      this.startHeartbeat();
      this.reportStatusChanges();
      this.flushSecurityEvents();
      void this.pumpTx();
    } else {
      this.offlineSince = undefined;
      void this.boot();
    }
  }

  private onConnectionClosed(conn: OcppConnection, code: number, reason: string): void {
    if (this.conn !== conn) return;
    this.conn = undefined;
    this.stopHeartbeat();
    clearTimeout(this.bootRetryTimer);
    this.offlineSince ??= Date.now();
    if (this.bootState !== 'Accepted' && this.bootState !== 'Down') this.bootState = 'Connecting';
    this.note(`connection closed (${code}${reason ? ` ${reason}` : ''})`);
    this.changed();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || !this.networkUp || this.rebootTimer !== undefined) return;
    clearTimeout(this.reconnectTimer);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, this.timers.reconnectMaxMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connectNow();
    }, delay);
  }

  private offlineThresholdMs(): number {
    return this.timers.offlineThresholdMs ?? this.dm.int('OCPPCommCtrlr', 'OfflineThreshold') * 1000;
  }

  /** Power cycle / reset: drop the connection, forget volatile state, come back and boot with `reason`. */
  reboot(reason: BootReason): void {
    if (!this.running) throw new StationActionError('the station is stopped');
    this.clearAllTimers();
    this.pendingStationReset = undefined;
    for (const e of this.evses) {
      // A transaction still open here is lost (only possible under tx.noEndedOnReset).
      if (e.tx) clearInterval(e.tx.meterTimer);
      e.tx = undefined;
      e.auth = undefined;
      e.scheduledReset = undefined;
      e.evSuspended = false;
      e.evseSuspended = false;
      e.meter.setCharging(false);
      e.sessionClosed = e.connectors.some((c) => c.plugged);
      if (e.scheduledOperative !== undefined) e.operative = e.scheduledOperative;
      e.scheduledOperative = undefined;
      for (const c of e.connectors) c.reported = undefined;
    }
    if (this.scheduledStationOperative !== undefined) this.stationOperative = this.scheduledStationOperative;
    this.scheduledStationOperative = undefined;
    this.bootState = 'Down';
    this.nextBootReason = reason;
    const conn = this.conn;
    this.conn = undefined;
    if (conn && !conn.closed) conn.close(1000, 'station reboots');
    this.rebootTimer = setTimeout(() => {
      this.rebootTimer = undefined;
      this.reconnectDelay = this.timers.reconnectMs;
      this.connectNow();
    }, this.timers.rebootMs);
    this.changed();
  }

  goOffline(): void {
    this.networkUp = false;
    clearTimeout(this.reconnectTimer);
    const conn = this.conn;
    this.conn = undefined;
    this.stopHeartbeat();
    clearTimeout(this.bootRetryTimer);
    this.offlineSince ??= Date.now();
    if (this.bootState !== 'Accepted' && this.bootState !== 'Down') this.bootState = 'Connecting';
    if (conn && !conn.closed) conn.terminate();
    this.changed();
  }

  goOnline(): void {
    this.networkUp = true;
    this.reconnectDelay = this.timers.reconnectMs;
    this.connectNow();
    this.changed();
  }

  // ===== outgoing messages ======================================================================================

  /** The one gate for station-initiated CALLs: what the boot state allows. */
  private mayCall(action: string, triggered: boolean): boolean {
    if (!this.conn || this.conn.closed) return false;
    if (action === 'BootNotification') return true;
    if (this.bootState === 'Accepted') return true;
    if (this.bootState === 'Pending') return triggered;
    return false;
  }

  /** Sends a CALL if allowed; resolves with the response payload or undefined (not sent / failed). */
  private async callSafe(action: string, payload: Json, triggered = false): Promise<Json | undefined> {
    const conn = this.conn;
    if (!conn || !this.mayCall(action, triggered)) return undefined;
    try {
      return (await conn.call(action, payload)) as Json;
    } catch (e) {
      this.note(`${action} failed: ${errText(e)}`);
      return undefined;
    }
  }

  private note(message: string): void {
    this.trace?.write({ kind: 'note', at: new Date().toISOString(), message: `[station ${this.identity}] ${message}` });
  }

  // ----- boot ---------------------------------------------------------------------------------------------------

  private bootPayload(reason: BootReason): Json {
    const cs: Json = {
      model: this.opts.model ?? 'RefStation',
      vendorName: this.opts.vendorName ?? 'OpenConformance',
      serialNumber: this.opts.serialNumber ?? `SIM-${this.identity}`.slice(0, 25),
      firmwareVersion: this.opts.firmwareVersion ?? '1.0.0',
    };
    if (this.faults.has('boot.omitVendorName')) delete cs.vendorName;
    if (this.faults.has('boot.omitFirmwareVersion')) delete cs.firmwareVersion;
    return { reason: this.faults.has('boot.wrongReason') ? 'PowerUp' : reason, chargingStation: cs };
  }

  private async boot(reason: BootReason = this.nextBootReason): Promise<void> {
    const conn = this.conn;
    if (!conn) return;
    clearTimeout(this.bootRetryTimer);
    if (this.bootState !== 'Pending') this.bootState = 'Booting';
    this.changed();
    let res: Json;
    try {
      res = (await conn.call('BootNotification', this.bootPayload(reason))) as Json;
    } catch (e) {
      if (e instanceof ConnectionClosedError || this.conn !== conn) return;
      this.note(`BootNotification failed: ${errText(e)}`);
      this.scheduleBootRetry(this.timers.bootRetryMs ?? 30_000);
      return;
    }
    if (this.conn !== conn) return;
    const reported = String(res.status);
    const status = reported === 'Pending' && this.faults.has('boot.ignorePending') ? 'Accepted' : reported;
    const interval = typeof res.interval === 'number' ? res.interval : 0;
    if (status === 'Accepted') {
      this.bootState = 'Accepted';
      this.bootCount++;
      this.lastBootReason = reason;
      this.nextBootReason = 'PowerUp';
      if (interval > 0) this.dm.setInternal('OCPPCommCtrlr', 'HeartbeatInterval', String(interval));
      this.changed();
      this.afterAccepted(reason);
      return;
    }
    this.bootState = status === 'Pending' ? 'Pending' : 'Rejected';
    this.changed();
    if (status === 'Rejected' && this.faults.has('boot.noRetryAfterRejected')) return;
    let delay = this.timers.bootRetryMs ?? (interval > 0 ? interval * 1000 : 30_000);
    if (this.faults.has('boot.retryTooEarly')) delay = Math.floor(delay / 10);
    this.scheduleBootRetry(delay);
  }

  private scheduleBootRetry(delayMs: number): void {
    clearTimeout(this.bootRetryTimer);
    this.bootRetryTimer = setTimeout(() => {
      this.bootRetryTimer = undefined;
      void this.boot();
    }, delayMs);
  }

  private afterAccepted(reason: BootReason): void {
    if (this.faults.has('rpc.concurrentCall')) void this.callSafe('Heartbeat', {});
    this.startHeartbeat();
    for (const c of this.allConnectors()) c.connector.reported = undefined;
    this.reportStatusChanges();
    if (!this.faults.has('security.noStartupEvent')) {
      this.recordSecurityEvent(reason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot', `boot reason ${reason}`);
    }
    this.flushSecurityEvents();
    void this.pumpTx();
  }

  // ----- heartbeat ----------------------------------------------------------------------------------------------

  private startHeartbeat(): void {
    this.stopHeartbeat();
    if (this.faults.has('heartbeat.never')) return;
    const ms = this.timers.heartbeatMs ?? this.dm.int('OCPPCommCtrlr', 'HeartbeatInterval') * 1000;
    this.heartbeatMs = ms;
    if (ms <= 0) return;
    this.heartbeatTimer = setInterval(() => void this.callSafe('Heartbeat', {}), ms);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  // ----- security events ----------------------------------------------------------------------------------------

  private recordSecurityEvent(type: string, techInfo?: string): void {
    const ev: { type: string; timestamp: string; techInfo?: string } = { type, timestamp: nowText() };
    if (techInfo !== undefined) ev.techInfo = techInfo.slice(0, 255);
    this.pendingSecurityEvents.push(ev);
    if (this.pendingSecurityEvents.length > 50) this.pendingSecurityEvents.shift();
  }

  private flushSecurityEvents(): void {
    if (!this.mayCall('SecurityEventNotification', false)) return;
    const events = this.pendingSecurityEvents.splice(0);
    for (const ev of events) void this.callSafe('SecurityEventNotification', ev);
  }

  // ----- connector status ---------------------------------------------------------------------------------------

  private evse(id: number): EvseState {
    const e = this.evses[id - 1];
    if (!e) throw new StationActionError(`no EVSE ${id} (this station has ${this.evses.length})`);
    return e;
  }

  private connector(e: EvseState, id: number): ConnectorState {
    const c = e.connectors[id - 1];
    if (!c) throw new StationActionError(`EVSE ${e.id} has no connector ${id} (it has ${e.connectors.length})`);
    return c;
  }

  private allConnectors(): Array<{ evse: EvseState; connector: ConnectorState }> {
    return this.evses.flatMap((evse) => evse.connectors.map((connector) => ({ evse, connector })));
  }

  private connectorStatus(e: EvseState, c: ConnectorState): ConnectorStatus {
    if (c.faulted) return 'Faulted';
    const operative = this.stationOperative && e.operative && c.operative;
    if (!operative && !e.tx) return 'Unavailable';
    if (c.plugged) return 'Occupied';
    return 'Available';
  }

  private aggregate(statuses: ConnectorStatus[]): string {
    if (statuses.length > 0 && statuses.every((s) => s === 'Unavailable')) return 'Unavailable';
    if (statuses.length > 0 && statuses.every((s) => s === 'Faulted')) return 'Faulted';
    if (statuses.includes('Occupied')) return 'Occupied';
    return 'Available';
  }

  /** Tells the CSMS about every connector whose status differs from what it was last told. */
  private reportStatusChanges(triggered = false): void {
    if (!this.mayCall('StatusNotification', triggered)) return;
    const all = this.allConnectors();
    const last = all[all.length - 1];
    for (const { evse, connector } of all) {
      const status = this.connectorStatus(evse, connector);
      if (connector.reported === status) continue;
      connector.reported = status;
      if (this.faults.has('status.skipConnector') && last && connector === last.connector) continue;
      this.sendStatus(evse, connector, status, triggered);
    }
  }

  private sendStatus(evse: EvseState, connector: ConnectorStatusHolder, status: ConnectorStatus, triggered: boolean): void {
    const timestamp = nowText();
    void this.callSafe('StatusNotification', { timestamp, connectorStatus: status, evseId: evse.id, connectorId: connector.id }, triggered);
    if (this.faults.has('status.noNotifyEvent')) return;
    void this.callSafe(
      'NotifyEvent',
      {
        generatedAt: timestamp,
        seqNo: 0,
        tbc: false,
        eventData: [
          {
            eventId: this.eventId++,
            timestamp,
            trigger: 'Delta',
            actualValue: status,
            eventNotificationType: 'HardWiredNotification',
            component: { name: 'Connector', evse: { id: evse.id, connectorId: connector.id } },
            variable: { name: 'AvailabilityState' },
          },
        ],
      },
      triggered,
    );
  }

  // ===== transactions ===========================================================================================

  private startPoints(): string[] {
    return this.dm.list('TxCtrlr', 'TxStartPoint');
  }
  private stopPoints(): string[] {
    return this.dm.list('TxCtrlr', 'TxStopPoint');
  }

  private chargingStateOf(e: EvseState): ChargingState {
    const plugged = e.connectors.some((c) => c.plugged);
    if (!plugged) return 'Idle';
    const faulted = e.connectors.some((c) => c.faulted);
    const operative = this.stationOperative && e.operative;
    if (!e.auth || faulted || (!operative && !e.tx)) return 'EVConnected';
    if (e.evSuspended) return 'SuspendedEV';
    if (e.evseSuspended) return 'SuspendedEVSE';
    return 'Charging';
  }

  private pointHolds(e: EvseState, point: string, chargingState: ChargingState): boolean {
    const plugged = e.connectors.some((c) => c.plugged);
    switch (point) {
      case 'ParkingBayOccupancy':
        return e.bayOccupied;
      case 'EVConnected':
        return plugged;
      case 'Authorized':
        return e.auth !== undefined;
      case 'DataSigned':
      case 'PowerPathClosed':
        return plugged && e.auth !== undefined;
      case 'EnergyTransfer':
        return chargingState === 'Charging';
      default:
        return false;
    }
  }

  private pluggedConnectorId(e: EvseState): number | undefined {
    const plugged = e.connectors.find((c) => c.plugged);
    if (plugged) return plugged.id;
    return e.connectors.length === 1 ? 1 : undefined;
  }

  /**
   * Re-evaluates one EVSE after something happened to it (`trigger`): starts, updates or ends its transaction
   * according to TxStartPoint/TxStopPoint, then reports connector status changes.
   */
  private evaluate(e: EvseState, trigger: Trigger, extra: { stopToken?: IdToken; stoppedReason?: string } = {}): void {
    const chargingState = this.chargingStateOf(e);
    e.meter.setCharging(chargingState === 'Charging');
    const tx = e.tx;
    if (!tx) {
      const start = this.startPoints().some((p) => {
        if (e.sessionClosed && (p === 'EVConnected' || p === 'ParkingBayOccupancy')) return false;
        return this.pointHolds(e, p, chargingState);
      });
      if (start && trigger !== 'StopAuthorized' && trigger !== 'EVCommunicationLost' && trigger !== 'EVDeparted') {
        this.startTransaction(e, trigger, chargingState);
      }
      this.afterEvseChange(e);
      return;
    }
    const previous = tx.chargingState;
    tx.chargingState = chargingState;
    this.trackChargingTime(tx, chargingState);
    const stop = this.stopPoints().some((p) => !this.pointHolds(e, p, chargingState));
    if (stop) {
      const reason = extra.stoppedReason ?? this.stoppedReasonFor(trigger);
      this.endTransaction(e, trigger, reason, extra.stopToken);
      this.afterEvseChange(e);
      return;
    }
    if (trigger === 'ChargingStateChangedOnly' && previous === chargingState) {
      this.afterEvseChange(e);
      return;
    }
    const payload = this.txEvent(e, 'Updated', trigger === 'ChargingStateChangedOnly' ? 'ChargingStateChanged' : trigger);
    if ((trigger === 'Authorized' || trigger === 'RemoteStart') && e.auth) {
      payload.idToken = e.auth.token;
      tx.idToken = e.auth.token;
    }
    if (trigger === 'StopAuthorized' && extra.stopToken) payload.idToken = extra.stopToken;
    this.queueTx(payload);
    this.afterEvseChange(e);
  }

  private trackChargingTime(tx: Transaction, state: ChargingState): void {
    const now = Date.now();
    if (tx.chargingSince !== undefined) {
      tx.chargingMs += now - tx.chargingSince;
      tx.chargingSince = undefined;
    }
    if (state === 'Charging') tx.chargingSince = now;
  }

  private stoppedReasonFor(trigger: Trigger): string {
    switch (trigger) {
      case 'EVCommunicationLost':
      case 'CablePluggedIn':
        return 'EVDisconnected';
      case 'StopAuthorized':
        return 'Local';
      case 'RemoteStop':
        return 'Remote';
      case 'ResetCommand':
        return 'ImmediateReset';
      case 'Deauthorized':
        return 'DeAuthorized';
      case 'EVConnectTimeout':
        return 'Timeout';
      case 'EVDeparted':
        return 'EVDisconnected';
      case 'AbnormalCondition':
        return 'Other';
      default:
        return 'Local';
    }
  }

  private startTransaction(e: EvseState, trigger: Trigger, chargingState: ChargingState): void {
    const tx: Transaction = {
      id: randomUUID(),
      seqNo: 0,
      connectorId: this.pluggedConnectorId(e),
      remoteStartId: e.auth?.remoteStartId,
      remoteStartSent: false,
      evseSent: false,
      chargingState,
      startedAt: Date.now(),
      chargingMs: 0,
    };
    e.tx = tx;
    this.trackChargingTime(tx, chargingState);
    const startTrigger = trigger === 'ChargingStateChangedOnly' ? 'ChargingStateChanged' : trigger;
    const payload = this.txEvent(e, 'Started', startTrigger, 'Transaction.Begin');
    if (e.auth) {
      payload.idToken = e.auth.token;
      tx.idToken = e.auth.token;
    }
    this.queueTx(payload);
    this.startMeterTimer(e);
  }

  private startMeterTimer(e: EvseState): void {
    const tx = e.tx;
    if (!tx) return;
    const ms = this.timers.meterSampleMs ?? this.dm.int('SampledDataCtrlr', 'TxUpdatedInterval') * 1000;
    if (ms <= 0) return;
    tx.meterTimer = setInterval(() => {
      if (e.tx !== tx) return;
      this.queueTx(this.txEvent(e, 'Updated', 'MeterValuePeriodic', 'Sample.Periodic'));
    }, ms);
  }

  private endTransaction(e: EvseState, trigger: Trigger, stoppedReason: string, stopToken?: IdToken): void {
    const tx = e.tx;
    if (!tx) return;
    clearInterval(tx.meterTimer);
    tx.chargingState = this.chargingStateOf(e);
    this.trackChargingTime(tx, 'Idle');
    const payload = this.txEvent(e, 'Ended', trigger, 'Transaction.End');
    (payload.transactionInfo as Json).stoppedReason = stoppedReason;
    if (stopToken) payload.idToken = stopToken;
    this.queueTx(payload);
    e.tx = undefined;
    e.auth = undefined;
    clearTimeout(e.evTimeout);
    if (e.connectors.some((c) => c.plugged) || e.bayOccupied) e.sessionClosed = true;
    this.onTransactionEnded(e);
  }

  /** Builds a TransactionEvent for the EVSE's transaction and advances its seqNo. */
  private txEvent(e: EvseState, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, context: ReadingContext = 'Sample.Periodic'): Json {
    const tx = e.tx;
    if (!tx) throw new Error('txEvent without a transaction');
    const info: Json = { transactionId: tx.id, chargingState: tx.chargingState };
    if (eventType !== 'Started') info.timeSpentCharging = Math.floor((tx.chargingMs + (tx.chargingSince !== undefined ? Date.now() - tx.chargingSince : 0)) / 1000);
    if (tx.remoteStartId === undefined && e.auth?.remoteStartId !== undefined) tx.remoteStartId = e.auth.remoteStartId;
    if (tx.remoteStartId !== undefined && !tx.remoteStartSent) {
      info.remoteStartId = tx.remoteStartId;
      tx.remoteStartSent = true;
    }
    const payload: Json = {
      eventType,
      timestamp: nowText(),
      triggerReason: this.faults.has('tx.wrongTriggerReason') ? 'Trigger' : trigger,
      seqNo: tx.seqNo,
      transactionInfo: info,
    };
    tx.seqNo += eventType === 'Started' && this.faults.has('tx.seqNoGap') ? 2 : 1;
    const connectorId = tx.connectorId ?? this.pluggedConnectorId(e);
    if (!tx.evseSent || (tx.connectorId === undefined && connectorId !== undefined)) {
      payload.evse = connectorId !== undefined ? { id: e.id, connectorId } : { id: e.id };
      tx.connectorId = connectorId;
      tx.evseSent = true;
    }
    const measurandVar = eventType === 'Started' ? 'TxStartedMeasurands' : eventType === 'Ended' ? 'TxEndedMeasurands' : 'TxUpdatedMeasurands';
    const wantsMeter = eventType !== 'Updated' || trigger === 'MeterValuePeriodic' || trigger === 'Trigger';
    if (wantsMeter) payload.meterValue = [e.meter.sample(this.dm.list('SampledDataCtrlr', measurandVar), context) satisfies MeterValue];
    if (!this.conn || this.bootState !== 'Accepted') payload.offline = true;
    return payload;
  }

  private queueTx(payload: Json): void {
    this.txQueue.push({ payload, attempts: 0 });
    void this.pumpTx();
    this.changed();
  }

  /** Delivers queued TransactionEvents in order, one at a time, while connected and accepted. */
  private async pumpTx(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.txQueue.length > 0 && this.conn && this.mayCall('TransactionEvent', false)) {
        const item = this.txQueue[0];
        if (!item) break;
        const conn = this.conn;
        item.attempts++;
        try {
          const res = (await conn.call('TransactionEvent', item.payload)) as Json;
          this.txQueue.shift();
          this.onTxResponse(item.payload, res);
        } catch (e) {
          if (e instanceof ConnectionClosedError || this.conn !== conn) break;
          const maxAttempts = Math.max(1, this.dm.int('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent'));
          if (e instanceof CallErrorResponse || e instanceof CallTimeoutError) {
            if (item.attempts >= maxAttempts) {
              this.note(`TransactionEvent seqNo ${String(item.payload.seqNo)} dropped after ${item.attempts} attempts: ${errText(e)}`);
              this.txQueue.shift();
              continue;
            }
            const delay = this.timers.txRetryMs ?? this.dm.int('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent') * 1000 * item.attempts;
            clearTimeout(this.txRetryTimer);
            this.txRetryTimer = setTimeout(() => void this.pumpTx(), delay);
            break;
          }
          this.note(`TransactionEvent failed: ${errText(e)}`);
          this.txQueue.shift();
        }
      }
    } finally {
      this.pumping = false;
      this.changed();
      this.fireDrainWaiters();
    }
  }

  private onTxResponse(sent: Json, res: Json): void {
    const info = res.idTokenInfo as { status?: string } | undefined;
    const token = sent.idToken as IdToken | undefined;
    if (!info || !token) return;
    this.cacheToken(token, info.status ?? 'Invalid');
    if (info.status === 'Accepted') return;
    // The CSMS refused the token of a running transaction.
    const txId = (sent.transactionInfo as Json).transactionId;
    const e = this.evses.find((x) => x.tx?.id === txId);
    if (e?.tx && this.dm.bool('TxCtrlr', 'StopTxOnInvalidId')) {
      e.auth = undefined;
      this.endTransaction(e, 'Deauthorized', 'DeAuthorized');
      this.afterEvseChange(e);
    }
  }

  private onTransactionEnded(e: EvseState): void {
    if (e.scheduledOperative !== undefined) {
      e.operative = e.scheduledOperative;
      e.scheduledOperative = undefined;
    }
    if (e.scheduledReset) e.scheduledReset = undefined;
    const anyTx = this.evses.some((x) => x.tx);
    if (!anyTx && this.scheduledStationOperative !== undefined) {
      this.stationOperative = this.scheduledStationOperative;
      this.scheduledStationOperative = undefined;
    }
    if (!anyTx && this.pendingStationReset === 'OnIdle') {
      this.pendingStationReset = undefined;
      this.afterQueueDrained(() => this.rebootForReset('ScheduledReset'));
    }
  }

  /**
   * Runs `fn` once the TransactionEvent queue has gone as far as it can: everything delivered, or delivery blocked
   * (offline, or waiting to retry). What is left stays queued for after the reboot.
   */
  private afterQueueDrained(fn: () => void): void {
    this.drainWaiters.push(fn);
    setImmediate(() => {
      if (!this.pumping) this.fireDrainWaiters();
    });
  }

  private fireDrainWaiters(): void {
    const waiters = this.drainWaiters.splice(0);
    for (const w of waiters) if (this.running) w();
  }

  private rebootForReset(reason: BootReason): void {
    if (this.faults.has('reset.noReboot')) return;
    this.reboot(reason);
  }

  private afterEvseChange(e: EvseState): void {
    void e;
    this.reportStatusChanges();
    this.changed();
  }

  // ----- authorization ------------------------------------------------------------------------------------------

  private cacheToken(token: IdToken, status: string, groupIdToken?: IdToken): void {
    if (!this.dm.bool('AuthCacheCtrlr', 'Enabled')) return;
    const entry: AuthCacheEntry = { status, expires: Date.now() + this.dm.int('AuthCacheCtrlr', 'LifeTime') * 1000 };
    if (groupIdToken) entry.groupIdToken = groupIdToken;
    this.authCache.set(`${token.type}:${token.idToken}`, entry);
  }

  private cached(token: IdToken): AuthCacheEntry | undefined {
    const entry = this.authCache.get(`${token.type}:${token.idToken}`);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.authCache.delete(`${token.type}:${token.idToken}`);
      return undefined;
    }
    return entry;
  }

  private online(): boolean {
    return this.conn !== undefined && this.bootState === 'Accepted';
  }

  /** Asks the CSMS (or the cache when offline) about a token. */
  private async authorizeToken(token: IdToken): Promise<{ status: string; groupIdToken?: IdToken }> {
    const hit = this.cached(token);
    if (this.online()) {
      if (hit?.status === 'Accepted' && this.dm.bool('AuthCtrlr', 'LocalPreAuthorize')) return { status: 'Accepted', groupIdToken: hit.groupIdToken };
      const res = await this.callSafe('Authorize', { idToken: token });
      if (res) {
        const info = (res.idTokenInfo ?? {}) as { status?: string; groupIdToken?: IdToken };
        const status = info.status ?? 'Invalid';
        this.cacheToken(token, status, info.groupIdToken);
        return { status, groupIdToken: info.groupIdToken };
      }
    }
    if (hit?.status === 'Accepted' && this.dm.bool('AuthCtrlr', 'LocalAuthorizeOffline')) return { status: 'Accepted', groupIdToken: hit.groupIdToken };
    if (!hit && this.dm.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled')) return { status: 'Accepted' };
    return { status: hit?.status ?? 'Invalid' };
  }

  private armEvConnectionTimeout(e: EvseState): void {
    clearTimeout(e.evTimeout);
    if (e.connectors.some((c) => c.plugged)) return;
    const ms = this.timers.evConnectionTimeoutMs ?? this.dm.int('TxCtrlr', 'EVConnectionTimeOut') * 1000;
    if (ms <= 0) return;
    e.evTimeout = setTimeout(() => {
      if (!e.auth || e.connectors.some((c) => c.plugged)) return;
      e.auth = undefined;
      if (e.tx) this.endTransaction(e, 'EVConnectTimeout', 'Timeout');
      this.afterEvseChange(e);
    }, ms);
  }

  // ===== SUT actions ============================================================================================

  plugIn(evseId = 1, connectorId = 1): void {
    const e = this.evse(evseId);
    const c = this.connector(e, connectorId);
    if (c.plugged) throw new StationActionError(`connector ${evseId}/${connectorId} is already plugged in`);
    if (e.connectors.some((x) => x.plugged)) throw new StationActionError(`EVSE ${evseId} already has a cable plugged in on another connector`);
    c.plugged = true;
    clearTimeout(e.evTimeout);
    if (e.tx && e.tx.connectorId === undefined) e.tx.connectorId = connectorId;
    this.evaluate(e, 'CablePluggedIn');
  }

  plugOut(evseId = 1, connectorId?: number): void {
    const e = this.evse(evseId);
    const c = connectorId !== undefined ? this.connector(e, connectorId) : e.connectors.find((x) => x.plugged);
    if (!c?.plugged) throw new StationActionError(`no cable is plugged in at EVSE ${evseId}${connectorId !== undefined ? ` connector ${connectorId}` : ''}`);
    c.plugged = false;
    c.unlockFailure = false;
    e.evSuspended = false;
    e.sessionClosed = false;
    // The EV left: with StopTxOnEVSideDisconnect the session's authorization ends with it; TxStopPoint decides
    // whether the transaction ends now or goes on (e.g. until the parking bay is free).
    if (this.dm.bool('TxCtrlr', 'StopTxOnEVSideDisconnect') || !e.tx) e.auth = undefined;
    this.evaluate(e, 'EVCommunicationLost');
  }

  /** A driver presents a token at an EVSE (default: the EVSE with a cable in, else the first free one). */
  presentToken(token: IdToken, evseId?: number): void {
    if (token.idToken.length === 0 || token.idToken.length > 36) throw new StationActionError('idToken must have 1 to 36 characters');
    const e =
      evseId !== undefined
        ? this.evse(evseId)
        : (this.evses.find((x) => x.tx?.idToken?.idToken === token.idToken) ??
          this.evses.find((x) => x.connectors.some((c) => c.plugged) && !x.auth) ??
          this.evses.find((x) => !x.auth && !x.tx) ??
          this.evses[0]);
    if (!e) throw new StationActionError('no EVSE to present the token at');
    // Same token again during a transaction: the driver wants to stop.
    if (e.auth && e.auth.token.idToken === token.idToken) {
      e.auth = undefined;
      this.evaluate(e, 'StopAuthorized', { stopToken: token, stoppedReason: 'Local' });
      return;
    }
    if (e.auth) throw new StationActionError(`EVSE ${e.id} is already authorized for another token`);
    if (!this.stationOperative || !e.operative) throw new StationActionError(`EVSE ${e.id} is Unavailable`);
    void this.authorizeToken(token).then((r) => {
      if (!this.running) return;
      if (r.status !== 'Accepted') {
        this.note(`token ${token.idToken} not accepted (${r.status})`);
        if (e.tx && !e.auth && this.dm.bool('TxCtrlr', 'StopTxOnInvalidId')) {
          this.endTransaction(e, 'Deauthorized', 'DeAuthorized');
          this.afterEvseChange(e);
        }
        return;
      }
      if (e.auth) return;
      e.auth = r.groupIdToken ? { token, groupIdToken: r.groupIdToken } : { token };
      e.sessionClosed = false;
      this.armEvConnectionTimeout(e);
      this.evaluate(e, 'Authorized');
    });
  }

  setParkingBay(evseId: number, occupied: boolean): void {
    const e = this.evse(evseId);
    if (e.bayOccupied === occupied) throw new StationActionError(`parking bay of EVSE ${evseId} is already ${occupied ? 'occupied' : 'free'}`);
    e.bayOccupied = occupied;
    if (!occupied && !e.connectors.some((c) => c.plugged)) e.sessionClosed = false;
    this.evaluate(e, occupied ? 'EVDetected' : 'EVDeparted');
  }

  setState(state: StationStateName, evseId = 1, connectorId = 1): void {
    const e = this.evse(evseId);
    const c = this.connector(e, connectorId);
    switch (state) {
      case 'plugged-in':
        this.plugIn(evseId, connectorId);
        return;
      case 'plugged-out':
        this.plugOut(evseId, connectorId);
        return;
      case 'faulted':
        c.faulted = true;
        if (e.tx) {
          e.auth = undefined;
          this.endTransaction(e, 'AbnormalCondition', 'Other');
          this.afterEvseChange(e);
          return;
        }
        this.evaluate(e, 'AbnormalCondition');
        return;
      case 'available':
        c.faulted = false;
        c.unlockFailure = false;
        e.evSuspended = false;
        e.evseSuspended = false;
        this.evaluate(e, 'ChargingStateChangedOnly');
        return;
      case 'unlockfailure':
        c.unlockFailure = true;
        this.changed();
        return;
      case 'suspendedEV':
        e.evSuspended = true;
        this.evaluate(e, 'ChargingStateChangedOnly');
        return;
      case 'suspendedEVSE':
        e.evseSuspended = true;
        this.evaluate(e, 'ChargingStateChangedOnly');
        return;
      case 'charging':
        e.evSuspended = false;
        e.evseSuspended = false;
        this.evaluate(e, 'ChargingStateChangedOnly');
        return;
    }
  }

  // ===== incoming requests ======================================================================================

  private registerHandlers(conn: OcppConnection): void {
    const on = (action: string, fn: (payload: Json, frame: CallFrame | SendFrame) => Json | Promise<Json>): void => {
      conn.handle(action, (payload, frame) => this.serve(action, () => fn(payload as Json, frame)));
    };
    on('GetVariables', (p) => this.onGetVariables(p));
    on('SetVariables', (p) => this.onSetVariables(p));
    on('GetBaseReport', (p) => this.onGetBaseReport(p));
    on('GetReport', (p) => this.onGetReport(p));
    on('Reset', (p) => this.onReset(p));
    on('RequestStartTransaction', (p) => this.onRequestStart(p));
    on('RequestStopTransaction', (p) => this.onRequestStop(p));
    on('TriggerMessage', (p) => this.onTriggerMessage(p));
    on('ChangeAvailability', (p) => this.onChangeAvailability(p));
    on('SetNetworkProfile', (p) => this.onSetNetworkProfile(p));
    on('ClearCache', () => {
      this.authCache.clear();
      return { status: 'Accepted' };
    });
    on('UnlockConnector', (p) => this.onUnlockConnector(p));
    on('GetTransactionStatus', (p) => this.onGetTransactionStatus(p));
    on('DataTransfer', () => ({ status: 'UnknownVendorId' }));
    if (this.faults.has('rpc.wrongCallErrorCode')) {
      conn.setDefaultHandler((_payload, frame) => this.serve((frame as CallFrame).action, () => {
        throw new OcppError('GenericError', 'not handled');
      }));
    }
  }

  /** Wraps every handler: boot-state rules and the RPC faults live here, once. */
  private async serve(action: string, fn: () => Json | Promise<Json>): Promise<unknown> {
    if (this.faults.has('rpc.neverAnswer')) return NO_REPLY;
    if (this.bootState === 'Rejected') throw new OcppError('SecurityError', 'the CSMS rejected this station\'s boot');
    let result = await fn();
    if (this.faults.has('rpc.schemaInvalidResponse')) result = { ...result, simulatorExtraField: true };
    if (this.faults.has('rpc.lateAnswer')) {
      const answer = result;
      return new Promise((resolve) => {
        const t = setTimeout(() => {
          this.lateTimers.delete(t);
          resolve(answer);
        }, this.timers.lateAnswerMs);
        this.lateTimers.add(t);
      });
    }
    void action;
    return result;
  }

  /** Runs `fn` after the current response went on the wire. */
  private afterReply(fn: () => void): void {
    setImmediate(() => {
      if (this.running) fn();
    });
  }

  // ----- device model -------------------------------------------------------------------------------------------

  private checkLimits(kind: 'GetVariables' | 'SetVariables', items: unknown[], payload: Json): void {
    const maxItems = this.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', kind);
    if (items.length > maxItems) {
      throw new OcppError('OccurrenceConstraintViolation', `${items.length} items requested; ItemsPerMessage[${kind}] is ${maxItems}`);
    }
    const maxBytes = this.dm.int('DeviceDataCtrlr', 'BytesPerMessage', kind);
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    if (bytes > maxBytes) throw new OcppError('FormatViolation', `request is ${bytes} bytes; BytesPerMessage[${kind}] is ${maxBytes}`);
  }

  private onGetVariables(p: Json): Json {
    const items = (p.getVariableData ?? []) as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: AttributeType }>;
    this.checkLimits('GetVariables', items, p);
    const answered = this.faults.has('getvariables.onlyFirst') ? items.slice(0, 1) : items;
    const results = answered.map((item) => {
      let r = this.dm.get(item.component, item.variable, item.attributeType ?? 'Actual');
      if ((r.status === 'UnknownComponent' || r.status === 'UnknownVariable') && this.faults.has('getvariables.unknownAsAccepted')) r = { status: 'Accepted', value: '' };
      const out: Json = { attributeStatus: r.status, component: cleanComponent(item.component), variable: cleanVariable(item.variable) };
      if (!this.faults.has('getvariables.dropAttributeType')) out.attributeType = item.attributeType ?? 'Actual';
      if (r.value !== undefined) out.attributeValue = r.value.slice(0, this.dm.int('DeviceDataCtrlr', 'ReportingValueSize'));
      return out;
    });
    return { getVariableResult: results };
  }

  private onSetVariables(p: Json): Json {
    const items = (p.setVariableData ?? []) as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: AttributeType; attributeValue: string }>;
    this.checkLimits('SetVariables', items, p);
    const answered = this.faults.has('setvariables.onlyFirst') ? items.slice(0, 1) : items;
    const results = answered.map((item) => {
      let r = this.dm.set(item.component, item.variable, item.attributeValue, item.attributeType ?? 'Actual', {
        acceptReadOnly: this.faults.has('getvariables.acceptReadOnlyWrite'),
        doNotApply: this.faults.has('setvariables.notApplied'),
      });
      if ((r.status === 'UnknownComponent' || r.status === 'UnknownVariable') && this.faults.has('getvariables.unknownAsAccepted')) r = { status: 'Accepted' };
      if (r.status === 'Accepted' && this.faults.has('setvariables.rejectValid')) r = { status: 'Rejected', reason: 'fault' };
      const out: Json = {
        attributeType: item.attributeType ?? 'Actual',
        attributeStatus: r.status,
        component: cleanComponent(item.component),
        variable: cleanVariable(item.variable),
      };
      if (r.status === 'Rejected' && r.reason) {
        out.attributeStatusInfo = { reasonCode: r.reason === 'ReadOnly' ? 'ReadOnly' : 'InvalidValue', additionalInfo: r.reason.slice(0, 512) };
      }
      return out;
    });
    return { setVariableResult: results };
  }

  private onVariableChanged(component: ComponentRef, variable: VariableRef): void {
    if (component.name === 'OCPPCommCtrlr' && variable.name === 'HeartbeatInterval' && this.heartbeatTimer !== undefined) this.startHeartbeat();
  }

  private onGetBaseReport(p: Json): Json {
    const requestId = Number(p.requestId);
    const base = String(p.reportBase) as ReportBase;
    let data = this.dm.report(base, {
      includeReadOnlyInConfiguration: this.faults.has('report.readOnlyInConfiguration'),
      omitCharacteristics: this.faults.has('report.noCharacteristics'),
    });
    if (base === 'FullInventory' && this.faults.has('report.noInfrastructure')) {
      data = data.filter((d) => !['ChargingStation', 'EVSE', 'Connector'].includes(d.component.name));
    }
    if (data.length === 0) return { status: 'EmptyResultSet' };
    this.afterReply(() => void this.sendReport(requestId, data));
    return { status: 'Accepted' };
  }

  private onGetReport(p: Json): Json {
    const requestId = Number(p.requestId);
    const wanted = (p.componentVariable ?? []) as Array<{ component: ComponentRef; variable?: VariableRef }>;
    const criteria = (p.componentCriteria ?? []) as string[];
    if (criteria.some((c) => c !== 'Available' && c !== 'Active' && c !== 'Enabled' && c !== 'Problem')) return { status: 'NotSupported' };
    let data = this.dm.report('FullInventory', { omitCharacteristics: this.faults.has('report.noCharacteristics') });
    if (wanted.length > 0) {
      data = data.filter((d) =>
        wanted.some(
          (w) =>
            w.component.name === d.component.name &&
            (w.component.instance === undefined || w.component.instance === d.component.instance) &&
            (w.component.evse === undefined ||
              (w.component.evse.id === d.component.evse?.id && (w.component.evse.connectorId === undefined || w.component.evse.connectorId === d.component.evse.connectorId))) &&
            (w.variable === undefined || (w.variable.name === d.variable.name && (w.variable.instance === undefined || w.variable.instance === d.variable.instance))),
        ),
      );
    }
    if (criteria.includes('Problem')) data = [];
    if (data.length === 0) return { status: 'EmptyResultSet' };
    this.afterReply(() => void this.sendReport(requestId, data));
    return { status: 'Accepted' };
  }

  private async sendReport(requestId: number, data: ReportDatum[]): Promise<void> {
    if (this.faults.has('report.noNotifyReport')) return;
    const pages = paginate(data, this.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'), this.dm.int('DeviceDataCtrlr', 'BytesPerMessage', 'GetReport'));
    const generatedAt = nowText();
    const first = this.faults.has('report.wrongSeqNo') ? 1 : 0;
    for (let i = 0; i < pages.length; i++) {
      const page: Json = { requestId, generatedAt, seqNo: first + i, tbc: i < pages.length - 1, reportData: pages[i] };
      const res = await this.callSafe('NotifyReport', page, true);
      if (res === undefined) return;
    }
  }

  // ----- reset --------------------------------------------------------------------------------------------------

  private onReset(p: Json): Json {
    const type = String(p.type) as 'Immediate' | 'OnIdle';
    const evseId = typeof p.evseId === 'number' ? p.evseId : undefined;
    if (evseId !== undefined) return this.resetEvse(evseId, type);
    const withTx = this.evses.filter((e) => e.tx);
    if (type === 'OnIdle' && withTx.length > 0) {
      if (this.faults.has('reset.ignoreOnIdle')) {
        this.afterReply(() => this.immediateStationReset('ScheduledReset'));
        return { status: 'Scheduled' };
      }
      this.pendingStationReset = 'OnIdle';
      this.changed();
      return { status: 'Scheduled' };
    }
    this.afterReply(() => this.immediateStationReset('RemoteReset'));
    return { status: 'Accepted' };
  }

  private immediateStationReset(reason: BootReason): void {
    if (!this.faults.has('tx.noEndedOnReset')) {
      for (const e of this.evses) {
        if (!e.tx) continue;
        e.auth = undefined;
        this.endTransaction(e, 'ResetCommand', 'ImmediateReset');
      }
    }
    this.pendingStationReset = undefined;
    this.afterQueueDrained(() => this.rebootForReset(reason));
  }

  private resetEvse(evseId: number, type: 'Immediate' | 'OnIdle'): Json {
    const e = this.evses[evseId - 1];
    if (!e) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
    if (e.tx && type === 'OnIdle') {
      e.scheduledReset = 'OnIdle';
      return { status: 'Scheduled' };
    }
    this.afterReply(() => {
      if (e.tx && !this.faults.has('tx.noEndedOnReset')) {
        e.auth = undefined;
        this.endTransaction(e, 'ResetCommand', 'ImmediateReset');
      }
      // An EVSE reset leaves the connection up; the EVSE comes back and its connectors are reported again.
      for (const c of e.connectors) c.reported = undefined;
      this.afterEvseChange(e);
    });
    return { status: 'Accepted' };
  }

  // ----- remote start / stop ------------------------------------------------------------------------------------

  private onRequestStart(p: Json): Json {
    const token = p.idToken as IdToken;
    const remoteStartId = Number(p.remoteStartId);
    const accepting = this.bootState === 'Accepted' || (this.bootState === 'Pending' && this.faults.has('pending.acceptRemoteStart'));
    if (!accepting) return { status: 'Rejected', statusInfo: { reasonCode: 'CSNotAccepted' } };
    const requested = typeof p.evseId === 'number' ? p.evseId : undefined;
    const e = requested !== undefined ? this.evses[requested - 1] : this.evses.find((x) => !x.auth && (!x.tx || !x.tx.idToken) && x.operative);
    if (!e) return { status: 'Rejected', statusInfo: { reasonCode: requested !== undefined ? 'UnknownEvse' : 'NoEVSEAvailable' } };
    if (!this.stationOperative || !e.operative || e.connectors.every((c) => c.faulted)) return { status: 'Rejected', statusInfo: { reasonCode: 'UnavailableEvse' } };
    if (e.auth || e.tx?.idToken) return { status: 'Rejected', statusInfo: { reasonCode: 'TxInProgress' } };
    const res: Json = { status: 'Accepted' };
    if (e.tx) res.transactionId = e.tx.id;
    this.afterReply(() => void this.remoteStart(e, token, remoteStartId));
    return res;
  }

  private async remoteStart(e: EvseState, token: IdToken, remoteStartId: number): Promise<void> {
    if (this.dm.bool('AuthCtrlr', 'AuthorizeRemoteStart')) {
      const r = await this.authorizeToken(token);
      if (r.status !== 'Accepted') {
        this.note(`remote start token ${token.idToken} not accepted (${r.status})`);
        return;
      }
    }
    if (e.auth) return;
    e.auth = { token, remoteStartId };
    e.sessionClosed = false;
    this.armEvConnectionTimeout(e);
    this.evaluate(e, 'RemoteStart');
  }

  private onRequestStop(p: Json): Json {
    const id = String(p.transactionId);
    const e = this.evses.find((x) => x.tx?.id === id);
    if (!e) return { status: 'Rejected' };
    this.afterReply(() => {
      if (!e.tx || e.tx.id !== id) return;
      e.auth = undefined;
      this.endTransaction(e, 'RemoteStop', 'Remote');
      this.afterEvseChange(e);
    });
    return { status: 'Accepted' };
  }

  private onGetTransactionStatus(p: Json): Json {
    const id = typeof p.transactionId === 'string' ? p.transactionId : undefined;
    const queued = this.txQueue.filter((q) => id === undefined || (q.payload.transactionInfo as Json).transactionId === id).length;
    const res: Json = { messagesInQueue: queued > 0 };
    if (id !== undefined) res.ongoingIndicator = this.evses.some((e) => e.tx?.id === id);
    return res;
  }

  private onUnlockConnector(p: Json): Json {
    const e = this.evses[Number(p.evseId) - 1];
    const c = e?.connectors[Number(p.connectorId) - 1];
    if (!e || !c) return { status: 'UnknownConnector' };
    if (e.tx?.idToken) return { status: 'OngoingAuthorizedTransaction' };
    return { status: c.unlockFailure ? 'UnlockFailed' : 'Unlocked' };
  }

  // ----- trigger message ----------------------------------------------------------------------------------------

  private onTriggerMessage(p: Json): Json {
    const what = String(p.requestedMessage);
    const evseRef = p.evse as { id: number; connectorId?: number } | undefined;
    if (evseRef && (!this.evses[evseRef.id - 1] || (evseRef.connectorId !== undefined && !this.evses[evseRef.id - 1]?.connectors[evseRef.connectorId - 1]))) {
      return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
    }
    switch (what) {
      case 'BootNotification':
        if (this.bootState === 'Accepted') return { status: 'Rejected' };
        this.afterReply(() => void this.boot('Triggered'));
        return { status: 'Accepted' };
      case 'Heartbeat':
        this.afterReply(() => void this.callSafe('Heartbeat', {}, true));
        return { status: 'Accepted' };
      case 'StatusNotification':
        this.afterReply(() => {
          for (const { evse, connector } of this.allConnectors()) {
            if (evseRef && evse.id !== evseRef.id) continue;
            if (evseRef?.connectorId !== undefined && connector.id !== evseRef.connectorId) continue;
            const status = this.connectorStatus(evse, connector);
            connector.reported = status;
            void this.callSafe('StatusNotification', { timestamp: nowText(), connectorStatus: status, evseId: evse.id, connectorId: connector.id }, true);
          }
        });
        return { status: 'Accepted' };
      case 'MeterValues':
        this.afterReply(() => {
          for (const e of this.evses) {
            if (evseRef && e.id !== evseRef.id) continue;
            void this.callSafe('MeterValues', { evseId: e.id, meterValue: [e.meter.sample(this.dm.list('AlignedDataCtrlr', 'Measurands'), 'Trigger')] }, true);
          }
        });
        return { status: 'Accepted' };
      case 'TransactionEvent': {
        const targets = this.evses.filter((e) => e.tx && (!evseRef || e.id === evseRef.id));
        if (targets.length === 0) return { status: 'Rejected' };
        this.afterReply(() => {
          for (const e of targets) if (e.tx) this.queueTx(this.txEvent(e, 'Updated', 'Trigger', 'Trigger'));
        });
        return { status: 'Accepted' };
      }
      case 'LogStatusNotification':
        this.afterReply(() => void this.callSafe('LogStatusNotification', { status: 'Idle' }, true));
        return { status: 'Accepted' };
      case 'FirmwareStatusNotification':
        this.afterReply(() => void this.callSafe('FirmwareStatusNotification', { status: 'Idle' }, true));
        return { status: 'Accepted' };
      default:
        return { status: 'NotImplemented' };
    }
  }

  // ----- availability -------------------------------------------------------------------------------------------

  private onChangeAvailability(p: Json): Json {
    const operative = p.operationalStatus === 'Operative';
    const ref = p.evse as { id: number; connectorId?: number } | undefined;
    if (!ref || ref.id === 0) {
      if (this.evses.some((e) => e.tx) && !operative) {
        this.scheduledStationOperative = operative;
        return { status: 'Scheduled' };
      }
      this.stationOperative = operative;
      this.afterReply(() => this.afterAvailabilityChange());
      return { status: 'Accepted' };
    }
    const e = this.evses[ref.id - 1];
    if (!e) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
    if (ref.connectorId !== undefined) {
      const c = e.connectors[ref.connectorId - 1];
      if (!c) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownConnectorId' } };
      if (e.tx && !operative) return { status: 'Scheduled' };
      c.operative = operative;
    } else {
      if (e.tx && !operative) {
        e.scheduledOperative = operative;
        return { status: 'Scheduled' };
      }
      e.operative = operative;
    }
    this.afterReply(() => this.afterAvailabilityChange());
    return { status: 'Accepted' };
  }

  private afterAvailabilityChange(): void {
    this.reportStatusChanges();
    this.changed();
  }

  // ----- network profile ----------------------------------------------------------------------------------------

  private onSetNetworkProfile(p: Json): Json {
    const slot = Number(p.configurationSlot);
    const data = p.connectionData as Json;
    const sp = Number(data.securityProfile);
    const current = this.opts.securityProfile ?? 0;
    if (!Number.isInteger(slot) || slot < 0 || slot > 9) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidConfSlot' } };
    if (sp < current) return { status: 'Rejected', statusInfo: { reasonCode: 'NoSecurityDowngrade' } };
    const url = String(data.ocppCsmsUrl);
    if (!/^wss?:\/\//.test(url)) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidURL' } };
    if ((sp >= 2 && !url.startsWith('wss://')) || (sp <= 1 && url.startsWith('wss://'))) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidNetworkConf' } };
    this.networkProfiles.set(slot, data);
    return { status: 'Accepted' };
  }

  // ===== snapshot / events ======================================================================================

  onStateChange(listener: (s: StationSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
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
        chargingState: this.chargingStateOf(e),
        connectors: e.connectors.map((c) => ({
          evseId: e.id,
          connectorId: c.id,
          status: this.connectorStatus(e, c),
          plugged: c.plugged,
          faulted: c.faulted,
          operative: c.operative,
        })),
      };
      if (e.auth) snap.authorized = e.auth.token;
      if (e.tx) {
        snap.transaction = {
          transactionId: e.tx.id,
          evseId: e.id,
          seqNo: e.tx.seqNo,
          chargingState: e.tx.chargingState,
          energyWh: e.meter.read(),
        };
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
      queuedTransactionEvents: this.txQueue.length,
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

type ConnectorStatusHolder = { id: number };

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
