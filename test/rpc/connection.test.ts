import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_REPLY, OcppConnection } from '../../src/rpc/connection.ts';
import type { ConnectionOptions, FrameEvent, Violation } from '../../src/rpc/connection.ts';
import {
  CallErrorResponse,
  CallTimeoutError,
  ConnectionClosedError,
  MalformedResponseError,
  OcppError,
} from '../../src/rpc/errors.ts';
import type { OcppVersion } from '../../src/rpc/types.ts';
import { MemoryTrace, NdjsonTrace } from '../../src/report/trace.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import { createSocketPair } from '../helpers/memory-socket.ts';
import { deferred, RawInbox, waitForEvent, waitForViolation } from './helpers.ts';

const NOW = '2024-05-06T10:11:12.345Z';
const BOOT_REQ = { reason: 'PowerUp', chargingStation: { model: 'M1', vendorName: 'VendorX' } };
const BOOT_RES = { currentTime: NOW, interval: 300, status: 'Accepted' };

/** Our connection (plays the CSMS) against a raw socket the test drives byte by byte. */
function rawSetup(version: OcppVersion = '2.0.1', opts: Partial<ConnectionOptions> = {}) {
  const [ours, theirs] = createSocketPair();
  const trace = new MemoryTrace();
  const conn = new OcppConnection(ours, { version, localRole: 'CSMS', trace, traceLifecycle: true, ...opts });
  const violations: Violation[] = [];
  conn.onViolation((v) => violations.push(v));
  const inbox = new RawInbox(theirs);
  return { conn, ours, theirs, inbox, trace, violations };
}

/** Two of our connections talking to each other: station (client) and CSMS (server). */
function pairSetup(version: OcppVersion = '2.0.1', opts: Partial<ConnectionOptions> = {}) {
  const [a, b] = createSocketPair();
  const trace = new MemoryTrace();
  const csms = new OcppConnection(a, { version, localRole: 'CSMS', trace, traceLifecycle: true, ...opts });
  const station = new OcppConnection(b, { version, localRole: 'ChargingStation', trace, ...opts });
  return { csms, station, trace, a, b };
}

function frames(trace: MemoryTrace): Array<Extract<TraceEvent, { kind: 'frame' }>> {
  return trace.ofKind('frame');
}

describe('calls and answers', () => {
  it('call resolves with the CALLRESULT payload, and both frames are traced with the right direction', async () => {
    const { csms, station, trace } = pairSetup();
    csms.handle('BootNotification', (payload) => {
      expect(payload).toEqual(BOOT_REQ);
      return BOOT_RES;
    });
    const detailed = await station.callDetailed('BootNotification', BOOT_REQ);
    expect(detailed.payload).toEqual(BOOT_RES);
    expect(detailed.problems).toEqual([]);
    expect(detailed.frame.type).toBe(3);
    const stationFrames = frames(trace).filter((e) => e.connectionId === station.facts.connectionId);
    expect(stationFrames.map((e) => [e.dir, e.frame?.type])).toEqual([
      ['out', 2],
      ['in', 3],
    ]);
    expect(stationFrames[0]?.raw).toMatch(/^\[2,"[0-9a-f-]{36}","BootNotification",/);
    // only the CSMS side was asked to trace its lifecycle
    expect(trace.ofKind('connection').map((e) => e.facts.connectionId)).toEqual([csms.facts.connectionId]);
  });

  it('a handler throwing OcppError answers with that CALLERROR; call rejects with CallErrorResponse', async () => {
    const { csms, station } = pairSetup();
    csms.handle('Heartbeat', () => {
      throw new OcppError('SecurityError', 'not accepted yet', { hint: 'boot first' });
    });
    const err = await station.call('Heartbeat', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallErrorResponse);
    const e = err as CallErrorResponse;
    expect([e.code, e.description, e.details]).toEqual(['SecurityError', 'not accepted yet', { hint: 'boot first' }]);
    expect(e.message).toContain('Heartbeat CALL');
  });

  it('any other throw becomes InternalError and the connection keeps working', async () => {
    const { csms, station } = pairSetup();
    let n = 0;
    csms.handle('Heartbeat', () => {
      n++;
      if (n === 1) throw new Error('boom');
      return { currentTime: NOW };
    });
    const err = (await station.call('Heartbeat', {}).catch((e: unknown) => e)) as CallErrorResponse;
    expect(err.code).toBe('InternalError');
    expect(err.description).toContain('boom');
    expect(await station.call('Heartbeat', {})).toEqual({ currentTime: NOW });
  });

  it('an async handler is awaited', async () => {
    const { csms, station } = pairSetup();
    csms.handle('Heartbeat', async () => {
      await Promise.resolve();
      return { currentTime: NOW };
    });
    expect(await station.call('Heartbeat', {})).toEqual({ currentTime: NOW });
  });

  it('times out with CallTimeoutError, then traces a late answer as a violation', async () => {
    const { conn, theirs, inbox } = rawSetup();
    const err = await conn.call('Reset', { type: 'Immediate' }, { timeoutMs: 30 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallTimeoutError);
    expect((err as CallTimeoutError).message).toMatch(/no answer to Reset CALL .* within 30 ms/);
    const call = await inbox.next();
    const late = waitForViolation(conn, 'late-response');
    theirs.send(JSON.stringify([3, call[1], { status: 'Accepted' }]));
    const v = await late;
    expect(v.frameId).toBe(call[1]);
    expect(v.message).toContain('Reset');
  });

  it('a CALLRESULT with an id we never used is a violation, not a crash', async () => {
    const { conn, theirs, trace } = rawSetup();
    const v = waitForViolation(conn, 'unknown-id');
    theirs.send('[3,"never-sent",{}]');
    expect((await v).frameId).toBe('never-sent');
    expect(frames(trace).at(-1)?.raw).toBe('[3,"never-sent",{}]');
  });

  it('an answer that breaks its schema resolves with problems and is reported as invalid-response', async () => {
    const { conn, theirs, inbox } = rawSetup();
    const pending = conn.callDetailed('Reset', { type: 'Immediate' });
    const call = await inbox.next();
    const v = waitForViolation(conn, 'invalid-response');
    theirs.send(JSON.stringify([3, call[1], { status: 'Maybe' }]));
    const out = await pending;
    expect(out.problems.map((p) => p.code)).toEqual(['PropertyConstraintViolation']);
    expect((await v).message).toContain('/status must be one of Accepted');
  });

  it('a CALLERROR with a code outside Part 4 rejects the call and is reported', async () => {
    const { conn, theirs, inbox } = rawSetup();
    const pending = conn.call('Reset', { type: 'Immediate' }).catch((e: unknown) => e);
    const call = await inbox.next();
    theirs.send(JSON.stringify([4, call[1], 'Oops', 'x', {}]));
    const v = await waitForViolation(conn, 'unknown-error-code');
    expect(v.message).toContain('"Oops"');
    expect(((await pending) as CallErrorResponse).code).toBe('Oops');
  });

  it('a malformed answer to a pending call rejects it with MalformedResponseError and is not answered', async () => {
    const { conn, theirs, inbox, ours } = rawSetup();
    const pending = conn.call('Reset', { type: 'Immediate' }).catch((e: unknown) => e);
    const call = await inbox.next();
    theirs.send(JSON.stringify([3, call[1]]));
    const err = await pending;
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect((err as Error).message).toContain('CALLRESULT has 2 elements');
    expect(ours.sent).toHaveLength(1); // only our CALL: nothing went back
  });
});

describe('one CALL at a time (Part 4 4.1.1)', () => {
  it('our second CALL goes on the wire only after the first is answered', async () => {
    const { conn, theirs, inbox, ours, trace } = rawSetup();
    const first = conn.call('Reset', { type: 'Immediate' });
    const second = conn.call('ClearCache', {});
    expect(ours.sent).toHaveLength(1);
    expect(conn.queuedCount).toBe(1);
    const c1 = await inbox.next();
    expect(c1[2]).toBe('Reset');
    expect(ours.sent).toHaveLength(1);
    theirs.send(JSON.stringify([3, c1[1], { status: 'Accepted' }]));
    const c2 = await inbox.next();
    expect(c2[2]).toBe('ClearCache');
    theirs.send(JSON.stringify([3, c2[1], { status: 'Accepted' }]));
    expect(await first).toEqual({ status: 'Accepted' });
    expect(await second).toEqual({ status: 'Accepted' });
    // wire order as the trace saw it: CALL 1, its answer, then CALL 2
    expect(frames(trace).map((e) => `${e.dir}:${e.frame?.type}`)).toEqual(['out:2', 'in:3', 'out:2', 'in:3']);
  });

  it('a timed-out CALL releases the next one', async () => {
    const { conn, inbox } = rawSetup();
    const first = conn.call('Reset', { type: 'Immediate' }, { timeoutMs: 20 }).catch((e: unknown) => e);
    const second = conn.call('ClearCache', {}, { timeoutMs: 20 }).catch((e: unknown) => e);
    expect((await inbox.next())[2]).toBe('Reset');
    expect(await first).toBeInstanceOf(CallTimeoutError);
    expect((await inbox.next())[2]).toBe('ClearCache');
    expect(await second).toBeInstanceOf(CallTimeoutError);
  });

  it('allowConcurrentCalls puts every CALL on the wire at once (deliberate misbehaviour)', async () => {
    const { conn, ours, theirs, inbox } = rawSetup('2.0.1', { allowConcurrentCalls: true });
    const p1 = conn.call('Reset', { type: 'Immediate' });
    const p2 = conn.call('ClearCache', {});
    expect(ours.sent).toHaveLength(2);
    const c1 = await inbox.next();
    const c2 = await inbox.next();
    // answered out of order: correlation is by id
    theirs.send(JSON.stringify([3, c2[1], { status: 'Rejected' }]));
    theirs.send(JSON.stringify([3, c1[1], { status: 'Accepted' }]));
    expect(await p1).toEqual({ status: 'Accepted' });
    expect(await p2).toEqual({ status: 'Rejected' });
  });

  it("detects the peer's second CALL while its first is unanswered, and still handles both", async () => {
    const { conn, theirs, inbox, violations } = rawSetup();
    const gate = deferred<void>();
    conn.handle('Heartbeat', async () => {
      await gate.promise;
      return { currentTime: NOW };
    });
    const v = waitForViolation(conn, 'concurrent-call');
    theirs.send('[2,"h1","Heartbeat",{}]');
    theirs.send('[2,"h2","Heartbeat",{}]');
    expect(await v).toMatchObject({ frameId: 'h2' });
    expect((await v).message).toContain('h1');
    gate.resolve();
    const answers = [await inbox.next(), await inbox.next()];
    expect(answers.map((a) => [a[0], a[1]]).sort()).toEqual([
      [3, 'h1'],
      [3, 'h2'],
    ]);
    expect(violations.filter((x) => x.rule === 'concurrent-call')).toHaveLength(1);
  });

  it('sequential CALLs from the peer are not flagged', async () => {
    const { conn, theirs, inbox, violations } = rawSetup();
    conn.handle('Heartbeat', () => ({ currentTime: NOW }));
    theirs.send('[2,"h1","Heartbeat",{}]');
    await inbox.next();
    theirs.send('[2,"h2","Heartbeat",{}]');
    await inbox.next();
    expect(violations).toEqual([]);
  });
});

describe('incoming CALLs', () => {
  it('an invalid request gets the mapped CALLERROR and the handler is not called', async () => {
    const { conn, theirs, inbox, trace } = rawSetup();
    let called = 0;
    conn.handle('BootNotification', () => {
      called++;
      return BOOT_RES;
    });
    const cases: Array<[unknown, string]> = [
      [{ ...BOOT_REQ, chargingStation: { model: 'x'.repeat(31), vendorName: 'v' } }, 'PropertyConstraintViolation'],
      [{ reason: 'PowerUp' }, 'OccurrenceConstraintViolation'],
      [{ reason: 'PowerUp', chargingStation: { model: 5, vendorName: 'v' } }, 'TypeConstraintViolation'],
    ];
    for (const [i, [payload, code]] of cases.entries()) {
      theirs.send(JSON.stringify([2, `b${i}`, 'BootNotification', payload]));
      const answer = await inbox.next();
      expect(answer.slice(0, 3)).toEqual([4, `b${i}`, code]);
      expect(typeof answer[3]).toBe('string');
      expect(answer[4]).toMatchObject({ problems: [expect.objectContaining({ code })] });
    }
    expect(answer0Description(inbox)).toBe('/chargingStation/model must be at most 20 characters (got 31)');
    expect(called).toBe(0);
    const traced = frames(trace).find((e) => e.dir === 'in' && e.frame?.id === 'b0');
    expect(traced?.problems).toEqual(['PropertyConstraintViolation: /chargingStation/model must be at most 20 characters (got 31)']);
  });

  it('checks every date-time strictly by default (6 fraction digits -> FormatViolation)', async () => {
    const { conn, theirs, inbox } = rawSetup();
    conn.handle('MeterValues', () => ({}));
    const mv = (ts: string) => ({ evseId: 1, meterValue: [{ timestamp: ts, sampledValue: [{ value: 1 }] }] });
    theirs.send(JSON.stringify([2, 'm1', 'MeterValues', mv('2024-05-06T10:11:12.123456Z')]));
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'm1', 'FormatViolation']);
    theirs.send(JSON.stringify([2, 'm2', 'MeterValues', mv('2024-05-06T10:11:12')]));
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'm2', 'FormatViolation']);
    theirs.send(JSON.stringify([2, 'm3', 'MeterValues', mv('2024-05-06T10:11:12.123Z')]));
    expect(await inbox.next()).toEqual([3, 'm3', {}]);
  });

  it('strictDateTime: false accepts more fraction digits', async () => {
    const { conn, theirs, inbox } = rawSetup('2.0.1', { strictDateTime: false });
    conn.handle('Heartbeat', () => ({ currentTime: NOW }));
    conn.handle('MeterValues', () => ({}));
    theirs.send(JSON.stringify([2, 'm1', 'MeterValues', { evseId: 1, meterValue: [{ timestamp: '2024-05-06T10:11:12.123456Z', sampledValue: [{ value: 1 }] }] }]));
    expect(await inbox.next()).toEqual([3, 'm1', {}]);
  });

  it('unknown action -> NotImplemented; known action without handler -> NotSupported; default handler catches the rest', async () => {
    const { conn, theirs, inbox } = rawSetup();
    theirs.send('[2,"u1","FlyToTheMoon",{}]');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'u1', 'NotImplemented']);
    theirs.send('[2,"u2","Heartbeat",{}]');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'u2', 'NotSupported']);
    const seen: string[] = [];
    conn.setDefaultHandler((_p, frame) => {
      seen.push(frame.type === 2 ? frame.action : '?');
      return { currentTime: NOW };
    });
    theirs.send('[2,"u3","Heartbeat",{}]');
    expect(await inbox.next()).toEqual([3, 'u3', { currentTime: NOW }]);
    theirs.send('[2,"u4","FlyToTheMoon",{}]');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'u4', 'NotImplemented']);
    expect(seen).toEqual(['Heartbeat']);
  });

  it('NO_REPLY sends nothing, and does not make the next CALL look concurrent', async () => {
    const { conn, theirs, inbox, ours, violations, trace } = rawSetup();
    conn.handle('Heartbeat', (_p, frame) => (frame.id === 'quiet' ? NO_REPLY : { currentTime: NOW }));
    theirs.send('[2,"quiet","Heartbeat",{}]');
    theirs.send('[2,"loud","Heartbeat",{}]');
    expect(await inbox.next()).toEqual([3, 'loud', { currentTime: NOW }]);
    expect(ours.sent).toHaveLength(1);
    expect(violations).toEqual([]);
    expect(trace.ofKind('note').some((n) => n.message.includes('NO_REPLY'))).toBe(true);
  });

  it('an invalid response from our own handler is still sent, and flagged as a harness bug in the trace', async () => {
    const { conn, theirs, inbox, trace } = rawSetup();
    conn.handle('Heartbeat', () => ({ currentTime: 'not a time' }));
    theirs.send('[2,"h","Heartbeat",{}]');
    expect(await inbox.next()).toEqual([3, 'h', { currentTime: 'not a time' }]);
    expect(trace.ofKind('note').some((n) => n.message.startsWith(`[${conn.facts.connectionId}] harness bug`))).toBe(true);
    const out = frames(trace).find((e) => e.dir === 'out');
    expect(out?.problems?.[0]).toMatch(/^FormatViolation: \/currentTime is not an RFC 3339/);
  });

  it('a handler result that is not JSON becomes InternalError', async () => {
    const { conn, theirs, inbox } = rawSetup();
    conn.handle('Heartbeat', () => ({ currentTime: NOW, big: BigInt(1) }));
    theirs.send('[2,"h","Heartbeat",{}]');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'h', 'InternalError']);
  });
});

describe('malformed frames over a connection', () => {
  it('answers per the frame table and reports malformed-frame', async () => {
    const { conn, theirs, inbox, violations } = rawSetup();
    conn.handle('Heartbeat', () => ({ currentTime: NOW }));
    theirs.send('[2,123,"Heartbeat",{}]');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, '-1', 'RpcFrameworkError']);
    theirs.send('not json');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, '-1', 'RpcFrameworkError']);
    theirs.send('[9,"x",{}]');
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'x', 'MessageTypeNotSupported']);
    // a broken CALLRESULT gets no answer: the next answer we see is the Heartbeat's
    theirs.send('[3,"x"]');
    theirs.send('[2,"hb","Heartbeat",{}]');
    expect((await inbox.next())[1]).toBe('hb');
    expect(violations.filter((v) => v.rule === 'malformed-frame')).toHaveLength(4);
  });

  it('a binary frame is a violation', async () => {
    const { conn, theirs, inbox } = rawSetup();
    conn.handle('Heartbeat', () => ({ currentTime: NOW }));
    const v = waitForViolation(conn, 'binary-frame');
    theirs.sendBinary('[2,"b","Heartbeat",{}]');
    expect((await v).frameId).toBe('b');
    expect((await inbox.next())[0]).toBe(3);
  });

  it('sendRaw puts text on the wire unchanged, traced as deliberate; answers to it are not violations', async () => {
    const { conn, theirs, ours, trace, violations } = rawSetup();
    const seenRaw = waitForEvent<string>((l) => theirs.onMessage((t) => l(t)), () => true, 'raw text');
    conn.sendRaw('[2,"raw-1","Heartbeat"');
    expect(await seenRaw).toBe('[2,"raw-1","Heartbeat"');
    expect(ours.sent).toEqual(['[2,"raw-1","Heartbeat"']);
    const traced = frames(trace).at(-1);
    expect(traced).toMatchObject({ dir: 'out', deliberate: true, raw: '[2,"raw-1","Heartbeat"' });
    const noted = waitForEvent<FrameEvent>((l) => conn.onFrame(l), (e) => e.dir === 'in', 'answer frame');
    theirs.send('[4,"-1","RpcFrameworkError","bad",{}]');
    await noted;
    expect(violations).toEqual([]);
  });
});

describe('OCPP 2.1 SEND and CALLRESULTERROR', () => {
  const STREAM = { id: 1, pending: 0, basetime: NOW, data: [{ t: 0.5, v: '230.4' }] };

  it('SEND reaches the handler and gets no reply', async () => {
    const { csms, station, b } = pairSetup('2.1');
    const got = deferred<unknown>();
    csms.handle('NotifyPeriodicEventStream', (payload, frame) => {
      expect(frame.type).toBe(6);
      got.resolve(payload);
      return { ignored: true };
    });
    csms.handle('Heartbeat', () => ({ currentTime: NOW }));
    const id = station.send('NotifyPeriodicEventStream', STREAM);
    expect(id).toHaveLength(36);
    expect(await got.promise).toEqual(STREAM);
    // the next thing the station receives is the Heartbeat answer: nothing was sent for the SEND
    expect(await station.call('Heartbeat', {})).toEqual({ currentTime: NOW });
    expect(b.sent.map((t) => (JSON.parse(t) as unknown[])[0])).toEqual([6, 2]);
  });

  it('SEND is not subject to the one-CALL rule', async () => {
    const { conn, inbox, ours } = rawSetup('2.1');
    const pending = conn.call('Reset', { type: 'Immediate' }, { timeoutMs: 50 }).catch(() => 'timed out');
    conn.send('NotifyPeriodicEventStream', STREAM);
    expect(ours.sent.map((t) => (JSON.parse(t) as unknown[])[0])).toEqual([2, 6]);
    await inbox.next();
    expect(await pending).toBe('timed out');
  });

  it('an invalid or misused SEND is reported and never answered', async () => {
    const { conn, theirs, ours } = rawSetup('2.1');
    let called = 0;
    conn.setDefaultHandler(() => {
      called++;
      return {};
    });
    const bad = waitForViolation(conn, 'invalid-send');
    theirs.send(JSON.stringify([6, 's1', 'NotifyPeriodicEventStream', { id: 1 }]));
    expect((await bad).frameId).toBe('s1');
    const notAllowed = waitForViolation(conn, 'send-not-allowed');
    theirs.send('[6,"s2","Heartbeat",{}]');
    await notAllowed;
    const unknown = waitForViolation(conn, 'unknown-send-action');
    theirs.send('[6,"s3","Nope",{}]');
    await unknown;
    expect(called).toBe(0);
    expect(ours.sent).toEqual([]);
  });

  it('SEND-only message as CALL -> ProtocolError', async () => {
    const { theirs, inbox } = rawSetup('2.1');
    theirs.send(JSON.stringify([2, 'c', 'NotifyPeriodicEventStream', STREAM]));
    expect((await inbox.next()).slice(0, 3)).toEqual([4, 'c', 'ProtocolError']);
  });

  it('send() is refused under 2.0.1', () => {
    const { conn } = rawSetup('2.0.1');
    expect(() => conn.send('NotifyPeriodicEventStream', STREAM)).toThrow(/only in OCPP 2.1/);
  });

  it('with callResultErrorOnInvalidResult, an invalid CALLRESULT is answered with CALLRESULTERROR', async () => {
    const { conn, theirs, inbox } = rawSetup('2.1', { callResultErrorOnInvalidResult: true });
    const pending = conn.callDetailed('Reset', { type: 'Immediate' });
    const call = await inbox.next();
    theirs.send(JSON.stringify([3, call[1], { status: 42 }]));
    const answer = await inbox.next();
    expect(answer.slice(0, 3)).toEqual([5, call[1], 'TypeConstraintViolation']);
    expect((await pending).problems).toHaveLength(1);
  });

  it('without the option no CALLRESULTERROR is sent', async () => {
    const { conn, theirs, inbox, ours } = rawSetup('2.1');
    const pending = conn.callDetailed('Reset', { type: 'Immediate' });
    const call = await inbox.next();
    theirs.send(JSON.stringify([3, call[1], { status: 42 }]));
    await pending;
    expect(ours.sent).toHaveLength(1);
  });

  it('an incoming CALLRESULTERROR about our CALLRESULT is traced; one about an unknown id is a violation', async () => {
    const { conn, theirs, inbox, trace } = rawSetup('2.1');
    conn.handle('Heartbeat', () => ({ currentTime: NOW }));
    theirs.send('[2,"h","Heartbeat",{}]');
    await inbox.next();
    const seen = waitForEvent<FrameEvent>((l) => conn.onFrame(l), (e) => e.frame?.type === 5, 'CALLRESULTERROR');
    theirs.send('[5,"h","FormatViolation","bad time",{}]');
    await seen;
    expect(trace.ofKind('note').some((n) => n.message.includes('CALLRESULTERROR FormatViolation'))).toBe(true);
    const v = waitForViolation(conn, 'unknown-id');
    theirs.send('[5,"zzz","FormatViolation","",{}]');
    expect((await v).frameId).toBe('zzz');
  });
});

describe('closing', () => {
  it('close() rejects the pending CALL and the queued ones with ConnectionClosedError', async () => {
    const { conn, inbox } = rawSetup();
    const first = conn.call('Reset', { type: 'Immediate' }).catch((e: unknown) => e);
    const second = conn.call('ClearCache', {}).catch((e: unknown) => e);
    await inbox.next();
    const closed = waitForEvent<[number, string]>((l) => conn.onClose((c, r) => l([c, r])), () => true, 'close');
    conn.close(1000, 'bye');
    expect(conn.closed).toBe(true);
    const e1 = (await first) as ConnectionClosedError;
    const e2 = (await second) as ConnectionClosedError;
    expect(e1).toBeInstanceOf(ConnectionClosedError);
    expect([e1.wasSent, e2.wasSent]).toEqual([true, false]);
    expect(e1.message).toContain('before the answer to Reset');
    expect(e2.message).toContain('before sending ClearCache');
    expect(await closed).toEqual([1000, 'bye']);
    await expect(conn.call('Heartbeat', {})).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('the peer closing rejects pending calls and is traced as remote', async () => {
    const { conn, theirs, inbox, trace } = rawSetup();
    const first = conn.call('Reset', { type: 'Immediate' }).catch((e: unknown) => e);
    await inbox.next();
    theirs.close(4000, 'going away');
    const e = (await first) as ConnectionClosedError;
    expect(e.closeCode).toBe(4000);
    expect(trace.ofKind('close')).toEqual([expect.objectContaining({ code: 4000, reason: 'going away', by: 'remote' })]);
  });

  it('without traceLifecycle no connection/close events are written (the transport writes those)', async () => {
    const [ours, theirs] = createSocketPair();
    const trace = new MemoryTrace();
    const conn = new OcppConnection(ours, { version: '2.0.1', localRole: 'CSMS', trace });
    const closed = waitForEvent<number>((l) => conn.onClose((c) => l(c)), () => true, 'close');
    theirs.close(1001, '');
    expect(await closed).toBe(1001);
    expect(trace.events).toEqual([]);
  });

  it('terminate by the peer shows as a network close (1006)', async () => {
    const { conn, theirs, trace } = rawSetup();
    const closed = waitForEvent<number>((l) => conn.onClose((c) => l(c)), () => true, 'close');
    theirs.terminate();
    expect(await closed).toBe(1006);
    expect(trace.ofKind('close')[0]?.by).toBe('network');
  });
});

describe('big frames and the trace file', () => {
  it('handles a 10 MB CALL and answers it; a 10 MB broken frame gets a short CALLERROR', async () => {
    const { conn, theirs, inbox } = rawSetup();
    conn.handle('DataTransfer', (payload) => ({ status: 'Accepted', data: (payload as { data: string }).data.length }));
    const big = 'z'.repeat(10 * 1024 * 1024);
    theirs.send(JSON.stringify([2, 'big', 'DataTransfer', { vendorId: 'v', data: big }]));
    expect(await inbox.next()).toEqual([3, 'big', { status: 'Accepted', data: big.length }]);
    theirs.send(`[2,"big2","DataTransfer",{"vendorId":"${big}"}]`);
    const err = await inbox.next();
    expect(err.slice(0, 3)).toEqual([4, 'big2', 'PropertyConstraintViolation']);
    expect(String(err[3]).length).toBeLessThanOrEqual(255);
    theirs.send(`[2,"big3","DataTransfer",{"data":"${big}"`);
    const err3 = await inbox.next();
    expect(err3.slice(0, 3)).toEqual([4, '-1', 'RpcFrameworkError']);
    expect(inbox.texts.at(-1)?.length).toBeLessThan(400);
  });

  it('each frame is in the NDJSON file by the time its event fires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-trace-'));
    const path = join(dir, 'nested', 'deeper', 'trace.ndjson');
    const fileTrace = new NdjsonTrace(path);
    const [ours, theirs] = createSocketPair();
    const conn = new OcppConnection(ours, { version: '2.0.1', localRole: 'CSMS', trace: fileTrace, traceLifecycle: true });
    conn.handle('Heartbeat', () => ({ currentTime: NOW }));
    const linesAtEvent: number[] = [];
    const lastAtEvent: string[] = [];
    conn.onFrame((e) => {
      // Read synchronously inside the event: the line must already be on disk.
      const lines = readFileSync(path, 'utf8').trim().split('\n');
      linesAtEvent.push(lines.length);
      const last = JSON.parse(lines.at(-1) ?? '{}') as { raw?: string };
      lastAtEvent.push(last.raw === e.raw ? 'match' : 'mismatch');
    });
    const inbox = new RawInbox(theirs);
    theirs.send('[2,"h1","Heartbeat",{}]');
    await inbox.next();
    expect(lastAtEvent).toEqual(['match', 'match']);
    expect(linesAtEvent).toEqual([2, 3]); // connection event, then in, then out
    fileTrace.close();
    const events = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TraceEvent);
    expect(events.map((e) => e.kind)).toEqual(['connection', 'frame', 'frame']);
  });
});

function answer0Description(inbox: RawInbox): unknown {
  return inbox.messages[0]?.[3];
}
