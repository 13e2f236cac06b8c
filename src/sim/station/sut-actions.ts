// SUT actions on the reference station: what a person (or a lab gateway) does to it: plug in and out, present a
// token, park, fault a connector, suspend charging, select on the master pass UI. Each changes the EVSE and lets the transaction rules decide.
import { armEvConnectionTimeout, authorizeDuringSession, cableLockShut, masterPassSelect, authorizeToken, mayStartCharging } from './areas/authorization.ts';
import { afterEvseChange, heldUnavailable } from './areas/availability.ts';
import { endTransaction, evaluate } from './areas/transactions.ts';
import { awaitEvReturn } from './areas/tx-ev-side.ts';
import type { StationCore } from './core.ts';
import { StationActionError, type IdToken, type StationStateName } from './types.ts';

export function plugIn(st: StationCore, evseId: number, connectorId: number): void {
  const e = st.evse(evseId);
  const c = st.connector(e, connectorId);
  if (c.plugged) throw new StationActionError(`connector ${evseId}/${connectorId} is already plugged in`);
  if (e.connectors.some((x) => x.plugged)) throw new StationActionError(`EVSE ${evseId} already has a cable plugged in on another connector`);
  if (cableLockShut(st, e)) throw new StationActionError(`EVSE ${evseId}: the cable lock keeps the cable out until a driver is authorized`);
  c.plugged = true;
  clearTimeout(e.evTimeout);
  if (e.tx && e.tx.connectorId === undefined) e.tx.connectorId = connectorId;
  evaluate(st, e, 'CablePluggedIn');
}

export function plugOut(st: StationCore, evseId: number, connectorId?: number): void {
  const e = st.evse(evseId);
  const c = connectorId !== undefined ? st.connector(e, connectorId) : e.connectors.find((x) => x.plugged);
  if (!c?.plugged) throw new StationActionError(`no cable is plugged in at EVSE ${evseId}${connectorId !== undefined ? ` connector ${connectorId}` : ''}`);
  c.plugged = false;
  c.unlockFailure = false;
  e.evSuspended = false;
  e.sessionClosed = false;
  // The EV left: with StopTxOnEVSideDisconnect the session's authorization ends with it; TxStopPoint decides
  // whether the transaction ends now or goes on (e.g. until the parking bay is free).
  if (st.dm.bool('TxCtrlr', 'StopTxOnEVSideDisconnect') || !e.tx) e.auth = undefined;
  evaluate(st, e, 'EVCommunicationLost');
  awaitEvReturn(st, e);
}

/** A driver presents a token at an EVSE (default: the EVSE with a cable in, else the first free one). */
export function presentToken(st: StationCore, token: IdToken, evseId?: number): void {
  if (token.idToken.length === 0 || token.idToken.length > 36) throw new StationActionError('idToken must have 1 to 36 characters');
  const e =
    evseId !== undefined
      ? st.evse(evseId)
      : (st.evses.find((x) => x.tx?.idToken?.idToken === token.idToken) ??
        st.evses.find((x) => x.connectors.some((c) => c.plugged) && !x.auth) ??
        st.evses.find((x) => !x.auth && !x.tx) ??
        st.evses[0]);
  if (!e) throw new StationActionError('no EVSE to present the token at');
  // Same token again during a transaction: the driver wants to stop.
  if (e.auth && e.auth.token.idToken === token.idToken) {
    e.auth = undefined;
    evaluate(st, e, 'StopAuthorized', { stopToken: token, stoppedReason: 'Local' });
    return;
  }
  // Another token during a session: the authorization area decides (group, master pass, or nothing).
  if (e.auth) return void authorizeDuringSession(st, e, token);
  if (!st.stationOperative || !e.operative) throw new StationActionError(`EVSE ${e.id} is Unavailable`);
  // An EVSE held Unavailable while a firmware update waits for transactions to end (L01.FR.07) takes no new session:
  // the card is not read, as at any station showing Unavailable; the driver sees nothing happen.
  if (!e.tx && heldUnavailable(st).by.size > 0) return void st.note(`token ${token.idToken} ignored at EVSE ${e.id}: Unavailable while a firmware update waits`);
  void authorizeToken(st, token).then((r) => {
    if (!st.running) return;
    if (!mayStartCharging(st, r)) {
      st.note(`token ${token.idToken} not accepted (${r.status})`);
      if (e.tx && !e.auth && st.dm.bool('TxCtrlr', 'StopTxOnInvalidId')) {
        endTransaction(st, e, 'Deauthorized', 'DeAuthorized');
        afterEvseChange(st);
      }
      return;
    }
    if (e.auth) return;
    e.auth = r.groupIdToken ? { token, groupIdToken: r.groupIdToken } : { token };
    e.sessionClosed = false;
    armEvConnectionTimeout(st, e);
    evaluate(st, e, 'Authorized');
  });
}

export function setParkingBay(st: StationCore, evseId: number, occupied: boolean): void {
  const e = st.evse(evseId);
  if (e.bayOccupied === occupied) throw new StationActionError(`parking bay of EVSE ${evseId} is already ${occupied ? 'occupied' : 'free'}`);
  e.bayOccupied = occupied;
  if (!occupied && !e.connectors.some((c) => c.plugged)) e.sessionClosed = false;
  evaluate(st, e, occupied ? 'EVDetected' : 'EVDeparted');
}

export function setState(st: StationCore, state: StationStateName, evseId: number, connectorId: number): void {
  const e = st.evse(evseId);
  const c = st.connector(e, connectorId);
  switch (state) {
    case 'plugged-in':
      plugIn(st, evseId, connectorId);
      return;
    case 'plugged-out':
      plugOut(st, evseId, connectorId);
      return;
    case 'faulted':
      c.faulted = true;
      if (e.tx) {
        e.auth = undefined;
        endTransaction(st, e, 'AbnormalCondition', 'Other');
        afterEvseChange(st);
        return;
      }
      evaluate(st, e, 'AbnormalCondition');
      return;
    case 'available':
      c.faulted = false;
      c.unlockFailure = false;
      e.evSuspended = false;
      e.evseSuspended = false;
      evaluate(st, e, 'ChargingStateChangedOnly');
      return;
    case 'unlockfailure':
      c.unlockFailure = true;
      st.changed();
      return;
    case 'suspendedEV':
      e.evSuspended = true;
      evaluate(st, e, 'ChargingStateChangedOnly');
      return;
    case 'suspendedEVSE':
      e.evseSuspended = true;
      evaluate(st, e, 'ChargingStateChangedOnly');
      return;
    case 'charging':
      e.evSuspended = false;
      e.evseSuspended = false;
      evaluate(st, e, 'ChargingStateChangedOnly');
      return;
  }
}

/** The master pass holder selects on the station's UI which transactions to stop (a station with a UI, C16.FR.01). */
export function selectMasterPassStop(st: StationCore, target: number | 'all'): void {
  masterPassSelect(st, target);
}
