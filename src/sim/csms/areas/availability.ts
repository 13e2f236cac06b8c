// Availability (Part 6 block G): ChangeAvailability and connector status: this area's named faults and behaviour of the reference CSMS.
import { SimCallError } from '../handlers.ts';
import type { CsmsArea } from './types.ts';
import { obj } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'availability.swapOperationalStatus': 'outgoing ChangeAvailability requests say Inoperative where the operator asked for Operative, and the reverse',
  'availability.connectorAsWholeEvse': 'outgoing ChangeAvailability requests for one connector lose evse.connectorId, so they address the whole EVSE',
  'availability.stationAsFirstEvse': 'outgoing ChangeAvailability requests for the whole Charging Station carry evse.id 1',
  'availability.operativeForWholeStation': 'outgoing ChangeAvailability Operative requests lose their evse, so putting one EVSE or connector back into service addresses the whole station',
  'availability.zeroBasedEvseId': 'outgoing ChangeAvailability requests count EVSEs from 0 (evse.id one lower than the operator asked for)',
  'availability.rejectUnknownEventComponent':
    'a NotifyEvent about a component other than ChargingStation, EVSE or Connector (e.g. ConnectorPlugRetentionLock) gets a CALLERROR',
} as const satisfies Record<string, string>;

/** Components whose events this CSMS models (availability); a faulty CSMS refuses events about anything else. */
const MODELLED_COMPONENTS = new Set(['ChargingStation', 'EVSE', 'Connector']);


/** The first component name in a NotifyEventRequest that this CSMS does not model, if any. */
function unmodelledComponent(request: Json): string | undefined {
  const data = Array.isArray(request.eventData) ? request.eventData : [];
  for (const ev of data) {
    const name = obj(obj(ev).component).name;
    if (typeof name === 'string' && !MODELLED_COMPONENTS.has(name)) return name;
  }
  return undefined;
}

export const AREA: CsmsArea = {
  name: 'availability',
  answer(ctx, action, request, response) {
    if (action !== 'NotifyEvent' || !ctx.opts.faults.has('availability.rejectUnknownEventComponent')) return response;
    const name = unmodelledComponent(request);
    if (name !== undefined) throw new SimCallError('PropertyConstraintViolation', `unknown component ${name} in eventData`);
    return response;
  },
  outgoing(faults, action, payload) {
    if (action !== 'ChangeAvailability') return;
    const evse = payload.evse === undefined ? undefined : obj(payload.evse);
    if (faults.has('availability.swapOperationalStatus')) payload.operationalStatus = payload.operationalStatus === 'Operative' ? 'Inoperative' : 'Operative';
    if (faults.has('availability.connectorAsWholeEvse') && evse) delete evse.connectorId;
    if (faults.has('availability.stationAsFirstEvse') && !evse) payload.evse = { id: 1 };
    if (faults.has('availability.operativeForWholeStation') && payload.operationalStatus === 'Operative') delete payload.evse;
    if (faults.has('availability.zeroBasedEvseId') && evse && typeof evse.id === 'number') evse.id -= 1;
  },
};
