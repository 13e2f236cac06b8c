// The reference station's file transfers: downloading a firmware image and uploading a log over HTTP or HTTPS (the
// protocols it announces in OCPPCommCtrlr.FileTransferProtocols). Over HTTPS it trusts the root it trusts for the CSMS
// connection. Failures are errors with a short reason, which the areas turn into OCPP statuses.
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

export class TransferError extends Error {
  /** unsupported: the URL's protocol is not one the station speaks (NotSupportedOperation for logs). */
  constructor(message: string, readonly kind: 'unsupported' | 'failed') {
    super(message);
    this.name = 'TransferError';
  }
}

export interface TransferOptions {
  /** Roots trusted for HTTPS (the CSMS root); without it HTTPS uses the system's roots. */
  caPem?: string | undefined;
  timeoutMs: number;
}

function send(url: string, opts: TransferOptions, method: string, headers: Record<string, string | number>, body?: Buffer): Promise<{ status: number; body: Buffer }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new TransferError(`not a URL: ${url}`, 'unsupported'));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.reject(new TransferError(`protocol ${target.protocol} is not supported (HTTP and HTTPS only)`, 'unsupported'));
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions & { ca?: string } = { method, headers, timeout: opts.timeoutMs, ...(opts.caPem ? { ca: opts.caPem } : {}) };
  return new Promise((resolve, reject) => {
    const req = request(target, options, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', (e) => reject(new TransferError(e.message, 'failed')));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof TransferError ? e : new TransferError(e.message, 'failed')));
    req.end(body);
  });
}

/** GETs the file; a status other than 2xx is a failure. */
export async function download(url: string, opts: TransferOptions, acceptAnyStatus = false): Promise<Buffer> {
  const res = await send(url, opts, 'GET', {});
  if (!acceptAnyStatus && (res.status < 200 || res.status > 299)) throw new TransferError(`HTTP ${res.status} for ${url}`, 'failed');
  return res.body;
}

/** POSTs the file as multipart/form-data (one part named "file" with its file name) to the given location. */
export async function upload(url: string, name: string, bytes: Buffer, opts: TransferOptions): Promise<void> {
  const boundary = `----ocpp-log-${Date.now().toString(16)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, bytes, tail]);
  const res = await send(url, opts, 'POST', { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length }, body);
  if (res.status < 200 || res.status > 299) throw new TransferError(`HTTP ${res.status} for ${url}`, 'failed');
}
