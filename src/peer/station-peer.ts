// The test system as Charging Station (SUT = CSMS): connects with the configured security profile, keeps a small
// station model, builds the requests a case sends (defaults from the model, fields from the case), and answers the
// CSMS's requests as the model says unless a step armed or holds the answer.
import { OcppError } from '../rpc/errors.ts';
import type { CallOutcome } from '../rpc/connection.ts';
import { SUBPROTOCOL_OF } from '../rpc/types.ts';
import { formatOcppDateTime, validatePayload } from '../schema/index.ts';
import { connect } from '../transport/client.ts';
import { explainConnectFailure } from '../transport/refusal-reason.ts';
import type { ClientMisbehaviour, ClientTlsOptions } from '../transport/client.ts';
import { TransportError } from '../transport/errors.ts';
import type { HandshakeFacts } from '../transport/types.ts';
import { ExpectationFailed, PreconditionFailed } from './errors.ts';
import { probeUpgrade } from './handshake-probe.ts';
import type { ProbeOutcome } from './handshake-probe.ts';
import type { InboxEntry } from './inbox.ts';
import { PeerBase } from './peer.ts';
import type { PeerBaseOptions, Reply, SentCall } from './peer.ts';
import { validToken } from './settings.ts';
import type { EngineSettings } from './settings.ts';
import { StationModel } from './station-model.ts';
import type { DmVariable, Mutability } from './station-model.ts';
import { letProtocolTimePass } from './protocol-time.ts';

export interface StationPeerOptions extends Omit<PeerBaseOptions, 'localRole'> {
  csmsUrl: string;
  identity: string;
  securityProfile: 0 | 1 | 2 | 3;
  password: string | null;
  tls?: ClientTlsOptions;
  settings: EngineSettings;
}

/** What the station presents to the CSMS; a CSMS under test may change it (password, network profile, certificate). */
export interface StationCredentials {
  basicAuthPassword?: string | null;
  securityProfile?: 0 | 1 | 2 | 3;
  /** Endpoint of the network profile the CSMS set (without the identity). */
  csmsUrl?: string;
  /** A client certificate the CSMS signed for the station (used at security profile 3). */
  clientCertificate?: { certPem: string; keyPem: string; chainPem?: string };
}

/** Where and how to connect instead of the current settings. */
export interface ConnectTarget {
  url: string;
  securityProfile: 0 | 1 | 2 | 3;
  password?: string | null;
}

export type ConnectOutcome = { ok: true; facts: HandshakeFacts } | { ok: false; error: TransportError };

type Json = Record<string, unknown>;

/** How long a teardown waits for the CSMS's close frame before it cuts the connection off. */
const CLOSE_ANSWER_MS = 2000;

export class StationPeer extends PeerBase {
  readonly settings: EngineSettings;
  readonly model: StationModel;
  private readonly opts: StationPeerOptions;
  private readonly followUps = new Set<Promise<unknown>>();
  /** Version of the local authorization list the CSMS last sent (0: none, as Part 2 D01 says). */
  private localListVersion = 0;
  /**
   * Station behaviour a case switches on (e.g. meter values a configured station attaches to its transaction events):
   * it may complete every request we build before it goes out.
   */
  completeRequest: ((action: string, payload: Json) => Json) | undefined;

  constructor(opts: StationPeerOptions) {
    super({ ...opts, localRole: 'ChargingStation' });
    this.opts = opts;
    this.settings = opts.settings;
    this.model = new StationModel(opts.settings);
    const identity = this.model.find('SecurityCtrlr', 'Identity');
    if (identity) identity.value = opts.identity;
    const sp = this.model.find('SecurityCtrlr', 'SecurityProfile');
    if (sp) sp.value = String(opts.securityProfile);
  }

  get identity(): string {
    return this.opts.identity;
  }

  /** The endpoint, security profile and password the station connects with now. */
  get endpoint(): ConnectTarget {
    return { url: this.opts.csmsUrl, securityProfile: this.opts.securityProfile, password: this.opts.password };
  }

  /** Whether TLS would work: a trust anchor for the CSMS's certificate, and a client certificate (security profile 3). */
  get tlsReadiness(): { trustAnchor: boolean; clientCertificate: boolean } {
    const t = this.opts.tls;
    return { trustAnchor: Boolean(t?.caPem), clientCertificate: Boolean(t?.certPem && t.keyPem) };
  }

  /** The configured CSMS root the station trusts, if any. */
  get trustAnchorPem(): string | undefined {
    return this.opts.tls?.caPem;
  }

  /** From now on the station presents this client certificate (one the CSMS signed for it) at security profile 3. */
  useClientCertificate(certPem: string, keyPem: string, chainPem?: string): void {
    this.opts.tls = { ...this.opts.tls, certPem, keyPem, ...(chainPem ? { chainPem } : {}) };
    this.changed.clientCertificate = { certPem, keyPem, ...(chainPem ? { chainPem } : {}) };
  }

  /** What the CSMS changed on this station during the scenario (carried forward to later cases of the run). */
  readonly changed: StationCredentials = {};

  /** The station stores a BasicAuthPassword the CSMS installed and uses it from its next connection on. */
  adoptPassword(password: string): void {
    this.opts.password = password;
    this.changed.basicAuthPassword = password;
  }

  /** The station connects as a network profile the CSMS set says (its endpoint and security profile) from now on. */
  adoptNetworkProfile(url: string, securityProfile: 0 | 1 | 2 | 3): void {
    this.opts.csmsUrl = url;
    this.opts.securityProfile = securityProfile;
    if (securityProfile === 3) this.opts.password = null;
    const model = this.model.find('SecurityCtrlr', 'SecurityProfile');
    if (model) model.value = String(securityProfile);
    this.changed.csmsUrl = url;
    this.changed.securityProfile = securityProfile;
  }

  /** Opens the connection (respecting the reconnect gap). Failing to reach the CSMS at all is a precondition problem. */
  async connect(): Promise<void> {
    const outcome = await this.tryConnect();
    if (!outcome.ok) {
      throw new PreconditionFailed(`could not connect to the CSMS at ${this.opts.csmsUrl} as ${this.opts.identity}: ${explainConnectFailure(outcome.error)}`);
    }
  }

  /**
   * One connection attempt; the transport's refusal is returned, not thrown (cases about the handshake judge it).
   * `target` connects elsewhere than configured: the endpoint and security profile of a network profile the CSMS set.
   */
  async tryConnect(misbehave?: ClientMisbehaviour, target?: ConnectTarget): Promise<ConnectOutcome> {
    await letProtocolTimePass(this.reconnectDelay(), 'the reconnect gap before connecting this identity again', (m) => this.note(m));
    const password = target && 'password' in target ? target.password : this.opts.password;
    try {
      const socket = await connect({
        url: target?.url ?? this.opts.csmsUrl,
        identity: this.opts.identity,
        subprotocols: [SUBPROTOCOL_OF[this.version]],
        securityProfile: target?.securityProfile ?? this.opts.securityProfile,
        ...(password !== null && password !== undefined ? { password } : {}),
        ...(this.opts.tls ? { tls: this.opts.tls } : {}),
        handshakeTimeoutMs: this.timing.connectMs,
        trace: this.trace,
        ...(misbehave ? { misbehave } : {}),
      });
      this.attach(socket);
      return { ok: true, facts: socket.facts };
    } catch (e) {
      if (e instanceof TransportError) return { ok: false, error: e };
      throw e;
    }
  }

  /** A hand-made upgrade offering exactly `offer`, watching for the server's close (handshake cases). */
  async probe(offer: string[]): Promise<ProbeOutcome> {
    await letProtocolTimePass(this.reconnectDelay(), 'the reconnect gap before connecting this identity again', (m) => this.note(m));
    const outcome = await probeUpgrade({
      url: this.opts.csmsUrl,
      identity: this.opts.identity,
      offer,
      password: this.opts.password ?? undefined,
      tls: this.opts.tls,
      watchMs: Math.min(this.timing.expectMs, 3000),
    });
    this.note(`handshake probe offering [${offer.join(', ')}]`, outcome);
    // The SUT has seen the end of the probe when it refused the upgrade or closed the connection itself.
    this.markClosed(outcome.kind === 'http-status' || (outcome.kind === 'upgraded' && outcome.closeCode !== undefined));
    return outcome;
  }

  /** Closes our connection (the station "reboots" or goes away); the next connect waits for the reconnect gap. */
  async disconnect(): Promise<void> {
    if (!this.connection || this.connection.closed) return;
    const closing = this.waitForClose(this.timing.connectMs, 'the connection to close');
    this.connection.close(1000, 'station restarting');
    await closing;
  }

  // ----- building what we send ----------------------------------------------------------------------------------------

  /** The request a case sends when it names only some fields: defaults from the station model. */
  template(action: string): Json {
    const now = formatOcppDateTime(new Date());
    const s = this.settings;
    switch (action) {
      case 'BootNotification':
        return { reason: 'PowerUp', chargingStation: { model: s.model, vendorName: s.vendorName } };
      case 'Heartbeat':
        return {};
      case 'StatusNotification':
        return { timestamp: now, connectorStatus: 'Available', evseId: s.evseId, connectorId: s.connectorId };
      case 'NotifyEvent':
        return this.availabilityEvent(s.evseId, s.connectorId, 'Available', now);
      case 'Authorize': {
        const t = validToken(s);
        return { idToken: { idToken: t.idToken, type: t.type } };
      }
      case 'SecurityEventNotification':
        return { type: 'StartupOfTheDevice', timestamp: now };
      case 'TransactionEvent': {
        const open = this.model.tx;
        const tx = open ?? this.model.ensureTransaction();
        const base: Json = {
          eventType: tx.started ? 'Updated' : 'Started',
          timestamp: now,
          triggerReason: 'Trigger',
          seqNo: tx.nextSeqNo,
          transactionInfo: { transactionId: tx.id, chargingState: tx.chargingState },
        };
        if (!tx.started) base.evse = { id: tx.evseId, connectorId: tx.connectorId };
        return base;
      }
      default:
        return {};
    }
  }

  /** Sends a request we built (template + the case's fields) and updates the model from what was sent. */
  sendRequest(action: string, payload: Json): SentCall {
    const complete = this.completeRequest ? this.completeRequest(action, payload) : payload;
    const call = this.sendCall(action, complete);
    this.observeOutgoing(action, complete);
    return call;
  }

  private observeOutgoing(action: string, p: Json): void {
    if (action === 'TransactionEvent') {
      const tx = this.model.ensureTransaction();
      const info = (p.transactionInfo ?? {}) as Json;
      if (typeof info.transactionId === 'string' && info.transactionId !== tx.id) tx.id = info.transactionId;
      tx.started = true;
      if (typeof p.seqNo === 'number') tx.nextSeqNo = p.seqNo + 1;
      if (typeof info.chargingState === 'string') tx.chargingState = info.chargingState;
      const tok = p.idToken as { idToken: string; type: string } | undefined;
      if (tok) tx.idToken = tok;
      if (p.eventType === 'Ended') this.model.tx = undefined;
    } else if (action === 'StatusNotification') {
      this.model.connectorStatus.set(`${String(p.evseId)}/${String(p.connectorId)}`, String(p.connectorStatus));
      this.model.evConnected = p.connectorStatus === 'Occupied' ? true : p.connectorStatus === 'Available' ? false : this.model.evConnected;
    }
  }

  /** Sends a request and awaits the CSMS's answer (states use this; failures explain themselves). */
  async request(action: string, fields: Json = {}, requirementIds?: string[]): Promise<CallOutcome> {
    const payload = { ...this.template(action), ...fields };
    return await this.awaitAnswer(this.sendRequest(action, payload), requirementIds);
  }

  /** StatusNotification + NotifyEvent (AvailabilityState) for one connector; both answers awaited. */
  async reportConnector(evseId: number, connectorId: number, status: string): Promise<void> {
    const now = formatOcppDateTime(new Date());
    await this.request('StatusNotification', { timestamp: now, connectorStatus: status, evseId, connectorId });
    await this.request('NotifyEvent', this.availabilityEvent(evseId, connectorId, status, now));
  }

  /** A NotifyEventRequest saying a connector's AvailabilityState changed to `status`. */
  private availabilityEvent(evseId: number, connectorId: number, status: string, now: string): Json {
    return {
      generatedAt: now,
      seqNo: 0,
      eventData: [
        {
          eventId: this.model.nextEventId(),
          timestamp: now,
          trigger: 'Delta',
          actualValue: status,
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'Connector', evse: { id: evseId, connectorId } },
          variable: { name: 'AvailabilityState' },
        },
      ],
    };
  }

  // ----- answering the CSMS -------------------------------------------------------------------------------------------

  protected defaultReply(entry: InboxEntry): Reply {
    const p = entry.payload;
    switch (entry.action) {
      case 'Reset': {
        if (p.evseId !== undefined) return { payload: { status: 'Rejected' } };
        if (p.type === 'OnIdle' && this.model.tx) {
          this.model.scheduledReset = 'OnIdle';
          return { payload: { status: 'Scheduled' } };
        }
        return { payload: { status: 'Accepted' } };
      }
      case 'GetVariables':
        return { payload: { getVariableResult: ((p.getVariableData ?? []) as Json[]).map((d) => this.getVariable(d)) } };
      case 'SetVariables':
        return { payload: { setVariableResult: ((p.setVariableData ?? []) as Json[]).map((d) => this.setVariable(d)) } };
      case 'GetBaseReport': {
        const requestId = p.requestId as number;
        const base = p.reportBase as string;
        this.afterAnswer(() => this.sendReport(requestId, base));
        return { payload: { status: 'Accepted' } };
      }
      case 'TriggerMessage': {
        const what = p.requestedMessage as string;
        if (what === 'BootNotification') this.afterAnswer(() => this.request('BootNotification', { reason: 'Triggered' }));
        else if (what === 'Heartbeat') this.afterAnswer(() => this.request('Heartbeat'));
        else if (what === 'StatusNotification') {
          this.afterAnswer(async () => {
            for (const e of this.settings.evses) {
              for (const c of e.connectors) await this.request('StatusNotification', { evseId: e.id, connectorId: c.id, connectorStatus: this.model.connectorStatus.get(`${e.id}/${c.id}`) ?? 'Available' });
            }
          });
        } else return { payload: { status: 'NotImplemented' } };
        return { payload: { status: 'Accepted' } };
      }
      case 'RequestStopTransaction':
        return { payload: { status: this.model.tx && this.model.tx.id === p.transactionId ? 'Accepted' : 'Rejected' } };
      case 'GetTransactionStatus':
        // Nothing is queued unless a case says so; ongoingIndicator only when asked about one transaction.
        return { payload: p.transactionId === undefined ? { messagesInQueue: false } : { ongoingIndicator: this.model.tx?.id === p.transactionId, messagesInQueue: false } };
      case 'DataTransfer':
        return { payload: { status: 'UnknownVendorId' } };
      case 'UnlockConnector':
        return { payload: { status: 'Unlocked' } };
      case 'GetInstalledCertificateIds':
        return { payload: { status: 'NotFound' } };
      case 'GetLocalListVersion':
        return { payload: { versionNumber: this.localListVersion } };
      case 'SendLocalList':
        // A Full list replaces, a Differential one updates; either way the CSMS's versionNumber is ours from now on.
        this.localListVersion = typeof p.versionNumber === 'number' ? p.versionNumber : this.localListVersion;
        return { payload: { status: 'Accepted' } };
      default: {
        for (const candidate of [{}, { status: 'Accepted' }]) {
          if (validatePayload(this.version, entry.action, 'response', candidate).length === 0) return { payload: candidate };
        }
        return { error: new OcppError('NotSupported', `the test system's station does not support ${entry.action}`) };
      }
    }
  }

  /** Runs work after our answer went out (a report after GetBaseReport, a message after TriggerMessage). */
  private afterAnswer(work: () => Promise<unknown>): void {
    const p = new Promise<void>((resolve) => setImmediate(resolve)).then(work).then(
      () => undefined,
      (e: unknown) => this.note(`follow-up work failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    this.followUps.add(p);
    void p.finally(() => this.followUps.delete(p));
  }

  private getVariable(d: Json): Json {
    const found = this.lookUpAttribute(d, 'WriteOnly');
    if ('refusal' in found) return { ...found.base, attributeStatus: found.refusal };
    return { ...found.base, attributeStatus: 'Accepted', attributeValue: found.variable.value };
  }

  private setVariable(d: Json): Json {
    const found = this.lookUpAttribute(d, 'ReadOnly');
    if ('refusal' in found) return { ...found.base, attributeStatus: found.refusal };
    found.variable.value = String(d.attributeValue);
    return { ...found.base, attributeStatus: 'Accepted' };
  }

  /**
   * The variable a Get/SetVariables entry names, or the attributeStatus that refuses the entry. `refused` is the
   * mutability the operation cannot work on: a WriteOnly variable cannot be read, a ReadOnly one cannot be set.
   */
  private lookUpAttribute(d: Json, refused: Mutability): { base: Json; variable: DmVariable } | { base: Json; refusal: string } {
    const component = (d.component as Json | undefined)?.name as string;
    const variable = (d.variable as Json | undefined)?.name as string;
    const attributeType = (d.attributeType as string | undefined) ?? 'Actual';
    const base = { attributeType, component: d.component, variable: d.variable };
    if (!this.model.hasComponent(component)) return { base, refusal: 'UnknownComponent' };
    const v = this.model.find(component, variable);
    if (!v) return { base, refusal: 'UnknownVariable' };
    if (attributeType !== 'Actual') return { base, refusal: 'NotSupportedAttributeType' };
    if (v.mutability === refused) return { base, refusal: 'Rejected' };
    return { base, variable: v };
  }

  private async sendReport(requestId: number, reportBase: string): Promise<void> {
    const vars = this.model.variables.filter((v) => reportBase !== 'ConfigurationInventory' || v.mutability !== 'ReadOnly');
    const now = formatOcppDateTime(new Date());
    const reportData = vars.map((v) => ({
      component: { name: v.component },
      variable: { name: v.variable },
      variableAttribute: [{ type: 'Actual', value: v.value, mutability: v.mutability }],
      variableCharacteristics: { dataType: v.dataType, supportsMonitoring: false, ...(v.valuesList ? { valuesList: v.valuesList } : {}) },
    }));
    const perMessage = 10;
    for (let i = 0, seqNo = 0; i < reportData.length; i += perMessage, seqNo++) {
      const part = reportData.slice(i, i + perMessage);
      const tbc = i + perMessage < reportData.length;
      await this.request('NotifyReport', { requestId, generatedAt: now, seqNo, tbc, reportData: part });
    }
  }

  /** Resolves when the follow-up work started so far (reports, triggered messages) has finished. */
  async settleFollowUps(): Promise<void> {
    while (this.followUps.size > 0) await Promise.allSettled([...this.followUps]);
  }

  protected async stopTransport(): Promise<void> {
    await Promise.allSettled([...this.followUps]);
    // The next case of this identity connects only once the CSMS has seen this connection end (its close frame back),
    // so the CSMS never takes the old connection's late close for the new one's. Bounded: a CSMS that never answers a
    // close is cut off.
    const bound = Math.min(this.timing.connectMs, CLOSE_ANSWER_MS);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = await Promise.race([this.socketClosed.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), bound)))]);
    clearTimeout(timer);
    if (!answered) {
      this.note(`the CSMS did not answer our close within ${bound} ms; the connection is cut off`);
      this.connection?.terminate();
    }
  }
}

export function expectAccepted(outcome: CallOutcome, action: string, requirementIds?: string[]): void {
  const status = (outcome.payload as Json).status;
  if (status !== 'Accepted') {
    throw new ExpectationFailed({ expected: `${action}Response with status Accepted`, actual: `status ${JSON.stringify(status)}`, frame: outcome.frame, requirementIds });
  }
}
