// The reference CSMS: accepts station connections, answers their requests (handlers.ts), sends requests on behalf
// of an operator, and keeps per-station state. Uses the RPC, schema, transport and PKI layers like any OCPP peer.
import { NO_REPLY, OcppConnection, OcppError, CallErrorResponse, CallTimeoutError, ConnectionClosedError } from '../../rpc/index.ts';
import type { CallFrame, SendFrame } from '../../rpc/index.ts';
import { VERSION_OF_SUBPROTOCOL } from '../../rpc/types.ts';
import type { OcppVersion } from '../../rpc/types.ts';
import { validatePayload } from '../../schema/index.ts';
import { startServer } from '../../transport/index.ts';
import type { RunningServer, ServerMisbehaviour, WireSocket } from '../../transport/index.ts';
import { TypedEmitter } from './events.ts';
import type { CsmsSimEvents } from './events.ts';
import { AREAS, areaHandlers } from './areas/index.ts';
import { transportTlsFaults } from './areas/security.ts';
import { fallbackAnswer, HANDLERS, SimCallError } from './handlers.ts';
import type { HandlerContext } from './handlers.ts';
import type { ResolvedOptions } from './options.ts';
import { applyOutgoingFaults, learnFromAnswer } from './outgoing.ts';
import { obj } from './json.ts';
import { StationRecord } from './state.ts';
import type { StationSnapshot } from './state.ts';

/** Answers the areas add to the core's (an area's handler takes precedence over the core's acknowledgement). */
const AREA_HANDLERS = areaHandlers();

type Json = Record<string, unknown>;

export type StationCallErrorKind = 'callerror' | 'timeout' | 'not-connected' | 'bad-request';

/** Why a request to a station did not produce an answer payload. */
export class StationCallError extends Error {
  constructor(
    readonly kind: StationCallErrorKind,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StationCallError';
  }
}

export interface CallStationOptions {
  timeoutMs?: number;
  /** 'operator' (default) is subject to operator.ignoreTrigger and payload checks; 'internal' is the CSMS's own logic. */
  origin?: 'operator' | 'internal';
}

interface Session {
  conn: OcppConnection;
  station: StationRecord;
  version: OcppVersion;
}

export class CsmsSimulator {
  readonly events = new TypedEmitter<CsmsSimEvents>();
  private readonly records = new Map<string, StationRecord>();
  private readonly sessions = new Map<string, Session>();
  private readonly passwordOverrides = new Map<string, string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private server?: RunningServer;
  private upgradeServer?: RunningServer;
  private stopped = false;
  private reportCounter = 0;

  constructor(readonly opts: ResolvedOptions) {}

  get url(): string {
    if (!this.server) throw new Error('the CSMS simulator is not started');
    return this.server.url;
  }

  async start(): Promise<void> {
    const { opts } = this;
    const f = opts.faults;
    const misbehave: ServerMisbehaviour = {};
    if (f.has('security.acceptWrongPassword')) misbehave.acceptAnyPassword = true;
    if (f.has('security.acceptForeignClientCert')) misbehave.skipCnCheck = true;
    if (f.has('security.acceptAnyClientCert')) misbehave.acceptAnyClientCert = true;
    if (f.has('subprotocol.chooseUnoffered')) misbehave.chooseSubprotocol = 'ocpp1.6';
    if (f.has('subprotocol.acceptWithoutMatch')) misbehave.noSubprotocol = true;
    if (f.has('subprotocol.refuseWithHttpError')) misbehave.refuseUnmatchedWithStatus = 400;
    if (f.has('security.ignoreBasicAuthUser')) misbehave.ignoreAuthUser = true;
    const tls = opts.tls ? { ...opts.tls, ...transportTlsFaults(f) } : undefined;
    const listen = (port: number, securityProfile: 0 | 1 | 2 | 3): Promise<RunningServer> =>
      startServer({
        host: opts.host,
        port,
        securityProfile,
        subprotocols: opts.subprotocols,
        subprotocolPreference: 'server',
        checkPassword: (identity, password) => this.admitsProfile(identity, securityProfile) && this.expectedPassword(identity) === password,
        ...(opts.stations ? { isKnownIdentity: (identity: string) => opts.stations?.has(identity) === true } : {}),
        ...(tls ? { tls } : {}),
        ...(opts.trace ? { trace: opts.trace } : {}),
        onConnection: (socket) => this.accept(socket, securityProfile),
        misbehave,
      });
    this.server = await listen(opts.port, opts.securityProfile);
    // With TLS material the CSMS can raise a station's security profile by one (SetNetworkProfile points here).
    const higher = opts.securityProfile + 1;
    if (tls && (higher === 2 || (higher === 3 && tls.caPem))) this.upgradeServer = await listen(0, higher as 2 | 3);
  }

  /** The endpoint for stations raised to the next security profile, when the CSMS offers one. */
  get upgradeUrl(): string | undefined {
    return this.upgradeServer?.url;
  }

  /** A station that moved to a higher security profile is not let in at a lower one any more (Basic Auth listeners). */
  private admitsProfile(identity: string, securityProfile: number): boolean {
    const raised = this.records.get(identity)?.securityProfile ?? 0;
    return securityProfile >= raised || this.opts.faults.has('security.keepAcceptingOldProfile');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([this.server?.close(), this.upgradeServer?.close()]);
  }

  // ----- state --------------------------------------------------------------------------------------------------

  record(identity: string): StationRecord {
    let r = this.records.get(identity);
    if (!r) {
      r = new StationRecord(identity);
      this.records.set(identity, r);
    }
    return r;
  }

  knownRecord(identity: string): StationRecord | undefined {
    return this.records.get(identity);
  }

  stations(): StationSnapshot[] {
    return [...this.records.values()].map((r) => r.snapshot());
  }

  expectedPassword(identity: string): string | undefined {
    return this.passwordOverrides.get(identity) ?? this.opts.passwords[identity] ?? this.opts.passwords['*'];
  }

  nextReportRequestId(): number {
    return ++this.reportCounter;
  }

  /** A timer that stop() clears. */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  // ----- connections --------------------------------------------------------------------------------------------

  private accept(socket: WireSocket, securityProfile: 0 | 1 | 2 | 3): void {
    const { opts } = this;
    const identity = socket.facts.identity;
    const firstVersion = VERSION_OF_SUBPROTOCOL[opts.subprotocols[0] ?? 'ocpp2.0.1'] ?? '2.0.1';
    const version = VERSION_OF_SUBPROTOCOL[socket.facts.chosenSubprotocol ?? ''] ?? firstVersion;
    const conn = new OcppConnection(socket, {
      version,
      localRole: 'CSMS',
      callTimeoutMs: opts.timers.callTimeoutMs,
      ...(opts.trace ? { trace: opts.trace } : {}),
    });
    const station = this.record(identity);
    const previous = this.sessions.get(identity);
    const session: Session = { conn, station, version };
    this.sessions.set(identity, session);
    if (previous) previous.conn.close(1000, 'replaced by a newer connection of the same station');
    station.connected = true;
    station.version = version;
    station.connectionId = socket.facts.connectionId;
    station.securityProfile = securityProfile;
    conn.setDefaultHandler((payload, frame) => this.dispatch(session, frame, payload));
    conn.onClose((code, reason) => {
      if (this.sessions.get(identity) !== session) return;
      this.sessions.delete(identity);
      station.connected = false;
      this.events.emit('disconnected', { identity, code, reason });
    });
    this.events.emit('connected', { identity, facts: socket.facts });
  }

  /** Pending/Rejected admission: undefined when the request may be handled. */
  private admission(station: StationRecord, action: string, payload: Json): SimCallError | undefined {
    if (action === 'BootNotification') return undefined;
    const f = this.opts.faults;
    if (station.bootStatus === 'Pending') {
      if (f.has('boot.pendingAcceptsOtherRequests')) return undefined;
      if (station.triggeredActions.has(action)) return undefined;
      if (action === 'NotifyReport' && typeof payload.requestId === 'number' && station.openReportRequests.has(payload.requestId)) return undefined;
      return new SimCallError('SecurityError', `${action} is not allowed while the station's registration is Pending`);
    }
    if (station.bootStatus === 'Rejected') {
      if (f.has('boot.rejectedAcceptsOtherRequests')) return undefined;
      return new SimCallError('SecurityError', `${action} is not allowed: the station's registration was Rejected`);
    }
    return undefined;
  }

  private async dispatch(session: Session, frame: CallFrame | SendFrame, raw: unknown): Promise<unknown> {
    const { station, version } = session;
    const identity = station.identity;
    const action = frame.action;
    const payload = raw !== null && typeof raw === 'object' ? (raw as Json) : {};
    const f = this.opts.faults;
    if (f.has('rpc.neverAnswer')) {
      this.events.emit('request', { identity, action, payload, noReply: true });
      return NO_REPLY;
    }
    const laterTasks: Array<() => Promise<void>> = [];
    const ctx: HandlerContext = {
      station,
      opts: this.opts,
      version,
      later: (fn) => laterTasks.push(fn),
      startPendingWork: () => laterTasks.push(() => this.runPendingWork(identity)),
      sendCertificate: (chainPem, certificateType) => laterTasks.push(() => this.sendCertificate(identity, chainPem, certificateType)),
      callStation: (a, p) => this.callStation(identity, a, p, { origin: 'internal' }),
    };
    let response: Json;
    try {
      const refusal = this.admission(station, action, payload);
      if (refusal) throw refusal;
      const handler = AREA_HANDLERS[action] ?? HANDLERS[action];
      if (handler) response = await handler(ctx, payload);
      else {
        const fallback = fallbackAnswer(version, action);
        if (!fallback) throw new SimCallError('NotSupported', `this CSMS does not handle ${action}`);
        station.note(action, payload);
        response = fallback;
      }
      for (const area of AREAS) if (area.answer) response = area.answer(ctx, action, payload, response);
    } catch (err) {
      if (!(err instanceof SimCallError)) throw err;
      // rpc.wrongCallErrorCode: the one place where our CALLERROR codes are replaced.
      const code = f.has('rpc.wrongCallErrorCode') ? (err.code === 'GenericError' ? 'InternalError' : 'GenericError') : err.code;
      if (f.has('rpc.lateAnswer')) await this.delay(this.opts.timers.lateAnswerMs);
      this.events.emit('request', { identity, action, payload, error: { code, description: err.description } });
      throw new OcppError(code, err.description);
    }
    if (f.has('rpc.schemaInvalidResponse')) response = { ...response, unexpectedProperty: true };
    if (f.has('rpc.lateAnswer')) await this.delay(this.opts.timers.lateAnswerMs);
    if (laterTasks.length > 0) {
      // setImmediate runs after the connection has written the answer (it does so in a microtask after we return).
      setImmediate(() => {
        for (const task of laterTasks) void task().catch(() => undefined);
      });
    }
    this.events.emit('request', { identity, action, payload, response });
    return response;
  }

  // ----- the CSMS's own initiatives -----------------------------------------------------------------------------

  private async runPendingWork(identity: string): Promise<void> {
    const station = this.record(identity);
    const { boot, faults } = this.opts;
    if (!faults.has('boot.pendingSendsNothing')) {
      const actions = boot.pendingActions ?? [
        {
          action: 'SetVariables',
          payload: {
            setVariableData: [
              { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: String(this.opts.heartbeatIntervalS) },
            ],
          },
        },
      ];
      for (const a of actions) {
        if (this.stopped) return;
        try {
          await this.callStation(identity, a.action, a.payload, { origin: 'internal' });
        } catch {
          // Recorded through the 'call' event; provisioning goes on.
        }
      }
    }
    station.pendingWorkDone = true;
    this.events.emit('pendingWorkDone', { identity });
    const rule = boot.pendingThenAccept;
    if (boot.triggerBootWhenReady && rule && !faults.has('boot.pendingNeverAccepts') && station.pendingSince !== undefined) {
      const wait = Math.max(0, station.pendingSince + rule.afterMs - Date.now());
      if (wait > 0) await this.delay(wait);
      if (this.stopped || station.bootStatus !== 'Pending') return;
      try {
        await this.callStation(identity, 'TriggerMessage', { requestedMessage: 'BootNotification' }, { origin: 'internal' });
      } catch {
        // The station will retry after the interval anyway.
      }
    }
  }

  private async sendCertificate(identity: string, chainPem: string, certificateType: string | undefined): Promise<void> {
    const payload: Json = { certificateChain: chainPem };
    if (certificateType !== undefined) payload.certificateType = certificateType;
    try {
      const res = (await this.callStation(identity, 'CertificateSigned', payload, { origin: 'internal' })) as Json;
      const accepted = res.status === 'Accepted';
      if (accepted) this.record(identity).certificatesSigned++;
      this.events.emit('certificateSent', { identity, accepted });
    } catch (err) {
      this.events.emit('certificateSent', { identity, accepted: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  // ----- requests to stations -----------------------------------------------------------------------------------

  private async sessionFor(identity: string): Promise<Session | undefined> {
    const s = this.sessions.get(identity);
    if (s || this.opts.reconnectGapMs <= 0) return s;
    try {
      await this.events.waitFor('connected', (e) => e.identity === identity, this.opts.reconnectGapMs);
    } catch {
      return undefined;
    }
    return this.sessions.get(identity);
  }

  /** Version the station is connected with, if connected. */
  versionOf(identity: string): OcppVersion | undefined {
    return this.sessions.get(identity)?.version;
  }

  async callStation(identity: string, action: string, payload: Json, options: CallStationOptions = {}): Promise<unknown> {
    const origin = options.origin ?? 'operator';
    const session = await this.sessionFor(identity);
    if (!session) throw new StationCallError('not-connected', `station "${identity}" is not connected`);
    const { station, conn, version } = session;
    if (origin === 'operator') {
      const problems = validatePayload(version, action, 'request', payload);
      if (problems.length > 0) {
        throw new StationCallError('bad-request', `${action} request is not valid OCPP ${version}: ${problems.map((p) => p.message).join('; ')}`, undefined, problems);
      }
      if (station.bootStatus === 'Rejected' && !(action === 'TriggerMessage' && payload.requestedMessage === 'BootNotification')) {
        throw new StationCallError('bad-request', `station "${identity}" was Rejected at boot; only TriggerMessage(BootNotification) may be sent to it`);
      }
      if (this.opts.faults.has('operator.ignoreTrigger')) {
        this.events.emit('call', { identity, action, payload, response: { status: 'Accepted' } });
        return { status: 'Accepted' };
      }
    }
    for (const area of AREAS) {
      // A request over a limit the station declared goes out in parts (each part is learnt from like any request).
      const split = origin === 'operator' ? area.split?.(station, action, payload, this.opts.faults) : undefined;
      if (!split || split.parts.length < 2) continue;
      const answers: Json[] = [];
      for (const part of split.parts) answers.push(obj(await this.callStation(identity, action, part, { ...options, origin: 'internal' })));
      return split.join(answers);
    }
    const wire = applyOutgoingFaults(this.opts.faults, action, payload, version);
    let response: unknown;
    try {
      response = await conn.call(action, wire, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : undefined);
    } catch (err) {
      const mapped = mapCallError(err);
      const error: CsmsSimEvents['call']['error'] = { kind: mapped.kind, description: mapped.message };
      if (mapped.code !== undefined) error.code = mapped.code;
      this.events.emit('call', { identity, action, payload: wire, error });
      throw mapped;
    }
    learnFromAnswer(station, action, wire, response, {
      faults: this.opts.faults,
      passwordChanged: (pw) => {
        if (!this.opts.faults.has('security.keepOldPasswordAfterChange')) this.passwordOverrides.set(identity, pw);
      },
    });
    const answer = response !== null && typeof response === 'object' ? (response as Json) : {};
    for (const area of AREAS) area.learn?.(station, action, wire, answer, this.opts.faults);
    this.events.emit('call', { identity, action, payload: wire, response });
    return response;
  }
}

function mapCallError(err: unknown): StationCallError {
  if (err instanceof StationCallError) return err;
  if (err instanceof CallErrorResponse) return new StationCallError('callerror', err.description || err.message, err.code, err.details);
  if (err instanceof CallTimeoutError) return new StationCallError('timeout', err.message);
  if (err instanceof ConnectionClosedError) return new StationCallError('not-connected', err.message);
  return new StationCallError('callerror', err instanceof Error ? err.message : String(err), 'InternalError');
}
