// Diagnostics area of the reference CSMS: log uploads and customer-information reports per requestId, and its faults.
import { describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import { AREA, diagnosticsOf } from '../../../src/sim/csms/areas/diagnostics.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import type { ResolvedOptions } from '../../../src/sim/csms/options.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';
import { simWithStation } from './helpers.ts';

type Json = Record<string, unknown>;

/** A handler context for one station, with only what this area reads. */
function context(faults: string[] = []): HandlerContext {
  return {
    station: new StationRecord('DIAG1'),
    opts: { faults: new CsmsFaultSet(faults) } as unknown as ResolvedOptions,
    version: '2.0.1',
    later: () => undefined,
    startPendingWork: () => undefined,
    sendCertificate: () => undefined,
  };
}

/** A station request through the area: its handler, then its answer hook (where faults act). */
async function handle(ctx: HandlerContext, action: string, payload: Json): Promise<Json> {
  const handler = AREA.handlers?.[action];
  if (!handler) throw new Error(`no handler for ${action}`);
  const response = await handler(ctx, payload);
  return AREA.answer ? AREA.answer(ctx, action, payload, response) : response;
}

const GENERATED_AT = '2025-01-01T00:00:00.000Z';

describe('diagnostics area: bookkeeping', () => {
  it('files upload statuses per requestId, whether the GetLog answer was learnt before or after them', async () => {
    const ctx = context();
    const learn = AREA.learn!;
    const faults = ctx.opts.faults;
    learn(ctx.station, 'GetLog', { requestId: 1, logType: 'DiagnosticsLog', log: { remoteLocation: 'https://x.test/u' } }, { status: 'Accepted' }, faults);
    expect(await handle(ctx, 'LogStatusNotification', { status: 'Uploading', requestId: 1 })).toEqual({});
    // The notification for request 2 is handled before the answer to GetLog 2 is learnt (both arrive together).
    expect(await handle(ctx, 'LogStatusNotification', { status: 'AcceptedCanceled', requestId: 1 })).toEqual({});
    expect(await handle(ctx, 'LogStatusNotification', { status: 'Uploading', requestId: 2 })).toEqual({});
    learn(ctx.station, 'GetLog', { requestId: 2, logType: 'SecurityLog', log: { remoteLocation: 'https://x.test/u' } }, { status: 'AcceptedCanceled' }, faults);
    expect(await handle(ctx, 'LogStatusNotification', { status: 'Idle' })).toEqual({});
    const logs = diagnosticsOf(ctx.station).logs;
    expect(logs.get(1)).toMatchObject({ statuses: ['Uploading', 'AcceptedCanceled'], request: { logType: 'DiagnosticsLog', requestStatus: 'Accepted' } });
    expect(logs.get(2)).toMatchObject({ statuses: ['Uploading'], canceled: false, request: { logType: 'SecurityLog', requestStatus: 'AcceptedCanceled' } });
    expect(ctx.station.notifications.filter((n) => n.action === 'LogStatusNotification')).toHaveLength(4);
  });

  it('marks a running upload canceled when a later GetLog is answered AcceptedCanceled', () => {
    const ctx = context();
    const learn = AREA.learn!;
    learn(ctx.station, 'GetLog', { requestId: 1, logType: 'DiagnosticsLog', log: { remoteLocation: 'https://x.test/u' } }, { status: 'Accepted' }, ctx.opts.faults);
    learn(ctx.station, 'GetLog', { requestId: 2, logType: 'DiagnosticsLog', log: { remoteLocation: 'https://x.test/u' } }, { status: 'AcceptedCanceled' }, ctx.opts.faults);
    expect(diagnosticsOf(ctx.station).logs.get(1)?.canceled).toBe(true);
  });

  it('keeps the parts of a customer-information report per requestId and sees when it is complete', async () => {
    const ctx = context();
    AREA.learn!(ctx.station, 'CustomerInformation', { requestId: 7, report: true, clear: false, customerIdentifier: 'C1' }, { status: 'Accepted' }, ctx.opts.faults);
    expect(await handle(ctx, 'NotifyCustomerInformation', { requestId: 7, seqNo: 0, tbc: true, generatedAt: GENERATED_AT, data: 'a' })).toEqual({});
    expect(diagnosticsOf(ctx.station).customer.get(7)?.complete).toBe(false);
    expect(await handle(ctx, 'NotifyCustomerInformation', { requestId: 7, seqNo: 1, generatedAt: GENERATED_AT, data: 'b' })).toEqual({});
    const report = diagnosticsOf(ctx.station).customer.get(7);
    expect(report?.complete).toBe(true);
    expect([...(report?.parts ?? new Map<number, string>()).entries()]).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect(report?.request).toEqual({ report: true, clear: false, reference: { customerIdentifier: 'C1' }, requestStatus: 'Accepted' });
  });
});

describe('diagnostics area: bounded memory', () => {
  it('keeps the newest 200 requests whatever a station sends', async () => {
    const ctx = context();
    for (let id = 0; id < 250; id++) await handle(ctx, 'LogStatusNotification', { status: 'Uploading', requestId: id });
    const logs = diagnosticsOf(ctx.station).logs;
    expect(logs.size).toBe(200);
    expect(logs.has(49)).toBe(false);
    expect(logs.has(249)).toBe(true);
  });
});

describe('diagnostics area: faults on station requests', () => {
  it('customer.refuseFollowUpParts refuses the second part only; customer.rejectEmptyData refuses empty data only', async () => {
    const ctx = context(['customer.refuseFollowUpParts', 'customer.rejectEmptyData']);
    expect(await handle(ctx, 'NotifyCustomerInformation', { requestId: 3, seqNo: 0, tbc: true, generatedAt: GENERATED_AT, data: 'a' })).toEqual({});
    await expect(handle(ctx, 'NotifyCustomerInformation', { requestId: 3, seqNo: 1, generatedAt: GENERATED_AT, data: 'b' })).rejects.toMatchObject({ code: 'InternalError' });
    await expect(handle(ctx, 'NotifyCustomerInformation', { requestId: 4, seqNo: 0, generatedAt: GENERATED_AT, data: '' })).rejects.toMatchObject({ code: 'PropertyConstraintViolation' });
  });

  it('log.unknownAcceptedCanceled refuses only that status', async () => {
    const ctx = context(['log.unknownAcceptedCanceled']);
    expect(await handle(ctx, 'LogStatusNotification', { status: 'Uploading', requestId: 1 })).toEqual({});
    await expect(handle(ctx, 'LogStatusNotification', { status: 'AcceptedCanceled', requestId: 1 })).rejects.toMatchObject({ code: 'PropertyConstraintViolation' });
  });
});

const booted = simWithStation('DIAG1');

const GET_LOG = { logType: 'DiagnosticsLog', requestId: 11, log: { remoteLocation: 'https://logs.example.test/upload' } };
const BY_TOKEN = { requestId: 12, report: true, clear: false, idToken: { idToken: '04A1B2C3', type: 'ISO14443' } };

describe('diagnostics area: on the wire', () => {
  it('without faults: requests go out as asked and every notification is answered', async () => {
    const { sim, st } = await booted([]);
    await sim.callStation('DIAG1', 'GetLog', GET_LOG);
    expect(await st.nextRequest('GetLog')).toEqual(GET_LOG);
    expect(await st.call('LogStatusNotification', { status: 'AcceptedCanceled', requestId: 11 })).toEqual({});
    await sim.callStation('DIAG1', 'CustomerInformation', BY_TOKEN);
    expect(await st.nextRequest('CustomerInformation')).toEqual(BY_TOKEN);
    expect(await st.call('NotifyCustomerInformation', { requestId: 12, seqNo: 0, generatedAt: GENERATED_AT, data: '' })).toEqual({});
  });

  it('outgoing faults change what reaches the station', async () => {
    const { sim, st } = await booted(['log.logTypeSwapped', 'log.emptyRemoteLocation', 'customer.flagsSwapped', 'customer.idTokenTypeCentral']);
    await sim.callStation('DIAG1', 'GetLog', GET_LOG);
    expect(await st.nextRequest('GetLog')).toEqual({ ...GET_LOG, logType: 'SecurityLog', log: { remoteLocation: '' } });
    await sim.callStation('DIAG1', 'CustomerInformation', BY_TOKEN);
    expect(await st.nextRequest('CustomerInformation')).toEqual({ ...BY_TOKEN, report: false, clear: true, idToken: { idToken: '04A1B2C3', type: 'Central' } });
  });

  it('customer.clearDropped and customer.identifierAlsoAsIdToken', async () => {
    const { sim, st } = await booted(['customer.clearDropped', 'customer.identifierAlsoAsIdToken']);
    await sim.callStation('DIAG1', 'CustomerInformation', { requestId: 13, report: true, clear: true, customerIdentifier: 'OpenChargeAlliance' });
    expect(await st.nextRequest('CustomerInformation')).toEqual({
      requestId: 13,
      report: true,
      clear: false,
      customerIdentifier: 'OpenChargeAlliance',
      idToken: { idToken: 'OpenChargeAlliance', type: 'Central' },
    });
  });

  it('a refused notification reaches the station as a CALLERROR', async () => {
    const { st } = await booted(['log.unknownAcceptedCanceled']);
    const error = await st.call('LogStatusNotification', { status: 'AcceptedCanceled', requestId: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CallErrorResponse);
    expect((error as CallErrorResponse).code).toBe('PropertyConstraintViolation');
  });
});
