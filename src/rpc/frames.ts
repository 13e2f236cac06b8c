// OCPP-J frames: parsing wire text into frames (with the exact error Part 4 asks for), and writing frames back.
//
// Section numbers below are those of Part 4 (the OCPP-J specification); 2.0.1 edition 3 and 2.1 edition 2 use
// the same numbering for the parts we rely on.
//
// How we react to broken input (reply = whether a CALLERROR goes back):
//
//   input                                        code                      reply id   reply
//   -------------------------------------------  ------------------------  ---------  -------------------------------
//   not JSON (4.1.2)                             RpcFrameworkError         -1         yes
//   JSON but not an array, or an empty array     RpcFrameworkError         -1         yes
//   first element not a number                   RpcFrameworkError         id or -1   yes
//   type number not in the version's list        MessageTypeNotSupported   id or -1   yes (2.0.1 4.4; 2.1 4.1.3/4.4:
//     (5 and 6 are 2.1 only)                                                          the payload is ignored)
//   known type, id missing/not a string/empty/   RpcFrameworkError         -1         only for CALL (see below)
//     longer than 36 (4.1.4, 4.2.3)
//   wrong element count for the type (4.2.x)     ProtocolError             id         only for CALL
//   CALL/SEND action not a non-empty string      ProtocolError             id         only for CALL
//   payload not a JSON object (4.1.5)            FormatViolation           id         only for CALL
//   CALLERROR fields of the wrong type (4.2.3)   ProtocolError             id         no
//
// Why "-1" for an over-long id: 4.2.3 says to use "-1" when the id cannot be read, and echoing a 37+ character
// id would make our own CALLERROR break the string[36] rule. An empty string is not a usable id either.
// Why replies only for CALL: a CALLRESULT, CALLERROR or CALLRESULTERROR answered with a CALLERROR would be read
// by the peer as the answer to some CALL of its own (or start an error ping-pong), and 4.2.4 forbids any
// CALLRESULT/CALLERROR in reply to a SEND. A broken CALLRESULT under 2.1 may get a CALLRESULTERROR instead;
// that is the connection's choice (it knows whether the id is one of its pending calls).
// `null` as a payload: 4.1.5 names it as a possible notation but asks for `{}`; every OCPP 2.x schema types the
// payload as an object, so we treat null like any other non-object payload (FormatViolation).
import type { CallErrorFrame, Frame, OcppVersion, RpcErrorCode } from './types.ts';
import { MessageTypeId } from './types.ts';
import { MAX_MESSAGE_ID_LENGTH } from './ids.ts';

export type ParseOutcome =
  | { ok: true; frame: Frame }
  | {
      ok: false;
      /** Specific, for traces and CALLERROR descriptions. */
      reason: string;
      errorCode: RpcErrorCode;
      /** The id to put in a CALLERROR: the message id when it was readable, otherwise '-1'. */
      replyId: string;
      /** False where Part 4 says not to answer (broken CALLRESULT/CALLERROR/SEND). */
      reply: boolean;
      /** The message type number, when the first element was a number. */
      messageTypeId?: number;
      /** The message id, when it was readable and valid (lets a connection match a broken answer to its CALL). */
      messageId?: string;
    };

/** Largest errorDescription Part 4 allows (4.2.3, string[255]). */
export const MAX_ERROR_DESCRIPTION_LENGTH = 255;

const KNOWN_TYPES: Record<OcppVersion, readonly number[]> = {
  '2.0.1': [2, 3, 4],
  '2.1': [2, 3, 4, 5, 6],
};

const ELEMENTS: Record<number, number> = { 2: 4, 3: 3, 4: 5, 5: 5, 6: 4 };

const TYPE_NAME: Record<number, string> = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR', 5: 'CALLRESULTERROR', 6: 'SEND' };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)})`;
  return `a ${typeof v} (${String(v)})`;
}

function readId(v: unknown): { id?: string; problem?: string } {
  if (v === undefined) return { problem: 'has no message id' };
  if (typeof v !== 'string') return { problem: `has a message id that is ${kindOf(v)}, not a string` };
  if (v.length === 0) return { problem: 'has an empty message id' };
  if (v.length > MAX_MESSAGE_ID_LENGTH) {
    return { problem: `has a message id of ${v.length} characters, more than the ${MAX_MESSAGE_ID_LENGTH} allowed` };
  }
  return { id: v };
}

export function parseFrame(text: string, version: OcppVersion): ParseOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(`message is not valid JSON (${why.slice(0, 120)})`, 'RpcFrameworkError', undefined, true);
  }
  if (!Array.isArray(data)) {
    return fail(`message is ${kindOf(data)}, not a JSON array`, 'RpcFrameworkError', undefined, true);
  }
  if (data.length === 0) return fail('message is an empty array', 'RpcFrameworkError', undefined, true);

  const rawType: unknown = data[0];
  const idRead = readId(data[1]);
  if (typeof rawType !== 'number') {
    return fail(`message type is ${kindOf(rawType)}, not a number`, 'RpcFrameworkError', idRead.id, true);
  }
  if (!KNOWN_TYPES[version].includes(rawType)) {
    const hint = rawType === 5 || rawType === 6 ? ` (${TYPE_NAME[rawType]} exists only in OCPP 2.1)` : '';
    return fail(
      `message type ${rawType} is not supported in OCPP ${version}${hint}`,
      'MessageTypeNotSupported',
      idRead.id,
      true,
      rawType,
    );
  }
  const type = rawType as MessageTypeId;
  const name = TYPE_NAME[type] ?? String(type);
  const isCall = type === MessageTypeId.CALL;
  if (idRead.id === undefined) {
    return fail(`${name} ${idRead.problem ?? 'has no usable message id'}`, 'RpcFrameworkError', undefined, isCall, type);
  }
  const id = idRead.id;
  const expected = ELEMENTS[type] ?? 0;
  if (data.length !== expected) {
    return fail(`${name} has ${data.length} elements, expected ${expected}`, 'ProtocolError', id, isCall, type);
  }
  switch (type) {
    case MessageTypeId.CALL:
    case MessageTypeId.SEND: {
      const action: unknown = data[2];
      if (typeof action !== 'string' || action.length === 0) {
        return fail(`${name} action is ${kindOf(action)}, not a non-empty string`, 'ProtocolError', id, isCall, type);
      }
      const payload: unknown = data[3];
      if (!isPlainObject(payload)) {
        return fail(`${name} ${action} payload is ${kindOf(payload)}, not a JSON object`, 'FormatViolation', id, isCall, type);
      }
      return { ok: true, frame: { type, id, action, payload } };
    }
    case MessageTypeId.CALLRESULT: {
      const payload: unknown = data[2];
      if (!isPlainObject(payload)) {
        return fail(`CALLRESULT payload is ${kindOf(payload)}, not a JSON object`, 'FormatViolation', id, false, type);
      }
      return { ok: true, frame: { type, id, payload } };
    }
    default: {
      // CALLERROR (4) and CALLRESULTERROR (5)
      const [, , code, description, details] = data as unknown[];
      if (typeof code !== 'string') return fail(`${name} errorCode is ${kindOf(code)}, not a string`, 'ProtocolError', id, false, type);
      if (typeof description !== 'string') {
        return fail(`${name} errorDescription is ${kindOf(description)}, not a string`, 'ProtocolError', id, false, type);
      }
      if (!isPlainObject(details)) {
        return fail(`${name} errorDetails is ${kindOf(details)}, not a JSON object`, 'ProtocolError', id, false, type);
      }
      return { ok: true, frame: { type: type as 4 | 5, id, code, description, details } };
    }
  }
}

function fail(
  reason: string,
  errorCode: RpcErrorCode,
  messageId: string | undefined,
  reply: boolean,
  messageTypeId?: number,
): ParseOutcome {
  const out: ParseOutcome = { ok: false, reason, errorCode, replyId: messageId ?? '-1', reply };
  if (messageTypeId !== undefined) out.messageTypeId = messageTypeId;
  if (messageId !== undefined) out.messageId = messageId;
  return out;
}

/** The wire text of a frame. Throws (TypeError) only when the payload itself cannot be JSON (cycles, BigInt). */
export function serializeFrame(frame: Frame): string {
  switch (frame.type) {
    case 2:
    case 6:
      return JSON.stringify([frame.type, frame.id, frame.action, frame.payload]);
    case 3:
      return JSON.stringify([3, frame.id, frame.payload]);
    default:
      return JSON.stringify([frame.type, frame.id, frame.code, frame.description, frame.details]);
  }
}

/**
 * A CALLERROR (or, with type 5, a CALLRESULTERROR). The description is cut to 255 characters as Part 4 requires;
 * details default to {} (4.2.3: an empty object when there is nothing to say).
 */
export function buildCallError(
  id: string,
  code: RpcErrorCode,
  description: string,
  details: Record<string, unknown> = {},
  type: 4 | 5 = 4,
): CallErrorFrame {
  const desc =
    description.length > MAX_ERROR_DESCRIPTION_LENGTH
      ? `${description.slice(0, MAX_ERROR_DESCRIPTION_LENGTH - 3)}...`
      : description;
  return { type, id, code, description: desc, details };
}
