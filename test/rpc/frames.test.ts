import { describe, expect, it } from 'vitest';
import { buildCallError, parseFrame, serializeFrame } from '../../src/rpc/frames.ts';
import type { ParseOutcome } from '../../src/rpc/frames.ts';
import { newMessageId } from '../../src/rpc/ids.ts';
import type { Frame, OcppVersion, RpcErrorCode } from '../../src/rpc/types.ts';

interface BadCase {
  name: string;
  text: string;
  version?: OcppVersion;
  code: RpcErrorCode;
  replyId: string;
  reply: boolean;
  reason: RegExp;
}

const ID37 = 'a'.repeat(37);
const ID36 = 'b'.repeat(36);

// Expected reactions follow Part 4: 4.1.2 (valid JSON), 4.1.3/4.4 (message types), 4.1.4 (id <= 36 chars),
// 4.1.5 (payload is an object), 4.2.x (element counts), 4.2.3 ("-1" when the id is unreadable), 4.2.4 (no reply to SEND).
const BAD: BadCase[] = [
  { name: 'invalid JSON', text: '[2,"a","Heartbeat",{', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /not valid JSON/ },
  { name: 'empty text', text: '', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /not valid JSON/ },
  { name: 'JSON object', text: '{}', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /an object, not a JSON array/ },
  { name: 'JSON string', text: '"hello"', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /a string .*not a JSON array/ },
  { name: 'JSON null', text: 'null', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /null, not a JSON array/ },
  { name: 'empty array', text: '[]', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /empty array/ },
  { name: 'type only', text: '[2]', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /CALL has no message id/ },
  { name: 'type as string', text: '["2","x","Heartbeat",{}]', code: 'RpcFrameworkError', replyId: 'x', reply: true, reason: /type is a string/ },
  { name: 'CALL without payload', text: '[2,"id","Heartbeat"]', code: 'ProtocolError', replyId: 'id', reply: true, reason: /CALL has 3 elements, expected 4/ },
  { name: 'CALL with extra element', text: '[2,"id","Heartbeat",{},{}]', code: 'ProtocolError', replyId: 'id', reply: true, reason: /5 elements, expected 4/ },
  { name: 'numeric id', text: '[2,123,"Heartbeat",{}]', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /message id that is a number/ },
  { name: 'null id', text: '[2,null,"Heartbeat",{}]', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /message id that is null/ },
  { name: 'empty id', text: '[2,"","Heartbeat",{}]', code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /empty message id/ },
  { name: '37-char id', text: `[2,"${ID37}","Heartbeat",{}]`, code: 'RpcFrameworkError', replyId: '-1', reply: true, reason: /37 characters, more than the 36/ },
  { name: 'unknown type 9', text: '[9,"x",{}]', code: 'MessageTypeNotSupported', replyId: 'x', reply: true, reason: /type 9 is not supported/ },
  { name: 'unknown type 9 under 2.1', text: '[9,"x",{}]', version: '2.1', code: 'MessageTypeNotSupported', replyId: 'x', reply: true, reason: /type 9/ },
  { name: 'unknown type, bad id', text: '[7,42]', code: 'MessageTypeNotSupported', replyId: '-1', reply: true, reason: /type 7/ },
  { name: 'SEND under 2.0.1', text: '[6,"x","A",{}]', code: 'MessageTypeNotSupported', replyId: 'x', reply: true, reason: /SEND exists only in OCPP 2.1/ },
  { name: 'CALLRESULTERROR under 2.0.1', text: '[5,"x","FormatViolation","",{}]', code: 'MessageTypeNotSupported', replyId: 'x', reply: true, reason: /CALLRESULTERROR exists only in OCPP 2.1/ },
  { name: 'action not a string', text: '[2,"id",7,{}]', code: 'ProtocolError', replyId: 'id', reply: true, reason: /action is a number/ },
  { name: 'empty action', text: '[2,"id","",{}]', code: 'ProtocolError', replyId: 'id', reply: true, reason: /action is a string/ },
  { name: 'payload a string', text: '[2,"id","Heartbeat","x"]', code: 'FormatViolation', replyId: 'id', reply: true, reason: /payload is a string/ },
  { name: 'payload an array', text: '[2,"id","Heartbeat",[]]', code: 'FormatViolation', replyId: 'id', reply: true, reason: /payload is an array/ },
  { name: 'payload null', text: '[2,"id","Heartbeat",null]', code: 'FormatViolation', replyId: 'id', reply: true, reason: /payload is null/ },
  // broken answers: never answered with a CALLERROR
  { name: 'CALLRESULT without payload', text: '[3,"x"]', code: 'ProtocolError', replyId: 'x', reply: false, reason: /CALLRESULT has 2 elements, expected 3/ },
  { name: 'CALLRESULT payload not object', text: '[3,"x",5]', code: 'FormatViolation', replyId: 'x', reply: false, reason: /payload is a number/ },
  { name: 'CALLRESULT numeric id', text: '[3,5,{}]', code: 'RpcFrameworkError', replyId: '-1', reply: false, reason: /message id that is a number/ },
  { name: 'CALLERROR with 4 elements', text: '[4,"x","GenericError",""]', code: 'ProtocolError', replyId: 'x', reply: false, reason: /4 elements, expected 5/ },
  { name: 'CALLERROR code not string', text: '[4,"x",1,"",{}]', code: 'ProtocolError', replyId: 'x', reply: false, reason: /errorCode is a number/ },
  { name: 'CALLERROR description not string', text: '[4,"x","GenericError",null,{}]', code: 'ProtocolError', replyId: 'x', reply: false, reason: /errorDescription is null/ },
  { name: 'CALLERROR details null', text: '[4,"x","GenericError","",null]', code: 'ProtocolError', replyId: 'x', reply: false, reason: /errorDetails is null/ },
  { name: 'SEND payload not object (2.1)', text: '[6,"x","NotifyPeriodicEventStream",1]', version: '2.1', code: 'FormatViolation', replyId: 'x', reply: false, reason: /payload is a number/ },
  { name: 'SEND wrong length (2.1)', text: '[6,"x","NotifyPeriodicEventStream"]', version: '2.1', code: 'ProtocolError', replyId: 'x', reply: false, reason: /3 elements/ },
];

describe('parseFrame: malformed frames', () => {
  it.each(BAD)('$name', (c) => {
    const out = parseFrame(c.text, c.version ?? '2.0.1');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect({ code: out.errorCode, replyId: out.replyId, reply: out.reply }).toEqual({ code: c.code, replyId: c.replyId, reply: c.reply });
    expect(out.reason).toMatch(c.reason);
  });

  it('keeps the readable id and type for correlation of broken answers', () => {
    const out = parseFrame('[3,"abc"]', '2.0.1');
    expect(out).toMatchObject({ ok: false, messageId: 'abc', messageTypeId: 3 });
  });

  it('handles a 10 MB non-JSON message quickly with a short reason', () => {
    const huge = `[2,"x","DataTransfer",{"vendorId":"v","data":"${'z'.repeat(10 * 1024 * 1024)}"`;
    const out = parseFrame(huge, '2.0.1');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason.length).toBeLessThan(250);
  });
});

describe('parseFrame: valid frames', () => {
  const GOOD: Array<[string, OcppVersion, Frame]> = [
    ['[2,"a","Heartbeat",{}]', '2.0.1', { type: 2, id: 'a', action: 'Heartbeat', payload: {} }],
    [`[2,"${ID36}","Heartbeat",{}]`, '2.0.1', { type: 2, id: ID36, action: 'Heartbeat', payload: {} }],
    ['[3,"a",{"currentTime":"2024-01-01T00:00:00Z"}]', '2.0.1', { type: 3, id: 'a', payload: { currentTime: '2024-01-01T00:00:00Z' } }],
    ['[4,"a","NotSupported","nope",{}]', '2.0.1', { type: 4, id: 'a', code: 'NotSupported', description: 'nope', details: {} }],
    ['[5,"a","FormatViolation","",{}]', '2.1', { type: 5, id: 'a', code: 'FormatViolation', description: '', details: {} }],
    ['[6,"a","NotifyPeriodicEventStream",{}]', '2.1', { type: 6, id: 'a', action: 'NotifyPeriodicEventStream', payload: {} }],
    // The parser does not judge content: unknown actions and unknown error codes are the connection's business.
    ['[2,"a","NoSuchAction",{}]', '2.0.1', { type: 2, id: 'a', action: 'NoSuchAction', payload: {} }],
    [' [4,"a","Whatever","",{}] ', '2.0.1', { type: 4, id: 'a', code: 'Whatever', description: '', details: {} }],
  ];
  it.each(GOOD)('%s (%s)', (text, version, frame) => {
    expect(parseFrame(text, version)).toEqual({ ok: true, frame });
  });

  it('round-trips every frame type through serializeFrame', () => {
    for (const [, version, frame] of GOOD) {
      expect(parseFrame(serializeFrame(frame), version)).toEqual({ ok: true, frame });
    }
  });
});

describe('buildCallError', () => {
  it('cuts the description to 255 characters and defaults details to {}', () => {
    const f = buildCallError('x', 'GenericError', 'd'.repeat(400));
    expect(f.description).toHaveLength(255);
    expect(f.details).toEqual({});
    expect(serializeFrame(f)).toBe(`[4,"x","GenericError","${'d'.repeat(252)}...",{}]`);
    expect(buildCallError('x', 'FormatViolation', 'bad', { a: 1 }, 5)).toEqual({
      type: 5,
      id: 'x',
      code: 'FormatViolation',
      description: 'bad',
      details: { a: 1 },
    });
  });
});

describe('newMessageId', () => {
  it('is at most 36 characters and unique', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newMessageId()));
    expect(ids.size).toBe(10_000);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(36);
    const out: ParseOutcome = parseFrame(`[2,"${[...ids][0] ?? ''}","Heartbeat",{}]`, '2.0.1');
    expect(out.ok).toBe(true);
  });
});
