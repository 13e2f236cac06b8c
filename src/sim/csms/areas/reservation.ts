// Reservation (Part 6 block H): this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS sends ReserveNow and CancelReservation as the operator asks (operator API call/{Action}) and
// keeps, per station, the reservations it asked for by id: what was reserved (EVSE, connector type or any EVSE, for
// which idToken and group, until when), the station's answer, and how the reservation ended: canceled at our request
// (CancelReservation Accepted), or Expired / Removed as the station reported (ReservationStatusUpdate, which is always
// acknowledged, also for a reservation the CSMS does not know).
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler, HandlerContext } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { int, obj, perStation, text } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'reservation.evseIdDropped': 'outgoing ReserveNow requests never carry evseId (every reservation is for any EVSE)',
  'reservation.evseIdAdded': 'outgoing ReserveNow requests without evseId get evseId 1 (a reservation is always for a specific EVSE)',
  'reservation.connectorTypeDropped': 'outgoing ReserveNow requests never carry connectorType',
  'reservation.groupIdTokenDropped': 'outgoing ReserveNow requests never carry groupIdToken',
  'reservation.fixedExpiry': 'outgoing ReserveNow requests expire 24 hours after sending, whatever expiryDateTime the operator chose',
  'reservation.cancelOtherId': 'outgoing CancelReservation requests name the reservation id one above the intended one',
  'reservation.statusUpdateNotSupported': 'a ReservationStatusUpdate is refused with a CALLERROR NotSupported (the CSMS does not handle it)',
} as const satisfies Record<string, string>;

/** One reservation the CSMS asked for and what became of it. */
export interface Reservation {
  id: number;
  evseId?: number;
  connectorType?: string;
  idToken: Json;
  groupIdToken?: Json;
  expiryDateTime: string;
  /** The station's ReserveNowResponse status. */
  requestStatus: string;
  /** How it ended: Canceled (at our request), or the station's reservationUpdateStatus (Expired, Removed). */
  ended?: string;
}

export const reservationsOf = perStation<StationRecord, Map<number, Reservation>>(() => new Map());

/** Bound for a long-running CSMS: reservations kept per station. */
const MAX_RESERVATIONS = 200;

const reservationStatusUpdate: Handler = (ctx, p) => {
  ctx.station.note('ReservationStatusUpdate', p);
  const id = int(p.reservationId);
  const reservation = id === undefined ? undefined : reservationsOf(ctx.station).get(id);
  if (reservation) reservation.ended = text(p.reservationUpdateStatus);
  return {};
};

function answer(ctx: HandlerContext, action: string, _request: Json, response: Json): Json {
  if (action === 'ReservationStatusUpdate' && ctx.opts.faults.has('reservation.statusUpdateNotSupported')) {
    throw new SimCallError('NotSupported', 'this CSMS does not handle ReservationStatusUpdate');
  }
  return response;
}

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'ReserveNow') {
    if (faults.has('reservation.evseIdDropped')) delete p.evseId;
    else if (faults.has('reservation.evseIdAdded') && p.evseId === undefined) p.evseId = 1;
    if (faults.has('reservation.connectorTypeDropped')) delete p.connectorType;
    if (faults.has('reservation.groupIdTokenDropped')) delete p.groupIdToken;
    if (faults.has('reservation.fixedExpiry')) p.expiryDateTime = new Date(Date.now() + 24 * 3600_000).toISOString();
  }
  if (action === 'CancelReservation' && faults.has('reservation.cancelOtherId') && typeof p.reservationId === 'number') p.reservationId += 1;
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const reservations = reservationsOf(station);
  if (action === 'ReserveNow') {
    const id = int(request.id);
    if (id === undefined) return;
    const r: Reservation = { id, idToken: obj(request.idToken), expiryDateTime: text(request.expiryDateTime), requestStatus: text(response.status) };
    const evseId = int(request.evseId);
    if (evseId !== undefined) r.evseId = evseId;
    if (typeof request.connectorType === 'string') r.connectorType = request.connectorType;
    if (request.groupIdToken !== undefined) r.groupIdToken = obj(request.groupIdToken);
    // A ReserveNow with a known id replaces that reservation (H01: the station updates it).
    reservations.delete(id);
    reservations.set(id, r);
    for (const oldest of reservations.keys()) {
      if (reservations.size <= MAX_RESERVATIONS) break;
      reservations.delete(oldest);
    }
  }
  if (action === 'CancelReservation' && response.status === 'Accepted') {
    const reservation = reservations.get(int(request.reservationId) ?? -1);
    if (reservation) reservation.ended = 'Canceled';
  }
}

export const AREA: CsmsArea = {
  name: 'reservation',
  handlers: { ReservationStatusUpdate: reservationStatusUpdate },
  answer,
  outgoing,
  learn,
};
