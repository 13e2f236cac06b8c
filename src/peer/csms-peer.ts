// The test system as CSMS (SUT = Charging Station): listens, waits for the station, answers its requests with
// sensible defaults (which a case can arm or hold), sends CSMS requests and checks the answers.
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
  private readonly connWaiters = new Set<ConnWaiter>();
  private everConnected = false;

  constructor(opts: CsmsPeerOptions) {
    super({ ...opts, localRole: 'CSMS' });
    this.opts = opts;
    this.settings = opts.settings;
  }

  /** Starts listening; returns the endpoint base URL the station must use (identity appended by the station). */
  async start(): Promise<string> {
    const shared = this.opts.endpoint;
    if (shared) {
      await shared.start();
      for (const [txId, events] of shared.facts.transactionEvents) this.rules.continueTransaction(txId, events);
      shared.acquire({ trace: this.trace, onSocket: (socket) => this.onSocket(socket) });
      return this.withPath(shared.url);
    }
    const password = this.opts.password;
    this.server = await startServer({
      host: this.opts.host,
      port: this.opts.port,
      securityProfile: this.opts.securityProfile,
      subprotocols: [SUBPROTOCOL_OF[this.version]],
      isKnownIdentity: (id) => id === this.opts.identity,
      ...(password !== null ? { checkPassword: (_id: string, pw: string) => pw === password } : {}),
      ...(this.opts.tls ? { tls: this.opts.tls } : {}),
      trace: this.trace,
      onConnection: (socket) => this.onSocket(socket),
    });
    return this.withPath(this.server.url);
  }

  private withPath(url: string): string {
    const base = url.replace(/\/$/, '');
    const path = this.opts.path.replace(/^\/?/, '/').replace(/\/$/, '');
    return `${base}${path === '/' ? '' : path}`;
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

  protected override beforeClose(): void {
    this.opts.endpoint?.release();
  }

  private onSocket(socket: WireSocket): void {
    this.attach(socket);
    this.everConnected = true;
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
    await new Promise<void>((resolve, reject) => {
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
        if (opts.failure === 'expectation') reject(new ExpectationFailed({ expected: msg, actual: this.everConnected ? 'it did not reconnect' : 'no connection' }));
        else reject(new PreconditionFailed(`waited for ${msg}, but it never connected; check the station's CSMS URL, identity and security profile`));
      }, within);
      this.connWaiters.add(w);
    });
  }

  protected override observeIncoming(entry: InboxEntry): void {
    if (entry.action === 'TransactionEvent') this.rules.observeTransactionEvent(entry.payload, entry.frame.id, this.isRetransmission(entry));
  }

  /** An earlier identical TransactionEventRequest got a CALLERROR or no answer (yet): this one is its retry. */
  private isRetransmission(entry: InboxEntry): boolean {
    const text = JSON.stringify(entry.payload);
    return this.inbox.entries.some((e) => e !== entry && e.action === 'TransactionEvent' && (e.answer === undefined || e.answer.error !== undefined) && JSON.stringify(e.payload) === text);
  }

  protected defaultReply(entry: InboxEntry): Reply {
    const p = entry.payload;
    const now = formatOcppDateTime(new Date());
    const idTokenInfo = (tok: unknown): Record<string, unknown> => {
      const t = tok as { idToken?: string; type?: string } | undefined;
      return { status: tokenStatus(this.settings, t?.idToken ?? '', t?.type ?? '') };
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
    await this.server?.close();
  }
}
