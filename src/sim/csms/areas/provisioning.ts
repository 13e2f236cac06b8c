// Provisioning (Part 6 block B): boot, variables, reports, reset, network profiles: this area's named faults and behaviour of the reference CSMS.
import type { CsmsArea } from './types.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'variables.onlyFirstItem': 'outgoing GetVariables/SetVariables requests carry only the first of several requested items',
  'reset.dropEvseId': 'outgoing Reset requests for one EVSE lose their evseId (the whole station is reset instead)',
  'networkProfile.legacyOcppVersion': 'outgoing SetNetworkProfile requests declare connectionData.ocppVersion OCPP16 (a template left from OCPP 1.6)',
  'networkProfile.slotOffByOne': 'outgoing SetNetworkProfile requests use the requested configurationSlot + 1 (zero- vs one-based slot numbers)',
  'networkProfile.omitTransport': 'outgoing SetNetworkProfile requests omit the required connectionData.ocppTransport (schema-invalid request)',
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
  },
};
