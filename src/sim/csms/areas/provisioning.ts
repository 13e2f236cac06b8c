// Provisioning (Part 6 block B): boot, variables, reports, reset, network profiles: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';
import { arr, obj as asObj, text } from '../json.ts';
import { splitList } from './monitoring.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'variables.onlyFirstItem': 'outgoing GetVariables/SetVariables requests carry only the first of several requested items',
  'reset.dropEvseId': 'outgoing Reset requests for one EVSE lose their evseId (the whole station is reset instead)',
  'networkProfile.legacyOcppVersion': 'outgoing SetNetworkProfile requests declare connectionData.ocppVersion OCPP16 (a template left from OCPP 1.6)',
  'networkProfile.slotOffByOne': 'outgoing SetNetworkProfile requests use the requested configurationSlot + 1 (zero- vs one-based slot numbers)',
  'networkProfile.omitTransport': 'outgoing SetNetworkProfile requests omit the required connectionData.ocppTransport (schema-invalid request)',
  'variables.ignoreItemsPerMessage': 'an operator\'s GetVariables request is sent whole, whatever DeviceDataCtrlr.ItemsPerMessage[GetVariables] the station declared',
  'report.summaryAsFull': 'outgoing GetBaseReport requests ask for FullInventory instead of SummaryInventory',
  'report.criteriaDropped': 'outgoing GetReport requests lose their componentCriteria (a report of every component is asked for)',
  'report.evseDropped': 'outgoing GetReport requests lose the evse of each component in componentVariable',
} as const satisfies Record<string, string>;

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

export const AREA: CsmsArea = {
  name: 'provisioning',
  outgoing(faults, action, payload) {
    if ((action === 'GetVariables' || action === 'SetVariables') && faults.has('variables.onlyFirstItem')) {
      const key = action === 'GetVariables' ? 'getVariableData' : 'setVariableData';
      const items = payload[key];
      if (Array.isArray(items)) payload[key] = items.slice(0, 1);
    }
    if (action === 'Reset' && faults.has('reset.dropEvseId')) delete payload.evseId;
    if (action === 'SetNetworkProfile') {
      const data = obj(payload.connectionData);
      if (faults.has('networkProfile.legacyOcppVersion') && data) data.ocppVersion = 'OCPP16';
      if (faults.has('networkProfile.slotOffByOne') && typeof payload.configurationSlot === 'number') payload.configurationSlot += 1;
      if (faults.has('networkProfile.omitTransport') && data) delete data.ocppTransport;
    }
    if (action === 'GetBaseReport' && faults.has('report.summaryAsFull') && payload.reportBase === 'SummaryInventory') payload.reportBase = 'FullInventory';
    if (action === 'GetReport' && faults.has('report.criteriaDropped')) delete payload.componentCriteria;
    if (action === 'GetReport' && faults.has('report.evseDropped')) for (const cv of arr(payload.componentVariable)) delete asObj(asObj(cv).component).evse;
  },
  // DeviceDataCtrlr.ItemsPerMessage[GetVariables] / [SetVariables] read with GetVariables is the station's limit too.
  learn(station, action, _request, response) {
    if (action !== 'GetVariables') return;
    for (const r of arr(response.getVariableResult).map(asObj)) {
      const variable = asObj(r.variable);
      if (asObj(r.component).name !== 'DeviceDataCtrlr' || variable.name !== 'ItemsPerMessage' || r.attributeStatus !== 'Accepted') continue;
      const n = Number.parseInt(text(r.attributeValue), 10);
      if (!Number.isInteger(n) || n <= 0) continue;
      if (variable.instance === 'GetVariables') station.itemsPerMessage.getVariables = n;
      if (variable.instance === 'SetVariables') station.itemsPerMessage.setVariables = n;
    }
  },
  // An operator's Get/SetVariables longer than the station's ItemsPerMessage goes out in parts, results joined.
  split(station, action, payload, faults) {
    if (action === 'GetVariables' && !faults.has('variables.ignoreItemsPerMessage')) {
      const parts = splitList(payload, 'getVariableData', station.itemsPerMessage.getVariables);
      return parts && { parts, join: (answers) => ({ getVariableResult: answers.flatMap((a) => arr(a.getVariableResult)) }) };
    }
    if (action === 'SetVariables') {
      const parts = splitList(payload, 'setVariableData', station.itemsPerMessage.setVariables);
      return parts && { parts, join: (answers) => ({ setVariableResult: answers.flatMap((a) => arr(a.setVariableResult)) }) };
    }
    return undefined;
  },
};
