// The run-scoped endpoint for a Charging Station under test. A real station connects once and reconnects with its own
// back-off (30-65 s), so the harness's CSMS listens from the start to the end of the run and the station's connection
// persists across cases. Each case borrows the connection through a lease: a WireSocket view whose listeners belong
// to that case only. Between two cases nothing is lost: what the station sends while no case holds a lease is kept
// and handed to the next case (which answers it); an answer to a request of an earlier case is dropped with a note
// instead of confusing the next case.
import type { TraceEvent, TraceSink } from '../report/trace-types.ts';
import { startServer } from '../transport/server.ts';
import type { RunningServer, ServerOptions, ServerTlsOptions } from '../transport/server.ts';
import type { HandshakeFacts, WireSocket } from '../transport/types.ts';
import { StationFacts } from './station-facts.ts';

type Listener<T extends unknown[]> = (...args: T) => void;

/** One case's view of the station's current connection. */
class LeaseSocket implements WireSocket {
  readonly messages: Array<Listener<[string, boolean]>> = [];
  readonly closes: Array<Listener<[number, string]>> = [];
  readonly pongs: Array<Listener<[string]>> = [];
  /** Ids of the CALLs this case sent (an answer to any other id belongs to an earlier case). */
  readonly sentIds = new Set<string>();
  released = false;

  constructor(
    readonly real: WireSocket,
    private readonly onSend: (text: string) => void,
  ) {}

  get facts(): HandshakeFacts {
    return this.real.facts;
  }
  get isOpen(): boolean {
    return !this.released && (this.real.isOpen ?? true);
  }
  /** After the case, only answers still go out (a request of the station is never left unanswered); CALLs do not. */
  send(text: string): void {
    const id = callId(text);
    if (this.released && id !== undefined) return;
    if (id !== undefined) this.sentIds.add(id);
    this.onSend(text);
    this.real.send(text);
  }
  /** A case closing the connection on purpose closes the real one; after the case (teardown) it only lets go. */
  close(code?: number, reason?: string): void {
    if (!this.released) this.real.close(code, reason);
  }
  terminate(): void {
    if (!this.released) this.real.terminate();
  }
  onMessage(l: Listener<[string, boolean]>): void {
    this.messages.push(l);
  }
  onClose(l: Listener<[number, string]>): void {
    this.closes.push(l);
  }
  ping(data?: string): void {
    if (!this.released) this.real.ping?.(data);
  }
  onPong(l: Listener<[string]>): void {
    this.pongs.push(l);
  }
}

/** The message id of a CALL we send ([2, id, ...]), if the text is one. */
function callId(text: string): string | undefined {
  const m = /^\s*\[\s*2\s*,\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  return m?.[1];
}

/** The message id of a CALLRESULT / CALLERROR the station sends ([3|4, id, ...]). */
function answerId(text: string): string | undefined {
  const m = /^\s*\[\s*[345]\s*,\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  return m?.[1];
}

export interface LeaseHolder {
  trace: TraceSink;
  /** A new lease: the station's connection as this case sees it (at the start, and after every reconnect). */
  onSocket(socket: WireSocket): void;
  /** False while the case refuses the station's connection attempts (they are turned away at the handshake); `target`: the URL path. */
  admits?(target?: string): boolean;
}

/** A trace sink that writes to whichever case holds the endpoint now (connection facts, refusals). */
class CurrentTrace implements TraceSink {
  target: TraceSink | undefined;
  write(event: TraceEvent): void {
    this.target?.write(event);
  }
}

export class StationEndpoint {
  private server: RunningServer | undefined;
  private real: WireSocket | undefined;
  private holder: LeaseHolder | undefined;
  private lease: LeaseSocket | undefined;
  private readonly between: Array<[string, boolean]> = [];
  private readonly earlierIds = new Set<string>();
  private readonly trace = new CurrentTrace();
  private readonly connectWaiters = new Set<() => void>();
  /** A password a case set on the station (TC_A_09_CS) instead of the configured one, until it puts that back. */
  private password: string | undefined;
  /** The listener of a raised security profile (serveRaisedProfile), and whether the station uses it now. */
  private raised: { server: RunningServer; securityProfile: 2 | 3; tls: ServerTlsOptions } | undefined;
  /** Which listener the station's latest connection came through. */
  private via: 'first' | 'raised' = 'first';
  /** TLS parameters a case made permanent (serveFromNowOn), instead of the configured ones. */
  private served: ServerTlsOptions | undefined;
  /** What the run knows about the station across cases (boot answer, connector statuses, open transactions). */
  readonly facts = new StationFacts();

  constructor(private readonly options: Omit<ServerOptions, 'onConnection' | 'trace'>) {}

  async start(): Promise<string> {
    this.server ??= await this.listen(this.options, 'first');
    return this.server.url;
  }

  /** A listener with this endpoint's checks (identity, password, the case's refusals), feeding the one connection. */
  private listen(options: Omit<ServerOptions, 'onConnection' | 'trace'>, via: 'first' | 'raised'): Promise<RunningServer> {
    const known = options.isKnownIdentity;
    const check = options.checkPassword;
    return startServer({
      ...options,
      ...(check ? { checkPassword: (id: string, pw: string) => (this.password !== undefined ? pw === this.password : check(id, pw)) } : {}),
      isKnownIdentity: (id, target) => (this.holder?.admits?.(target) ?? true) && (known ? known(id, target) : true),
      trace: this.trace,
      onConnection: (s) => {
        this.via = via;
        this.onConnection(s);
      },
    });
  }

  /**
   * A second listener at a raised security profile (TC_A_19_CS): the station's new connection profile points at it.
   * It stays for the rest of the run, since a station never goes back to a lower profile; while the station's
   * connection comes through it, it is this endpoint's URL, security profile and TLS for every later case.
   */
  async serveRaisedProfile(securityProfile: 2 | 3, tls: ServerTlsOptions): Promise<string> {
    if (this.via === 'raised') throw new Error('the station already uses the raised listener');
    await this.raised?.server.close();
    const server = await this.listen({ ...this.options, port: 0, securityProfile, tls }, 'raised');
    this.raised = { server, securityProfile, tls };
    return server.url;
  }

  /** The raised listener, while the station's latest connection came through it. */
  private get inUseRaised(): { server: RunningServer; securityProfile: 2 | 3; tls: ServerTlsOptions } | undefined {
    return this.via === 'raised' ? this.raised : undefined;
  }

  /** The security profile of the listener the station's latest connection came through. */
  get securityProfile(): 0 | 1 | 2 | 3 {
    return this.inUseRaised?.securityProfile ?? this.options.securityProfile;
  }

  get url(): string {
    if (this.inUseRaised) return this.inUseRaised.server.url;
    if (!this.server) throw new Error('the station endpoint is not started');
    return this.server.url;
  }

  get connected(): boolean {
    return this.real !== undefined && (this.real.isOpen ?? true);
  }

  /** Resolves true once the station is connected, false after `withinMs` (the run's visible start-up wait). */
  waitForStation(withinMs: number): Promise<boolean> {
    if (this.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.connectWaiters.delete(done);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.connectWaiters.delete(done);
        resolve(false);
      }, withinMs);
      this.connectWaiters.add(done);
    });
  }

  /** A case takes the endpoint: it gets the current connection (if any) and every later one, until it lets go. */
  acquire(holder: LeaseHolder): void {
    this.release();
    this.holder = holder;
    this.trace.target = holder.trace;
    if (this.real && (this.real.isOpen ?? true)) this.handOver(this.real);
  }

  /** The case is over: its lease ends, the connection stays; what the station sends now waits for the next case. */
  release(): void {
    if (this.lease) {
      for (const id of this.lease.sentIds) this.earlierIds.add(id);
      this.lease.released = true;
    }
    this.lease = undefined;
    this.holder = undefined;
    this.trace.target = undefined;
  }

  /** The Basic Auth password the station's next connections must present (undefined: the configured one again). */
  expectPassword(password: string | undefined): void {
    this.password = password;
  }

  /** TLS parameters for the station's next connections (see RunningServer.setTls); the case puts the served ones back. */
  setTls(tls: ServerTlsOptions): void {
    if (!this.server) throw new Error('the station endpoint is not started');
    (this.inUseRaised?.server ?? this.server).setTls(tls);
  }

  /**
   * The TLS parameters this endpoint serves when no case changes them: the configured ones, or those a case made
   * permanent (a station that now trusts only a new CSMS root, TC_M_30_CS).
   */
  get servedTls(): ServerTlsOptions | undefined {
    if (this.inUseRaised) return this.served ?? this.inUseRaised.tls;
    return this.served ?? this.options.tls;
  }

  /** Serve these TLS parameters from now on, for this case and every later one. */
  serveFromNowOn(tls: ServerTlsOptions): void {
    this.served = tls;
    this.setTls(tls);
  }

  async close(): Promise<void> {
    this.release();
    await this.raised?.server.close();
    this.raised = undefined;
    this.via = 'first';
    await this.server?.close();
    this.server = undefined;
  }

  private onConnection(socket: WireSocket): void {
    const previous = this.real;
    this.real = socket;
    this.between.length = 0;
    this.earlierIds.clear();
    socket.onMessage((text, binary) => this.onMessage(socket, text, binary));
    socket.onClose((code, reason) => this.onClose(socket, code, reason));
    socket.onPong?.((data) => {
      if (this.real === socket) for (const l of this.lease?.pongs ?? []) l(data);
    });
    if (previous && previous !== socket && (previous.isOpen ?? true)) previous.close(1000, 'the station connected again');
    for (const w of [...this.connectWaiters]) w();
    if (this.holder) this.handOver(socket);
  }

  private handOver(socket: WireSocket): void {
    if (this.lease) this.lease.released = true;
    const lease = new LeaseSocket(socket, (text) => this.facts.toStation(text));
    this.lease = lease;
    this.holder?.onSocket(lease);
    // What the station sent while no case held the connection, in order.
    const kept = this.between.splice(0);
    if (kept.length > 0) this.note(`${kept.length} message(s) the station sent between two cases, handed to this case`);
    for (const [text, binary] of kept) {
      this.facts.fromStation(text);
      for (const l of lease.messages) l(text, binary);
    }
  }

  private onMessage(socket: WireSocket, text: string, binary: boolean): void {
    if (socket !== this.real) return;
    const id = answerId(text);
    if (id !== undefined && this.earlierIds.has(id) && !this.lease?.sentIds.has(id)) {
      this.note(`dropped the station's late answer to a request of an earlier case (message id ${id}): ${text.slice(0, 200)}`);
      return;
    }
    if (!this.lease) {
      this.between.push([text, binary]);
      return;
    }
    // The facts learn a frame when a case receives it (so a case's own rule checks never see a frame twice).
    this.facts.fromStation(text);
    for (const l of this.lease.messages) l(text, binary);
  }

  private onClose(socket: WireSocket, code: number, reason: string): void {
    if (socket !== this.real) return;
    this.real = undefined;
    this.between.length = 0;
    this.facts.connectionLost();
    for (const l of this.lease?.closes ?? []) l(code, reason);
  }

  private note(message: string): void {
    this.trace.write({ kind: 'note', at: new Date().toISOString(), message });
  }
}

let shared: StationEndpoint | undefined;

/** The one endpoint of this process (the cucumber child runs a station's cases one at a time). */
export function runStationEndpoint(options: Omit<ServerOptions, 'onConnection' | 'trace'>): StationEndpoint {
  shared ??= new StationEndpoint(options);
  return shared;
}

/** End of the run (cucumber AfterAll): the endpoint stops listening, so the process can exit. */
export async function closeStationEndpoint(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
