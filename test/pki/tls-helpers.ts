// Loopback TLS handshakes for the PKI tests: one server on 127.0.0.1, port 0, one client, outcome from both sides.
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';

export interface HandshakeOptions {
  server: {
    cert: string;
    key: string;
    ca?: string;
    requestCert?: boolean;
    /** Default: same as requestCert. With false the server accepts any client and reports what it found. */
    rejectUnauthorized?: boolean;
  };
  client: { ca: string; cert?: string; key?: string; servername?: string };
}

export interface HandshakeResult {
  /** The client finished the handshake and accepted the server certificate. */
  clientOk: boolean;
  /** Error code the client saw (e.g. CERT_HAS_EXPIRED), when it failed. */
  clientError?: string;
  /** The server accepted the connection (with requestCert: a verified client certificate). */
  serverOk: boolean;
  serverError?: string;
  /** Subject CN of the client certificate as the server saw it. */
  peerCommonName?: string;
  /** With requestCert: whether OpenSSL verified the client certificate, and its verdict code if not. */
  peerAuthorized?: boolean;
  peerAuthorizationError?: string;
}

export async function handshake(opts: HandshakeOptions): Promise<HandshakeResult> {
  const requestCert = opts.server.requestCert ?? false;
  const server = tls.createServer({
    cert: opts.server.cert,
    key: opts.server.key,
    ca: opts.server.ca,
    requestCert,
    rejectUnauthorized: opts.server.rejectUnauthorized ?? requestCert,
  });
  const serverSide = new Promise<{ ok: boolean; error?: string; cn?: string; authorized?: boolean; authError?: string }>((resolve) => {
    server.on('secureConnection', (socket) => {
      const peer = socket.getPeerCertificate();
      const cn = peer.subject?.CN;
      const authError = socket.authorizationError as unknown;
      resolve({
        ok: true,
        cn: Array.isArray(cn) ? cn.join(',') : cn,
        authorized: socket.authorized,
        authError: authError instanceof Error ? ((authError as NodeJS.ErrnoException).code ?? authError.message) : (authError as string | undefined),
      });
      // Answer so the client learns the server side is done; then close.
      socket.end('ok');
    });
    server.on('tlsClientError', (err: NodeJS.ErrnoException) => resolve({ ok: false, error: err.code ?? err.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const clientSide = new Promise<{ ok: boolean; error?: string }>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        ca: opts.client.ca,
        cert: opts.client.cert,
        key: opts.client.key,
        servername: opts.client.servername,
        rejectUnauthorized: true,
      });
      let secured = false;
      socket.on('secureConnect', () => {
        secured = true;
      });
      socket.on('data', () => undefined);
      socket.on('close', () => resolve({ ok: false, error: 'CLOSED' }));
      socket.on('end', () => {
        socket.end();
        resolve({ ok: secured });
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        socket.destroy();
        resolve({ ok: false, error: err.code ?? err.message });
      });
    });
    const client = await clientSide;
    // When the client refuses the server certificate the server only sees a closed socket or an alert.
    const serverResult = await serverSide;
    return {
      clientOk: client.ok,
      clientError: client.error,
      serverOk: serverResult.ok,
      serverError: serverResult.error,
      peerCommonName: serverResult.cn,
      peerAuthorized: serverResult.authorized,
      peerAuthorizationError: serverResult.authError,
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
