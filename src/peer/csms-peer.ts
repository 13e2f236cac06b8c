// The test system as CSMS (SUT = Charging Station): listens, waits for the station, answers its requests with
// sensible defaults (which a case can arm or hold), sends CSMS requests and checks the answers.
import { X509Certificate } from 'node:crypto';
import { OcppError } from '../rpc/errors.ts';
import { SUBPROTOCOL_OF } from '../rpc/types.ts';
import { formatOcppDateTime, validatePayload } from '../schema/index.ts';
import { startServer } from '../transport/server.ts';
import type { RunningServer, ServerTlsOptions } from '../transport/server.ts';
import type { WireSocket } from '../transport/types.ts';
import { ExpectationFailed, PreconditionFailed, WaitCancelled } from './errors.ts';
import type { InboxEntry } from './inbox.ts';
import { PeerBase } from './peer.ts';
import type { PeerBaseOptions, Reply } from './peer.ts';
import { tokenStatus } from './settings.ts';
import type { EngineSettings } from './settings.ts';
import type { StationEndpoint } from '../runner/station-endpoint.ts';
import { explainRefusals } from '../transport/refusal-reason.ts';
import type { Refusal } from '../transport/refusal-reason.ts';
import type { TraceEvent, TraceSink } from '../report/trace-types.ts';
import { signalled } from '../runner/wait-signal.ts';
import type { InvalidServerCertificate } from '../runner/invalid-server-certificates.ts';
import type { ListenerHooks } from './raised-profile.ts';

export interface CsmsPeerOptions extends Omit<PeerBaseOptions, 'localRole'> {
  host: string;
  port: number;
  /** Path prefix of the endpoint, e.g. "/ocpp". */
  path: string;
  /** The station identity we expect; other identities are refused (404). */
  identity: string;
  securityProfile: 0 | 1 | 2 | 3;
  /** Basic Auth password expected from the station (SP1/SP2). */
  password: string | null;
  tls?: ServerTlsOptions;
  settings: EngineSettings;
  /** A run-scoped endpoint to borrow instead of listening for this scenario only (a long-lived station under test). */
  endpoint?: StationEndpoint;
  /** The invalid server certificates of the test PKI (TC_A_05_CS); empty without one. */
  invalidServerCertificates?: () => Promise<InvalidServerCertificate[]>;
}

interface ConnWaiter {
  after: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class CsmsPeer extends PeerBase {
  readonly settings: EngineSettings;
  private readonly opts: CsmsPeerOptions;
  private server: RunningServer | undefined;
  /** Listeners a case added for this scenario only (raised-profile.ts), closed with it. */
  private readonly extraServers: RunningServer[] = [];
  /** TLS parameters made permanent by replaceServerCertificate when the peer has its own server (no run endpoint). */
  private ownServedTls: ServerTlsOptions | undefined;
  private readonly connWaiters = new Set<ConnWaiter>();
  private everConnected = false;
  /** The server's refusals of the station in this scenario: the reason a "never connected" verdict names. */
  private readonly refusals: Refusal[] = [];
  /** The trace, noting each refusal on its way (the server writes refusals only to the trace). */
  private readonly refusalWatch: TraceSink = {
    write: (event: TraceEvent): void => {
      if (event.kind === 'refused') this.refusals.push({ reason: event.reason, ...(event.detail ? { detail: event.detail } : {}) });
      this.trace.write(event);
      if (event.kind === 'refused') for (const w of [...this.attemptWaiters]) w();
    },
  };
  /** Called at every refusal and every new connection (see nextAttempt). */
  private readonly attemptWaiters = new Set<() => void>();
  /** Groups the test system gives tokens in its default idTokenInfo for the rest of the scenario (group cases). */
  private readonly tokenGroups = new Map<string, { idToken: string; type: string }>();
  private refusing = false;
  /** The Basic Auth password connections must present now (the configured one unless a case changed it). */
  private password: string | null;
  private readonly refusedAttempts: number[] = [];
  private readonly refusalWaiters = new Set<() => void>();
  /** Refusals by endpoint path (refuseAtPath). */
  private readonly pathRules = new Map<string, { refuse: number; refused: number; attempts: number[]; waiters: Set<() => void> }>();
  /** When each of the station's connection attempts reached the handshake, admitted or not (ms timestamps). */
  private readonly attempts: number[] = [];

  constructor(opts: CsmsPeerOptions) {
    super({ ...opts, localRole: 'CSMS' });
    this.opts = opts;
    this.password = opts.password;
    this.settings = opts.settings;
  }

  /** Starts listening; returns the endpoint base URL the station must use (identity appended by the station). */
  async start(): Promise<string> {
    const shared = this.opts.endpoint;
    if (shared) {
      await shared.start();
      for (const [txId, events] of shared.facts.transactionEvents) this.rules.continueTransaction(txId, events);
      shared.acquire({ trace: this.refusalWatch, onSocket: (socket) => this.onSocket(socket), admits: (target) => this.admits(target) });
      return this.withPath(shared.url);
    }
    this.server = await startServer({
      host: this.opts.host,
      port: this.opts.port,
      securityProfile: this.opts.securityProfile,
      subprotocols: [SUBPROTOCOL_OF[this.version]],
      isKnownIdentity: (id, target) => id === this.opts.identity && this.admits(target),
      ...(this.opts.password !== null ? { checkPassword: (_id: string, pw: string) => pw === this.password } : {}),
      ...(this.opts.tls ? { tls: this.opts.tls } : {}),
      trace: this.refusalWatch,
      onConnection: (socket) => this.onSocket(socket),
    });
    return this.withPath(this.server.url);
  }

  private withPath(url: string): string {
    const base = url.replace(/\/$/, '');
    const path = this.opts.path.replace(/^\/?/, '/').replace(/\/$/, '');
    return `${base}${path === '/' ? '' : path}`;
  }

  /** What a further listener of this scenario needs (raised-profile.ts): its connections and refusals reach this peer. */
  get listenerHooks(): ListenerHooks {
    return { trace: this.refusalWatch, onConnection: (s) => this.onSocket(s), admits: (t) => this.admits(t), password: () => this.password, own: (server) => this.extraServers.push(server) };
  }

  /** The run-scoped endpoint this scenario borrows (a long-lived station), if any. */
  get runEndpoint(): StationEndpoint | undefined {
    return this.opts.endpoint;
  }

  get endpointUrl(): string {
    if (this.opts.endpoint) return this.opts.endpoint.url;
    if (!this.server) throw new Error('CsmsPeer not started');
    return this.server.url;
  }

  /**
   * Serve another server certificate to the station's later TLS handshakes (its open connection keeps the old one).
   * On a run-scoped endpoint the change outlives the case: the station may from now on trust only the new chain.
   */
  replaceServerCertificate(cert: { certPem: string; keyPem: string; chainPem?: string }): void {
    const served = this.servedTls;
    if (!served) throw new Error('the test system does not listen over TLS');
    const next: ServerTlsOptions = { ...served, certPem: cert.certPem, keyPem: cert.keyPem };
    if (cert.chainPem) next.chainPem = cert.chainPem;
    else delete next.chainPem;
    if (this.opts.endpoint) this.opts.endpoint.serveFromNowOn(next);
    else if (this.server) {
      this.ownServedTls = next;
      this.server.setTls(next);
    } else throw new Error('CsmsPeer not started');
    this.note(`from now on the test system serves a server certificate issued by ${new X509Certificate(cert.certPem).issuer.replace(/\n/g, ', ')}`);
  }

  protected override beforeClose(): void {
    this.opts.endpoint?.release();
  }

  private onSocket(socket: WireSocket): void {
    this.attach(socket);
    this.everConnected = true;
    for (const w of [...this.attemptWaiters]) w();
    for (const w of [...this.connWaiters]) {
      if (this.connectionCount > w.after) {
        this.connWaiters.delete(w);
        w.resolve();
      }
    }
  }

  /**
   * Waits until the station has a connection numbered above `after` (default: any connection). A station that never
   * connects at the start of a case is a precondition problem (INCONCLUSIVE); one that does not come back after a
   * reset is a failure (the caller passes `failure`).
   */
  async waitForConnection(opts: { within?: number; after?: number; failure?: 'precondition' | 'expectation'; what?: string } = {}): Promise<void> {
    const after = opts.after ?? 0;
    if (this.connectionCount > after && this.connected) return;
    const within = opts.within ?? this.timing.connectMs;
    const waitFor = opts.what ?? `the Charging Station ${this.opts.identity} to connect`;
    await signalled(waitFor, within, () => new Promise<void>((resolve, reject) => {
      const w: ConnWaiter = {
        after,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.connWaiters.delete(w);
        const what = opts.what ?? `the Charging Station ${this.opts.identity} to connect`;
        const msg = `${what} within ${(within / 1000).toFixed(1)} s (endpoint ${this.server?.url ?? '?'})`;
        const refused = explainRefusals(this.refusals);
        if (opts.failure === 'expectation') reject(new ExpectationFailed({ expected: msg, actual: refused ?? (this.everConnected ? 'it did not reconnect' : 'no connection') }));
        else if (refused) reject(new PreconditionFailed(`waited for ${msg}: ${refused}`));
        else reject(new PreconditionFailed(`waited for ${msg}, but it never tried to connect; check the station's CSMS URL, identity and security profile`));
      }, within);
      this.connWaiters.add(w);
    }));
  }

  /**
   * Closes the station's connection and refuses every new attempt until acceptConnections (Part 6: "the OCTT closes
   * the WebSocket connection and does not accept a reconnect"). Resolves once the connection is closed.
   */
  async dropAndRefuse(): Promise<void> {
    this.refusing = true;
    this.refusedAttempts.length = 0;
    const socket = this.socket;
    if (!socket || !this.connected) return;
    // Done when the station has answered the close (the socket is closed): only then does it know it is offline, so
    // what happens at the station afterwards (an EV plugged in) happens while it is offline.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gone = new Promise<boolean>((resolve) => {
      socket.onClose(() => resolve(true));
      timer = setTimeout(() => resolve(false), this.timing.expectMs);
    });
    this.connection?.close(1001, 'the test system closes the connection');
    const answered = await gone;
    clearTimeout(timer);
    if (!answered) {
      this.note('the station did not answer the close within the message deadline; the connection is cut');
      socket.terminate();
    }
  }

  /** Part 6's "does not accept a reconnect": while refusing, each attempt is counted and turned away at the handshake. */
  private admits(target?: string): boolean {
    this.attempts.push(Date.now());
    const dir = target === undefined ? undefined : new URL(target, 'ws://x').pathname.split('/').slice(0, -1).join('/');
    // '*' (refuseAtPath('*')): every path without a rule of its own.
    const byPath = dir !== undefined ? (this.pathRules.get(dir) ?? this.pathRules.get('*')) : undefined;
    if (byPath) {
      byPath.attempts.push(Date.now());
      for (const w of [...byPath.waiters]) w();
      if (byPath.refuse > byPath.refused) {
        byPath.refused++;
        this.note(`connection attempt ${byPath.attempts.length} of the station at ${dir}/<identity> turned away at the handshake, as the case asks`);
        return false;
      }
      return true;
    }
    if (!this.refusing) return true;
    this.refusedAttempts.push(Date.now());
    this.note(`connection attempt ${this.refusedAttempts.length} of the station turned away at the handshake, as the case asks`);
    for (const w of [...this.refusalWaiters]) w();
    return false;
  }

  /**
   * Resolves once the station has tried to reconnect and was turned away (so it knows it is offline); false if no
   * attempt came within `within` ms.
   */
  waitForRefusedAttempt(within: number): Promise<boolean> {
    if (this.refusedAttempts.length > 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.refusalWaiters.delete(onRefusal);
        resolve(ok);
      };
      const onRefusal = (): void => done(true);
      const timer = setTimeout(() => done(false), within);
      this.refusalWaiters.add(onRefusal);
    });
  }

  /**
   * TLS parameters for the station's next connections (SP2/SP3): another certificate, TLS version or cipher suites;
   * without an argument the configured ones again. Open connections keep theirs.
   */
  serveTls(tls?: ServerTlsOptions): void {
    const t = tls ?? this.servedTls;
    if (!t) throw new PreconditionFailed('this run serves no TLS (security profile 2 or 3 with certificates is needed)');
    if (this.opts.endpoint) this.opts.endpoint.setTls(t);
    else if (this.server) this.server.setTls(t);
    else throw new Error('CsmsPeer not started');
  }

  /** The invalid server certificates a station must refuse (from the test PKI); empty when the run has none. */
  invalidServerCertificates(): Promise<InvalidServerCertificate[]> {
    return this.opts.invalidServerCertificates?.() ?? Promise.resolve([]);
  }

  /** What the test system serves when no case changes it: the configured TLS, or what replaceServerCertificate made permanent. */
  get servedTls(): ServerTlsOptions | undefined {
    return this.opts.endpoint ? (this.opts.endpoint.servedTls ?? this.opts.tls) : (this.ownServedTls ?? this.opts.tls);
  }

  /** How many times the server turned the station away so far (at TLS or HTTP level); compare with nextAttempt. */
  get refusalsSoFar(): number {
    return this.refusals.length;
  }

  /**
   * The station's next connection attempt after `refusals` refusals and `connections` connections: turned away (with
   * the server's reason), or connected; 'none' when nothing came within `within` ms.
   */
  nextAttempt(opts: { refusals: number; connections: number; within: number }): Promise<{ kind: 'refused'; refusal: Refusal } | { kind: 'connected' } | { kind: 'none' }> {
    return new Promise((resolve) => {
      // Filled once the first look found nothing (a look may finish before there is a timer).
      const wait: { timer?: ReturnType<typeof setTimeout> } = {};
      const look = (): boolean => {
        if (this.connectionCount > opts.connections) return done({ kind: 'connected' });
        const refusal = this.refusals[opts.refusals];
        return refusal ? done({ kind: 'refused', refusal }) : false;
      };
      const done = (r: { kind: 'refused'; refusal: Refusal } | { kind: 'connected' } | { kind: 'none' }): true => {
        clearTimeout(wait.timer);
        this.attemptWaiters.delete(onEvent);
        resolve(r);
        return true;
      };
      const onEvent = (): void => void look();
      if (look()) return;
      wait.timer = setTimeout(() => done({ kind: 'none' }), opts.within);
      this.attemptWaiters.add(onEvent);
    });
  }

  /** Part 6 "the OCTT aborts the connection": the connection is cut (no closing handshake); reconnections are welcome. */
  abortConnection(): void {
    if (this.connected) this.socket?.terminate();
  }

  /** The Basic Auth password the station must present (SP1/SP2), null where none is used. */
  get basicAuthPassword(): string | null {
    return this.password;
  }

  /**
   * From now on the station's connections must present `password` (a case changed the station's BasicAuthPassword);
   * without an argument the configured one again. The open connection is not affected.
   */
  expectPassword(password?: string): void {
    if (this.opts.password === null) throw new PreconditionFailed('this run uses no Basic Auth password (security profile 3 or 0)');
    this.password = password ?? this.opts.password;
    this.opts.endpoint?.expectPassword(password);
  }

  /** From now on new connections of the station are accepted again. */
  acceptConnections(): void {
    this.refusing = false;
  }

  /**
   * Turns away the station's next `count` attempts (Infinity: all) at the endpoint path `dir` (the URL path without the
   * identity), whatever else the case refuses; the attempts there are counted (attemptsAt).
   */
  refuseAtPath(dir: string, count = Infinity): void {
    const key = dir.replace(/\/$/, '');
    const rule = this.pathRules.get(key);
    if (rule) Object.assign(rule, { refuse: count, refused: 0 });
    else this.pathRules.set(key, { refuse: count, refused: 0, attempts: [], waiters: new Set() });
  }

  /** Resolves true once the station has made more than `n` attempts at `dir` (see refuseAtPath); false after `within` ms. */
  waitForAttemptsAt(dir: string, n: number, within: number): Promise<boolean> {
    const rule = this.pathRules.get(dir.replace(/\/$/, ''));
    if (!rule) return Promise.resolve(false);
    if (rule.attempts.length > n) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = (): void => {
        if (rule.attempts.length <= n) return;
        clearTimeout(timer);
        rule.waiters.delete(check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        rule.waiters.delete(check);
        resolve(false);
      }, within);
      rule.waiters.add(check);
    });
  }

  /** When the station's attempts at `dir` (see refuseAtPath) came, admitted or not (ms timestamps). */
  attemptsAt(dir: string): readonly number[] {
    return this.pathRules.get(dir.replace(/\/$/, ''))?.attempts ?? [];
  }

  /** When each connection attempt of the station reached the handshake in this scenario, admitted or not (ms timestamps). */
  get attemptTimes(): readonly number[] {
    return this.attempts;
  }

  /** When the station's refused attempts since dropAndRefuse came (ms timestamps). */
  get refusedAttemptTimes(): readonly number[] {
    return this.refusedAttempts;
  }

  /** How many connections the station has opened so far (compare before and after a reconnection). */
  get connectionsSoFar(): number {
    return this.connectionCount;
  }

  protected override observeIncoming(entry: InboxEntry): void {
    if (entry.action === 'TransactionEvent') this.rules.observeTransactionEvent(entry.payload, entry.frame.id, this.isRetransmission(entry));
  }

  /** An earlier identical TransactionEventRequest got a CALLERROR or no answer (yet): this one is its retry. */
  private isRetransmission(entry: InboxEntry): boolean {
    const text = JSON.stringify(entry.payload);
    return this.inbox.entries.some((e) => e !== entry && e.action === 'TransactionEvent' && (e.answer === undefined || e.answer.error !== undefined) && JSON.stringify(e.payload) === text);
  }

  /** From now on the default idTokenInfo for this token names this groupIdToken (the CSMS knows the token's group). */
  assignTokenGroup(idToken: string, type: string, group: { idToken: string; type: string }): void {
    this.tokenGroups.set(`${type}:${idToken}`, group);
  }

  protected defaultReply(entry: InboxEntry): Reply {
    const p = entry.payload;
    const now = formatOcppDateTime(new Date());
    const idTokenInfo = (tok: unknown): Record<string, unknown> => {
      const t = tok as { idToken?: string; type?: string } | undefined;
      const group = this.tokenGroups.get(`${t?.type ?? ''}:${t?.idToken ?? ''}`);
      return { status: tokenStatus(this.settings, t?.idToken ?? '', t?.type ?? ''), ...(group ? { groupIdToken: group } : {}) };
    };
    switch (entry.action) {
      case 'BootNotification':
        return { payload: { currentTime: now, interval: this.settings.heartbeatIntervalS, status: 'Accepted' } };
      case 'Heartbeat':
        return { payload: { currentTime: now } };
      case 'Authorize':
        return { payload: { idTokenInfo: idTokenInfo(p.idToken) } };
      case 'TransactionEvent':
        return { payload: p.idToken ? { idTokenInfo: idTokenInfo(p.idToken) } : {} };
      case 'DataTransfer':
        return { payload: { status: 'UnknownVendorId' } };
      case 'SignCertificate':
        return { payload: { status: 'Accepted' } };
      case 'NotifyEVChargingNeeds':
        return { payload: { status: 'Accepted' } };
      case 'GetCertificateStatus':
        return { payload: { status: 'Failed' } };
      case 'Get15118EVCertificate':
        return { payload: { status: 'Failed', exiResponse: '' } };
      default: {
        if (validatePayload(this.version, entry.action, 'response', {}).length === 0) return { payload: {} };
        return { error: new OcppError('NotSupported', `the test system has no default answer for ${entry.action}`) };
      }
    }
  }

  protected async stopTransport(): Promise<void> {
    for (const w of [...this.connWaiters]) {
      this.connWaiters.delete(w);
      w.reject(new WaitCancelled('the scenario ended while waiting for the Charging Station to connect'));
    }
    await Promise.all([this.server?.close(), ...this.extraServers.map((s) => s.close())]);
  }
}
