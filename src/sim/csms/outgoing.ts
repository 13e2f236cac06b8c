// Requests the CSMS sends to a station: the outgoing-request faults (applied here only) and what the CSMS learns
// from each answer (report requests, triggered messages, variable values, Basic Auth password changes).
import type { OcppVersion } from '../../rpc/types.ts';
import { AREAS } from './areas/index.ts';
import type { CsmsFaultSet } from './faults.ts';
import type { StationRecord, VariableRecord } from './state.ts';
import { variableKey } from './state.ts';
import { arr, obj } from './json.ts';

type Json = Record<string, unknown>;
type VariableAddress = Omit<VariableRecord, 'value' | 'status' | 'source' | 'at'>;

function lowerFirst(s: unknown): unknown {
  return typeof s === 'string' && s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Returns the payload to put on the wire, with the outgoing-request faults applied. Never mutates its input. */
export function applyOutgoingFaults(faults: CsmsFaultSet, action: string, payload: Json, version: OcppVersion): Json {
  const p = structuredClone(payload);
  if (action === 'GetVariables' || action === 'SetVariables') {
    const key = action === 'GetVariables' ? 'getVariableData' : 'setVariableData';
    for (const raw of arr(p[key])) {
      const item = obj(raw);
      if (faults.has('variables.misspellNames')) {
        const component = obj(item.component);
        const variable = obj(item.variable);
        component.name = lowerFirst(component.name);
        variable.name = lowerFirst(variable.name);
      }
      if (action === 'SetVariables' && faults.has('variables.setTargetAttribute')) item.attributeType = 'Target';
    }
  }
  if ((action === 'GetBaseReport' || action === 'GetReport') && faults.has('report.negativeRequestId')) p.requestId = -1;
  if (action === 'GetBaseReport' && faults.has('report.wrongReportBase')) p.reportBase = 'SummaryInventory';
  if (action === 'Reset' && faults.has('reset.wrongType')) p.type = p.type === 'Immediate' ? 'OnIdle' : 'Immediate';
  if (action === 'Reset' && faults.has('reset.withEvseId') && p.evseId === undefined) p.evseId = 1;
  for (const area of AREAS) area.outgoing?.(faults, action, p, version);
  return p;
}

/** TriggerMessage requestedMessage -> the action the station then sends. */
export const TRIGGERED_ACTION: Record<string, string> = {
  BootNotification: 'BootNotification',
  LogStatusNotification: 'LogStatusNotification',
  FirmwareStatusNotification: 'FirmwareStatusNotification',
  Heartbeat: 'Heartbeat',
  MeterValues: 'MeterValues',
  SignChargingStationCertificate: 'SignCertificate',
  SignV2GCertificate: 'SignCertificate',
  SignV2G20Certificate: 'SignCertificate',
  SignCombinedCertificate: 'SignCertificate',
  StatusNotification: 'StatusNotification',
  TransactionEvent: 'TransactionEvent',
  PublishFirmwareStatusNotification: 'PublishFirmwareStatusNotification',
  CustomTrigger: 'DataTransfer',
};

export interface LearnHooks {
  faults: CsmsFaultSet;
  /** A Basic Auth password the station confirmed (SetVariables SecurityCtrlr.BasicAuthPassword). */
  passwordChanged(password: string): void;
}

const SET_OK = new Set(['Accepted', 'RebootRequired']);

/** Which variable attribute one Get/SetVariables result is about (attributeType defaults to Actual). */
function variableAddress(result: Json): VariableAddress {
  const component = obj(result.component);
  const variable = obj(result.variable);
  const evse = obj(component.evse);
  return {
    component: String(component.name),
    componentInstance: typeof component.instance === 'string' ? component.instance : undefined,
    evseId: typeof evse.id === 'number' ? evse.id : undefined,
    connectorId: typeof evse.connectorId === 'number' ? evse.connectorId : undefined,
    variable: String(variable.name),
    variableInstance: typeof variable.instance === 'string' ? variable.instance : undefined,
    attributeType: typeof result.attributeType === 'string' ? result.attributeType : 'Actual',
  };
}

/** Updates the station record from the answer to one of our requests. */
export function learnFromAnswer(station: StationRecord, action: string, request: Json, response: unknown, hooks: LearnHooks): void {
  const res = obj(response);
  const at = new Date().toISOString();
  switch (action) {
    case 'GetBaseReport':
    case 'GetReport': {
      const requestId = typeof request.requestId === 'number' ? request.requestId : undefined;
      if (requestId === undefined) return;
      const status = typeof res.status === 'string' ? res.status : 'unknown';
      const existing = station.reports.get(requestId);
      const requested = action === 'GetBaseReport' ? String(request.reportBase) : 'Custom';
      if (existing) {
        existing.requested = requested;
        existing.requestStatus = status;
      } else {
        station.reports.set(requestId, { requestId, requested, requestStatus: status, parts: [], complete: false, items: [] });
      }
      if (status === 'Accepted') station.openReportRequests.add(requestId);
      return;
    }
    case 'TriggerMessage': {
      const target = TRIGGERED_ACTION[String(request.requestedMessage)];
      if (target && res.status === 'Accepted') station.triggeredActions.add(target);
      return;
    }
    case 'GetVariables': {
      for (const raw of arr(res.getVariableResult)) {
        const r = obj(raw);
        const rec = variableAddress(r);
        const status = String(r.attributeStatus);
        const value = typeof r.attributeValue === 'string' ? r.attributeValue : undefined;
        station.variables.set(variableKey(rec), { ...rec, value, status, source: 'GetVariables', at });
      }
      return;
    }
    case 'SetVariables': {
      const asked = arr(request.setVariableData).map(obj);
      for (const raw of arr(res.setVariableResult)) {
        const r = obj(raw);
        const component = obj(r.component);
        const variable = obj(r.variable);
        const rec = variableAddress(r);
        const match = asked.find(
          (a) =>
            obj(a.component).name === component.name &&
            obj(a.component).instance === component.instance &&
            obj(a.variable).name === variable.name &&
            obj(a.variable).instance === variable.instance &&
            ((a.attributeType as string | undefined) ?? 'Actual') === rec.attributeType,
        );
        const status = String(r.attributeStatus);
        // variables.ignoreRejected: the one place where a refusal is mistaken for success.
        const ok = SET_OK.has(status) || hooks.faults.has('variables.ignoreRejected');
        const key = variableKey(rec);
        const previous = station.variables.get(key);
        const newValue = typeof match?.attributeValue === 'string' ? match.attributeValue : undefined;
        station.variables.set(key, { ...rec, value: ok ? newValue : previous?.value, status, source: 'SetVariables', at });
        if (ok && newValue !== undefined && rec.component === 'SecurityCtrlr' && rec.variable === 'BasicAuthPassword') {
          hooks.passwordChanged(newValue);
        }
      }
      return;
    }
    default:
      return;
  }
}
