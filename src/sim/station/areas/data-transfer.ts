// Data transfer (Part 6 block P): the station knows no vendor, so every DataTransfer is UnknownVendorId; customData in
// any message is accepted and ignored, as Part 2 asks of data the station does not understand.
// This area's named faults and behaviour of the reference station.
import { OcppError } from '../../../rpc/errors.ts';
import type { StationCore } from '../core.ts';
import type { Json } from '../state.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'dataTransfer.acceptUnknownVendor': 'A DataTransfer from a vendor the station does not know is answered Accepted.',
  'dataTransfer.refuseCustomData': 'A CSMS request that carries customData is refused with CALLERROR PropertyConstraintViolation.',
} as const satisfies Record<string, string>;

/** Called for every CSMS request before its handler: customData is for vendors; a station that does not know it ignores it. */
export function checkCustomData(st: StationCore, action: string, payload: Json): void {
  if (st.faults.has('dataTransfer.refuseCustomData') && JSON.stringify(payload).includes('"customData"')) {
    throw new OcppError('PropertyConstraintViolation', `${action}: customData is not supported`);
  }
}

function onDataTransfer(st: StationCore): Json {
  return { status: st.faults.has('dataTransfer.acceptUnknownVendor') ? 'Accepted' : 'UnknownVendorId' };
}

export const AREA = {
  name: 'data-transfer',
  blocks: ['P'],
  faults: FAULTS,
  handlers: { DataTransfer: onDataTransfer },
} satisfies StationArea;
