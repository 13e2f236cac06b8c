// Data-transfer area of the reference CSMS: DataTransfer answers and customData handling, with and without faults.
import { afterEach, describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim } from '../../../src/sim/csms/index.ts';
import { extendedCustomData } from '../../../src/sim/csms/areas/data-transfer.ts';
import { openStation } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

let sim: CsmsSim | undefined;
let st: ScriptedStation | undefined;

async function booted(faults: string[]): Promise<ScriptedStation> {
  sim = await startCsmsSim({ faults, dataTransferVendors: ['known.vendor'] });
  st = await openStation(sim.url, 'DT1');
  await st.boot();
  return st;
}

afterEach(async () => {
  st?.close();
  await sim?.stop();
  st = undefined;
  sim = undefined;
});

const STATUS = { timestamp: '2025-01-01T00:00:00.000Z', connectorStatus: 'Available', evseId: 1, connectorId: 1 };

async function callError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CallErrorResponse);
  return (e as CallErrorResponse).code;
}

describe('extendedCustomData', () => {
  it('finds customData with vendor properties at any depth, and nothing else', () => {
    expect(extendedCustomData({ customData: { vendorId: 'v' }, a: [{ customData: { vendorId: 'v' } }] })).toBeUndefined();
    expect(extendedCustomData({ transactionInfo: { customData: { vendorId: 'v', x: 1 } } })).toBe('transactionInfo.customData');
    expect(extendedCustomData({ eventData: [{}, { customData: { vendorId: 'v', y: [] } }] })).toBe('eventData[1].customData');
    expect(extendedCustomData(null)).toBeUndefined();
  });

  it('stops at a bounded depth instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = { customData: { vendorId: 'v', x: 1 } };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(extendedCustomData(deep)).toBeUndefined();
  });
});

describe('data-transfer area', () => {
  it('without faults: unknown vendor -> UnknownVendorId, known -> Accepted, customData is accepted', async () => {
    const s = await booted([]);
    expect(await s.call('DataTransfer', { vendorId: 'other.vendor', messageId: 'm' })).toEqual({ status: 'UnknownVendorId' });
    expect(await s.call('DataTransfer', { vendorId: 'known.vendor' })).toEqual({ status: 'Accepted' });
    expect(await s.call('StatusNotification', { ...STATUS, customData: { vendorId: 'v', extra: { deep: true } } })).toEqual({});
  });

  it("dataTransfer.acceptUnknownVendor answers Accepted for a vendor it doesn't know", async () => {
    const s = await booted(['dataTransfer.acceptUnknownVendor']);
    expect(await s.call('DataTransfer', { vendorId: 'other.vendor' })).toEqual({ status: 'Accepted' });
  });

  it('dataTransfer.callErrorForUnknownVendor answers an unknown vendor with NotImplemented, a known one normally', async () => {
    const s = await booted(['dataTransfer.callErrorForUnknownVendor']);
    expect(await callError(s.call('DataTransfer', { vendorId: 'other.vendor' }))).toBe('NotImplemented');
    expect(await s.call('DataTransfer', { vendorId: 'known.vendor' })).toEqual({ status: 'Accepted' });
  });

  it('customData.rejectExtraProperties refuses customData with vendor properties, not a bare vendorId', async () => {
    const s = await booted(['customData.rejectExtraProperties']);
    expect(await s.call('StatusNotification', { ...STATUS, customData: { vendorId: 'v' } })).toEqual({});
    expect(await callError(s.call('StatusNotification', { ...STATUS, customData: { vendorId: 'v', extra: 1 } }))).toBe('FormatViolation');
  });
});
