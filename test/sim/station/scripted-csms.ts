// A scripted CSMS for the station simulator's tests: startServer + OcppConnection (localRole CSMS).
// Every CALL from the station is recorded; responders are per action and replaceable; waits are event-driven.

import { OcppConnection } from '../../../src/rpc/connection.ts';
import type { OcppVersion } from '../../../src/rpc/types.ts';
import { formatOcppDateTime } from '../../../src/schema/datetime.ts';
import { startServer, type RunningServer, type ServerTlsOptions } from '../../../src/transport/server.ts';
import type { WireSocket } from '../../../src/transport/types.ts';
import { DEADLINE_MS, RecordingTrace } from '../../helpers/recording-trace.ts';

export type Json = Record<string, unknown>;
export interface Received {
  action: string;
  payload: Json;
  at: number;
  connection: number;
}
type Responder = (payload: Json) => unknown;

export class ScriptedCsms {
  readonly received: Received[] = [];
  readonly trace = new RecordingTrace();
  readonly connections: OcppConnection[] = [];
  readonly sockets: WireSocket[] = [];
  private server: RunningServer | undefined;
  private readonly responders = new Map<string, Responder>();
  private waiters: Array<{ test: (r: Received) => boolean; resolve: (r: Received) => void }> = [];
  private connWaiters: Array<(c: OcppConnection) => void> = [];
  /** When false, new connections are closed at once (the CSMS refuses the station). */
  acceptConnections = true;

  constructor(readonly version: OcppVersion = '2.0.1') {
    this.respond('BootNotification', () => ({ currentTime: now(), interval: 300, status: 'Accepted' }));
    this.respond('Heartbeat', () => ({ currentTime: now() }));
    this.respond('StatusNotification', () => ({}));
    this.respond('NotifyEvent', () => ({}));
    this.respond('NotifyReport', () => ({}));
    this.respond('SecurityEventNotification', () => ({}));
    this.respond('TransactionEvent', () => ({}));
    this.respond('MeterValues', () => ({}));
    this.respond('Authorize', () => ({ idTokenInfo: { status: 'Accepted' } }));
    this.respond('LogStatusNotification', () => ({}));
    this.respond('FirmwareStatusNotification', () => ({}));
  }

  private tls: ServerTlsOptions | undefined;

  async start(opts: { securityProfile?: 0 | 1 | 2 | 3; tls?: ServerTlsOptions; checkPassword?: (id: string, pw: string) => boolean; subprotocols?: string[] } = {}): Promise<string> {
    this.tls = opts.tls;
    this.server = await startServer({
      securityProfile: opts.securityProfile ?? 0,
      subprotocols: opts.subprotocols ?? ['ocpp2.0.1', 'ocpp2.1'],
      checkPassword: opts.checkPassword,
      tls: opts.tls,
      trace: this.trace,
      onConnection: (socket) => this.onConnection(socket),
    });
    return this.server.url;
  }

  private onConnection(socket: WireSocket): void {
    this.sockets.push(socket);
    if (!this.acceptConnections) {
      socket.close(1011, 'refused by test');
      return;
    }
    const index = this.connections.length;
    const version = (socket.facts.chosenSubprotocol === 'ocpp2.1' ? '2.1' : '2.0.1') as OcppVersion;
    const conn = new OcppConnection(socket, { version, localRole: 'CSMS', trace: this.trace });
    conn.setDefaultHandler((payload, frame) => {
      const action = 'action' in frame ? frame.action : '?';
      const r: Received = { action, payload: payload as Json, at: Date.now(), connection: index };
      this.received.push(r);
      for (const w of [...this.waiters]) {
        if (w.test(r)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(r);
        }
      }
      const responder = this.responders.get(action);
      if (!responder) throw new Error(`scripted CSMS has no responder for ${action}`);
      return responder(payload as Json);
    });
    this.connections.push(conn);
    for (const w of this.connWaiters.splice(0)) w(conn);
  }

  respond(action: string, responder: Responder): void {
    this.responders.set(action, responder);
  }

  /** TLS only: later handshakes get this server certificate (a CSMS root change). */
  replaceCertificate(cert: { certPem: string; keyPem: string; chainPem?: string }): void {
    if (!this.server || !this.tls) throw new Error('the scripted CSMS does not listen over TLS');
    const next: ServerTlsOptions = { ...this.tls, certPem: cert.certPem, keyPem: cert.keyPem };
    if (cert.chainPem) next.chainPem = cert.chainPem;
    else delete next.chainPem;
    this.server.setTls(next);
  }

  get conn(): OcppConnection {
    const c = this.connections[this.connections.length - 1];
    if (!c) throw new Error('no station connected yet');
    return c;
  }

  waitForConnection(count = 1, deadlineMs = DEADLINE_MS): Promise<OcppConnection> {
    if (this.connections.length >= count) return Promise.resolve(this.connections[count - 1] as OcppConnection);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no connection #${count} within ${deadlineMs} ms`)), deadlineMs);
      const check = (): void => {
        if (this.connections.length >= count) {
          clearTimeout(timer);
          resolve(this.connections[count - 1] as OcppConnection);
        } else this.connWaiters.push(check);
      };
      this.connWaiters.push(check);
    });
  }

  /** The first recorded CALL (past or future) at or after `from` (index) that matches. */
  waitFor(action: string, test: (p: Json) => boolean = () => true, deadlineMs = DEADLINE_MS, from = 0): Promise<Received> {
    const match = (r: Received): boolean => r.action === action && test(r.payload);
    const seen = this.received.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new Error(`no ${action} within ${deadlineMs} ms; received: ${this.received.map((r) => r.action).join(', ')}`));
      }, deadlineMs);
      const waiter = {
        test: match,
        resolve: (r: Received) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits for `n` matching CALLs after index `from`. */
  async waitForCount(action: string, n: number, test: (p: Json) => boolean = () => true, deadlineMs = DEADLINE_MS, from = 0): Promise<Received[]> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const got = this.received.slice(from).filter((r) => r.action === action && test(r.payload));
      if (got.length >= n) return got.slice(0, n);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`only ${got.length} of ${n} ${action} within ${deadlineMs} ms`);
      const last = got[got.length - 1];
      const after = last ? this.received.indexOf(last) + 1 : from;
      await this.waitFor(action, test, left, after);
    }
  }

  of(action: string, from = 0): Received[] {
    return this.received.slice(from).filter((r) => r.action === action);
  }

  mark(): number {
    return this.received.length;
  }

  async call(action: string, payload: Json): Promise<Json> {
    return (await this.conn.call(action, payload)) as Json;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }
}

export function now(): string {
  return formatOcppDateTime(new Date());
}
