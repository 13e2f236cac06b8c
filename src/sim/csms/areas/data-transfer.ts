// Data transfer (Part 6 block P): DataTransfer and customData: this area's named faults and behaviour of the reference CSMS.
// The DataTransfer answer itself is the core's (option dataTransferVendors); the faults here bend it afterwards.
import { SimCallError } from '../handlers.ts';
import type { CsmsArea } from './types.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'dataTransfer.acceptUnknownVendor': 'a DataTransfer whose vendorId the CSMS does not know is answered Accepted instead of UnknownVendorId',
  'dataTransfer.callErrorForUnknownVendor': 'a DataTransfer whose vendorId the CSMS does not know gets a CALLERROR NotImplemented instead of a DataTransferResponse',
  'customData.rejectExtraProperties': 'a request whose customData (anywhere in it) carries properties besides vendorId gets a CALLERROR FormatViolation',
} as const satisfies Record<string, string>;

/** Deep enough for every OCPP message; a hostile, deeper payload is not searched further (no stack overflow). */
const MAX_DEPTH = 32;

/** Where in a payload a customData object has properties other than vendorId (a dotted path), if anywhere. */
export function extendedCustomData(value: unknown, path = '', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = extendedCustomData(item, `${path}[${i}]`, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value as Json)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (key === 'customData' && child !== null && typeof child === 'object' && Object.keys(child).some((k) => k !== 'vendorId')) return here;
    const found = extendedCustomData(child, here, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const AREA: CsmsArea = {
  name: 'data-transfer',
  answer(ctx, action, request, response) {
    const f = ctx.opts.faults;
    if (action === 'DataTransfer' && response.status === 'UnknownVendorId') {
      if (f.has('dataTransfer.acceptUnknownVendor')) return { ...response, status: 'Accepted' };
      if (f.has('dataTransfer.callErrorForUnknownVendor')) throw new SimCallError('NotImplemented', `no DataTransfer support for vendorId ${String(request.vendorId)}`);
    }
    if (f.has('customData.rejectExtraProperties')) {
      const where = extendedCustomData(request);
      if (where !== undefined) throw new SimCallError('FormatViolation', `${where} has properties other than vendorId`);
    }
    return response;
  },
};
