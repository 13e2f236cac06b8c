// Monitoring (Part 6 block N, Advanced Device Management): variable monitors, monitoring base and level, monitoring
// reports and the events monitors raise: this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS sends SetVariableMonitoring, SetMonitoringBase, SetMonitoringLevel, ClearVariableMonitoring and
// GetMonitoringReport as the operator asks (call/{Action}) and keeps, per station, what the station answered: the
// monitors it installed (by id, removed again when a clear is Accepted), the base and level it accepted, and the
// monitoring reports by requestId with the parts the station sent (NotifyMonitoringReport, complete when tbc is not
// true). It learns MonitoringCtrlr.ItemsPerMessage (ClearVariableMonitoring / SetVariableMonitoring) from a
// GetVariables answer and never sends more ids or monitors in one request than that: a longer operator request goes
// out in parts. Every schema-valid NotifyEvent is acknowledged; its events are kept (last 200).
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler, HandlerContext } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { arr, int, obj, perStation, text } from '../json.ts';
import { entryOf } from './bounded.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'monitoring.baseAlwaysAll': 'outgoing SetMonitoringBase requests always ask for monitoringBase All',
  'monitoring.deltaAsThreshold': 'outgoing SetVariableMonitoring requests turn Delta monitors into UpperThreshold monitors',
  'monitoring.dropMonitorEvse': 'outgoing SetVariableMonitoring requests lose the evse of each monitored component',
  'monitoring.onlyFirstMonitor': 'outgoing SetVariableMonitoring requests carry only the first of several monitors',
  'monitoring.levelOffByOne': 'outgoing SetMonitoringLevel requests carry the severity the operator chose + 1',
  'monitoring.criteriaSwapped': 'outgoing GetMonitoringReport requests swap ThresholdMonitoring and DeltaMonitoring',
  'monitoring.reportFilterDropsVariable': 'outgoing GetMonitoringReport requests name only the components of componentVariable, without their variables',
  'monitoring.reportAllAsThreshold': 'an outgoing GetMonitoringReport for every monitor asks for ThresholdMonitoring only',
  'monitoring.refuseReportContinuation': 'a NotifyMonitoringReport part after the first one (seqNo > 0) is refused with a CALLERROR',
  'monitoring.clearBeyondItemsPerMessage': 'ClearVariableMonitoring requests are never split, whatever MonitoringCtrlr.ItemsPerMessage the station declared',
  'monitoring.clearIdsOffByOne': 'outgoing ClearVariableMonitoring requests name every monitor id + 1 (zero- vs one-based ids)',
  'monitoring.refuseHardWiredEvent': 'a NotifyEvent raised by a hard-wired monitor (eventNotificationType HardWiredMonitor) is refused with a CALLERROR',
  'monitoring.refusePeriodicEvent': 'a NotifyEvent with trigger Periodic is refused with a CALLERROR',
  'monitoring.refuseEmptyActualValue': 'a NotifyEvent with an empty actualValue (a write-only variable) is refused with a CALLERROR',
  'monitoring.refuseClearedEvent': 'a NotifyEvent whose event is cleared (cleared true) is refused with a CALLERROR',
} as const satisfies Record<string, string>;

/** One monitor the station installed on our request. */
export interface Monitor {
  id: number;
  component: Json;
  variable: Json;
  type: string;
  severity: number;
  value?: number;
}

/** One GetMonitoringReport the CSMS sent and the parts the station reported for it. */
export interface MonitoringReport {
  requestId: number;
  requestStatus?: string;
  seqNos: number[];
  monitors: Json[];
  complete: boolean;
}

export interface MonitoringState {
  itemsPerMessage: { clear?: number; set?: number };
  monitors: Map<number, Monitor>;
  base?: string;
  level?: number;
  reports: Map<number, MonitoringReport>;
  events: Json[];
}

export const monitoringOf = perStation<StationRecord, MonitoringState>(() => ({ itemsPerMessage: {}, monitors: new Map(), reports: new Map(), events: [] }));

const MAX_EVENTS = 200;
const MAX_REPORTS = 50;
const SWAP_CRITERIA: Record<string, string> = { ThresholdMonitoring: 'DeltaMonitoring', DeltaMonitoring: 'ThresholdMonitoring' };

const report = (state: MonitoringState, requestId: number): MonitoringReport =>
  entryOf(state.reports, requestId, () => ({ requestId, seqNos: [], monitors: [], complete: false }), MAX_REPORTS);

const notifyMonitoringReport: Handler = (ctx, p) => {
  ctx.station.note('NotifyMonitoringReport', p);
  const requestId = int(p.requestId);
  const seqNo = int(p.seqNo);
  if (requestId === undefined || seqNo === undefined) return {};
  if (ctx.opts.faults.has('monitoring.refuseReportContinuation') && seqNo > 0) {
    throw new SimCallError('PropertyConstraintViolation', `monitoring report ${requestId} was already received (seqNo ${seqNo})`);
  }
  const r = report(monitoringOf(ctx.station), requestId);
  if (!r.seqNos.includes(seqNo)) {
    r.seqNos.push(seqNo);
    r.monitors.push(...arr(p.monitor).map(obj));
  }
  if (p.tbc !== true) r.complete = true;
  return {};
};

/** The CALLERROR a CSMS with one of the event faults sends for this NotifyEvent, if any. */
function eventRefusal(faults: CsmsFaultSet, events: Json[]): SimCallError | undefined {
  for (const e of events) {
    if (faults.has('monitoring.refuseHardWiredEvent') && e.eventNotificationType === 'HardWiredMonitor') return new SimCallError('PropertyConstraintViolation', 'events of hard-wired monitors are not supported');
    if (faults.has('monitoring.refusePeriodicEvent') && e.trigger === 'Periodic') return new SimCallError('PropertyConstraintViolation', 'unknown event trigger Periodic');
    if (faults.has('monitoring.refuseEmptyActualValue') && e.actualValue === '') return new SimCallError('PropertyConstraintViolation', 'eventData.actualValue is empty');
    if (faults.has('monitoring.refuseClearedEvent') && e.cleared === true) return new SimCallError('OccurrenceConstraintViolation', 'a cleared event has no problem to report');
  }
  return undefined;
}

function answer(ctx: HandlerContext, action: string, request: Json, response: Json): Json {
  if (action !== 'NotifyEvent') return response;
  const events = arr(request.eventData).map(obj);
  const refusal = eventRefusal(ctx.opts.faults, events);
  if (refusal) throw refusal;
  const kept = monitoringOf(ctx.station).events;
  kept.push(...events);
  if (kept.length > MAX_EVENTS) kept.splice(0, kept.length - MAX_EVENTS);
  return response;
}

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'SetMonitoringBase' && faults.has('monitoring.baseAlwaysAll')) p.monitoringBase = 'All';
  if (action === 'SetMonitoringLevel' && faults.has('monitoring.levelOffByOne') && typeof p.severity === 'number') p.severity += 1;
  if (action === 'SetVariableMonitoring') {
    if (faults.has('monitoring.onlyFirstMonitor') && Array.isArray(p.setMonitoringData)) p.setMonitoringData = p.setMonitoringData.slice(0, 1);
    for (const m of arr(p.setMonitoringData).map(obj)) {
      if (faults.has('monitoring.deltaAsThreshold') && m.type === 'Delta') m.type = 'UpperThreshold';
      if (faults.has('monitoring.dropMonitorEvse')) delete obj(m.component).evse;
    }
  }
  if (action === 'GetMonitoringReport') {
    const criteria = p.monitoringCriteria;
    if (faults.has('monitoring.criteriaSwapped') && Array.isArray(criteria)) p.monitoringCriteria = criteria.map((c) => SWAP_CRITERIA[text(c)] ?? c);
    if (faults.has('monitoring.reportFilterDropsVariable')) for (const cv of arr(p.componentVariable).map(obj)) delete cv.variable;
    if (faults.has('monitoring.reportAllAsThreshold') && criteria === undefined && p.componentVariable === undefined) p.monitoringCriteria = ['ThresholdMonitoring'];
  }
  if (action === 'ClearVariableMonitoring' && faults.has('monitoring.clearIdsOffByOne') && Array.isArray(p.id)) p.id = p.id.map((id) => (typeof id === 'number' ? id + 1 : id));
}

/** MonitoringCtrlr.ItemsPerMessage[instance] from a GetVariables answer, when it reports one. */
function learnItemsPerMessage(state: MonitoringState, response: Json): void {
  for (const r of arr(response.getVariableResult).map(obj)) {
    if (obj(r.component).name !== 'MonitoringCtrlr' || obj(r.variable).name !== 'ItemsPerMessage' || r.attributeStatus !== 'Accepted') continue;
    if ((r.attributeType ?? 'Actual') !== 'Actual') continue;
    const n = Number.parseInt(text(r.attributeValue), 10);
    if (!Number.isInteger(n) || n <= 0) continue;
    const instance = obj(r.variable).instance;
    if (instance === 'ClearVariableMonitoring') state.itemsPerMessage.clear = n;
    if (instance === 'SetVariableMonitoring') state.itemsPerMessage.set = n;
  }
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const state = monitoringOf(station);
  if (action === 'GetVariables') learnItemsPerMessage(state, response);
  if (action === 'SetMonitoringBase' && response.status === 'Accepted') state.base = text(request.monitoringBase);
  if (action === 'SetMonitoringLevel' && response.status === 'Accepted') state.level = int(request.severity);
  if (action === 'SetVariableMonitoring') {
    const asked = arr(request.setMonitoringData).map(obj);
    arr(response.setMonitoringResult).map(obj).forEach((r, i) => {
      const id = int(r.id);
      if (r.status !== 'Accepted' || id === undefined) return;
      const value = asked[i]?.value;
      state.monitors.set(id, { id, component: obj(r.component), variable: obj(r.variable), type: text(r.type), severity: int(r.severity) ?? 0, ...(typeof value === 'number' ? { value } : {}) });
    });
  }
  if (action === 'ClearVariableMonitoring') {
    for (const r of arr(response.clearMonitoringResult).map(obj)) {
      const id = int(r.id);
      if (id !== undefined && r.status === 'Accepted') state.monitors.delete(id);
    }
  }
  if (action === 'GetMonitoringReport') {
    const requestId = int(request.requestId);
    if (requestId !== undefined) report(state, requestId).requestStatus = text(response.status);
  }
}

/** Parts of at most `size` entries of the list under `key`, each with the request's other fields. */
export function splitList(payload: Json, key: string, size: number | undefined): Json[] | undefined {
  const items = payload[key];
  if (!Array.isArray(items) || !size || items.length <= size) return undefined;
  const parts: Json[] = [];
  for (let i = 0; i < items.length; i += size) parts.push({ ...payload, [key]: items.slice(i, i + size) });
  return parts;
}

const joinResults = (key: string) => (answers: Json[]): Json => ({ [key]: answers.flatMap((a) => arr(a[key])) });

function split(station: StationRecord, action: string, payload: Json, faults: CsmsFaultSet): { parts: Json[]; join(answers: Json[]): Json } | undefined {
  const limits = monitoringOf(station).itemsPerMessage;
  if (action === 'ClearVariableMonitoring' && !faults.has('monitoring.clearBeyondItemsPerMessage')) {
    const parts = splitList(payload, 'id', limits.clear);
    return parts && { parts, join: joinResults('clearMonitoringResult') };
  }
  if (action === 'SetVariableMonitoring') {
    const parts = splitList(payload, 'setMonitoringData', limits.set);
    return parts && { parts, join: joinResults('setMonitoringResult') };
  }
  return undefined;
}

export const AREA: CsmsArea = {
  name: 'monitoring',
  handlers: { NotifyMonitoringReport: notifyMonitoringReport },
  answer,
  outgoing,
  learn,
  split,
};
