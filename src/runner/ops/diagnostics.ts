// Operations behind the diagnostics steps (Part 6 block N, CSMS cases): follow-up messages that refer to a request the
// CSMS sent (LogStatusNotification / NotifyCustomerInformation carry its requestId), and the URL check on a field.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { check } from '../../states/context.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { testSystemSends } from '../operations.ts';
import type { Rows } from '../operations.ts';
import { asCsms } from '../roles.ts';

const ORDINALS: Record<string, (n: number) => number> = { first: () => 0, second: () => 1, last: (n) => n - 1 };


/** The `ordinal` (first, second, last) request of `action` that earlier steps received from the CSMS. */
function receivedRequest(ctx: CsmsContext, action: string, ordinal: string): InboxEntry {
  const pick = ORDINALS[ordinal];
  if (!pick) throw new ScriptError(`"${ordinal}" is not one of ${Object.keys(ORDINALS).join(', ')}`);
  const received = (ctx.memory.get(`requests:${action}`) as InboxEntry[] | undefined) ?? [];
  const entry = received[pick(received.length)];
  if (!entry) throw new ScriptError(`no ${ordinal} ${action}Request was received by an earlier step (received: ${received.length})`);
  return entry;
}

/** Sends `action` (table fields) carrying the requestId of the `ordinal` received request of `about`. */
export function sendForRequest(ctx: ScenarioContext, action: string, about: string, ordinal: string, rows: Rows = []): void {
  const c = asCsms(ctx, `send a ${action}Request for a ${about}Request`);
  if (rows.some((r) => r[0]?.trim() === 'requestId')) throw new ScriptError(`the requestId of the ${action}Request is the one of the ${about}Request; do not set it in the table`);
  const requestId = receivedRequest(c, about, ordinal).payload.requestId;
  if (typeof requestId !== 'number') throw new ScriptError(`the ${about}Request has no requestId to refer to`);
  testSystemSends(c, action, [...rows, ['requestId', String(requestId)]]);
}

/** Reads a dotted path (no indexes) of a payload. */
function valueAt(payload: Record<string, unknown>, path: string): unknown {
  let node: unknown = payload;
  for (const key of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The field of the last received request of `action` is an absolute URL (a scheme and a host), so the station can use it. */
export function fieldIsAbsoluteUrl(ctx: ScenarioContext, path: string, action: string): void {
  const c = asCsms(ctx, `the ${action}Request names a URL`);
  if (/[[\]]/.test(path)) throw new ScriptError(`"${path}": name a plain field (a.b.c), without indexes`);
  const entry = receivedRequest(c, action, 'last');
  // The path must exist in the schema (a typo is a ScriptError) and the field must be there.
  check(c, `${action}Request`, entry.payload, [[path, 'present']], entry.frame);
  const value = valueAt(entry.payload, path);
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.host === '') {
    throw new ExpectationFailed({
      expected: `${path} of the ${action}Request to be an absolute URL (scheme and host) the station can upload to`,
      actual: `it is ${JSON.stringify(value)}`,
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}
