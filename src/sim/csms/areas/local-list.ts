// Local Authorization List management (Part 6 block D, and N10's follow-up): this area's named faults and behaviour
// of the reference CSMS.
//
// Behaviour: the CSMS sends GetLocalListVersion and SendLocalList as the operator asks (operator API call/{Action}) and
// keeps, per station, the list it believes the station holds: the version the station reported or accepted, and the
// entries (idToken -> idTokenInfo). A Full update the station accepted replaces the entries; a Differential one adds
// or replaces the entries that carry idTokenInfo and removes the ones without. When the station has cleared a
// customer's data at our request (CustomerInformation with clear true, answered Accepted) and its last report part
// for that request has arrived, the CSMS removes the customer's idToken from the station's list if the list holds it
// (N10): a Differential SendLocalList with the next version and that idToken without idTokenInfo.
import type { CsmsFaultSet } from '../faults.ts';
import type { HandlerContext } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { arr, int, obj, perStation, text, tokenKey } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'localList.fullAsDifferential': 'outgoing SendLocalList requests of updateType Full go out as Differential',
  'localList.differentialAsFull': 'outgoing SendLocalList requests of updateType Differential go out as Full',
  'localList.versionNotRaised':
    'outgoing SendLocalList requests carry a versionNumber one lower than intended (the version the station already has is sent again)',
  'localList.removalWithIdTokenInfo': 'entries of an outgoing Differential SendLocalList without idTokenInfo get idTokenInfo status Invalid (removal by blocking)',
  'localList.emptyListAsArray': 'an outgoing SendLocalList without entries carries an empty localAuthorizationList array instead of none',
  'localList.versionRequestWithEvseId': 'outgoing GetLocalListVersion requests carry an evseId, a field their schema does not have (as if lists were per EVSE)',
  'localList.keepClearedCustomer': 'after a customer\'s data was cleared, the idToken stays in the station\'s local list (no SendLocalList follows)',
} as const satisfies Record<string, string>;

/** What the CSMS believes one station's local list is. */
export interface LocalListState {
  /** Version the station reported (GetLocalListVersion) or accepted (SendLocalList); undefined until known. */
  version?: number;
  /** idToken key ("idToken|type") -> the entry as sent. */
  entries: Map<string, Json>;
  /** CustomerInformation requests with clear true that the station accepted: requestId -> the idToken to drop. */
  clearing: Map<number, Json>;
}

export const localListOf = perStation<StationRecord, LocalListState>(() => ({ entries: new Map(), clearing: new Map() }));

/** Bounds for a long-running CSMS: list entries and pending clears kept per station. */
const MAX_ENTRIES = 10_000;
const MAX_CLEARING = 50;

function applyUpdate(state: LocalListState, request: Json): void {
  if (request.updateType === 'Full') state.entries.clear();
  for (const raw of arr(request.localAuthorizationList)) {
    const entry = obj(raw);
    const key = tokenKey(entry.idToken);
    if (key === undefined) continue;
    if (entry.idTokenInfo === undefined) state.entries.delete(key);
    else if (state.entries.size < MAX_ENTRIES || state.entries.has(key)) state.entries.set(key, entry);
  }
  const version = int(request.versionNumber);
  if (version !== undefined) state.version = version;
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const state = localListOf(station);
  if (action === 'GetLocalListVersion') {
    const version = int(response.versionNumber);
    if (version !== undefined) state.version = version;
    // Version 0: the station has no list (D02), so nothing we remember of it holds any more.
    if (version === 0) state.entries.clear();
  }
  if (action === 'SendLocalList' && response.status === 'Accepted') applyUpdate(state, request);
  if (action === 'CustomerInformation' && request.clear === true && response.status === 'Accepted' && request.idToken !== undefined) {
    const requestId = int(request.requestId);
    if (requestId === undefined) return;
    state.clearing.set(requestId, obj(request.idToken));
    for (const oldest of state.clearing.keys()) {
      if (state.clearing.size <= MAX_CLEARING) break;
      state.clearing.delete(oldest);
    }
  }
}

/** After the last part of the report on a cleared customer: take its idToken out of the station's list (N10). */
function answer(ctx: HandlerContext, action: string, request: Json, response: Json): Json {
  if (action !== 'NotifyCustomerInformation' || request.tbc === true) return response;
  const requestId = int(request.requestId);
  if (requestId === undefined) return response;
  // After our answer is on the wire: by then the station's answer to the CustomerInformation (which may have come in
  // the same network read as this report) has been learnt.
  ctx.later(async () => {
    const state = localListOf(ctx.station);
    const idToken = state.clearing.get(requestId);
    if (idToken === undefined) return;
    state.clearing.delete(requestId);
    const key = tokenKey(idToken);
    if (key === undefined || !state.entries.has(key) || state.version === undefined) return;
    if (ctx.opts.faults.has('localList.keepClearedCustomer')) return;
    const removal = { versionNumber: state.version + 1, updateType: 'Differential', localAuthorizationList: [{ idToken: { idToken: text(idToken.idToken), type: text(idToken.type) } }] };
    await ctx.callStation?.('SendLocalList', removal);
  });
  return response;
}

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'GetLocalListVersion' && faults.has('localList.versionRequestWithEvseId')) p.evseId = 1;
  if (action !== 'SendLocalList') return;
  const type = p.updateType;
  if (type === 'Full' && faults.has('localList.fullAsDifferential')) p.updateType = 'Differential';
  if (type === 'Differential' && faults.has('localList.differentialAsFull')) p.updateType = 'Full';
  if (typeof p.versionNumber === 'number' && faults.has('localList.versionNotRaised')) p.versionNumber -= 1;
  if (type === 'Differential' && faults.has('localList.removalWithIdTokenInfo')) {
    for (const raw of arr(p.localAuthorizationList)) {
      const entry = obj(raw);
      if (entry.idTokenInfo === undefined) entry.idTokenInfo = { status: 'Invalid' };
    }
  }
  if (p.localAuthorizationList === undefined && faults.has('localList.emptyListAsArray')) p.localAuthorizationList = [];
}

export const AREA: CsmsArea = { name: 'local-list', answer, outgoing, learn };
