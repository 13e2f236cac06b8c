// The test system as CSMS: a WebSocket server for OCPP-J with security profiles 0-3.
//
// Decisions:
// - Identity: last path segment, percent-decoded, checked by identity.ts. Not decodable -> 400;
//   invalid or unknown identity -> 404 (Part 4 names 404 for an identity the CSMS does not recognise).
// - SP1/SP2: HTTP Basic Auth, user must equal the identity; anything wrong -> 401 with a
//   WWW-Authenticate challenge.
// - SP3: mutual TLS only, no Basic Auth (a header, if sent, is recorded but not checked). A client
//   without a certificate, or with one not chaining to `tls.caPem`, is dropped right after the TLS
//   handshake (before any HTTP) with a refusal naming the verification error; a certificate whose
//   CN differs from the identity -> 403.
// - Subprotocol: the client's list is in its order of preference, so by default we take the first
//   offered entry we support (`subprotocolPreference: 'server'` takes ours instead). With no common
//   entry we finish the handshake without Sec-WebSocket-Protocol and close at once with 1002, as
//   Part 4 prescribes, and trace a refusal listing offered vs supported.

import type { IncomingMessage, ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { SecureVersion, TLSSocket } from 'node:tls';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import type { TraceSink } from '../report/trace-types.ts';
import type { IdentityRule } from './identity.ts';
import { identityFromRequestTarget } from './identity.ts';
import type { HandshakeFacts, WireSocket } from './types.ts';
import { commonNameOf, emit, formatCertName, newConnectionId, tlsFacts, wrapWebSocket } from './wire.ts';

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface ServerTlsOptions {
  certPem: string;
  keyPem: string;
  /** Intermediates sent after the leaf (a copy of the leaf or extra roots in here are harmless). */
  chainPem?: string;
  /** Trust anchors for client certificates (SP3). */
  caPem?: string;
  /** A second server certificate of the other key type (RSA next to ECDSA): TLS picks the one the client's suites fit. */
  alternate?: { certPem: string; keyPem: string; chainPem?: string };
  /** Default TLSv1.2. To offer TLS 1.0/1.1 on purpose, also pass `ciphers: 'DEFAULT@SECLEVEL=0'`. */
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  ciphers?: string;
  ecdhCurve?: string;
}

export interface ServerMisbehaviour {
  /** Never refuse for Basic Auth reasons (missing, malformed, wrong user or password); facts still tell the truth. */
  acceptAnyPassword?: boolean;
  /** SP1/SP2: check only the password, not that the Basic Auth user equals the identity. */
  ignoreAuthUser?: boolean;
  /** SP3: request a client certificate but accept any, or none. */
  acceptAnyClientCert?: boolean;
  /** SP3: do not compare the client certificate CN with the identity. */
  skipCnCheck?: boolean;
  /** Answer with this subprotocol whatever the client offered (even nothing). */
  chooseSubprotocol?: string;
  /** Answer without Sec-WebSocket-Protocol and keep the connection open. */
  noSubprotocol?: boolean;
  /**
   * Refuse an upgrade that has no subprotocol in common with this HTTP status, instead of what Part 4 asks (complete
   * the handshake without Sec-WebSocket-Protocol, then close at once).
   */
  refuseUnmatchedWithStatus?: number;
}

export interface ServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) = ephemeral. */
  port?: number;
  /** 0 = plain ws without auth (development only); 1 = ws + Basic Auth; 2 = wss + Basic Auth; 3 = wss + mutual TLS. */
  securityProfile: 0 | 1 | 2 | 3;
  /** Acceptable subprotocols, in our order of preference, e.g. ['ocpp2.0.1', 'ocpp2.1']. */
  subprotocols: string[];
  /** Whose order decides when several subprotocols match. Default 'client'. */
  subprotocolPreference?: 'client' | 'server';
  /** Password check for SP1/SP2 (user = identity is checked before this is called). */
  checkPassword?: (identity: string, password: string) => boolean;
  /** Return false for identities this CSMS does not know -> 404 (`target`: the request's URL path). Default: every valid identity is known. */
  isKnownIdentity?: (identity: string, target?: string) => boolean;
  /** Default 'lenient' (see identity.ts). */
  identityRule?: IdentityRule;
  /** Required for SP2 and SP3. */
  tls?: ServerTlsOptions;
  /** RFC 7692 permessage-deflate. */
  compression?: boolean;
  /** Largest accepted message; bigger ones close the connection with 1009. Default 16 MiB. */
  maxPayloadBytes?: number;
  /** How long a peer may take from TCP accept to a complete upgrade request (TLS handshake included). Default 10000. */
  handshakeTimeoutMs?: number;
  trace?: TraceSink;
  onConnection: (socket: WireSocket) => void;
  misbehave?: ServerMisbehaviour;
}

export interface RunningServer {
  /** Endpoint base URL, e.g. ws://127.0.0.1:PORT/ (append the identity to connect). */
  url: string;
  port: number;
  /**
   * SP2/SP3 only: new connections get these TLS parameters from now on (another certificate, other TLS versions or
   * cipher suites), open ones keep theirs. A station-side negative case serves a bad certificate or an old TLS
   * version this way on the endpoint the station already uses, then puts the configured parameters back.
   */
  setTls(tls: ServerTlsOptions): void;
  /** Closes every connection (1001), stops listening, and resolves when all sockets are gone. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024;
const DEFAULT_HANDSHAKE_TIMEOUT = 10_000;
const CLOSE_GRACE_MS = 2_000;
const RESET_HINT = 'a TLS client that does not accept our server certificate (or TLS parameters) typically just closes like this';
const TOKEN = /^[!#$%&'*+\-.0-9A-Z^_`|a-z~]+$/;

/** Splits PEM text into its blocks. */
function pemBlocks(text: string | undefined): string[] {
  if (!text) return [];
  return text.match(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g) ?? [];
}

/** Leaf first, then the chain, each certificate once. */
function certificateChain(certPem: string, chainPem: string | undefined): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const block of [...pemBlocks(certPem), ...pemBlocks(chainPem)]) {
    const key = block.replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(block);
  }
  return `${out.join('\n')}\n`;
}

type BasicAuth = { state: 'missing' } | { state: 'malformed'; why: string } | { state: 'present'; user: string; password: string };

function parseBasicAuth(header: string | undefined): BasicAuth {
  if (header === undefined) return { state: 'missing' };
  const m = /^Basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(header);
  if (!m?.[1]) return { state: 'malformed', why: 'Authorization header is not "Basic <base64>"' };
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return { state: 'malformed', why: 'decoded credentials contain no ":" between user and password' };
  return { state: 'present', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

type TlsFailureReason =
  | 'tls-handshake-timeout'
  | 'tls-not-tls'
  | 'tls-version-rejected'
  | 'tls-no-shared-cipher'
  | 'tls-client-cert-missing'
  | 'tls-client-cert-untrusted'
  | 'tls-peer-alert'
  | 'peer-reset'
  | 'tls-handshake-failed';

function classifyTlsError(err: Error & { code?: string; reason?: string }): TlsFailureReason {
  const text = `${err.code ?? ''} ${err.reason ?? ''} ${err.message}`.toLowerCase();
  if (err.code === 'ERR_TLS_HANDSHAKE_TIMEOUT' || text.includes('handshake timeout')) return 'tls-handshake-timeout';
  if (text.includes('wrong version number') || text.includes('http request') || text.includes('packet length too long') || text.includes('record layer failure') || text.includes('unknown protocol')) {
    return 'tls-not-tls';
  }
  // An alert *received* from the peer (e.g. the client does not trust our certificate).
  if (/(tlsv1|tlsv13|sslv3) alert/.test(text)) return 'tls-peer-alert';
  if (text.includes('unsupported protocol') || text.includes('version too low') || text.includes('protocol version')) return 'tls-version-rejected';
  if (text.includes('no shared cipher') || text.includes('no suitable') || text.includes('handshake failure')) return 'tls-no-shared-cipher';
  if (text.includes('did not return a certificate') || text.includes('certificate required')) return 'tls-client-cert-missing';
  if (text.includes('certificate verify failed') || text.includes('unknown ca') || text.includes('bad certificate') || text.includes('certificate')) {
    return 'tls-client-cert-untrusted';
  }
  if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return 'peer-reset';
  return 'tls-handshake-failed';
}

function remoteOf(socket: Partial<Socket> | undefined): string | undefined {
  if (!socket?.remoteAddress) return undefined;
  return `${socket.remoteAddress}:${socket.remotePort ?? '?'}`;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const sp = opts.securityProfile;
  const host = opts.host ?? '127.0.0.1';
  const trace = opts.trace;
  const misbehave = opts.misbehave ?? {};
  const handshakeTimeoutMs = opts.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT;
  const secure = sp >= 2;
  const scheme = secure ? 'wss' : 'ws';

  if (![0, 1, 2, 3].includes(sp)) throw new Error(`securityProfile must be 0..3, got ${String(sp)}`);
  if (secure && !opts.tls) throw new Error(`security profile ${sp} needs tls.certPem and tls.keyPem`);
  if ((sp === 1 || sp === 2) && !opts.checkPassword && !misbehave.acceptAnyPassword) {
    throw new Error(`security profile ${sp} needs checkPassword (or misbehave.acceptAnyPassword)`);
  }
  if (sp === 3 && !opts.tls?.caPem && !misbehave.acceptAnyClientCert) {
    throw new Error('security profile 3 needs tls.caPem to verify client certificates (or misbehave.acceptAnyClientCert)');
  }
  for (const p of opts.subprotocols) if (!TOKEN.test(p)) throw new Error(`subprotocol "${p}" is not a valid token`);

  // Certificates, versions, suites and trust anchors: at the start and for every setTls.
  const contextOptions = (t: ServerTlsOptions): https.ServerOptions => {
    const o: https.ServerOptions = {
      cert: t.alternate ? [certificateChain(t.certPem, t.chainPem), certificateChain(t.alternate.certPem, t.alternate.chainPem)] : certificateChain(t.certPem, t.chainPem),
      key: t.alternate ? [t.keyPem, t.alternate.keyPem] : t.keyPem,
      minVersion: t.minVersion ?? 'TLSv1.2',
    };
    if (t.maxVersion) o.maxVersion = t.maxVersion as SecureVersion;
    if (t.ciphers) o.ciphers = t.ciphers;
    if (t.ecdhCurve) o.ecdhCurve = t.ecdhCurve;
    if (t.caPem) o.ca = t.caPem;
    return o;
  };
  let httpServer: http.Server | https.Server;
  if (secure) {
    const tlsOptions: https.ServerOptions = { ...contextOptions(opts.tls!), handshakeTimeout: handshakeTimeoutMs };
    if (sp === 3) {
      // Verification is ours (see 'secureConnection'): Node would drop an untrusted client silently,
      // and we want every refusal in the trace.
      tlsOptions.requestCert = true;
      tlsOptions.rejectUnauthorized = false;
    }
    httpServer = https.createServer(tlsOptions);
  } else {
    httpServer = http.createServer();
  }

  // Subprotocol decision per request, computed before the upgrade and read back by ws.
  const decisions = new WeakMap<IncomingMessage, string | false>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
    perMessageDeflate: opts.compression ? {} : false,
    clientTracking: false,
    handleProtocols: (_offered, req) => decisions.get(req) ?? false,
  });
  // ws only calls handleProtocols when the client offered something; a forced answer to an empty
  // offer is added here.
  wss.on('headers', (headers: string[], req: IncomingMessage) => {
    const decision = decisions.get(req);
    if (typeof decision === 'string' && !headers.some((h) => /^sec-websocket-protocol:/i.test(h))) {
      headers.push(`Sec-WebSocket-Protocol: ${decision}`);
    }
  });

  const rawSockets = new Set<Duplex>();
  // One refusal per connection: a reset can surface both as tlsClientError and as clientError.
  const reported = new WeakSet<Duplex>();
  const firstReport = (socket: Duplex): boolean => {
    if (reported.has(socket)) return false;
    reported.add(socket);
    return true;
  };
  const securedSockets = new WeakSet<Duplex>();
  // Sockets that sent an upgrade request (whatever became of it).
  const upgraded = new WeakSet<Duplex>();
  const upgradeTimers = new Map<Duplex, NodeJS.Timeout>();
  const live = new Set<WebSocket>();
  // Open connections per identity: a station connected twice at once is recorded in the trace (the older connection
  // is not closed for it; Part 4 leaves that to the CSMS, and a case that cares checks it).
  const openByIdentity = new Map<string, Map<WebSocket, string>>();
  let closing = false;
  let port = 0;

  const refuse = (
    socket: Duplex,
    status: number,
    reason: string,
    message: string,
    detail: Record<string, unknown>,
    extraHeaders: string[] = [],
  ): void => {
    reported.add(socket);
    emit(trace, { kind: 'refused', reason, detail: { side: 'server', status, message, ...detail } });
    const body = `${reason}: ${message}\n`;
    const head = [
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}`,
      'Connection: close',
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...extraHeaders,
    ];
    if (socket.writable) socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
    else socket.destroy();
  };

  const armUpgradeTimer = (socket: Duplex): void => {
    const timer = setTimeout(() => {
      upgradeTimers.delete(socket);
      if (firstReport(socket)) emit(trace, {
        kind: 'refused',
        reason: 'handshake-timeout',
        detail: { side: 'server', message: `no WebSocket upgrade request within ${handshakeTimeoutMs} ms`, remoteAddress: remoteOf(socket as Socket) },
      });
      socket.destroy();
    }, handshakeTimeoutMs);
    timer.unref();
    upgradeTimers.set(socket, timer);
    socket.once('close', () => disarm(socket));
  };
  const disarm = (socket: Duplex): void => {
    const t = upgradeTimers.get(socket);
    if (t) clearTimeout(t);
    upgradeTimers.delete(socket);
  };

  httpServer.on('connection', (socket: Socket) => {
    rawSockets.add(socket);
    socket.on('error', () => {
      // Reported through tlsClientError / clientError / the ws socket; never fatal.
    });
    socket.once('close', () => rawSockets.delete(socket));
    if (!secure) armUpgradeTimer(socket);
  });
  if (secure) {
    httpServer.on('secureConnection', (tlsSocket: TLSSocket) => {
      tlsSocket.on('error', () => {
        // see above
      });
      securedSockets.add(tlsSocket);
      if (sp === 3 && !misbehave.acceptAnyClientCert && !tlsSocket.authorized) {
        reported.add(tlsSocket);
        const peer = tlsSocket.getPeerCertificate();
        const missing = !peer || Object.keys(peer).length === 0;
        const code = tlsSocket.authorizationError instanceof Error ? tlsSocket.authorizationError.message : String(tlsSocket.authorizationError);
        emit(trace, {
          kind: 'refused',
          reason: missing ? 'tls-client-cert-missing' : 'tls-client-cert-untrusted',
          detail: {
            side: 'server',
            message: missing ? 'the client presented no certificate' : `the client certificate does not verify against tls.caPem: ${code}`,
            code,
            clientCertSubject: missing ? undefined : formatCertName(peer.subject),
            clientCertIssuer: missing ? undefined : formatCertName(peer.issuer),
            remoteAddress: remoteOf(tlsSocket),
          },
        });
        tlsSocket.destroy();
        return;
      }
      armUpgradeTimer(tlsSocket);
      // A client that checks the server's name only after the handshake (Node does) just closes: say so.
      tlsSocket.once('close', () => {
        if (upgraded.has(tlsSocket) || !firstReport(tlsSocket)) return;
        emit(trace, {
          kind: 'refused',
          reason: 'closed-before-upgrade',
          detail: { side: 'server', stage: 'after-tls-handshake', message: 'the peer closed the connection after the TLS handshake without an upgrade request', hint: RESET_HINT, remoteAddress: remoteOf(tlsSocket) },
        });
      });
    });
    httpServer.on('tlsClientError', (err: Error & { code?: string; reason?: string; library?: string }, tlsSocket: TLSSocket) => {
      tlsSocket.destroy();
      if (!firstReport(tlsSocket)) return;
      const reason = classifyTlsError(err);
      const detail: Record<string, unknown> = {
        side: 'server',
        stage: 'tls-handshake',
        message: `TLS handshake failed: ${err.message}`,
        code: err.code,
        opensslReason: err.reason,
        remoteAddress: remoteOf(tlsSocket),
      };
      if (reason === 'peer-reset') detail['hint'] = RESET_HINT;
      emit(trace, { kind: 'refused', reason, detail });
    });
  }

  httpServer.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    disarm(socket);
    // Before the TLS handshake is done, tlsClientError reports the same failure with more detail.
    if (secure && !securedSockets.has(socket)) {
      socket.destroy();
      return;
    }
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      if (!firstReport(socket)) return;
      const detail: Record<string, unknown> = {
        side: 'server',
        stage: 'http',
        message: `the peer closed the connection before completing an upgrade request: ${err.message}`,
        code: err.code,
        remoteAddress: remoteOf(socket as Socket),
      };
      if (securedSockets.has(socket)) {
        detail['hint'] = RESET_HINT;
      }
      emit(trace, { kind: 'refused', reason: 'peer-reset', detail });
      return;
    }
    refuse(socket, 400, 'bad-http-request', `malformed HTTP request: ${err.message}`, { code: err.code });
  });

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    disarm(req.socket);
    emit(trace, {
      kind: 'refused',
      reason: 'not-an-upgrade',
      detail: { side: 'server', status: 426, method: req.method, url: req.url, remoteAddress: remoteOf(req.socket) },
    });
    const body = 'not-an-upgrade: this endpoint only accepts WebSocket upgrade requests\n';
    res.writeHead(426, { Connection: 'close', Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });

  wss.on('wsClientError', (err: Error, socket: Duplex, req: IncomingMessage) => {
    refuse(socket, err.message === 'Invalid HTTP method' ? 405 : 400, 'bad-websocket-handshake', err.message, {
      url: req.url,
      remoteAddress: remoteOf(socket as Socket),
    });
  });

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    disarm(socket);
    upgraded.add(socket);
    const target = req.url ?? '/';
    const remoteAddress = remoteOf(socket as Socket);
    const base = { url: target, remoteAddress };
    if (closing) {
      refuse(socket, 503, 'server-closing', 'the server is shutting down', base);
      return;
    }

    // 1. Identity from the URL.
    const idCheck = identityFromRequestTarget(target, opts.identityRule ?? 'lenient');
    if (!idCheck.ok) {
      const status = idCheck.problem === 'identity-bad-encoding' ? 400 : 404;
      refuse(socket, status, idCheck.problem, idCheck.message, { ...base, identity: idCheck.identity });
      return;
    }
    const identity = idCheck.identity;
    if (opts.isKnownIdentity && !opts.isKnownIdentity(identity, target)) {
      refuse(socket, 404, 'identity-unknown', `no Charging Station "${identity}" is known here`, { ...base, identity });
      return;
    }

    // 2. Authentication.
    const auth = parseBasicAuth(req.headers.authorization);
    let authUser: string | undefined;
    let authOk: boolean | undefined;
    if (auth.state === 'present') authUser = auth.user;
    if (sp === 1 || sp === 2) {
      const challenge = ['WWW-Authenticate: Basic realm="OCPP", charset="UTF-8"'];
      let failure: { reason: string; message: string } | undefined;
      if (auth.state === 'missing') {
        authOk = false;
        failure = { reason: 'auth-missing', message: 'no Authorization header' };
      } else if (auth.state === 'malformed') {
        authOk = false;
        failure = { reason: 'auth-malformed', message: auth.why };
      } else if (auth.user !== identity && !misbehave.ignoreAuthUser) {
        authOk = false;
        failure = { reason: 'auth-user-mismatch', message: `Basic Auth user "${auth.user}" differs from the identity "${identity}"` };
      } else {
        authOk = opts.checkPassword ? opts.checkPassword(identity, auth.password) : false;
        if (!authOk) failure = { reason: 'auth-bad-password', message: `wrong password for "${identity}"` };
      }
      if (failure && !misbehave.acceptAnyPassword) {
        refuse(socket, 401, failure.reason, failure.message, { ...base, identity, authUser }, challenge);
        return;
      }
    }

    // 3. Client certificate (SP3).
    let clientCertSubject: string | undefined;
    let clientCertIssuer: string | undefined;
    const tlsSocket = socket as TLSSocket;
    if (secure && typeof tlsSocket.getPeerCertificate === 'function') {
      const peer = tlsSocket.getPeerCertificate();
      if (peer && Object.keys(peer).length > 0) {
        clientCertSubject = formatCertName(peer.subject);
        clientCertIssuer = formatCertName(peer.issuer);
        if (sp === 3 && !misbehave.skipCnCheck && !misbehave.acceptAnyClientCert) {
          const cn = commonNameOf(peer.subject);
          if (cn !== identity) {
            refuse(socket, 403, 'client-cert-cn-mismatch', `client certificate CN "${cn ?? ''}" differs from the identity "${identity}"`, {
              ...base,
              identity,
              clientCertSubject,
            });
            return;
          }
        }
      } else if (sp === 3 && !misbehave.acceptAnyClientCert) {
        // Only reachable if the TLS layer let a certificate-less peer through; refuse anyway.
        refuse(socket, 403, 'client-cert-missing', 'no client certificate was presented', { ...base, identity });
        return;
      }
    }

    // 4. Subprotocol.
    const header = req.headers['sec-websocket-protocol'];
    const offered = header === undefined ? [] : header.split(',').map((s) => s.trim());
    if (header !== undefined && (offered.some((p) => !TOKEN.test(p)) || new Set(offered).size !== offered.length)) {
      refuse(socket, 400, 'bad-subprotocol-header', `Sec-WebSocket-Protocol "${header}" is empty, not a token list, or repeats an entry`, {
        ...base,
        identity,
      });
      return;
    }
    let decision: string | false;
    let noCommon = false;
    if (misbehave.chooseSubprotocol !== undefined) decision = misbehave.chooseSubprotocol;
    else if (misbehave.noSubprotocol) decision = false;
    else {
      const pick =
        opts.subprotocolPreference === 'server'
          ? opts.subprotocols.find((p) => offered.includes(p))
          : offered.find((p) => opts.subprotocols.includes(p));
      decision = pick ?? false;
      noCommon = pick === undefined;
    }
    if (noCommon && misbehave.refuseUnmatchedWithStatus !== undefined) {
      const status = misbehave.refuseUnmatchedWithStatus;
      refuse(socket, status, 'no-common-subprotocol', `no common subprotocol; refused with HTTP ${status} on purpose (misbehaviour)`, {
        ...base,
        identity,
        offered,
        supported: opts.subprotocols,
      });
      return;
    }
    decisions.set(req, decision);

    wss.handleUpgrade(req, socket, head, (ws) => {
      const facts: HandshakeFacts = {
        connectionId: newConnectionId('server'),
        side: 'server',
        url: `${scheme}://${host}:${port}${target}`,
        identity,
        offeredSubprotocols: offered,
        securityProfile: sp,
        compression: ws.extensions.includes('permessage-deflate'),
        ...tlsFacts(socket),
      };
      if (remoteAddress) facts.remoteAddress = remoteAddress;
      if (typeof decision === 'string') facts.chosenSubprotocol = decision;
      if (authUser !== undefined) facts.authUser = authUser;
      if (authOk !== undefined) facts.authOk = authOk;
      if (clientCertSubject) facts.clientCertSubject = clientCertSubject;
      if (clientCertIssuer) facts.clientCertIssuer = clientCertIssuer;

      if (noCommon) {
        emit(trace, {
          kind: 'refused',
          reason: 'no-common-subprotocol',
          detail: {
            side: 'server',
            message: 'handshake completed without Sec-WebSocket-Protocol, then closed with 1002',
            offered,
            supported: opts.subprotocols,
            identity,
            connectionId: facts.connectionId,
            remoteAddress,
          },
        });
        ws.on('error', () => {
          // The client may already have dropped the connection.
        });
        ws.close(1002, 'no common OCPP subprotocol');
        const t = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
        t.unref();
        ws.once('close', () => clearTimeout(t));
        return;
      }

      live.add(ws);
      const sameIdentity = openByIdentity.get(identity) ?? new Map<WebSocket, string>();
      openByIdentity.set(identity, sameIdentity);
      if (sameIdentity.size > 0) {
        const older = [...sameIdentity.values()];
        emit(trace, {
          kind: 'note',
          message: `identity "${identity}" connected again (${facts.connectionId}) while ${older.join(', ')} of the same identity is still open: ${older.length + 1} connections at once`,
          data: { duplicateIdentity: identity, connectionId: facts.connectionId, openConnections: older },
        });
      }
      sameIdentity.set(ws, facts.connectionId);
      ws.once('close', () => {
        live.delete(ws);
        sameIdentity.delete(ws);
        if (sameIdentity.size === 0 && openByIdentity.get(identity) === sameIdentity) openByIdentity.delete(identity);
      });
      const wire = wrapWebSocket(ws, facts, trace);
      emit(trace, { kind: 'connection', facts });
      try {
        opts.onConnection(wire);
      } catch (err) {
        emit(trace, {
          kind: 'note',
          message: `onConnection threw for ${facts.connectionId}; closing with 1011`,
          data: { error: err instanceof Error ? err.message : String(err) },
        });
        wire.close(1011, 'internal error');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    httpServer.once('error', onError);
    httpServer.listen(opts.port ?? 0, host, () => {
      httpServer.off('error', onError);
      resolve();
    });
  });
  httpServer.on('error', (err) => emit(trace, { kind: 'note', message: `server error: ${err.message}` }));
  port = (httpServer.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  let closePromise: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closePromise ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const sockets = [...live];
      await Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === ws.CLOSED) return resolve();
              const t = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
              ws.once('close', () => {
                clearTimeout(t);
                resolve();
              });
              ws.close(1001, 'server shutting down');
            }),
        ),
      );
      for (const t of upgradeTimers.values()) clearTimeout(t);
      upgradeTimers.clear();
      for (const s of rawSockets) s.destroy();
      wss.close();
      await stopped;
    })();
    return closePromise;
  };

  const setTls = (t: ServerTlsOptions): void => {
    if (!secure) throw new Error(`security profile ${sp} serves no TLS`);
    (httpServer as https.Server).setSecureContext(contextOptions(t));
    emit(trace, { kind: 'note', message: `TLS parameters for new connections: ${t.minVersion ?? 'TLSv1.2'}..${t.maxVersion ?? 'TLSv1.3'}${t.ciphers ? `, ciphers ${t.ciphers}` : ''}` });
  };

  return { url: `${scheme}://${hostInUrl}:${port}/`, port, setTls, close };
}
