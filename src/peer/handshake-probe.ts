// A raw WebSocket upgrade, for cases about the opening handshake itself. A normal client aborts when the server answers
// without one of the offered subprotocols, which hides what Part 4 asks a CSMS to do then: finish the handshake
// without Sec-WebSocket-Protocol and close at once. This probe sends the upgrade by hand and watches what follows.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { connectionUrl } from '../transport/identity.ts';

export type ProbeOutcome =
  | { kind: 'http-status'; status: number }
  | { kind: 'upgraded'; subprotocol: string | undefined; closedWithin: number | undefined; closeCode: number | undefined }
  | { kind: 'network'; message: string };

export interface ProbeOptions {
  url: string;
  identity: string;
  offer: string[];
  password?: string | undefined;
  tls?: { caPem?: string | undefined; certPem?: string | undefined; keyPem?: string | undefined } | undefined;
  /** How long to watch for the server's close after a 101. */
  watchMs: number;
}

export async function probeUpgrade(o: ProbeOptions): Promise<ProbeOutcome> {
  const target = new URL(connectionUrl(o.url, o.identity));
  const secure = target.protocol === 'wss:';
  const headers: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
  };
  if (o.offer.length > 0) headers['Sec-WebSocket-Protocol'] = o.offer.join(', ');
  if (o.password !== undefined) headers.Authorization = `Basic ${Buffer.from(`${o.identity}:${o.password}`).toString('base64')}`;
  const options: https.RequestOptions = {
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    headers,
    ...(secure ? { ca: o.tls?.caPem, cert: o.tls?.certPem, key: o.tls?.keyPem, servername: /^[\d.]+$|:/.test(target.hostname) ? undefined : target.hostname } : {}),
  };
  return await new Promise<ProbeOutcome>((resolve) => {
    const req = (secure ? https : http).request(options);
    req.on('response', (res) => {
      res.resume();
      resolve({ kind: 'http-status', status: res.statusCode ?? 0 });
    });
    req.on('upgrade', (res, socket: Socket) => {
      const raw = res.headers['sec-websocket-protocol'];
      const subprotocol = typeof raw === 'string' ? raw.trim() : undefined;
      const started = Date.now();
      let buf = Buffer.alloc(0);
      const finish = (closedWithin: number | undefined, closeCode: number | undefined): void => {
        clearTimeout(timer);
        socket.destroy();
        resolve({ kind: 'upgraded', subprotocol, closedWithin, closeCode });
      };
      const timer = setTimeout(() => finish(undefined, undefined), o.watchMs);
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        // Server frames are unmasked: byte 0 = FIN|opcode, byte 1 = length (< 126 for a close frame).
        if (buf.length >= 2 && ((buf[0] ?? 0) & 0x0f) === 0x8) {
          const len = (buf[1] ?? 0) & 0x7f;
          const code = len >= 2 && buf.length >= 4 ? buf.readUInt16BE(2) : undefined;
          finish(Date.now() - started, code);
        }
      });
      socket.on('close', () => finish(Date.now() - started, undefined));
      socket.on('error', () => finish(Date.now() - started, undefined));
    });
    req.on('error', (e) => resolve({ kind: 'network', message: e.message }));
    req.end();
  });
}
