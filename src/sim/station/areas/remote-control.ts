// Remote control (Part 6 block F): RequestStartTransaction / RequestStopTransaction, UnlockConnector, and
// TriggerMessage, which hands each requestedMessage to the area that serves it (StationArea.triggers).
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import type { EvseRef, EvseState, Json } from '../state.ts';
import type { IdToken } from '../types.ts';
import { armEvConnectionTimeout, authorizeToken } from './authorization.ts';
import { afterEvseChange, heldUnavailable } from './availability.ts';
import { endTransaction, evaluate } from './transactions.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'trigger.acceptUnknown': 'TriggerMessage for a message the station does not send is Accepted (instead of NotImplemented).',
  'pending.acceptRemoteStart': 'RequestStartTransaction is Accepted while the boot is still Pending.',
  'remoteControl.noRemoteStartId': 'A remotely started transaction does not carry the remoteStartId of the RequestStartTransaction.',
  'remoteControl.ignoreAuthorizeRemoteStart': 'A remote start never sends AuthorizeRequest, even with AuthCtrlr.AuthorizeRemoteStart true.',
  'remoteControl.alwaysAuthorizeRemoteStart': 'A remote start always sends AuthorizeRequest, even with AuthCtrlr.AuthorizeRemoteStart false.',
  'remoteControl.noEvConnectionTimeout': 'A remote start without a cable never times out (TxCtrlr.EVConnectionTimeOut ignored).',
  'remoteControl.stopIgnored': 'RequestStopTransaction is Accepted but the transaction goes on.',
  'remoteControl.stopAcceptsUnknownId': 'RequestStopTransaction for a transactionId the station does not know is Accepted.',
  'remoteControl.unlockDuringTransaction': 'UnlockConnector during an authorized transaction answers Unlocked.',
  'remoteControl.unlockFails': 'UnlockConnector without a transaction answers UnlockFailed.',
  'remoteControl.unlockUnknownConnector': 'UnlockConnector for a connector the EVSE does not have answers Unlocked.',
  'remoteControl.rejectChargingProfile': 'RequestStartTransaction with a chargingProfile is Rejected instead of started with the profile ignored.',
} as const satisfies Record<string, string>;

function onRequestStart(st: StationCore, p: Json): Json {
  const token = p.idToken as IdToken;
  const remoteStartId = Number(p.remoteStartId);
  const accepting = st.bootState === 'Accepted' || (st.bootState === 'Pending' && st.faults.has('pending.acceptRemoteStart'));
  if (!accepting) return { status: 'Rejected', statusInfo: { reasonCode: 'CSNotAccepted' } };
  const requested = typeof p.evseId === 'number' ? p.evseId : undefined;
  const e = requested !== undefined ? st.evses[requested - 1] : st.evses.find((x) => !x.auth && (!x.tx || !x.tx.idToken) && x.operative);
  if (!e) return { status: 'Rejected', statusInfo: { reasonCode: requested !== undefined ? 'UnknownEvse' : 'NoEVSEAvailable' } };
  if (!st.stationOperative || !e.operative || e.connectors.every((c) => c.faulted)) return { status: 'Rejected', statusInfo: { reasonCode: 'UnavailableEvse' } };
  // Held Unavailable while a firmware update waits for transactions to end (L01.FR.07): no new session.
  if (!e.tx && heldUnavailable(st).by.size > 0) return { status: 'Rejected', statusInfo: { reasonCode: 'UnavailableEvse', additionalInfo: 'firmware update pending' } };
  if (e.auth || e.tx?.idToken) return { status: 'Rejected', statusInfo: { reasonCode: 'TxInProgress' } };
  // The reference station has no smart charging: a chargingProfile in the request is ignored (F01.FR.12/13).
  if (p.chargingProfile !== undefined && st.faults.has('remoteControl.rejectChargingProfile')) return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedParam' } };
  const res: Json = { status: 'Accepted' };
  if (e.tx) res.transactionId = e.tx.id;
  st.afterReply(() => void remoteStart(st, e, token, st.faults.has('remoteControl.noRemoteStartId') ? undefined : remoteStartId));
  return res;
}

/** Whether a remote start asks the CSMS about the token first (AuthCtrlr.AuthorizeRemoteStart). */
function authorizesRemoteStart(st: StationCore): boolean {
  if (st.faults.has('remoteControl.ignoreAuthorizeRemoteStart')) return false;
  if (st.faults.has('remoteControl.alwaysAuthorizeRemoteStart')) return true;
  return st.dm.bool('AuthCtrlr', 'AuthorizeRemoteStart');
}

async function remoteStart(st: StationCore, e: EvseState, token: IdToken, remoteStartId: number | undefined): Promise<void> {
  if (authorizesRemoteStart(st)) {
    const r = await authorizeToken(st, token);
    if (r.status !== 'Accepted') {
      st.note(`remote start token ${token.idToken} not accepted (${r.status})`);
      return;
    }
  }
  if (e.auth) return;
  e.auth = remoteStartId !== undefined ? { token, remoteStartId } : { token };
  e.sessionClosed = false;
  if (!st.faults.has('remoteControl.noEvConnectionTimeout')) armEvConnectionTimeout(st, e);
  evaluate(st, e, 'RemoteStart');
}

function onRequestStop(st: StationCore, p: Json): Json {
  const id = String(p.transactionId);
  const e = st.evses.find((x) => x.tx?.id === id);
  if (!e) return { status: st.faults.has('remoteControl.stopAcceptsUnknownId') ? 'Accepted' : 'Rejected' };
  if (st.faults.has('remoteControl.stopIgnored')) return { status: 'Accepted' };
  st.afterReply(() => {
    if (!e.tx || e.tx.id !== id) return;
    e.auth = undefined;
    endTransaction(st, e, 'RemoteStop', 'Remote');
    afterEvseChange(st);
  });
  return { status: 'Accepted' };
}

function onUnlockConnector(st: StationCore, p: Json): Json {
  const e = st.evses[Number(p.evseId) - 1];
  const c = e?.connectors[Number(p.connectorId) - 1];
  if (!e || !c) return { status: e && st.faults.has('remoteControl.unlockUnknownConnector') ? 'Unlocked' : 'UnknownConnector' };
  if (e.tx?.idToken && !st.faults.has('remoteControl.unlockDuringTransaction')) return { status: 'OngoingAuthorizedTransaction' };
  return { status: c.unlockFailure || st.faults.has('remoteControl.unlockFails') ? 'UnlockFailed' : 'Unlocked' };
}

function onTriggerMessage(st: StationCore, p: Json): Json {
  const evseRef = p.evse as EvseRef | undefined;
  if (evseRef && (!st.evses[evseRef.id - 1] || (evseRef.connectorId !== undefined && !st.evses[evseRef.id - 1]?.connectors[evseRef.connectorId - 1]))) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
  }
  const what = String(p.requestedMessage);
  const serve = st.areas.find((a) => a.triggers?.[what])?.triggers?.[what];
  if (serve) return serve(st, evseRef);
  return { status: st.faults.has('trigger.acceptUnknown') ? 'Accepted' : 'NotImplemented' };
}

export const AREA = {
  name: 'remote-control',
  blocks: ['F', 'K'], // K: TC_K_38 (a remote start whose TxProfile a station without smart charging ignores)
  faults: FAULTS,
  handlers: {
    RequestStartTransaction: onRequestStart,
    RequestStopTransaction: onRequestStop,
    UnlockConnector: onUnlockConnector,
    TriggerMessage: onTriggerMessage,
  },
} satisfies StationArea;
