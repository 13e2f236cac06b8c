// Loopback tests of the plain-ws transport: SP0, SP1 Basic Auth, identity rules, subprotocol
// negotiation, compression, payload limit, ping/pong, misbehaving peers, shutdown.

import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, TransportError } from '../../src/transport/client.ts';
import { checkIdentity, connectionUrl, identityFromRequestTarget } from '../../src/transport/identity.ts';
import type { RunningServer, ServerOptions } from '../../src/transport/server.ts';
import { startServer } from '../../src/transport/server.ts';
import type { WireSocket } from '../../src/transport/types.ts';
import { Accepted, closed, expectRefusal, nextMessage, rawUpgrade, within } from './helpers.ts';
import { RecordingTrace } from '../helpers/recording-trace.ts';

const running: RunningServer[] = [];
const clients: WireSocket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function server(extra: Partial<ServerOptions> & Pick<ServerOptions, 'securityProfile'>) {
  const trace = new RecordingTrace();
  const accepted = new Accepted();
  const srv = await startServer({ subprotocols: ['ocpp2.0.1', 'ocpp2.1'], trace, onConnection: accepted.onConnection, ...extra });
  running.push(srv);
  return { srv, trace, accepted };
}

const passwords: Record<string, string> = { CS001: 'correct-horse-battery-staple' };
const checkPassword = (id: string, pw: string): boolean => passwords[id] === pw;

describe('identity rules', () => {
  it('accepts 48 characters and refuses 49, colon and empty', () => {
    expect(checkIdentity('A'.repeat(48)).ok).toBe(true);
    expect(checkIdentity('A'.repeat(49))).toMatchObject({ ok: false, problem: 'identity-too-long' });
    expect(checkIdentity('CS:01')).toMatchObject({ ok: false, problem: 'identity-colon' });
    expect(checkIdentity('')).toMatchObject({ ok: false, problem: 'identity-missing' });
    expect(checkIdentity('CS\u000101')).toMatchObject({ ok: false, problem: 'identity-control-char' });
  });
  it('strict rule keeps to identifierString', () => {
    expect(checkIdentity('CS-01_a*=+|@.', 'strict').ok).toBe(true);
    expect(checkIdentity('RDAM 123', 'strict')).toMatchObject({ ok: false, problem: 'identity-bad-char' });
    expect(checkIdentity('RDAM 123', 'lenient').ok).toBe(true);
  });
  it('counts code points, not UTF-16 units', () => {
    expect(checkIdentity('😀'.repeat(48)).ok).toBe(true);
    expect(checkIdentity('😀'.repeat(49)).ok).toBe(false);
  });
  it('builds connection URLs like the Part 4 examples', () => {
    expect(connectionUrl('ws://csms.example.com/ocpp', 'CS001')).toBe('ws://csms.example.com/ocpp/CS001');
    expect(connectionUrl('wss://csms.example.com/ocppj', 'RDAM 123')).toBe('wss://csms.example.com/ocppj/RDAM%20123');
    expect(connectionUrl('ws://h:1/', 'a/b')).toBe('ws://h:1/a%2Fb');
    expect(identityFromRequestTarget('/ocppj/RDAM%20123?x=1')).toEqual({ ok: true, identity: 'RDAM 123' });
    expect(identityFromRequestTarget('/ocpp/%E0%A4')).toMatchObject({ ok: false, problem: 'identity-bad-encoding' });
    expect(identityFromRequestTarget('/ocpp/')).toMatchObject({ ok: false, problem: 'identity-missing' });
  });
});

describe('security profile 0', () => {
  it('connects, exchanges text both ways, records facts on both sides', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 0 });
    const clientTrace = new RecordingTrace();
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0, trace: clientTrace });
    clients.push(client);
    const serverSide = await accepted.next();

    expect(serverSide.facts).toMatchObject({
      side: 'server',
      identity: 'CS001',
      offeredSubprotocols: ['ocpp2.0.1'],
      chosenSubprotocol: 'ocpp2.0.1',
      securityProfile: 0,
      compression: false,
    });
    expect(serverSide.facts.remoteAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(serverSide.facts.tlsVersion).toBeUndefined();
    expect(client.facts).toMatchObject({ side: 'client', chosenSubprotocol: 'ocpp2.0.1', url: `${srv.url}CS001` });
    expect(trace.connections().map((e) => e.facts.connectionId)).toEqual([serverSide.facts.connectionId]);
    expect(clientTrace.connections().map((e) => e.facts.connectionId)).toEqual([client.facts.connectionId]);

    const fromClient = nextMessage(serverSide);
    client.send('[2,"1","Heartbeat",{}]');
    expect(await fromClient).toEqual({ text: '[2,"1","Heartbeat",{}]', isBinary: false });
    const fromServer = nextMessage(client);
    serverSide.send('[3,"1",{"currentTime":"2025-01-01T00:00:00Z"}]');
    expect((await fromServer).text).toBe('[3,"1",{"currentTime":"2025-01-01T00:00:00Z"}]');
  });

  it('delivers a message that arrived before any listener was registered', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'CS002', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    const serverSide = await accepted.next();
    // Send first, register later: the wrapper keeps the message.
    serverSide.send('early');
    serverSide.ping?.('probe');
    const pong = within(new Promise<string>((resolve) => serverSide.onPong?.(resolve)), 'pong');
    expect(await pong).toBe('probe');
    expect(await nextMessage(client)).toEqual({ text: 'early', isBinary: false });
  });

  it('the client can ping and the server answers with a pong', async () => {
    const { srv } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'CS008', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    const pong = within(new Promise<string>((resolve) => client.onPong(resolve)), 'pong');
    client.ping('are-you-there');
    expect(await pong).toBe('are-you-there');
  });

  it('hands binary messages to the listener flagged as binary', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const raw = new WebSocket(`${srv.url}CS003`, ['ocpp2.0.1']);
    raw.on('error', () => undefined);
    await within(new Promise((resolve) => raw.once('open', resolve)), 'raw open');
    const serverSide = await accepted.next();
    const got = nextMessage(serverSide);
    raw.send(Buffer.from('[2,"1","Heartbeat",{}]'), { binary: true });
    expect(await got).toEqual({ text: '[2,"1","Heartbeat",{}]', isBinary: true });
    raw.terminate();
  });

  it('reports close code and reason on both sides, and who closed', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'CS004', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    const serverSide = await accepted.next();
    const serverClosed = closed(serverSide);
    const clientClosed = closed(client);
    client.close(1000, 'bye');
    expect(await serverClosed).toEqual({ code: 1000, reason: 'bye' });
    expect(await clientClosed).toEqual({ code: 1000, reason: 'bye' });
    const ev = await trace.waitFor((e) => e.kind === 'close', 'close');
    expect(ev).toMatchObject({ kind: 'close', connectionId: serverSide.facts.connectionId, code: 1000, by: 'remote' });
    expect(() => client.send('late')).toThrow(TransportError);
  });

  it('terminate() looks like a vanished peer (1006, by network) to the server', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'CS005', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    const serverSide = await accepted.next();
    const serverClosed = closed(serverSide);
    client.terminate();
    expect((await serverClosed).code).toBe(1006);
    expect(await trace.waitFor((e) => e.kind === 'close', 'close')).toMatchObject({ by: 'network', code: 1006 });
  });

  it('refuses a message over maxPayloadBytes with 1009 and a trace note', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 0, maxPayloadBytes: 1024 });
    const client = await connect({ url: srv.url, identity: 'CS006', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    const serverSide = await accepted.next();
    const got = closed(client);
    const serverGot = closed(serverSide);
    client.send('x'.repeat(1025));
    expect((await got).code).toBe(1009);
    // The server sent 1009 and stopped reading, so it never sees the client's close frame: the
    // wrapper reports the code it sent.
    expect((await serverGot).code).toBe(1009);
    const note = await trace.waitFor((e) => e.kind === 'note' && e.message.includes('1009'), 'oversize note');
    expect(note).toMatchObject({ data: { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' } });
    expect(await trace.waitFor((e) => e.kind === 'close', 'close')).toMatchObject({ code: 1009, by: 'local' });
  });

  it('carries a 10 MB message with the default limit', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'CS007', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    const serverSide = await accepted.next();
    const big = `["${'y'.repeat(10 * 1024 * 1024)}"]`;
    const got = nextMessage(serverSide, 15_000);
    client.send(big);
    expect((await got).text.length).toBe(big.length);
  });

  it('server close() closes its clients with 1001', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const a = await connect({ url: srv.url, identity: 'CS010', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    const b = await connect({ url: srv.url, identity: 'CS011', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    await accepted.next();
    await accepted.next();
    const ca = closed(a);
    const cb = closed(b);
    await within(srv.close(), 'server close');
    expect(await ca).toMatchObject({ code: 1001 });
    expect(await cb).toMatchObject({ code: 1001 });
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS012', subprotocols: ['ocpp2.0.1'], securityProfile: 0 }));
    expect(err.kind).toBe('network');
    expect(err.detail).toBe('ECONNREFUSED');
  });
});

describe('security profile 1 (Basic Auth)', () => {
  it('right password: accepted, authUser and authOk recorded', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 1, checkPassword });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: passwords['CS001']! });
    clients.push(client);
    const serverSide = await accepted.next();
    expect(serverSide.facts).toMatchObject({ identity: 'CS001', authUser: 'CS001', authOk: true, securityProfile: 1 });
    expect(trace.refusals()).toEqual([]);
  });

  it('wrong password: 401 and a refusal naming the reason', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 1, checkPassword });
    const clientTrace = new RecordingTrace();
    const err = await expectRefusal(
      connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: passwords['CS001']!, misbehave: { wrongPassword: true }, trace: clientTrace }),
    );
    expect(err).toMatchObject({ kind: 'http-status', status: 401 });
    expect(err.detail).toContain('auth-bad-password');
    expect(err.detail).toContain('Basic realm="OCPP"');
    expect(await trace.refusal('auth-bad-password')).toMatchObject({ detail: { status: 401, identity: 'CS001', authUser: 'CS001' } });
    expect(await clientTrace.refusal('http-status 401')).toMatchObject({ detail: { side: 'client', status: 401 } });
    expect(accepted.sockets).toEqual([]);
  });

  it('missing Authorization header: 401', async () => {
    const { srv, trace } = await server({ securityProfile: 1, checkPassword });
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 1, misbehave: { omitAuth: true } }));
    expect(err).toMatchObject({ kind: 'http-status', status: 401 });
    await trace.refusal('auth-missing');
  });

  it('Basic Auth user different from the identity: 401', async () => {
    const { srv, trace } = await server({ securityProfile: 1, checkPassword });
    // Credentials valid for CS001 presented on CS002's URL.
    const { status } = await rawUpgrade(`${srv.url}CS002`, ['ocpp2.0.1'], {
      headers: { Authorization: `Basic ${Buffer.from(`CS001:${passwords['CS001']!}`).toString('base64')}` },
    });
    expect(status).toBe(401);
    expect(await trace.refusal('auth-user-mismatch')).toMatchObject({ detail: { identity: 'CS002', authUser: 'CS001' } });
  });

  it('malformed Authorization header: 401 auth-malformed', async () => {
    const { srv, trace } = await server({ securityProfile: 1, checkPassword });
    const { status, body } = await rawUpgrade(`${srv.url}CS001`, ['ocpp2.0.1'], { headers: { Authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` } });
    expect(body).toContain('auth-malformed');
    expect(status).toBe(401);
    await trace.refusal('auth-malformed');
  });

  it('misbehave.acceptAnyPassword lets a wrong password in but records authOk=false', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 1, checkPassword, misbehave: { acceptAnyPassword: true } });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: 'nope' });
    clients.push(client);
    expect((await accepted.next()).facts).toMatchObject({ authUser: 'CS001', authOk: false });
    expect(trace.refusals()).toEqual([]);
  });
});

describe('identity on the wire', () => {
  it('round-trips a percent-encoded identity ("CS 01/ä")', async () => {
    const { srv, accepted } = await server({ securityProfile: 1, checkPassword: (id, pw) => id === 'CS 01/ä' && pw === 'pässwörd-16chars' });
    const client = await connect({ url: srv.url, identity: 'CS 01/ä', subprotocols: ['ocpp2.0.1'], securityProfile: 1, password: 'pässwörd-16chars' });
    clients.push(client);
    expect(client.facts.url).toBe(`${srv.url}CS%2001%2F%C3%A4`);
    const serverSide = await accepted.next();
    expect(serverSide.facts).toMatchObject({ identity: 'CS 01/ä', authUser: 'CS 01/ä', authOk: true });
  });

  it('appends the identity under an endpoint path', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: `${srv.url}webServices/ocpp`, identity: 'CS3211', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    expect((await accepted.next()).facts.url).toMatch(/\/webServices\/ocpp\/CS3211$/);
  });

  it('refuses a 49-character identity with 404', async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const err = await expectRefusal(connect({ url: srv.url, identity: 'X'.repeat(49), subprotocols: ['ocpp2.0.1'], securityProfile: 0 }));
    expect(err).toMatchObject({ kind: 'http-status', status: 404 });
    expect(err.detail).toContain('identity-too-long');
    await trace.refusal('identity-too-long');
  });

  it('accepts a 48-character identity', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'X'.repeat(48), subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    expect((await accepted.next()).facts.identity).toBe('X'.repeat(48));
  });

  it("refuses an identity containing ':'", async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS:01', subprotocols: ['ocpp2.0.1'], securityProfile: 0 }));
    expect(err).toMatchObject({ kind: 'http-status', status: 404 });
    expect(await trace.refusal('identity-colon')).toMatchObject({ detail: { identity: 'CS:01' } });
  });

  it('refuses undecodable percent-encoding with 400 and an unknown identity with 404', async () => {
    const { srv, trace } = await server({ securityProfile: 0, isKnownIdentity: (id) => id === 'CS001' });
    const { status } = await rawUpgrade(`${srv.url}CS%E0%A4`, ['ocpp2.0.1']);
    expect(status).toBe(400);
    await trace.refusal('identity-bad-encoding');
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS999', subprotocols: ['ocpp2.0.1'], securityProfile: 0 }));
    expect(err.status).toBe(404);
    await trace.refusal('identity-unknown');
  });
});

describe('subprotocol negotiation', () => {
  it("takes the client's first supported entry by default", async () => {
    const { srv, accepted } = await server({ securityProfile: 0, subprotocols: ['ocpp2.0.1', 'ocpp2.1'] });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp1.6', 'ocpp2.1', 'ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    expect(client.facts.chosenSubprotocol).toBe('ocpp2.1');
    expect((await accepted.next()).facts).toMatchObject({ offeredSubprotocols: ['ocpp1.6', 'ocpp2.1', 'ocpp2.0.1'], chosenSubprotocol: 'ocpp2.1' });
  });

  it("takes the server's order when asked to", async () => {
    const { srv } = await server({ securityProfile: 0, subprotocols: ['ocpp2.0.1', 'ocpp2.1'], subprotocolPreference: 'server' });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.1', 'ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    expect(client.facts.chosenSubprotocol).toBe('ocpp2.0.1');
  });

  it('no common subprotocol: handshake without the header, closed at once, refusal lists offered vs supported', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 0, subprotocols: ['ocpp2.0.1'] });
    // A raw client that tolerates a missing header (the ws client would fail it itself) shows the server's side of it.
    const raw = new WebSocket(`${srv.url}CS001`, { headers: { 'Sec-WebSocket-Protocol': 'ocpp1.6, ocpp2.1' } });
    raw.on('error', () => undefined);
    let protocolHeader: string | undefined = 'unset';
    raw.on('upgrade', (res) => (protocolHeader = res.headers['sec-websocket-protocol']));
    const closeCode = await within(new Promise<number>((resolve) => raw.on('close', (code) => resolve(code))), 'raw close');
    expect(protocolHeader).toBeUndefined();
    expect(closeCode).toBe(1002);
    expect(await trace.refusal('no-common-subprotocol')).toMatchObject({ detail: { offered: ['ocpp1.6', 'ocpp2.1'], supported: ['ocpp2.0.1'], identity: 'CS001' } });
    expect(accepted.sockets).toEqual([]);
    // And our client reports it as a subprotocol failure.
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp1.6'], securityProfile: 0 }));
    expect(err).toMatchObject({ kind: 'subprotocol', detail: 'none' });
  });

  it('misbehave.chooseSubprotocol: the client rejects an answer it did not offer', async () => {
    const { srv, trace } = await server({ securityProfile: 0, misbehave: { chooseSubprotocol: 'ocpp2.1' } });
    const clientTrace = new RecordingTrace();
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0, trace: clientTrace }));
    expect(err).toMatchObject({ kind: 'subprotocol', detail: 'ocpp2.1' });
    expect(await clientTrace.refusal('subprotocol')).toMatchObject({ detail: { side: 'client', code: 'ocpp2.1' } });
    // The server did accept (it is the misbehaving side) and saw the client go away.
    await trace.waitFor((e) => e.kind === 'connection', 'server connection');
  });

  it('misbehave.noSubprotocol: the client rejects a missing answer', async () => {
    const { srv } = await server({ securityProfile: 0, misbehave: { noSubprotocol: true } });
    const err = await expectRefusal(connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0 }));
    expect(err.kind).toBe('subprotocol');
  });

  it('client offering nothing (misbehave.offerSubprotocols=[]) is closed by the server', async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0, misbehave: { offerSubprotocols: [] } });
    expect(client.facts.offeredSubprotocols).toEqual([]);
    expect(client.facts.chosenSubprotocol).toBeUndefined();
    expect((await closed(client)).code).toBe(1002);
    expect(await trace.refusal('no-common-subprotocol')).toMatchObject({ detail: { offered: [] } });
  });

  it('refuses a malformed Sec-WebSocket-Protocol header with 400', async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const { status } = await rawUpgrade(`${srv.url}CS001`, undefined, { headers: { 'Sec-WebSocket-Protocol': 'ocpp2.0.1, ocpp2.0.1' } });
    expect(status).toBe(400);
    await trace.refusal('bad-subprotocol-header');
  });
});

describe('compression', () => {
  it('negotiates permessage-deflate when both sides enable it, and still carries messages', async () => {
    const { srv, accepted } = await server({ securityProfile: 0, compression: true });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0, compression: true });
    clients.push(client);
    const serverSide = await accepted.next();
    expect(client.facts.compression).toBe(true);
    expect(serverSide.facts.compression).toBe(true);
    const payload = JSON.stringify([2, 'c1', 'DataTransfer', { vendorId: 'x', data: 'z'.repeat(5000) }]);
    const got = nextMessage(serverSide);
    client.send(payload);
    expect((await got).text).toBe(payload);
  });

  it('falls back to uncompressed when only one side wants it', async () => {
    const { srv, accepted } = await server({ securityProfile: 0, compression: false });
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0, compression: true });
    clients.push(client);
    expect(client.facts.compression).toBe(false);
    expect((await accepted.next()).facts.compression).toBe(false);
  });
});

describe('bad peers', () => {
  it('a plain HTTP request gets 426 and a not-an-upgrade refusal', async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const res = await fetch(`http://127.0.0.1:${srv.port}/CS001`);
    expect(res.status).toBe(426);
    expect(await res.text()).toContain('not-an-upgrade');
    expect(await trace.refusal('not-an-upgrade')).toMatchObject({ detail: { method: 'GET', url: '/CS001' } });
  });

  it('garbage instead of HTTP gets a bad-http-request refusal', async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const sock = net.connect(srv.port, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]));
    await trace.refusal('bad-http-request');
    sock.destroy();
  });

  it('an upgrade with a broken WebSocket key is refused and traced', async () => {
    const { srv, trace } = await server({ securityProfile: 0 });
    const sock = net.connect(srv.port, '127.0.0.1');
    sock.on('error', () => undefined);
    const answer = within(
      new Promise<string>((resolve) => {
        let text = '';
        sock.on('data', (d: Buffer) => (text += d.toString()));
        sock.on('close', () => resolve(text));
      }),
      'answer',
    );
    sock.write('GET /CS001 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: nope\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 400/);
    expect(await trace.refusal('bad-websocket-handshake')).toMatchObject({ detail: { message: 'Missing or invalid Sec-WebSocket-Key header' } });
  });

  it('a TCP peer that never speaks does not block others and is dropped after the handshake timeout', async () => {
    const { srv, trace, accepted } = await server({ securityProfile: 0, handshakeTimeoutMs: 400 });
    const silent = net.connect(srv.port, '127.0.0.1');
    silent.on('error', () => undefined);
    const silentClosed = within(new Promise<void>((resolve) => silent.on('close', () => resolve())), 'silent peer dropped');
    await within(new Promise<void>((resolve) => silent.on('connect', () => resolve())), 'silent connect');
    const client = await connect({ url: srv.url, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    await accepted.next();
    expect(trace.refusals()).toEqual([]);
    await silentClosed;
    expect(await trace.refusal('handshake-timeout')).toMatchObject({ detail: { message: expect.stringContaining('400 ms') as unknown } });
    // The accepted connection is unaffected by the timer.
    expect(client.isOpen).toBe(true);
  });

  it('client times out against a server that never answers', async () => {
    // Reads and discards, so it notices when the client hangs up; never answers.
    const silentServer = net.createServer((s) => s.on('error', () => undefined).resume());
    await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
    const { port } = silentServer.address() as net.AddressInfo;
    try {
      const trace = new RecordingTrace();
      const err = await expectRefusal(connect({ url: `ws://127.0.0.1:${port}/`, identity: 'CS001', subprotocols: ['ocpp2.0.1'], securityProfile: 0, handshakeTimeoutMs: 300, trace }));
      expect(err).toMatchObject({ kind: 'timeout', detail: 'HTTP upgrade' });
      await trace.refusal('timeout');
    } finally {
      await new Promise<void>((resolve) => silentServer.close(() => resolve()));
    }
  });

  it('a client vanishing mid-handshake does not crash the server', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const sock = net.connect(srv.port, '127.0.0.1');
    sock.on('error', () => undefined);
    await within(new Promise<void>((resolve) => sock.on('connect', () => resolve())), 'connect');
    sock.write('GET /CS001 HTTP/1.1\r\nHost: x\r\n');
    sock.destroy();
    const client = await connect({ url: srv.url, identity: 'CS002', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    expect((await accepted.next()).facts.identity).toBe('CS002');
  });

  it('rejects a configuration that would be unsafe to run', async () => {
    await expect(startServer({ securityProfile: 1, subprotocols: ['ocpp2.0.1'], onConnection: () => undefined })).rejects.toThrow(/checkPassword/);
    await expect(startServer({ securityProfile: 2, subprotocols: ['ocpp2.0.1'], checkPassword, onConnection: () => undefined })).rejects.toThrow(/tls/);
    await expect(connect({ url: 'ws://127.0.0.1:1/', identity: 'CS', subprotocols: [], securityProfile: 2 })).rejects.toThrow(/wss/);
  });
});

describe('messages that arrive before anyone listens', () => {
  it('are handed to the first listener on a later turn, in order, after the registering code has finished', async () => {
    const { srv, accepted } = await server({ securityProfile: 0 });
    const client = await connect({ url: srv.url, identity: 'EARLY01', subprotocols: ['ocpp2.0.1'], securityProfile: 0 });
    clients.push(client);
    const serverSide = await accepted.next();
    serverSide.send('first');
    serverSide.send('second');
    // A pong travels behind the two messages on the same TCP stream, so when it arrives both are held by the client.
    const pong = new Promise<void>((resolve) => client.onPong?.(() => resolve()));
    client.ping?.();
    await within(pong, 'pong from the server');

    const seen: string[] = [];
    client.onMessage((text) => seen.push(text));
    // Nothing may be delivered while the registering code is still running (it may still be adding its handlers).
    expect(seen).toEqual([]);
    await within(
      new Promise<void>((resolve) => {
        const check = (): void => (seen.length >= 2 ? resolve() : void setImmediate(check));
        check();
      }),
      'the held messages',
    );
    expect(seen).toEqual(['first', 'second']);
  });
});
