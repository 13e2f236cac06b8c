// Data-transfer area of the reference CSMS: DataTransfer answers and customData handling, with and without faults.
import { describe, expect, it } from 'vitest';
import { extendedCustomData } from '../../../src/sim/csms/areas/data-transfer.ts';
import { callError, simWithStation } from './helpers.ts';

const booted = simWithStation('DT1', { dataTransferVendors: ['known.vendor'] });

const STATUS = { timestamp: '2025-01-01T00:00:00.000Z', connectorStatus: 'Available', evseId: 1, connectorId: 1 };

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
    const { st: s } = await booted([]);
    expect(await s.call('DataTransfer', { vendorId: 'other.vendor', messageId: 'm' })).toEqual({ status: 'UnknownVendorId' });
    expect(await s.call('DataTransfer', { vendorId: 'known.vendor' })).toEqual({ status: 'Accepted' });
    expect(await s.call('StatusNotification', { ...STATUS, customData: { vendorId: 'v', extra: { deep: true } } })).toEqual({});
  });

  it("dataTransfer.acceptUnknownVendor answers Accepted for a vendor it doesn't know", async () => {
    const { st: s } = await booted(['dataTransfer.acceptUnknownVendor']);
    expect(await s.call('DataTransfer', { vendorId: 'other.vendor' })).toEqual({ status: 'Accepted' });
  });

  it('dataTransfer.callErrorForUnknownVendor answers an unknown vendor with NotImplemented, a known one normally', async () => {
    const { st: s } = await booted(['dataTransfer.callErrorForUnknownVendor']);
    expect(await callError(s.call('DataTransfer', { vendorId: 'other.vendor' }))).toBe('NotImplemented');
    expect(await s.call('DataTransfer', { vendorId: 'known.vendor' })).toEqual({ status: 'Accepted' });
  });

  it('customData.rejectExtraProperties refuses customData with vendor properties, not a bare vendorId', async () => {
    const { st: s } = await booted(['customData.rejectExtraProperties']);
    expect(await s.call('StatusNotification', { ...STATUS, customData: { vendorId: 'v' } })).toEqual({});
    expect(await callError(s.call('StatusNotification', { ...STATUS, customData: { vendorId: 'v', extra: 1 } }))).toBe('FormatViolation');
  });
});
