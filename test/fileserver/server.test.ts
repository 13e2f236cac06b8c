// The file server a station downloads firmware from and uploads logs to: HTTP and HTTPS, recorded requests, uploads by
// raw body and multipart, and each way it can be told to fail.
import { request as httpsRequest } from 'node:https';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileServer } from '../../src/fileserver/index.ts';
import type { FileRequestRecord } from '../../src/fileserver/index.ts';
import { createRootCa, issueCertificate } from '../../src/pki/index.ts';
import type { IssuedCert } from '../../src/pki/index.ts';

const running: FileServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(opts: Parameters<typeof FileServer.start>[0] = {}): Promise<FileServer> {
  const s = await FileServer.start(opts);
  running.push(s);
  return s;
}

const IMAGE = Buffer.from('firmware image bytes 0123456789');

describe('FileServer over HTTP', () => {
  it('serves a published file and records the request', async () => {
    const seen: FileRequestRecord[] = [];
    const s = await start({ onRecord: (r) => seen.push(r) });
    const url = s.publish('fw.bin', IMAGE);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/fw\.bin$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(IMAGE);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/files/fw.bin', status: 200, bytesOut: IMAGE.length });
  });

  it('answers 404 for a file it does not have', async () => {
    const s = await start();
    const res = await fetch(s.url('/files/nothing.bin'));
    expect(res.status).toBe(404);
    expect(s.records[0]?.status).toBe(404);
  });

  it('keeps an upload sent as a raw PUT body, named by the URL', async () => {
    const s = await start();
    const log = Buffer.from('log line 1\nlog line 2\n');
    const res = await fetch(`${s.uploadUrl()}station.log`, { method: 'PUT', body: log });
    expect(res.status).toBe(201);
    expect(s.uploads).toEqual([expect.objectContaining({ name: 'station.log', size: log.length })]);
  });

  it('keeps an upload sent as multipart/form-data, named by the part', async () => {
    const s = await start();
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('diagnostics')]), 'diag-42.zip');
    const res = await fetch(s.uploadUrl(), { method: 'POST', body: form });
    expect(res.status).toBe(201);
    expect(s.uploads[0]).toMatchObject({ name: 'diag-42.zip', size: 'diagnostics'.length });
  });

  it('refuses an upload without a file name', async () => {
    const s = await start();
    const res = await fetch(s.uploadUrl(), { method: 'PUT', body: 'x' });
    expect(res.status).toBe(400);
    expect(s.uploads).toEqual([]);
  });

  it('waits for an upload that arrives later, and gives up after the deadline', async () => {
    const s = await start();
    const waiting = s.waitForUpload((u) => u.name === 'late.log', 5000);
    await fetch(`${s.uploadUrl()}late.log`, { method: 'PUT', body: 'abc' });
    expect((await waiting)?.size).toBe(3);
    expect(await s.waitForUpload((u) => u.name === 'never.log', 50)).toBeUndefined();
  });
});

describe('FileServer failures', () => {
  it('notFound answers 404 even for a published file', async () => {
    const s = await start();
    const url = s.publish('fw.bin', IMAGE);
    s.fail({ kind: 'notFound' });
    expect((await fetch(url)).status).toBe(404);
    expect(s.records[0]).toMatchObject({ status: 404, failure: 'notFound' });
  });

  it('drop closes the connection without an answer', async () => {
    const s = await start();
    const url = s.publish('fw.bin', IMAGE);
    s.fail({ kind: 'drop' });
    await expect(fetch(url)).rejects.toThrow();
    expect(s.records[0]?.status).toBe('dropped');
  });

  it('slow holds the answer back', async () => {
    const s = await start();
    const url = s.publish('fw.bin', IMAGE);
    s.fail({ kind: 'slow', delayMs: 300 });
    const t0 = Date.now();
    expect((await fetch(url)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('wrongContent serves different bytes of the same length', async () => {
    const s = await start();
    const url = s.publish('fw.bin', IMAGE);
    s.fail({ kind: 'wrongContent' });
    const got = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(got.length).toBe(IMAGE.length);
    expect(got.equals(IMAGE)).toBe(false);
    s.fail(undefined);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(IMAGE)).toBe(true);
  });

  it('a refusing URL points where nothing listens', async () => {
    const s = await start();
    await expect(fetch(await s.refusingUrl('/files/fw.bin'))).rejects.toThrow();
  });
});

describe('FileServer over HTTPS', () => {
  let root: IssuedCert;
  let server: IssuedCert;
  beforeAll(async () => {
    root = await createRootCa({ commonName: 'File Server Test Root' });
    server = await issueCertificate({ issuer: root, commonName: '127.0.0.1', usage: 'server', ipAddresses: ['127.0.0.1'] });
  });

  function get(url: string, ca: string): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(url, { ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves over TLS with the given certificate, trusted through its root', async () => {
    const s = await start({ tls: { certPem: server.chainPem, keyPem: server.keyPem } });
    const url = s.publish('fw.bin', IMAGE);
    expect(url.startsWith('https://')).toBe(true);
    const res = await get(url, root.certPem);
    expect(res.status).toBe(200);
    expect(res.body.equals(IMAGE)).toBe(true);
  });

  it('a client that does not trust the root cannot download', async () => {
    const other = await createRootCa({ commonName: 'Unrelated Root' });
    const s = await start({ tls: { certPem: server.chainPem, keyPem: server.keyPem } });
    await expect(get(s.publish('fw.bin', IMAGE), other.certPem)).rejects.toThrow();
  });
});
