// What Part 6's reusable-state tables (SUT = Charging Station) allow a station to send, per TxStartPoint, TxStopPoint
// and authorization variant. Pure functions: the states in cs.ts wait for messages and check them with these rows,
// so the forms Part 6 allows are written down once and tested on their own (test/states/cs-tx-rules.test.ts).

/** What the state knows when it judges a message. */
export interface TxFacts {
  /** TxCtrlr.TxStartPoint / TxStopPoint as the station reported them. */
  start: readonly string[];
  stop: readonly string[];
  /** Reusable state Authorized was reached earlier in this scenario. */
  authorized: boolean;
  /** A transaction is open (its Started event arrived, its Ended event did not). */
  txOpen: boolean;
}

export interface TxExpectation {
  /** A TransactionEventRequest must follow (false: it may, but is not waited for). */
  due: boolean;
  /** Check rows for that TransactionEventRequest, in the feature tables' syntax. */
  rows: Array<[string, string]>;
  /** Why (or why not) the event is due, for the trace. */
  because: string;
}

/** Trigger reasons of messages that are not about the EV at all (they never satisfy a state's wait). */
export const PERIODIC_TRIGGERS: readonly string[] = ['MeterValuePeriodic', 'MeterValueClock', 'SignedDataReceived'];

/** Rows checking the evse of a TransactionEvent: required on a Started event, else absent or the configured one. */
function evseRows(started: boolean): Array<[string, string]> {
  return started
    ? [
        ['evse.id', '<configured evseId>'],
        ['evse.connectorId', '<configured connectorId>'],
      ]
    : [
        ['evse.id', 'absent or <configured evseId>'],
        ['evse.connectorId', 'absent or <configured connectorId>'],
      ];
}

/**
 * EVConnectedPreSession, step 3: after the cable is plugged in a TransactionEvent is due when TxStartPoint contains
 * EVConnected, when a transaction already runs (e.g. started at ParkingBayOccupancy or Authorized), or when TxStartPoint
 * contains PowerPathClosed and the driver is already authorized (plugging in closes the power path). It is Started
 * when it opens the transaction, else Updated; its trigger is CablePluggedIn, ChargingStateChanged or RemoteStart; once
 * authorized the EV may already be charging.
 */
export function evConnectedPreSessionTx(f: TxFacts): TxExpectation {
  const reasons: string[] = [];
  if (f.start.includes('EVConnected')) reasons.push('TxStartPoint contains EVConnected');
  if (f.txOpen) reasons.push('a transaction is already open');
  if (f.authorized && f.start.includes('PowerPathClosed')) reasons.push('TxStartPoint contains PowerPathClosed and the driver is authorized');
  const started = !f.txOpen;
  const rows: Array<[string, string]> = [
    ['eventType', started ? 'Started' : 'Updated'],
    ['triggerReason', 'one of CablePluggedIn, ChargingStateChanged, RemoteStart'],
    ['transactionInfo.chargingState', f.authorized ? 'one of EVConnected, SuspendedEVSE, Charging' : 'EVConnected'],
    ...evseRows(started),
  ];
  return { due: reasons.length > 0, rows, because: reasons.length > 0 ? reasons.join('; ') : `no TransactionEvent is due (TxStartPoint ${f.start.join(',') || '(empty)'}, no open transaction${f.authorized ? '' : ', not authorized'})` };
}

/**
 * Authorized (local variant), after the AuthorizeRequest: a TransactionEvent with trigger Authorized and the idToken is
 * due when TxStartPoint contains Authorized or a transaction already runs; Started when it opens the transaction.
 */
export function authorizedTx(f: Omit<TxFacts, 'authorized'>): TxExpectation {
  const reasons: string[] = [];
  if (f.start.includes('Authorized')) reasons.push('TxStartPoint contains Authorized');
  if (f.txOpen) reasons.push('a transaction is already open');
  const started = !f.txOpen;
  const rows: Array<[string, string]> = [
    ['eventType', started ? 'Started' : 'Updated'],
    ['triggerReason', 'Authorized'],
    ['idToken.idToken', '<configured valid idToken>'],
    ['idToken.type', '<configured valid idToken type>'],
    ...evseRows(started),
  ];
  return { due: reasons.length > 0, rows, because: reasons.length > 0 ? reasons.join('; ') : 'no TransactionEvent is due (TxStartPoint has no Authorized, no open transaction)' };
}
