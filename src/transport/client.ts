// The test system as Charging Station: opens an OCPP-J WebSocket to a CSMS under security profile 0-3.
//
// Decisions:
// - The connection URL is the endpoint URL plus '/' plus the percent-encoded identity (identity.ts).
// - SP1/SP2 send Basic Auth with user = identity. SP3 authenticates with the client certificate only
//   and sends no Authorization header, even when a password is configured.
// - The opening handshake is bounded by one deadline (handshakeTimeoutMs) covering TCP, TLS and HTTP.
// - `ws` enforces RFC 6455 on the answer: a subprotocol we did not offer, or none at all when we
//   offered some, fails the connection (kind 'subprotocol'). Offering nothing and getting nothing is
//   accepted, so a test can watch what the server does next.

import { X509Certificate } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { checkServerIdentity } from 'node:tls';
import type { DetailedPeerCertificate, PeerCertificate, SecureVersion, TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { TraceSink } from '../report/trace-types.ts';
import { TransportError } from './errors.ts';
import { connectionUrl } from './identity.ts';
import type { TlsVersion } from './server.ts';
import type { HandshakeFacts } from './types.ts';
import type { NetWireSocket } from './wire.ts';
import { emit, formatCertName, newConnectionId, tlsFacts, wrapWebSocket } from './wire.ts';

export { TransportError } from './errors.ts';
export type { TransportErrorKind } from './errors.ts';

export interface ClientTlsOptions {
  /** Trust anchors for the server certificate. Without it Node's bundled roots are used. */
  caPem?: string;
  /** Client certificate and key (SP3). */
  certPem?: string;
  keyPem?: string;
  /** Intermediates sent after the leaf (a copy of the leaf in here is harmless). */
  chainPem?: string;
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  ciphers?: string;
  /** SNI and the name the server certificate is checked against. Default: the URL host (no SNI for IP literals). */
  servername?: string;
  /**
   * A further check of the verified server chain (leaf first, up to the trust anchor): a reason to refuse it, or
   * undefined. Lets a station demand that the chain runs through one certificate of its `caPem` (a CSMS root that
   * is itself signed by another root: OpenSSL in Node cannot take a non-self-signed certificate as anchor).
   */
  acceptChain?: (chain: X509Certificate[]) => string | undefined;
}

export interface ClientMisbehaviour {
  /** Send a password that differs from `password`. */
  wrongPassword?: boolean;
  /** Basic Auth: send this user name instead of the identity. */
  authUser?: string;
  /** Basic Auth: send this password instead of `password` (a chosen wrong one, or a new one the CSMS set). */
  authPassword?: string;
  /** Offer only this TLS 1.2 cipher suite (OpenSSL name), to learn whether the server supports it. */
  onlyCipherSuite?: string;
  /** Send no Authorization header at all. */
  omitAuth?: boolean;
  /** SP3: present no client certificate. */
  omitClientCert?: boolean;
  /** Offer only this (old) TLS version; also lowers OpenSSL's security level so it can be sent. */
  offerTlsVersion?: 'TLSv1' | 'TLSv1.1';
  /** Accept any server certificate (no chain or name check). */
  skipServerVerification?: boolean;
  /** Offer exactly these subprotocols instead of `subprotocols` (may be empty). Must be distinct tokens. */
  offerSubprotocols?: string[];
}

export interface ClientOptions {
  /** CSMS endpoint base, e.g. wss://host:port/ocpp; the identity is appended as a percent-encoded segment. */
  url: string;
  identity: string;
  /** In our order of preference. */
  subprotocols: string[];
  securityProfile: 0 | 1 | 2 | 3;
  /** SP1/SP2 Basic Auth password (user = identity). */
  password?: string;
  tls?: ClientTlsOptions;
  compression?: boolean;
  /** Default 10000: the whole opening handshake (TCP + TLS + HTTP upgrade). */
  handshakeTimeoutMs?: number;
  /** Largest accepted incoming message. Default 16 MiB; bigger ones close with 1009. */
  maxPayloadBytes?: number;
  trace?: TraceSink;
  misbehave?: ClientMisbehaviour;
}

const TLS_ERROR_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && (TLS_ERROR_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'));
}

function wrongPasswordFor(password: string): string {
  return password.length > 0 ? `${password}-wrong` : 'wrong-password';
}

export async function connect(opts: ClientOptions): Promise<NetWireSocket> {
  const sp = opts.securityProfile;
  const misbehave = opts.misbehave ?? {};
  const trace = opts.trace;
  const timeoutMs = opts.handshakeTimeoutMs ?? 10_000;
  const url = connectionUrl(opts.url, opts.identity);
  const parsed = new URL(url);
  const secure = parsed.protocol === 'wss:';
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new Error(`URL scheme must be ws: or wss:, got ${parsed.protocol}`);
  if (sp >= 2 && !secure) throw new Error(`security profile ${sp} needs a wss: URL, got ${opts.url}`);
  if (sp <= 1 && secure) throw new Error(`security profile ${sp} needs a ws: URL, got ${opts.url}`);
  if ((sp === 1 || sp === 2) && opts.password === undefined && !misbehave.omitAuth) {
    throw new Error(`security profile ${sp} needs a password (or misbehave.omitAuth)`);
  }
  if (sp === 3 && !misbehave.omitClientCert && (!opts.tls?.certPem || !opts.tls.keyPem)) {
    throw new Error('security profile 3 needs tls.certPem and tls.keyPem (or misbehave.omitClientCert)');
  }

  const offered = misbehave.offerSubprotocols ?? opts.subprotocols;
  const headers: Record<string, string> = {};
  let authUser: string | undefined;
  if ((sp === 1 || sp === 2) && !misbehave.omitAuth) {
    const password = misbehave.authPassword ?? (misbehave.wrongPassword ? wrongPasswordFor(opts.password ?? '') : (opts.password ?? ''));
    authUser = misbehave.authUser ?? opts.identity;
    headers['Authorization'] = `Basic ${Buffer.from(`${authUser}:${password}`, 'utf8').toString('base64')}`;
  }

  // ws hands TLS options (servername included) through to tls.connect.
  const wsOptions: WebSocket.ClientOptions & { servername?: string } = {
    headers,
    perMessageDeflate: opts.compression ? {} : false,
    maxPayload: opts.maxPayloadBytes ?? 16 * 1024 * 1024,
    followRedirects: false,
  };
  if (secure) {
    const t = opts.tls ?? {};
    if (t.caPem) wsOptions.ca = t.caPem;
    if (sp === 3 && !misbehave.omitClientCert && t.certPem && t.keyPem) {
      wsOptions.cert = t.chainPem && !t.chainPem.includes(t.certPem.trim()) ? `${t.certPem.trim()}\n${t.chainPem}` : (t.chainPem ?? t.certPem);
      wsOptions.key = t.keyPem;
    }
    if (t.minVersion) wsOptions.minVersion = t.minVersion as SecureVersion;
    if (t.maxVersion) wsOptions.maxVersion = t.maxVersion as SecureVersion;
    if (t.ciphers) wsOptions.ciphers = t.ciphers;
    if (t.servername) wsOptions.servername = t.servername;
    const acceptChain = t.acceptChain;
    if (acceptChain) {
      // Node calls this only after the chain verified; an Error refuses the handshake like a verification failure.
      (wsOptions as { checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined }).checkServerIdentity = (host, cert) => {
        const nameProblem = checkServerIdentity(host, cert);
        if (nameProblem) return nameProblem;
        const chain: X509Certificate[] = [];
        const seen = new Set<string>();
        for (let c: DetailedPeerCertificate | undefined = cert as DetailedPeerCertificate; c?.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
          seen.add(c.fingerprint256);
          chain.push(new X509Certificate(c.raw));
        }
        const refusal = acceptChain(chain);
        return refusal ? new Error(refusal) : undefined;
      };
    }
    if (misbehave.offerTlsVersion) {
      wsOptions.minVersion = misbehave.offerTlsVersion;
      wsOptions.maxVersion = misbehave.offerTlsVersion;
      wsOptions.ciphers = t.ciphers ?? 'DEFAULT@SECLEVEL=0';
    }
    if (misbehave.onlyCipherSuite) {
      wsOptions.ciphers = misbehave.onlyCipherSuite;
      wsOptions.maxVersion = 'TLSv1.2';
    }
    if (misbehave.skipServerVerification) wsOptions.rejectUnauthorized = false;
  }

  const connectionId = newConnectionId('client');
  const facts: HandshakeFacts = {
    connectionId,
    side: 'client',
    url,
    identity: opts.identity,
    offeredSubprotocols: [...offered],
    securityProfile: sp,
  };
  if (authUser !== undefined) facts.authUser = authUser;

  return new Promise<NetWireSocket>((resolve, reject) => {
    let settled = false;
    let tcpUp = false;
    let tlsUp = false;
    let ws: WebSocket;

    const fail = (err: TransportError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      emit(trace, {
        kind: 'refused',
        reason: err.status !== undefined ? `${err.kind} ${err.status}` : err.kind,
        detail: { side: 'client', connectionId, url, message: err.message, kind: err.kind, status: err.status, code: err.detail },
      });
      try {
        ws.terminate();
      } catch {
        // already gone
      }
      reject(err);
    };

    const timer = setTimeout(() => {
      const stage = !tcpUp ? 'TCP connect' : secure && !tlsUp ? 'TLS handshake' : 'HTTP upgrade';
      fail(new TransportError('timeout', `no complete opening handshake within ${timeoutMs} ms (stuck in ${stage})`, { detail: stage }));
    }, timeoutMs);

    // finishRequest lets us watch the socket's stages (TCP up, TLS up) to name where a failure happened.
    wsOptions.finishRequest = (request: ClientRequest) => {
      request.once('socket', (s: Socket) => {
        if (!s.connecting) tcpUp = true;
        s.once('connect', () => (tcpUp = true));
        s.once('secureConnect', () => (tlsUp = true));
      });
      request.end();
    };
    try {
      ws = new WebSocket(url, offered, wsOptions);
    } catch (err) {
      clearTimeout(timer);
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }


    ws.on('upgrade', (res: IncomingMessage) => {
      const proto = res.headers['sec-websocket-protocol'];
      if (typeof proto === 'string') facts.chosenSubprotocol = proto;
      Object.assign(facts, tlsFacts(res.socket));
      const tlsSocket = res.socket as Partial<TLSSocket>;
      if (secure && typeof tlsSocket.getPeerCertificate === 'function') {
        const peer: PeerCertificate = tlsSocket.getPeerCertificate();
        const subject = formatCertName(peer.subject);
        const issuer = formatCertName(peer.issuer);
        if (subject) facts.serverCertSubject = subject;
        if (issuer) facts.serverCertIssuer = issuer;
        try {
          if (peer.raw) facts.serverCertPem = new X509Certificate(peer.raw).toString();
        } catch {
          // Not a certificate Node can parse: left out, and a check that needs it says so.
        }
      }
    });

    ws.on('unexpected-response', (_req: ClientRequest, res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (): void => {
        const body = Buffer.concat(chunks).toString('utf8').trim();
        const challenge = res.headers['www-authenticate'];
        const detail = [body, challenge ? `WWW-Authenticate: ${challenge}` : ''].filter(Boolean).join(' | ');
        fail(
          new TransportError('http-status', `server refused the upgrade with HTTP ${status} ${res.statusMessage ?? ''}`.trim(), {
            status,
            detail: detail || undefined,
          }),
        );
      };
      res.on('data', (c: Buffer) => {
        if (size < 4096) chunks.push(c);
        size += c.length;
      });
      res.once('end', finish);
      res.once('error', finish);
      res.once('close', finish);
    });

    ws.on('error', (err: Error & { code?: string }) => {
      if (settled) return;
      const msg = err.message;
      if (/subprotocol/i.test(msg)) {
        const chosen = facts.chosenSubprotocol;
        fail(
          new TransportError('subprotocol', `${msg} (offered [${offered.join(', ')}], server answered ${chosen === undefined ? 'nothing' : `"${chosen}"`})`, {
            detail: chosen ?? 'none',
          }),
        );
        return;
      }
      if (isTlsCode(err.code) || (secure && tcpUp && !tlsUp)) {
        fail(new TransportError('tls', `TLS failure: ${msg}`, { detail: err.code ?? 'unknown', cause: err }));
        return;
      }
      fail(new TransportError('network', `network failure: ${msg}`, { detail: err.code ?? 'unknown', cause: err }));
    });

    ws.on('close', (code, reason) => {
      if (settled) return;
      fail(new TransportError('closed', `connection closed during the opening handshake (${code} ${reason.toString('utf8')})`, { detail: String(code) }));
    });

    ws.once('open', () => {
      if (settled) {
        ws.terminate();
        return;
      }
      settled = true;
      clearTimeout(timer);
      facts.compression = ws.extensions.includes('permessage-deflate');
      const wire = wrapWebSocket(ws, facts, trace);
      emit(trace, { kind: 'connection', facts });
      resolve(wire);
    });
  });
}
