// Reservation area of the reference CSMS: the reservations it asked for and how they ended, and its faults.
import { describe, expect, it } from 'vitest';
import { AREA, reservationsOf } from '../../../src/sim/csms/areas/reservation.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { SimCallError } from '../../../src/sim/csms/handlers.ts';
import type { ResolvedOptions } from '../../../src/sim/csms/options.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';

type Json = Record<string, unknown>;

const TOKEN = { idToken: 'T1', type: 'ISO14443' };
const EXPIRY = '2030-01-01T00:00:00.000Z';

function context(faults: string[] = []): HandlerContext {
  return {
    station: new StationRecord('RS1'),
    opts: { faults: new CsmsFaultSet(faults) } as unknown as ResolvedOptions,
    version: '2.0.1',
    later: () => undefined,
    startPendingWork: () => undefined,
    sendCertificate: () => undefined,
  };
}

async function statusUpdate(ctx: HandlerContext, payload: Json): Promise<Json> {
  const response = await AREA.handlers!.ReservationStatusUpdate!(ctx, payload);
  return AREA.answer!(ctx, 'ReservationStatusUpdate', payload, response);
}

const wire = (faults: string[], action: string, payload: Json): Json => {
  const p = structuredClone(payload);
  AREA.outgoing!(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
};

describe('reservation area: bookkeeping', () => {
  it('keeps each reservation with the station answer and how it ended', async () => {
    const ctx = context();
    const learn = (action: string, req: Json, res: Json): void => AREA.learn!(ctx.station, action, req, res, ctx.opts.faults);
    learn('ReserveNow', { id: 1, expiryDateTime: EXPIRY, idToken: TOKEN, evseId: 1 }, { status: 'Accepted' });
    learn('ReserveNow', { id: 2, expiryDateTime: EXPIRY, idToken: TOKEN, connectorType: 'cType2', groupIdToken: { idToken: 'G', type: 'Central' } }, { status: 'Accepted' });
    learn('ReserveNow', { id: 3, expiryDateTime: EXPIRY, idToken: TOKEN }, { status: 'Rejected' });
    learn('CancelReservation', { reservationId: 2 }, { status: 'Accepted' });
    expect(await statusUpdate(ctx, { reservationId: 1, reservationUpdateStatus: 'Expired' })).toEqual({});
    expect(await statusUpdate(ctx, { reservationId: 99, reservationUpdateStatus: 'Removed' })).toEqual({});
    const r = reservationsOf(ctx.station);
    expect(r.get(1)).toMatchObject({ evseId: 1, requestStatus: 'Accepted', ended: 'Expired' });
    expect(r.get(2)).toMatchObject({ connectorType: 'cType2', groupIdToken: { idToken: 'G' }, ended: 'Canceled' });
    expect(r.get(3)).toMatchObject({ requestStatus: 'Rejected' });
    expect(r.get(3)?.ended).toBeUndefined();
  });
});

describe('reservation area: faults', () => {
  it('outgoing ReserveNow / CancelReservation faults change the wire copy only', () => {
    const specific = { id: 5, expiryDateTime: EXPIRY, idToken: TOKEN, evseId: 2, connectorType: 'cType2', groupIdToken: { idToken: 'G', type: 'Central' } };
    const any = { id: 5, expiryDateTime: EXPIRY, idToken: TOKEN };
    expect(wire(['reservation.evseIdDropped'], 'ReserveNow', specific)).not.toHaveProperty('evseId');
    expect(wire(['reservation.evseIdAdded'], 'ReserveNow', any).evseId).toBe(1);
    expect(wire(['reservation.evseIdAdded'], 'ReserveNow', specific).evseId).toBe(2);
    expect(wire(['reservation.connectorTypeDropped'], 'ReserveNow', specific)).not.toHaveProperty('connectorType');
    expect(wire(['reservation.groupIdTokenDropped'], 'ReserveNow', specific)).not.toHaveProperty('groupIdToken');
    expect(Date.parse(String(wire(['reservation.fixedExpiry'], 'ReserveNow', any).expiryDateTime))).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(wire(['reservation.cancelOtherId'], 'CancelReservation', { reservationId: 5 })).toEqual({ reservationId: 6 });
    expect(wire([], 'ReserveNow', specific)).toEqual(specific);
  });

  it("'reservation.statusUpdateNotSupported' answers a ReservationStatusUpdate with a CALLERROR", async () => {
    await expect(statusUpdate(context(['reservation.statusUpdateNotSupported']), { reservationId: 1, reservationUpdateStatus: 'Expired' })).rejects.toBeInstanceOf(SimCallError);
  });
});
