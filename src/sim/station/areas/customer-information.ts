// Customer information (Part 2 N09 get, N10 clear; Part 6 block N): what the reference station holds about a
// customer, reported and/or cleared on a CustomerInformationRequest. The customer is named by exactly one of idToken,
// customerCertificate or customerIdentifier (else the request is Invalid).
// What the station holds:
//   - by idToken: the authorization cache's entry of that token (areas/auth-cache.ts): status, expiry, group. The
//     station has no Local Authorization List, so there is nothing there to keep (N10 leaves the list alone anyway).
//   - by customerIdentifier: the records an operator stored at the station under that identifier (the bench action
//     "store a customer identifier", action-api.ts); they survive reboots like the cache.
//   - by customerCertificate: nothing; the station keeps no contract certificates (no ISO 15118).
// The report is sent after the response, one NotifyCustomerInformationRequest per record (a record longer than the
// 512 characters of `data` is split), seqNo from 0, tbc true on every part but the last. Nothing found: one part with
// empty data (the form Part 6 names "data empty" in TC_N_62_CS). With clear, the data is reported as it was and then
// removed; clear without report is confirmed by one part saying what was cleared.
import type { StationCore } from '../core.ts';
import { nowText, perStation, type Json } from '../state.ts';
import type { IdToken } from '../types.ts';
import { forgetToken, storedEntry } from './auth-cache.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'customerInformation.cacheNotReported': 'The authorization cache is not counted as customer data: a cached idToken is reported as unknown (empty data).',
  'customerInformation.noNoticeWhenNothingFound': 'When nothing is held about the customer, no NotifyCustomerInformationRequest is sent at all.',
  'customerInformation.noNoticeWithoutReport': 'A clear without report is not confirmed: no NotifyCustomerInformationRequest is sent.',
  'customerInformation.clearKeepsData': 'A clear is Accepted (and reported) but removes nothing.',
  'customerInformation.clearBeforeReport': 'With report and clear, the data is removed before the report is made, so the report finds nothing.',
} as const satisfies Record<string, string>;

/** The 512 characters NotifyCustomerInformationRequest.data may hold. */
const DATA_MAX = 512;

/** Records stored by customerIdentifier (the operator's entries), per station. */
const byIdentifier = perStation<StationCore, Map<string, string[]>>(() => new Map());

/** Bench action: an operator stores a customer identifier (with a note of when) at the station. */
export function storeCustomerIdentifier(st: StationCore, identifier: string): void {
  const records = byIdentifier(st).get(identifier) ?? [];
  records.push(`customer ${identifier}: entered by an operator at ${nowText()}`);
  byIdentifier(st).set(identifier, records);
  st.note(`customer identifier ${identifier} stored (${records.length} record(s))`);
}

type Customer = { kind: 'idToken'; token: IdToken } | { kind: 'identifier'; identifier: string } | { kind: 'certificate' };

function customerOf(p: Json): Customer | undefined {
  const given = [p.idToken, p.customerIdentifier, p.customerCertificate].filter((x) => x !== undefined);
  if (given.length !== 1) return undefined;
  if (p.idToken !== undefined) return { kind: 'idToken', token: p.idToken as unknown as IdToken };
  if (typeof p.customerIdentifier === 'string') return { kind: 'identifier', identifier: p.customerIdentifier };
  return { kind: 'certificate' };
}

/** What the station holds about the customer, one human-readable record each. */
function recordsOf(st: StationCore, c: Customer): string[] {
  if (c.kind === 'certificate') return [];
  if (c.kind === 'identifier') return [...(byIdentifier(st).get(c.identifier) ?? [])];
  if (st.faults.has('customerInformation.cacheNotReported')) return [];
  const entry = storedEntry(st, c.token);
  if (!entry) return [];
  const group = entry.groupIdToken ? `, group ${entry.groupIdToken.idToken}` : '';
  return [`authorization cache: idToken ${c.token.idToken} (${c.token.type}) ${entry.status}${group}, kept until ${new Date(Math.min(entry.expires, 8.64e15)).toISOString()}`];
}

/** Removes what the station holds about the customer; the number of records removed. */
function clear(st: StationCore, c: Customer): number {
  if (st.faults.has('customerInformation.clearKeepsData')) return recordsOf(st, c).length;
  if (c.kind === 'identifier') {
    const n = byIdentifier(st).get(c.identifier)?.length ?? 0;
    byIdentifier(st).delete(c.identifier);
    return n;
  }
  return c.kind === 'idToken' && forgetToken(st, c.token) ? 1 : 0;
}

function parts(records: string[]): string[] {
  const out: string[] = [];
  for (const r of records) for (let i = 0; i < r.length; i += DATA_MAX) out.push(r.slice(i, i + DATA_MAX));
  return out;
}

async function notify(st: StationCore, requestId: number, data: string[]): Promise<void> {
  for (const [seqNo, part] of data.entries()) {
    const tbc = seqNo < data.length - 1;
    await st.callSafe('NotifyCustomerInformation', { data: part, ...(tbc ? { tbc } : {}), seqNo, generatedAt: nowText(), requestId });
  }
}

function onCustomerInformation(st: StationCore, p: Json): Json {
  const customer = customerOf(p);
  // Neither a report nor a clear asked for: there is nothing to do, so the request is not valid either.
  if (!customer || (p.report !== true && p.clear !== true)) return { status: 'Invalid' };
  const requestId = Number(p.requestId);
  if (p.clear === true && st.faults.has('customerInformation.clearBeforeReport')) clear(st, customer);
  const records = recordsOf(st, customer);
  const removed = p.clear === true ? clear(st, customer) : 0;
  st.afterReply(() => {
    if (p.report === true) {
      if (records.length === 0 && st.faults.has('customerInformation.noNoticeWhenNothingFound')) return;
      void notify(st, requestId, records.length === 0 ? [''] : parts(records));
    } else if (!st.faults.has('customerInformation.noNoticeWithoutReport')) {
      void notify(st, requestId, [`customer data cleared: ${removed} record(s) removed`]);
    }
  });
  return { status: 'Accepted' };
}

export const AREA = {
  name: 'customer-information',
  blocks: ['N'],
  faults: FAULTS,
  handlers: { CustomerInformation: onCustomerInformation },
} satisfies StationArea;
