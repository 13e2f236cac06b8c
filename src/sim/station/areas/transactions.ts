// Transactions (Part 6 block E): TxStartPoint / TxStopPoint decide when a transaction starts and ends; the
// TransactionEvents (seqNo, triggerReason, chargingState, idToken, meter values, evse, remoteStartId, offline) and the
// answers to them; GetTransactionStatus; TriggerMessage TransactionEvent. This area's named faults and behaviour.
import { randomUUID } from 'node:crypto';
import type { StationCore } from '../core.ts';
import type { ReadingContext } from '../meter.ts';
import { nowText, type EvseState, type Json, type Transaction, type Trigger } from '../state.ts';
import { pumpTx, queueTx, queuedCount, stopRetry } from '../tx-queue.ts';
import type { ChargingState, IdToken } from '../types.ts';
import { cacheFromTxResponse, onInvalidIdDuringTx, releaseInvalidIdHold } from './authorization.ts';
import { afterEvseChange, applyScheduledAvailability } from './availability.ts';
import { txMeterValue, txUpdatedIntervalMs } from './meter-values.ts';
import { transactionsEnded } from './reset.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'tx.seqNoGap': 'TransactionEvent seqNo skips one number after the Started event.',
  'tx.wrongTriggerReason': 'Every TransactionEvent says triggerReason Trigger.',
  'transactions.ignorePowerPathClosed': 'TxStartPoint PowerPathClosed never starts a transaction (the EV charges without one).',
  'tx.triggerNoMeterValue': 'A TransactionEvent sent on TriggerMessage carries no meterValue.',
  'transactions.ignoreEVConnected': 'TxStartPoint EVConnected never starts a transaction.',
  'transactions.ignoreAuthorizedStart': 'TxStartPoint Authorized never starts a transaction.',
  'transactions.ignoreParkingBayOccupancy': 'TxStartPoint ParkingBayOccupancy never starts a transaction.',
  'transactions.noRemoteStartId': 'TransactionEvents of a remotely started transaction never carry its remoteStartId.',
  'transactions.wrongStoppedReason': 'Every Ended TransactionEvent gives stoppedReason Other, whatever ended the transaction.',
  'transactions.statusAlwaysOngoing': 'GetTransactionStatus with a transactionId says ongoingIndicator true, also for unknown or ended transactions.',
  'transactions.statusOngoingWithoutId': 'GetTransactionStatus without a transactionId still gives an ongoingIndicator.',
  'transactions.statusNeverOngoing': 'GetTransactionStatus says ongoingIndicator false, also for the running transaction.',
  'transactions.noOfflineFlag': 'TransactionEvents queued while offline are sent without offline true.',
  'transactions.statusQueueAlwaysEmpty': 'GetTransactionStatus says messagesInQueue false, also while events wait in the queue.',
  'transactions.keepTxOnInvalidId': 'A TransactionEventResponse calling the token invalid never ends the transaction (StopTxOnInvalidId ignored).',
  'transactions.noEVConnectionTimeout': 'An authorization without a cable never expires (TxCtrlr.EVConnectionTimeOut ignored).',
  'transactions.noRetry': 'A refused or unanswered TransactionEvent is dropped at once (MessageAttempts ignored; read in tx-queue.ts).',
  'transactions.ignoreEvNotReady': 'An EV that suspends or is not ready is reported (and treated) as charging.',
  'transactions.unplugAsChargingState': 'The event for a pulled cable says triggerReason ChargingStateChanged instead of EVCommunicationLost.',
  'transactions.evSideTimeoutKeepsTx': 'When the EV does not come back within EVConnectionTimeOut after an EV-side disconnect, the transaction is only updated, never ended (read in tx-ev-side.ts).',
  'transactions.dataSignedTrigger': 'A transaction started at TxStartPoint DataSigned names the cable or token as its trigger, not the signed meter data (SignedDataReceived).',
  'transactions.energyTransferStartTrigger': 'A transaction started at TxStartPoint EnergyTransfer names the cable or token as its trigger, not the charging state.',
} as const satisfies Record<string, string>;

export function chargingStateOf(st: StationCore, e: EvseState): ChargingState {
  const plugged = e.connectors.some((c) => c.plugged);
  if (!plugged) return 'Idle';
  const faulted = e.connectors.some((c) => c.faulted);
  const operative = st.stationOperative && e.operative;
  if (!e.auth || faulted || (!operative && !e.tx)) return 'EVConnected';
  if (e.evSuspended && !st.faults.has('transactions.ignoreEvNotReady')) return 'SuspendedEV';
  if (e.evseSuspended) return 'SuspendedEVSE';
  return 'Charging';
}

/** How long an authorization waits for the cable (TxCtrlr.EVConnectionTimeOut); 0: forever. */
export function evConnectionTimeoutMs(st: StationCore): number {
  if (st.faults.has('transactions.noEVConnectionTimeout')) return 0;
  return st.timers.evConnectionTimeoutMs ?? st.dm.int('TxCtrlr', 'EVConnectionTimeOut') * 1000;
}

function pointHolds(st: StationCore, e: EvseState, point: string, chargingState: ChargingState): boolean {
  const plugged = e.connectors.some((c) => c.plugged);
  switch (point) {
    case 'ParkingBayOccupancy':
      return e.bayOccupied;
    case 'EVConnected':
      return plugged;
    case 'Authorized':
      return e.auth !== undefined;
    case 'DataSigned':
      // Signed meter data exists only when the meter signs its readings (SampledDataCtrlr.SignReadings).
      return plugged && e.auth !== undefined && st.dm.bool('SampledDataCtrlr', 'SignReadings');
    case 'PowerPathClosed':
      return plugged && e.auth !== undefined;
    case 'EnergyTransfer':
      return chargingState === 'Charging';
    default:
      return false;
  }
}

function pluggedConnectorId(e: EvseState): number | undefined {
  const plugged = e.connectors.find((c) => c.plugged);
  if (plugged) return plugged.id;
  return e.connectors.length === 1 ? 1 : undefined;
}

/**
 * Re-evaluates one EVSE after something happened to it (`trigger`): starts, updates or ends its transaction
 * according to TxStartPoint/TxStopPoint, then reports connector status changes.
 */
export function evaluate(st: StationCore, e: EvseState, trigger: Trigger, extra: { stopToken?: IdToken; stoppedReason?: string } = {}): void {
  const chargingState = chargingStateOf(st, e);
  e.meter.setCharging(chargingState === 'Charging');
  const tx = e.tx;
  if (!tx) {
    const holding = st.dm.list('TxCtrlr', 'TxStartPoint').filter((p) => {
      if (e.sessionClosed && (p === 'EVConnected' || p === 'ParkingBayOccupancy')) return false;
      if (p === 'PowerPathClosed' && st.faults.has('transactions.ignorePowerPathClosed')) return false;
      if (p === 'EVConnected' && st.faults.has('transactions.ignoreEVConnected')) return false;
      if (p === 'Authorized' && st.faults.has('transactions.ignoreAuthorizedStart')) return false;
      if (p === 'ParkingBayOccupancy' && st.faults.has('transactions.ignoreParkingBayOccupancy')) return false;
      return pointHolds(st, e, p, chargingState);
    });
    if (holding.length > 0 && trigger !== 'StopAuthorized' && trigger !== 'EVCommunicationLost' && trigger !== 'EVDeparted') {
      // Started only because energy began to flow: the event is about the charging state, not the cable or the token.
      const energyOnly = holding.every((p) => p === 'EnergyTransfer') && !st.faults.has('transactions.energyTransferStartTrigger');
      // An EV that is not ready when it is plugged in first connects, then says it is not ready: two events.
      const notReadyYet = chargingState === 'SuspendedEV' && trigger === 'CablePluggedIn';
      // Started only by the signed start reading of the meter (DataSigned): that reading is the trigger, taken as the
      // power path closes and before energy flows; the charging that follows is its own event.
      const signedOnly = holding.every((p) => p === 'DataSigned') && trigger !== 'RemoteStart' && !st.faults.has('transactions.dataSignedTrigger');
      const startTrigger = signedOnly ? 'SignedDataReceived' : energyOnly && trigger !== 'RemoteStart' ? 'ChargingStateChangedOnly' : trigger;
      const beforeEnergy = notReadyYet || (signedOnly && chargingState !== 'EVConnected');
      startTransaction(st, e, startTrigger, beforeEnergy ? 'EVConnected' : chargingState);
      const tx = e.tx as Transaction | undefined;
      if (beforeEnergy && tx) {
        tx.chargingState = chargingState;
        trackChargingTime(tx, chargingState);
        queueTx(st, txEvent(st, e, 'Updated', 'ChargingStateChanged'));
      }
    }
    afterEvseChange(st);
    return;
  }
  const previous = tx.chargingState;
  tx.chargingState = chargingState;
  trackChargingTime(tx, chargingState);
  if (stopPointLost(st, e, tx, chargingState)) {
    // A charging-state change that ends the transaction (TxStopPoint EnergyTransfer) is reported as such; the EV
    // pausing is a stop by the EV.
    const endTrigger = trigger === 'ChargingStateChangedOnly' ? 'ChargingStateChanged' : trigger;
    const reason = trigger === 'ChargingStateChangedOnly' && e.evSuspended ? 'StoppedByEV' : stoppedReasonFor(trigger);
    endTransaction(st, e, endTrigger, extra.stoppedReason ?? reason, extra.stopToken);
    afterEvseChange(st);
    return;
  }
  if (trigger === 'ChargingStateChangedOnly' && previous === chargingState) {
    afterEvseChange(st);
    return;
  }
  // An EV plugged in again during a running transaction is connected first and takes energy a moment later.
  if (trigger === 'CablePluggedIn' && chargingState === 'Charging' && previous !== 'Charging') {
    tx.chargingState = 'EVConnected';
    queueTx(st, txEvent(st, e, 'Updated', 'CablePluggedIn'));
    tx.chargingState = chargingState;
    trigger = 'ChargingStateChangedOnly';
  }
  const payload = txEvent(st, e, 'Updated', trigger === 'ChargingStateChangedOnly' ? 'ChargingStateChanged' : trigger);
  if ((trigger === 'Authorized' || trigger === 'RemoteStart') && e.auth) {
    payload.idToken = e.auth.token;
    tx.idToken = e.auth.token;
  }
  if (trigger === 'StopAuthorized' && extra.stopToken) payload.idToken = extra.stopToken;
  queueTx(st, payload);
  afterEvseChange(st);
}

// The stop points that have held during each transaction: a stop point ends a transaction when it stops holding,
// not when it never held (a transaction started at Authorized before the cable is in does not end for want of a
// cable; one started at EVConnected before the token does not end for want of authorization).
const heldStopPoints = new WeakMap<Transaction, Set<string>>();

function stopPointLost(st: StationCore, e: EvseState, tx: Transaction, chargingState: ChargingState): boolean {
  const held = heldStopPoints.get(tx) ?? new Set<string>();
  heldStopPoints.set(tx, held);
  const stops = st.dm.list('TxCtrlr', 'TxStopPoint');
  for (const p of stops) if (pointHolds(st, e, p, chargingState)) held.add(p);
  return stops.some((p) => held.has(p) && !pointHolds(st, e, p, chargingState));
}

function trackChargingTime(tx: Transaction, state: ChargingState): void {
  const now = Date.now();
  if (tx.chargingSince !== undefined) {
    tx.chargingMs += now - tx.chargingSince;
    tx.chargingSince = undefined;
  }
  if (state === 'Charging') tx.chargingSince = now;
}

const STOPPED_REASON: Partial<Record<Trigger, string>> = {
  EVCommunicationLost: 'EVDisconnected',
  CablePluggedIn: 'EVDisconnected',
  StopAuthorized: 'Local',
  RemoteStop: 'Remote',
  ResetCommand: 'ImmediateReset',
  Deauthorized: 'DeAuthorized',
  EVConnectTimeout: 'Timeout',
  // The driver drove away: a local end of the session (Part 6 TC_E_19 expects Local).
  EVDeparted: 'Local',
  AbnormalCondition: 'Other',
};

function stoppedReasonFor(trigger: Trigger): string {
  return STOPPED_REASON[trigger] ?? 'Local';
}

function startTransaction(st: StationCore, e: EvseState, trigger: Trigger, chargingState: ChargingState): void {
  const tx: Transaction = {
    id: randomUUID(),
    seqNo: 0,
    connectorId: pluggedConnectorId(e),
    remoteStartId: e.auth?.remoteStartId,
    remoteStartSent: false,
    evseSent: false,
    chargingState,
    startedAt: Date.now(),
    chargingMs: 0,
  };
  e.tx = tx;
  stopPointLost(st, e, tx, chargingState);
  trackChargingTime(tx, chargingState);
  const payload = txEvent(st, e, 'Started', trigger === 'ChargingStateChangedOnly' ? 'ChargingStateChanged' : trigger, 'Transaction.Begin');
  if (e.auth) {
    payload.idToken = e.auth.token;
    tx.idToken = e.auth.token;
  }
  queueTx(st, payload);
  startMeterTimer(st, e);
}

function startMeterTimer(st: StationCore, e: EvseState): void {
  const tx = e.tx;
  if (!tx) return;
  const ms = txUpdatedIntervalMs(st);
  if (ms <= 0) return;
  tx.meterTimer = setInterval(() => {
    if (e.tx !== tx) return;
    queueTx(st, txEvent(st, e, 'Updated', 'MeterValuePeriodic', 'Sample.Periodic'));
  }, ms);
}

/** Ends the EVSE's transaction (Ended event queued); waiting availability changes and resets follow. */
export function endTransaction(st: StationCore, e: EvseState, trigger: Trigger, stoppedReason: string, stopToken?: IdToken): void {
  const tx = e.tx;
  if (!tx) return;
  clearInterval(tx.meterTimer);
  tx.chargingState = chargingStateOf(st, e);
  trackChargingTime(tx, 'Idle');
  const payload = txEvent(st, e, 'Ended', trigger, 'Transaction.End');
  (payload.transactionInfo as Json).stoppedReason = st.faults.has('transactions.wrongStoppedReason') ? 'Other' : stoppedReason;
  if (stopToken) payload.idToken = stopToken;
  queueTx(st, payload);
  e.tx = undefined;
  e.auth = undefined;
  releaseInvalidIdHold(st, e);
  clearTimeout(e.evTimeout);
  if (e.connectors.some((c) => c.plugged) || e.bayOccupied) e.sessionClosed = true;
  applyScheduledAvailability(st, e);
  e.scheduledReset = undefined;
  if (!st.evses.some((x) => x.tx)) transactionsEnded(st);
}

/** Builds a TransactionEvent for the EVSE's transaction and advances its seqNo. */
export function txEvent(st: StationCore, e: EvseState, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, context: ReadingContext = 'Sample.Periodic'): Json {
  const tx = e.tx;
  if (!tx) throw new Error('txEvent without a transaction');
  const info: Json = { transactionId: tx.id, chargingState: tx.chargingState };
  if (eventType !== 'Started') info.timeSpentCharging = Math.floor((tx.chargingMs + (tx.chargingSince !== undefined ? Date.now() - tx.chargingSince : 0)) / 1000);
  if (tx.remoteStartId === undefined && e.auth?.remoteStartId !== undefined) tx.remoteStartId = e.auth.remoteStartId;
  if (tx.remoteStartId !== undefined && !tx.remoteStartSent && !st.faults.has('transactions.noRemoteStartId')) {
    info.remoteStartId = tx.remoteStartId;
    tx.remoteStartSent = true;
  }
  const payload: Json = {
    eventType,
    timestamp: nowText(),
    triggerReason: st.faults.has('tx.wrongTriggerReason') ? 'Trigger' : trigger === 'EVCommunicationLost' && st.faults.has('transactions.unplugAsChargingState') ? 'ChargingStateChanged' : trigger,
    seqNo: tx.seqNo,
    transactionInfo: info,
  };
  tx.seqNo += eventType === 'Started' && st.faults.has('tx.seqNoGap') ? 2 : 1;
  const connectorId = tx.connectorId ?? pluggedConnectorId(e);
  if (!tx.evseSent || (tx.connectorId === undefined && connectorId !== undefined)) {
    payload.evse = connectorId !== undefined ? { id: e.id, connectorId } : { id: e.id };
    tx.connectorId = connectorId;
    tx.evseSent = true;
  }
  // Which readings the event carries is the meter-values area's business (areas/meter-values.ts).
  const meterValue = txMeterValue(st, e, eventType, trigger, context);
  if (meterValue) payload.meterValue = meterValue;
  if ((!st.conn || st.bootState !== 'Accepted') && !st.faults.has('transactions.noOfflineFlag')) payload.offline = true;
  return payload;
}

/** The CSMS answered a TransactionEvent: learn the token's status; a refused token may end the transaction. */
export function onTxResponse(st: StationCore, sent: Json, res: Json): void {
  const info = res.idTokenInfo as { status?: string; groupIdToken?: IdToken } | undefined;
  const token = sent.idToken as IdToken | undefined;
  if (!info || !token) return;
  cacheFromTxResponse(st, token, info);
  if (info.status === 'Accepted') return;
  const txId = (sent.transactionInfo as Json).transactionId;
  const e = st.evses.find((x) => x.tx?.id === txId);
  // StopTxOnInvalidId and MaxEnergyOnInvalidId are the authorization area's decision (areas/invalid-id.ts).
  if (e?.tx && onInvalidIdDuringTx(st, e, token, (x) => evaluate(st, x, 'ChargingStateChangedOnly')) && !st.faults.has('transactions.keepTxOnInvalidId')) {
    e.auth = undefined;
    endTransaction(st, e, 'Deauthorized', 'DeAuthorized');
    afterEvseChange(st);
  }
}

async function onGetTransactionStatus(st: StationCore, p: Json): Promise<Json> {
  // A TransactionEventResponse read in the same network chunk as this request is settled first (the queue learns of
  // the delivery a tick later), so the answer reflects everything the CSMS answered before asking.
  await new Promise((resolve) => setImmediate(resolve));
  const id = typeof p.transactionId === 'string' ? p.transactionId : undefined;
  const res: Json = { messagesInQueue: queuedCount(st, id) > 0 && !st.faults.has('transactions.statusQueueAlwaysEmpty') };
  if (id !== undefined) res.ongoingIndicator = st.faults.has('transactions.statusAlwaysOngoing') || (st.evses.some((e) => e.tx?.id === id) && !st.faults.has('transactions.statusNeverOngoing'));
  else if (st.faults.has('transactions.statusOngoingWithoutId')) res.ongoingIndicator = st.evses.some((e) => e.tx);
  return res;
}

export const AREA = {
  name: 'transactions',
  blocks: ['E', 'F'],
  faults: FAULTS,
  handlers: { GetTransactionStatus: onGetTransactionStatus },
  triggers: {
    TransactionEvent: (st, evseRef) => {
      const targets = st.evses.filter((e) => e.tx && (!evseRef || e.id === evseRef.id));
      if (targets.length === 0) return { status: 'Rejected' };
      st.afterReply(() => {
        for (const e of targets) {
          if (!e.tx) continue;
          const event = txEvent(st, e, 'Updated', 'Trigger', 'Trigger');
          // The CSMS asked for every EVSE at once: each answer names its EVSE, even when an earlier event already did.
          if (!evseRef && event.evse === undefined) event.evse = { id: e.id };
          if (st.faults.has('tx.triggerNoMeterValue')) delete event.meterValue;
          queueTx(st, event);
        }
      });
      return { status: 'Accepted' };
    },
  },
  accepted: (st) => void pumpTx(st),
  reconnected: (st) => void pumpTx(st),
  halt(st) {
    stopRetry(st);
    for (const e of st.evses) {
      clearTimeout(e.evTimeout);
      if (e.tx) clearInterval(e.tx.meterTimer);
    }
  },
  rebooting(st) {
    for (const e of st.evses) {
      // A transaction still open here is lost (only possible under tx.noEndedOnReset).
      if (e.tx) clearInterval(e.tx.meterTimer);
      e.tx = undefined;
      e.auth = undefined;
      e.scheduledReset = undefined;
      e.evSuspended = false;
      e.evseSuspended = false;
      e.meter.setCharging(false);
      e.sessionClosed = e.connectors.some((c) => c.plugged);
    }
  },
} satisfies StationArea;
