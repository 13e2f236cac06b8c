// Firmware area of the reference CSMS: updates tracked per requestId with their progress, and its faults.
import { describe, expect, it } from 'vitest';
import { AREA, firmwareOf } from '../../../src/sim/csms/areas/firmware.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { SimCallError } from '../../../src/sim/csms/handlers.ts';
import type { ResolvedOptions } from '../../../src/sim/csms/options.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';

type Json = Record<string, unknown>;

function context(faults: string[] = []): HandlerContext {
  return {
    station: new StationRecord('FW1'),
    opts: { faults: new CsmsFaultSet(faults) } as unknown as ResolvedOptions,
    version: '2.0.1',
    later: () => undefined,
    startPendingWork: () => undefined,
    sendCertificate: () => undefined,
  };
}

async function report(ctx: HandlerContext, payload: Json): Promise<Json> {
  const response = await AREA.handlers!.FirmwareStatusNotification!(ctx, payload);
  return AREA.answer!(ctx, 'FirmwareStatusNotification', payload, response);
}

const update = (requestId: number): Json => ({ requestId, firmware: { location: 'https://fw.test/a.bin', retrieveDateTime: '2025-01-01T00:00:00.000Z' } });

describe('firmware area: bookkeeping', () => {
  it('files progress per update and marks the update a later AcceptedCanceled replaced', async () => {
    const ctx = context();
    AREA.learn!(ctx.station, 'UpdateFirmware', update(1), { status: 'Accepted' }, ctx.opts.faults);
    expect(await report(ctx, { status: 'Downloading', requestId: 1 })).toEqual({});
    AREA.learn!(ctx.station, 'UpdateFirmware', update(2), { status: 'AcceptedCanceled' }, ctx.opts.faults);
    expect(await report(ctx, { status: 'Downloading', requestId: 2 })).toEqual({});
    expect(await report(ctx, { status: 'Idle' })).toEqual({});
    const s = firmwareOf(ctx.station);
    expect(s.updates.get(1)).toMatchObject({ statuses: ['Downloading'], canceled: true, requestStatus: 'Accepted' });
    expect(s.updates.get(2)).toMatchObject({ statuses: ['Downloading'], canceled: false, requestStatus: 'AcceptedCanceled' });
    expect(s.latestRequestId).toBe(2);
  });

  it('acknowledges reports of updates it does not know, and keeps a bounded number of updates', async () => {
    const ctx = context();
    expect(await report(ctx, { status: 'Installed', requestId: 99 })).toEqual({});
    for (let i = 0; i < 60; i++) AREA.learn!(ctx.station, 'UpdateFirmware', update(i), { status: 'Rejected' }, ctx.opts.faults);
    expect(firmwareOf(ctx.station).updates.size).toBe(50);
    expect(firmwareOf(ctx.station).updates.has(0)).toBe(false);
  });
});

describe('firmware area: faults', () => {
  it('refuses reports of the update a station gave up only under firmware.onlyLatestUpdate', async () => {
    for (const [faults, refused] of [[[], false], [['firmware.onlyLatestUpdate'], true]] as const) {
      const ctx = context([...faults]);
      AREA.learn!(ctx.station, 'UpdateFirmware', update(1), { status: 'Accepted' }, ctx.opts.faults);
      AREA.learn!(ctx.station, 'UpdateFirmware', update(2), { status: 'Rejected' }, ctx.opts.faults);
      const outcome = report(ctx, { status: 'Downloaded', requestId: 1 });
      if (refused) await expect(outcome).rejects.toBeInstanceOf(SimCallError);
      else expect(await outcome).toEqual({});
    }
  });

  it('answers a boot after an update Rejected under firmware.rejectBootAfterUpdate', () => {
    const ctx = context(['firmware.rejectBootAfterUpdate']);
    const res = AREA.answer!(ctx, 'BootNotification', { reason: 'FirmwareUpdate' }, { status: 'Accepted', interval: 300 });
    expect(res.status).toBe('Rejected');
    expect(AREA.answer!(ctx, 'BootNotification', { reason: 'PowerUp' }, { status: 'Accepted', interval: 300 }).status).toBe('Accepted');
  });

  it('strips the signature material from outgoing updates under firmware.unsignedRequest', () => {
    const p: Json = { requestId: 1, firmware: { location: 'x', retrieveDateTime: 'y', signingCertificate: 'PEM', signature: 'SIG' } };
    AREA.outgoing!(new CsmsFaultSet(['firmware.unsignedRequest']), 'UpdateFirmware', p, '2.0.1');
    expect(p.firmware).toEqual({ location: 'x', retrieveDateTime: 'y' });
  });
});

describe('firmware area: outgoing faults', () => {
  const base = (): Json => ({
    requestId: 1,
    firmware: { location: 'x', retrieveDateTime: '2999-01-01T00:00:00.000Z', installDateTime: '2999-01-01T00:00:00.000Z', signingCertificate: 'A\nB\n', signature: 'AAEC' },
  });
  const cases: Array<[string, (fw: Json) => void]> = [
    ['firmware.flattenSigningCertificate', (fw) => expect(fw.signingCertificate).toBe('AB')],
    ['firmware.signatureAsHex', (fw) => expect(fw.signature).toBe('000102')],
    ['firmware.retrieveImmediately', (fw) => expect(Date.parse(String(fw.retrieveDateTime))).toBeLessThanOrEqual(Date.now())],
    ['firmware.installDateTimeDropped', (fw) => expect(fw.installDateTime).toBeUndefined()],
  ];
  for (const [fault, expectation] of cases) {
    it(`${fault} changes only what it names`, () => {
      const p = base();
      AREA.outgoing!(new CsmsFaultSet([fault]), 'UpdateFirmware', p, '2.0.1');
      expectation(p.firmware as Json);
      const untouched = base();
      AREA.outgoing!(new CsmsFaultSet([]), 'UpdateFirmware', untouched, '2.0.1');
      expect(untouched).toEqual(base());
    });
  }
});

describe('firmware area: refused reports', () => {
  const cases: Array<[string, Json, Json]> = [
    ['firmware.scheduledStatusRefused', { status: 'DownloadScheduled', requestId: 1 }, { status: 'Downloading', requestId: 1 }],
    ['firmware.failureStatusRefused', { status: 'DownloadFailed', requestId: 1 }, { status: 'Downloaded', requestId: 1 }],
    ['firmware.acceptedCanceledAsRefusal', { status: 'Downloading', requestId: 2 }, { status: 'Downloading', requestId: 1 }],
  ];
  for (const [fault, refused, acknowledged] of cases) {
    it(`${fault} refuses exactly the reports it names`, async () => {
      const ctx = context([fault]);
      AREA.learn!(ctx.station, 'UpdateFirmware', update(1), { status: 'Accepted' }, ctx.opts.faults);
      AREA.learn!(ctx.station, 'UpdateFirmware', update(2), { status: 'AcceptedCanceled' }, ctx.opts.faults);
      await expect(report(ctx, refused)).rejects.toBeInstanceOf(SimCallError);
      expect(await report(ctx, acknowledged)).toEqual({});
      expect(await report(context(), refused)).toEqual({});
    });
  }
});
