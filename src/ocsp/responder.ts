// The test system's OCSP service (RFC 6960 over HTTP, appendix A): it answers for the certificates it is given, each
// signed by that certificate's issuing CA, and records every request, so that a case can check that the CSMS asked it
// (Part 6 TC_C_50/51/52) and what it asked. POST with application/ocsp-request and GET with the base64 request in the
// path are both served. A CertID it does not know gets "unknown"; a request for no known certificate "unauthorized".
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { certificateIdData } from '../pki/certificate-hash.ts';
import { buildOcspError, buildOcspResponse, parseOcspRequest, sameCertId, type CertId, type CertStatus, type OcspAnswer } from '../pki/ocsp.ts';

export interface KnownCertificate {
  certPem: string;
  /** The CA that issued it; it signs the answers about it. */
  issuer: { certPem: string; keyPem: string };
  status: CertStatus;
}

export interface OcspRequestRecord {
  at: string;
  method: string;
  /** The CertIDs asked about (empty when the request could not be read). */
  certIds: CertId[];
  /** What was answered per CertID, or why no answer with data was given. */
  answered: Array<{ certId: CertId; status: CertStatus }> | string;
  /** The request could not be read (not an OCSPRequest, too large, wrong method). */
  problem?: string;
}

export interface OcspResponderOptions {
  host?: string;
  port?: number;
  /**
   * The URL the SUT is told (default http://host:port/ocsp); set it when the SUT reaches us through another address.
   * "{port}" in it becomes the port the service listens on (port 0 picks one).
   */
  publicUrl?: string;
  /** Read at every request, so certificates may be added after the start (one naming the responder's URL must be). */
  certificates: KnownCertificate[];
  onRequest?(record: OcspRequestRecord): void;
}

export interface OcspResponder {
  url: string;
  requests: readonly OcspRequestRecord[];
  /** Resolves with the first request (earlier or later) that satisfies `match`; rejects after timeoutMs. */
  waitForRequest(match: (r: OcspRequestRecord) => boolean, timeoutMs: number): Promise<OcspRequestRecord>;
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 64 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        reject(new Error(`the request body exceeds ${MAX_REQUEST_BYTES} bytes`));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** The DER request of a POST body or of a GET path (base64, URL-encoded). */
async function requestDer(req: IncomingMessage): Promise<Buffer> {
  if (req.method === 'POST') return await readBody(req);
  if (req.method === 'GET') {
    const last = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    return Buffer.from(last, 'base64');
  }
  throw new Error(`method ${req.method ?? '?'} is not GET or POST`);
}

export async function startOcspResponder(opts: OcspResponderOptions): Promise<OcspResponder> {
  const records: OcspRequestRecord[] = [];
  const events = new EventEmitter();

  function answer(ids: CertId[]): { der: Buffer; answered: OcspRequestRecord['answered'] } {
    const found = ids.map((id) => ({ id, known: opts.certificates.find((k) => sameCertId(certificateIdData(k.certPem, id.hashAlgorithm, k.issuer.certPem), id)) }));
    const signer = found.find((f) => f.known)?.known?.issuer;
    if (!signer) return { der: buildOcspError('unauthorized'), answered: 'unauthorized: the request names no certificate this service answers for' };
    // One response is signed by one CA: CertIDs of another issuer are answered "unknown".
    const answers: OcspAnswer[] = found.map((f) => ({ certId: f.id, status: f.known && f.known.issuer.certPem === signer.certPem ? f.known.status : 'unknown' }));
    return { der: buildOcspResponse(signer, answers), answered: answers.map((a) => ({ certId: a.certId, status: a.status })) };
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const record: OcspRequestRecord = { at: new Date().toISOString(), method: req.method ?? '?', certIds: [], answered: 'malformedRequest' };
    let body: Buffer;
    try {
      const ids = parseOcspRequest(await requestDer(req));
      record.certIds = ids;
      const a = answer(ids);
      record.answered = a.answered;
      body = a.der;
    } catch (e) {
      record.problem = e instanceof Error ? e.message : String(e);
      body = buildOcspError('malformedRequest');
    }
    records.push(record);
    opts.onRequest?.(record);
    events.emit('request', record);
    res.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': body.length });
    res.end(body);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(e instanceof Error ? e.message : String(e));
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: opts.publicUrl?.replace('{port}', String(port)) ?? `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}/ocsp`,
    requests: records,
    waitForRequest(match, timeoutMs) {
      const seen = records.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('request', on);
          reject(new Error(`no matching OCSP request within ${(timeoutMs / 1000).toFixed(1)} s (${records.length} other request(s))`));
        }, timeoutMs);
        const on = (r: OcspRequestRecord): void => {
          if (!match(r)) return;
          clearTimeout(timer);
          events.off('request', on);
          resolve(r);
        };
        events.on('request', on);
      });
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
