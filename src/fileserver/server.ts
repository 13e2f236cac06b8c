// The test system's file server: what a Charging Station downloads (firmware images) and uploads (diagnostics and
// security logs) during a case. HTTP, or HTTPS with a certificate of the test PKI. Every request is recorded (and handed
// to onRecord, which writes it to the case trace); the server can be told to misbehave for the negative cases; uploads
// are kept (name, size, SHA-256) so a case can check that a log really arrived before it may pass.
import { createHash } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { uploadedFile } from './upload-body.ts';

/**
 * How the server misbehaves until told otherwise:
 * - notFound: every request is answered 404;
 * - drop: the connection is closed before any answer (what a station sees when the server goes away mid-request);
 * - slow: every answer is held back delayMs;
 * - wrongContent: downloads are served with one byte changed, so their hash and signature no longer match.
 * A refused connection (nothing listens) is a URL, see FileServer.refusingUrl.
 */
export type FileServerFailure = { kind: 'notFound' } | { kind: 'drop' } | { kind: 'slow'; delayMs: number } | { kind: 'wrongContent' };

export interface FileRequestRecord {
  at: string;
  method: string;
  path: string;
  /** HTTP status sent, or 'dropped' when the connection was closed without an answer. */
  status: number | 'dropped';
  bytesIn: number;
  bytesOut: number;
  remote: string;
  failure?: FileServerFailure['kind'];
}

export interface UploadRecord {
  at: string;
  /** The file name the station gave (multipart filename, else the last URL path segment). */
  name: string;
  path: string;
  size: number;
  sha256: string;
}

export interface FileServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Host name or address put into URLs handed to the station (default: host, or 127.0.0.1 when host is 0.0.0.0 / ::). */
  publicHost?: string;
  /** HTTPS with this certificate (chain) and key; plain HTTP without. */
  tls?: { certPem: string; keyPem: string };
  /** Every request, as it is answered (the case trace). */
  onRecord?: (record: FileRequestRecord) => void;
  /** Largest upload kept, bytes (default 64 MiB); a larger one is answered 413. */
  maxUploadBytes?: number;
}

const UPLOAD_PREFIX = '/upload/';
const DEFAULT_MAX_UPLOAD = 64 * 1024 * 1024;

export class FileServer {
  readonly records: FileRequestRecord[] = [];
  readonly uploads: UploadRecord[] = [];
  private readonly files = new Map<string, Buffer>();
  private failure: FileServerFailure | undefined;
  private readonly uploadWaiters = new Set<() => void>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly scheme: 'http' | 'https',
    readonly port: number,
    private readonly publicHost: string,
    private readonly opts: FileServerOptions,
  ) {}

  static async start(opts: FileServerOptions = {}): Promise<FileServer> {
    const host = opts.host ?? '127.0.0.1';
    const ref: { self?: FileServer } = {};
    const handler = (req: IncomingMessage, res: ServerResponse): void => ref.self?.handle(req, res);
    const server = opts.tls ? createHttpsServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, handler) : createHttpServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const publicHost = opts.publicHost ?? (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
    const self = new FileServer(server, opts.tls ? 'https' : 'http', port, publicHost, opts);
    ref.self = self;
    server.on('connection', (s: Socket) => {
      self.sockets.add(s);
      s.once('close', () => self.sockets.delete(s));
    });
    return self;
  }

  /** The URL of a path on this server, as the station must use it. */
  url(path: string): string {
    const host = this.publicHost.includes(':') ? `[${this.publicHost}]` : this.publicHost;
    return `${this.scheme}://${host}:${this.port}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** Serves bytes at /files/<name>; returns the download URL. */
  publish(name: string, bytes: Buffer): string {
    this.files.set(`/files/${encodeURIComponent(name)}`, bytes);
    return this.url(`/files/${encodeURIComponent(name)}`);
  }

  /** The location a station uploads to (a folder URL: the station appends its file name or posts a multipart body). */
  uploadUrl(folder = 'logs'): string {
    return this.url(`${UPLOAD_PREFIX}${encodeURIComponent(folder)}/`);
  }

  /** Misbehave from now on (undefined: behave again). */
  fail(failure: FileServerFailure | undefined): void {
    this.failure = failure;
  }

  /** A URL on a port where nothing listens, so the station's connection is refused. */
  async refusingUrl(path: string): Promise<string> {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return `${this.scheme}://${this.publicHost}:${port}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** The first upload (already received or arriving within withinMs) that satisfies the predicate; undefined on timeout. */
  async waitForUpload(predicate: (u: UploadRecord) => boolean, withinMs: number): Promise<UploadRecord | undefined> {
    const found = (): UploadRecord | undefined => this.uploads.find(predicate);
    const now = found();
    if (now) return now;
    return new Promise((resolve) => {
      const check = (): void => {
        const u = found();
        if (u) done(u);
      };
      const timer = setTimeout(() => done(undefined), withinMs);
      const done = (u: UploadRecord | undefined): void => {
        clearTimeout(timer);
        this.uploadWaiters.delete(check);
        resolve(u);
      };
      this.uploadWaiters.add(check);
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ----- requests --------------------------------------------------------------------------------------------------------

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    const max = this.opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => this.answer(req, res, Buffer.concat(chunks), size));
  }

  private answer(req: IncomingMessage, res: ServerResponse, body: Buffer, bytesIn: number): void {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const failure = this.failure;
    const record = (status: number | 'dropped', bytesOut: number): void => {
      const r: FileRequestRecord = { at: new Date().toISOString(), method, path, status, bytesIn, bytesOut, remote: `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`, ...(failure ? { failure: failure.kind } : {}) };
      this.records.push(r);
      this.opts.onRecord?.(r);
    };
    const send = (status: number, bytes: Buffer = Buffer.alloc(0), type = 'text/plain'): void => {
      const go = (): void => {
        res.writeHead(status, { 'content-type': type, 'content-length': bytes.length });
        res.end(bytes);
        record(status, bytes.length);
      };
      if (failure?.kind === 'slow') setTimeout(go, failure.delayMs);
      else go();
    };
    if (failure?.kind === 'drop') {
      req.socket.destroy();
      record('dropped', 0);
      return;
    }
    if (failure?.kind === 'notFound') return send(404, Buffer.from('not found\n'));
    if (method === 'GET' || method === 'HEAD') {
      const file = this.files.get(path.split('?')[0] ?? path);
      if (!file) return send(404, Buffer.from('not found\n'));
      return send(200, method === 'HEAD' ? Buffer.alloc(0) : failure?.kind === 'wrongContent' ? altered(file) : file, 'application/octet-stream');
    }
    if ((method === 'PUT' || method === 'POST') && path.startsWith(UPLOAD_PREFIX)) {
      if (bytesIn > (this.opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD)) return send(413, Buffer.from('too large\n'));
      const file = uploadedFile(path, req.headers['content-type'], body);
      if (file.name === '') return send(400, Buffer.from('no file name: append it to the URL or send a multipart filename\n'));
      this.uploads.push({ at: new Date().toISOString(), name: file.name, path, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') });
      for (const w of [...this.uploadWaiters]) w();
      return send(201, Buffer.from('stored\n'));
    }
    return send(405, Buffer.from('method not allowed\n'));
  }
}

/** The same bytes with the last one changed (a download whose hash and signature no longer match). */
function altered(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  if (copy.length === 0) return Buffer.from([0]);
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0xff;
  return copy;
}
