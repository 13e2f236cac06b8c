// Loopback tests of the TLS profiles: SP2 (server certificate + Basic Auth, RSA) and SP3 (mutual TLS,
// ECDSA P-256, plus one RSA run), and peers that misbehave at the TLS layer.

import net from 'node:net';
import tls from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCert } from '../../src/pki/index.ts';
import type { ClientOptions } from '../../src/transport/client.ts';
import { connect } from '../../src/transport/client.ts';
import type { RunningServer, ServerOptions } from '../../src/transport/server.ts';
import { startServer } from '../../src/transport/server.ts';
import type { WireSocket } from '../../src/transport/types.ts';
import type { Hierarchy } from './fixtures.ts';
import { hierarchy, stationCert } from './fixtures.ts';
import { Accepted, expectRefusal, nextMessage, within } from './helpers.ts';
import { RecordingTrace } from '../helpers/recording-trace.ts';

const running: RunningServer[] = [];
const clients: WireSocket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

let rsa: Hierarchy;
let ec: Hierarchy;
let wrong: Hierarchy;
let cs301: IssuedCert;
let cs301FromWrongCa: IssuedCert;
let rsaStation: IssuedCert;

beforeAll(async () => {
  [rsa, ec, wrong] = await Promise.all([hierarchy('RSA', 'RSA Test'), hierarchy('ECDSA-P256', 'EC Test'), hierarchy('ECDSA-P256', 'Wrong')]);
  [cs301, cs301FromWrongCa, rsaStation] = await Promise.all([
    stationCert(ec.root, 'CS301', 'ECDSA-P256'),
    stationCert(wrong.root, 'CS301', 'ECDSA-P256'),
    stationCert(rsa.root, 'CS302', 'RSA'),
  ]);
});

const PASSWORD = 'sp2-password-0123456789';
const checkPassword = (id: string, pw: string): boolean => id.startsWith('CS') && pw === PASSWORD;

async function server(extra: Partial<ServerOptions> & Pick<ServerOptions, 'securityProfile'>) {
  const trace = new RecordingTrace();
  const accepted = new Accepted();
  const h = extra.securityProfile === 3 ? ec : rsa;
  const srv = await startServer({
    subprotocols: ['ocpp2.0.1', 'ocpp2.1'],
    trace,
    onConnection: accepted.onConnection,
    // caPem only where client certificates are checked: with it, OpenSSL would also send the root in the chain.
    tls: { certPem: h.server.certPem, keyPem: h.server.keyPem, chainPem: h.server.chainPem, ...(extra.securityProfile === 3 ? { caPem: h.root.certPem } : {}) },
    checkPassword,
    ...extra,
  });
  running.push(srv);
  return { srv, trace, accepted };
}

function sp2Client(url: string, extra: Partial<ClientOptions> = {}): ClientOptions {
  return { url, identity: 'CS201', subprotocols: ['ocpp2.0.1'], securityProfile: 2, password: PASSWORD, tls: { caPem: rsa.root.certPem }, ...extra };
}

function sp3Client(url: string, cert: IssuedCert, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    url,
    identity: 'CS301',
    subprotocols: ['ocpp2.0.1'],
    securityProfile: 3,
    tls: { caPem: ec.root.certPem, certPem: cert.certPem, keyPem: cert.keyPem, chainPem: cert.chainPem },
    ...extra,
  };
}

describe('security profile 2 (TLS + Basic Auth, RSA)', () => {
  it('connects with a trusted root and records TLS facts on both sides', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 2 });
    expect(srv.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/$/);
    const clientTrace = new RecordingTrace();
    const client = await connect(sp2Client(srv.url, { trace: clientTrace }));
    clients.push(client);
    const serverSide = await accepted.next();
    expect(client.facts).toMatchObject({ tlsVersion: 'TLSv1.3', serverCertSubject: 'O=ocpp-conformance tests, CN=csms.test', serverCertIssuer: 'O=ocpp-conformance tests, CN=RSA Test Root' });
    expect(client.facts.tlsCipher).toMatch(/^TLS_/);
    expect(serverSide.facts).toMatchObject({ identity: 'CS201', authUser: 'CS201', authOk: true, tlsVersion: 'TLSv1.3', securityProfile: 2 });
    expect(serverSide.facts.clientCertSubject).toBeUndefined();
    expect((await trace.waitFor((e) => e.kind === 'connection', 'connection')).kind).toBe('connection');
    await clientTrace.waitFor((e) => e.kind === 'connection' && e.facts.serverCertSubject !== undefined, 'client connection');
    const got = nextMessage(serverSide);
    client.send('[2,"a","Heartbeat",{}]');
    expect((await got).text).toBe('[2,"a","Heartbeat",{}]');
  });

  it('wrong password over TLS is still 401', async () => {
    const { srv, trace } = await server({ securityProfile: 2 });
    const err = await expectRefusal(connect(sp2Client(srv.url, { misbehave: { wrongPassword: true } })));
    expect(err).toMatchObject({ kind: 'http-status', status: 401 });
    await trace.refusal('auth-bad-password');
  });

  it('client refuses a server certificate from a CA it does not trust', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 2 });
    const clientTrace = new RecordingTrace();
    const err = await expectRefusal(connect(sp2Client(srv.url, { tls: { caPem: wrong.root.certPem }, trace: clientTrace })));
    expect(err.kind).toBe('tls');
    expect(err.detail).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(await clientTrace.refusal('tls')).toMatchObject({ detail: { side: 'client', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } });
    // Node's client checks the chain after the handshake and just closes; the server sees one reset
    // before any HTTP, with a hint at the likely cause.
    const seen = await trace.refusal('peer-reset');
    expect(String(seen.detail?.['hint'])).toMatch(/certificate/);
    expect(trace.refusals()).toHaveLength(1);
    expect(accepted.sockets).toEqual([]);
  });

  it('client refuses a certificate whose names do not match the servername', async () => {
    const { srv } = await server({ securityProfile: 2 });
    const err = await expectRefusal(connect(sp2Client(srv.url, { tls: { caPem: rsa.root.certPem, servername: 'other.example' } })));
    expect(err).toMatchObject({ kind: 'tls', detail: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('skipServerVerification connects despite an untrusted server certificate', async () => {
    const { srv, accepted } = await server({ securityProfile: 2 });
    const client = await connect(sp2Client(srv.url, { tls: { caPem: wrong.root.certPem }, misbehave: { skipServerVerification: true } }));
    clients.push(client);
    expect((await accepted.next()).facts.identity).toBe('CS201');
  });

  it('a default server refuses a client that offers only TLS 1.1', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 2 });
    const err = await expectRefusal(connect(sp2Client(srv.url, { misbehave: { offerTlsVersion: 'TLSv1.1' } })));
    expect(err.kind).toBe('tls');
    const seen = await trace.refusal('tls-version-rejected');
    expect(seen.detail).toMatchObject({ side: 'server' });
    expect(accepted.sockets).toEqual([]);
  });

  it('a server deliberately limited to TLS 1.1 is refused by a default client, and accepted by a TLS 1.1 client', async () => {
    const { srv, accepted } = await server({
      securityProfile: 2,
      tls: { certPem: rsa.server.certPem, keyPem: rsa.server.keyPem, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' },
    });
    const err = await expectRefusal(connect(sp2Client(srv.url)));
    expect(err.kind).toBe('tls');
    const old = await connect(sp2Client(srv.url, { misbehave: { offerTlsVersion: 'TLSv1.1' } }));
    clients.push(old);
    expect(old.facts.tlsVersion).toBe('TLSv1.1');
    expect((await accepted.next()).facts.tlsVersion).toBe('TLSv1.1');
  });

  it('honours a TLS 1.2-only cipher configuration', async () => {
    const { srv, accepted } = await server({
      securityProfile: 2,
      tls: { certPem: rsa.server.certPem, keyPem: rsa.server.keyPem, maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' },
    });
    const client = await connect(sp2Client(srv.url));
    clients.push(client);
    expect(client.facts).toMatchObject({ tlsVersion: 'TLSv1.2', tlsCipher: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' });
    expect((await accepted.next()).facts.tlsCipher).toBe('TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  });

  it('garbage bytes on the TLS port are traced and the next client is served', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 2 });
    const sock = net.connect(srv.port, '127.0.0.1');
    sock.on('error', () => undefined);
    const dropped = within(new Promise<void>((resolve) => sock.on('close', () => resolve())), 'garbage peer dropped');
    sock.write(Buffer.from('\x00\x01\x02 this is not a TLS record \xff\xfe\r\n\r\n', 'latin1'));
    const seen = await trace.refusal('tls-not-tls');
    expect(seen.detail).toMatchObject({ side: 'server' });
    expect(String(seen.detail?.['message'])).toMatch(/TLS handshake failed/);
    await dropped;
    const client = await connect(sp2Client(srv.url));
    clients.push(client);
    expect((await accepted.next()).facts.identity).toBe('CS201');
  });

  it('a plain HTTP request on the TLS port is traced as not-TLS', async () => {
    const { srv, trace } = await server({ securityProfile: 2 });
    const sock = net.connect(srv.port, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.write('GET /CS201 HTTP/1.1\r\nHost: x\r\n\r\n');
    await trace.refusal('tls-not-tls');
    sock.destroy();
  });

  it('a TCP peer that never starts TLS does not block others and times out', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 2, handshakeTimeoutMs: 500 });
    const silent = net.connect(srv.port, '127.0.0.1');
    silent.on('error', () => undefined);
    await within(new Promise<void>((resolve) => silent.on('connect', () => resolve())), 'silent connect');
    const client = await connect(sp2Client(srv.url));
    clients.push(client);
    await accepted.next();
    expect(trace.refusals()).toEqual([]);
    await trace.refusal('tls-handshake-timeout');
    silent.destroy();
  });

  it('a peer that completes TLS but never sends the upgrade request is dropped', async () => {
    const { srv, trace } = await server({ securityProfile: 2, handshakeTimeoutMs: 500 });
    const sock = tls.connect({ port: srv.port, host: '127.0.0.1', ca: rsa.root.certPem });
    sock.on('error', () => undefined);
    await within(new Promise<void>((resolve) => sock.on('secureConnect', () => resolve())), 'secure connect');
    const dropped = within(new Promise<void>((resolve) => sock.on('close', () => resolve())), 'dropped');
    sock.resume();
    await trace.refusal('handshake-timeout');
    await dropped;
  });
});

describe('security profile 3 (mutual TLS, ECDSA P-256)', () => {
  it('connects with a client certificate whose CN is the identity; no Basic Auth is involved', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 3 });
    const client = await connect(sp3Client(srv.url, cs301, { password: 'ignored-under-sp3' }));
    clients.push(client);
    const serverSide = await accepted.next();
    expect(serverSide.facts).toMatchObject({
      identity: 'CS301',
      securityProfile: 3,
      clientCertSubject: 'O=ocpp-conformance tests, CN=CS301',
      clientCertIssuer: 'O=ocpp-conformance tests, CN=EC Test Root',
    });
    expect(serverSide.facts.authUser).toBeUndefined();
    expect(serverSide.facts.authOk).toBeUndefined();
    expect(serverSide.facts.tlsVersion).toBe('TLSv1.3');
    expect(client.facts.serverCertIssuer).toBe('O=ocpp-conformance tests, CN=EC Test Root');
    expect(trace.refusals()).toEqual([]);
  });

  it('refuses a client without a certificate', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 3 });
    const err = await expectRefusal(connect(sp3Client(srv.url, cs301, { misbehave: { omitClientCert: true } })));
    expect(['tls', 'network']).toContain(err.kind);
    await trace.refusal('tls-client-cert-missing');
    expect(accepted.sockets).toEqual([]);
  });

  it('refuses a client certificate from another CA', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 3 });
    const err = await expectRefusal(connect(sp3Client(srv.url, cs301FromWrongCa)));
    expect(['tls', 'network']).toContain(err.kind);
    const seen = await trace.refusal('tls-client-cert-untrusted');
    expect(seen.detail).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', clientCertSubject: 'O=ocpp-conformance tests, CN=CS301' });
    expect(accepted.sockets).toEqual([]);
  });

  it('refuses a certificate whose CN differs from the identity with 403', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 3 });
    const err = await expectRefusal(connect(sp3Client(srv.url, cs301, { identity: 'CS999' })));
    expect(err).toMatchObject({ kind: 'http-status', status: 403 });
    expect(err.detail).toContain('client-cert-cn-mismatch');
    expect(await trace.refusal('client-cert-cn-mismatch')).toMatchObject({ detail: { identity: 'CS999', clientCertSubject: 'O=ocpp-conformance tests, CN=CS301' } });
    expect(accepted.sockets).toEqual([]);
  });

  it('misbehave.skipCnCheck accepts a CN mismatch; acceptAnyClientCert accepts no certificate', async () => {
    const a = await server({ securityProfile: 3, misbehave: { skipCnCheck: true } });
    const c1 = await connect(sp3Client(a.srv.url, cs301, { identity: 'CS999' }));
    clients.push(c1);
    expect((await a.accepted.next()).facts).toMatchObject({ identity: 'CS999', clientCertSubject: 'O=ocpp-conformance tests, CN=CS301' });

    const b = await server({ securityProfile: 3, misbehave: { acceptAnyClientCert: true } });
    const c2 = await connect(sp3Client(b.srv.url, cs301, { misbehave: { omitClientCert: true } }));
    clients.push(c2);
    const s2 = await b.accepted.next();
    expect(s2.facts.identity).toBe('CS301');
    expect(s2.facts.clientCertSubject).toBeUndefined();
  });

  it('works with an RSA hierarchy as well', async () => {
    const { srv, accepted } = await server({
      securityProfile: 3,
      tls: { certPem: rsa.server.certPem, keyPem: rsa.server.keyPem, caPem: rsa.root.certPem },
    });
    const client = await connect({
      url: srv.url,
      identity: 'CS302',
      subprotocols: ['ocpp2.0.1'],
      securityProfile: 3,
      tls: { caPem: rsa.root.certPem, certPem: rsaStation.certPem, keyPem: rsaStation.keyPem },
    });
    clients.push(client);
    expect((await accepted.next()).facts.clientCertSubject).toBe('O=ocpp-conformance tests, CN=CS302');
  });
});
