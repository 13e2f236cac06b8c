// Diagnostics (Part 6 block N): logs and customer information: this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS keeps, per station, the log uploads it asked for (GetLog) by requestId with the upload statuses
// the station reported (LogStatusNotification), and the customer-information requests it sent (CustomerInformation)
// by requestId with the parts of the station's report (NotifyCustomerInformation: seqNo, tbc, data). Every
// schema-valid notification is acknowledged, also one for a request the CSMS no longer considers running.
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler, HandlerContext } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { int, obj, perStation, text } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'log.logTypeSwapped': 'outgoing GetLog requests swap logType DiagnosticsLog and SecurityLog',
  'log.emptyRemoteLocation': 'outgoing GetLog requests carry an empty log.remoteLocation (no upload server configured)',
  'log.unknownAcceptedCanceled': 'a LogStatusNotification with status AcceptedCanceled (missing from the OCPP 1.6 security extension list) is refused with a CALLERROR',
  'customer.flagsSwapped': 'outgoing CustomerInformation requests swap the report and clear flags',
  'customer.clearDropped': 'outgoing CustomerInformation requests always carry clear false (clearing is never asked for)',
  'customer.idTokenTypeCentral': 'outgoing CustomerInformation requests give the idToken type Central instead of its own type',
  'customer.identifierAlsoAsIdToken': 'a CustomerInformation request by customerIdentifier also carries that identifier as an idToken (type Central)',
  'customer.refuseFollowUpParts': 'a NotifyCustomerInformation part after the first one of the same requestId is refused with a CALLERROR',
  'customer.rejectEmptyData': 'a NotifyCustomerInformation with empty data (no customer data found) is refused with a CALLERROR',
} as const satisfies Record<string, string>;

/** One GetLog the CSMS sent and what became of it. */
export interface LogUpload {
  requestId: number;
  /** What the CSMS asked (absent while only notifications for this requestId are known). */
  request?: { logType: string; remoteLocation: string; requestStatus: string };
  /** Upload statuses reported by LogStatusNotification, in arrival order. */
  statuses: string[];
  /** Set when a later GetLog was answered AcceptedCanceled: the station gave up this upload for the newer one. */
  canceled: boolean;
}

/** One customer-information request and the report parts the station sent for it. */
export interface CustomerReport {
  requestId: number;
  /** What the CSMS asked (absent for parts of a request this CSMS did not send). */
  request?: { report: boolean; clear: boolean; reference: Json; requestStatus: string };
  /** seqNo -> data, as received. */
  parts: Map<number, string>;
  /** True once the part with tbc false arrived. */
  complete: boolean;
}

export interface DiagnosticsState {
  logs: Map<number, LogUpload>;
  customer: Map<number, CustomerReport>;
}

/** This area's memory of one station. */
export const diagnosticsOf = perStation<StationRecord, DiagnosticsState>(() => ({ logs: new Map(), customer: new Map() }));


const LOG_ACCEPTED = new Set(['Accepted', 'AcceptedCanceled']);
/** Upload statuses after which the station no longer works on that upload. */
const LOG_FINISHED = new Set(['Uploaded', 'UploadFailure', 'BadMessage', 'NotSupportedOperation', 'PermissionDenied', 'AcceptedCanceled']);

const running = (u: LogUpload): boolean => LOG_ACCEPTED.has(u.request?.requestStatus ?? '') && !u.canceled && !u.statuses.some((s) => LOG_FINISHED.has(s));

// A long-running mock CSMS must not grow without bound, whatever a station sends: the oldest entries go first.
const MAX_REQUESTS = 200;
const MAX_ENTRIES_PER_REQUEST = 1000;

function bounded<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}

// Get-or-create: a station's notification may be handled before the answer to our request was (both arrive together).
function logUpload(state: DiagnosticsState, requestId: number): LogUpload {
  let u = state.logs.get(requestId);
  if (!u) {
    u = { requestId, statuses: [], canceled: false };
    state.logs.set(requestId, u);
    bounded(state.logs, MAX_REQUESTS);
  }
  return u;
}

function customerReport(state: DiagnosticsState, requestId: number): CustomerReport {
  let r = state.customer.get(requestId);
  if (!r) {
    r = { requestId, parts: new Map(), complete: false };
    state.customer.set(requestId, r);
    bounded(state.customer, MAX_REQUESTS);
  }
  return r;
}

const logStatusNotification: Handler = (ctx, p) => {
  ctx.station.note('LogStatusNotification', p);
  const requestId = int(p.requestId);
  // Without a requestId the station reports on no upload (e.g. Idle after a TriggerMessage): nothing to file.
  if (requestId !== undefined) {
    const statuses = logUpload(diagnosticsOf(ctx.station), requestId).statuses;
    statuses.push(text(p.status));
    if (statuses.length > MAX_ENTRIES_PER_REQUEST) statuses.shift();
  }
  return {};
};

const notifyCustomerInformation: Handler = (ctx, p) => {
  ctx.station.note('NotifyCustomerInformation', p);
  const requestId = int(p.requestId);
  const seqNo = int(p.seqNo);
  if (requestId === undefined || seqNo === undefined) return {};
  const report = customerReport(diagnosticsOf(ctx.station), requestId);
  report.parts.set(seqNo, text(p.data));
  bounded(report.parts, MAX_ENTRIES_PER_REQUEST);
  if (p.tbc !== true) report.complete = true;
  return {};
};

/** Fault injection on our answers: the refusals a CSMS with these bugs would send. */
function answer(ctx: HandlerContext, action: string, request: Json, response: Json): Json {
  const f = ctx.opts.faults;
  if (action === 'LogStatusNotification' && f.has('log.unknownAcceptedCanceled') && request.status === 'AcceptedCanceled') {
    throw new SimCallError('PropertyConstraintViolation', 'status AcceptedCanceled is not a known upload status');
  }
  if (action === 'NotifyCustomerInformation') {
    // The handler already filed this part: more than one part means this is a follow-up.
    const requestId = int(request.requestId);
    const parts = requestId === undefined ? 0 : (diagnosticsOf(ctx.station).customer.get(requestId)?.parts.size ?? 0);
    if (f.has('customer.refuseFollowUpParts') && parts > 1) {
      throw new SimCallError('InternalError', `a customer information report with requestId ${String(requestId)} already exists`);
    }
    if (f.has('customer.rejectEmptyData') && request.data === '') {
      throw new SimCallError('PropertyConstraintViolation', 'data must not be empty');
    }
  }
  return response;
}

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'GetLog') {
    if (faults.has('log.logTypeSwapped')) {
      if (p.logType === 'DiagnosticsLog') p.logType = 'SecurityLog';
      else if (p.logType === 'SecurityLog') p.logType = 'DiagnosticsLog';
    }
    if (faults.has('log.emptyRemoteLocation')) p.log = { ...obj(p.log), remoteLocation: '' };
  }
  if (action === 'CustomerInformation') {
    if (faults.has('customer.flagsSwapped')) [p.report, p.clear] = [p.clear, p.report];
    if (faults.has('customer.clearDropped')) p.clear = false;
    if (faults.has('customer.idTokenTypeCentral') && p.idToken !== undefined) p.idToken = { ...obj(p.idToken), type: 'Central' };
    if (faults.has('customer.identifierAlsoAsIdToken') && typeof p.customerIdentifier === 'string' && p.idToken === undefined) {
      p.idToken = { idToken: p.customerIdentifier, type: 'Central' };
    }
  }
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const requestId = int(request.requestId);
  if (requestId === undefined) return;
  const state = diagnosticsOf(station);
  const status = text(response.status);
  if (action === 'GetLog') {
    // AcceptedCanceled: the station dropped the upload it was busy with in favour of this one.
    if (status === 'AcceptedCanceled') for (const u of state.logs.values()) if (u.requestId !== requestId && running(u)) u.canceled = true;
    logUpload(state, requestId).request = { logType: text(request.logType), remoteLocation: text(obj(request.log).remoteLocation), requestStatus: status };
  }
  if (action === 'CustomerInformation') {
    const reference: Json = {};
    for (const key of ['idToken', 'customerCertificate', 'customerIdentifier']) if (request[key] !== undefined) reference[key] = request[key];
    customerReport(state, requestId).request = { report: request.report === true, clear: request.clear === true, reference, requestStatus: status };
  }
}

export const AREA: CsmsArea = {
  name: 'diagnostics',
  handlers: { LogStatusNotification: logStatusNotification, NotifyCustomerInformation: notifyCustomerInformation },
  answer,
  outgoing,
  learn,
};
