// A token the CSMS calls not Accepted after its transaction started (Part 2 C12, C15, E05): the station had decided
// itself (from its authorization cache, or offline) and the CSMS's answer to a TransactionEvent overrules it.
// TxCtrlr.StopTxOnInvalidId true: the transaction is deauthorized and ends (the transactions area sends it).
// StopTxOnInvalidId false: the transaction goes on, but the energy stops: at once when TxCtrlr.MaxEnergyOnInvalidId is
// 0, else once that many Wh have been delivered after the CSMS's answer (decision: Part 2 names the amount "delivered
// when an identifier is deauthorized", so it is counted from the deauthorization). Part of the authorization area
// (areas/authorization.ts registers its faults and clears its timers).
import type { StationCore } from '../core.ts';
import { CHARGING_POWER_W } from '../meter.ts';
import { perStation, type EvseState, type Transaction } from '../state.ts';
import type { IdToken } from '../types.ts';

export const INVALID_ID_FAULTS = {
  'authorization.localDecisionFinal': 'A token the station accepted itself (cache or offline) stays authorized when the CSMS later calls it not Accepted (StopTxOnInvalidId and MaxEnergyOnInvalidId are ignored).',
  'authorization.keepChargingOnInvalidId': 'With StopTxOnInvalidId false, the energy keeps flowing after the CSMS calls the token not Accepted (MaxEnergyOnInvalidId is ignored).',
  'authorization.ignoreMaxEnergyOnInvalidId': 'With StopTxOnInvalidId false, the energy stops at once after the CSMS calls the token not Accepted, whatever MaxEnergyOnInvalidId allows.',
  'authorization.maxEnergyOverridesStop': 'With StopTxOnInvalidId true and MaxEnergyOnInvalidId > 0, the transaction is not stopped but charges on up to MaxEnergyOnInvalidId.',
} as const satisfies Record<string, string>;

const keyOf = (token: IdToken): string => `${token.type}:${token.idToken}`;

/** Tokens the station accepted without the CSMS (cache with LocalPreAuthorize, or offline), until the CSMS answers. */
const localDecisions = perStation<StationCore, Set<string>>(() => new Set());

/** EVSEs whose energy this module stopped (or will stop), per transaction: the hold ends with the transaction. */
interface Hold {
  tx: Transaction;
  timer?: ReturnType<typeof setTimeout>;
}
const holds = perStation<StationCore, Map<EvseState, Hold>>(() => new Map());

/** The station accepted a token on its own; the CSMS has not yet said anything about it. */
export function markLocalDecision(st: StationCore, token: IdToken): void {
  localDecisions(st).add(keyOf(token));
}

/** The CSMS answered an AuthorizeRequest about the token: the decision is no longer the station's own. */
export function clearLocalDecision(st: StationCore, token: IdToken): void {
  localDecisions(st).delete(keyOf(token));
}

function suspend(st: StationCore, e: EvseState, tx: Transaction, evaluate: (e: EvseState) => void): void {
  if (e.tx !== tx || !st.running) return;
  st.note(`EVSE ${e.id}: the energy stops (token not accepted by the CSMS, StopTxOnInvalidId false)`);
  e.evseSuspended = true;
  evaluate(e);
}

/**
 * The CSMS called the token of the EVSE's running transaction not Accepted. True: the transaction is to end now
 * (StopTxOnInvalidId true; the caller ends it). False: it goes on, with its energy stopped or limited here.
 * `evaluate` re-evaluates the EVSE after its charging state changed (the transactions area's rule).
 */
export function onInvalidIdDuringTx(st: StationCore, e: EvseState, token: IdToken, evaluate: (e: EvseState) => void): boolean {
  const tx = e.tx;
  if (!tx) return false;
  const local = localDecisions(st).has(keyOf(token));
  localDecisions(st).delete(keyOf(token));
  if (local && st.faults.has('authorization.localDecisionFinal')) {
    st.note(`token ${token.idToken}: the station's own decision stands`);
    return false;
  }
  const maxWh = st.dm.int('TxCtrlr', 'MaxEnergyOnInvalidId');
  const stop = st.dm.bool('TxCtrlr', 'StopTxOnInvalidId');
  if (stop && !(maxWh > 0 && st.faults.has('authorization.maxEnergyOverridesStop'))) return true;
  if (st.faults.has('authorization.keepChargingOnInvalidId') || holds(st).get(e)?.tx === tx) return false;
  const hold: Hold = { tx };
  holds(st).set(e, hold);
  if (maxWh <= 0 || st.faults.has('authorization.ignoreMaxEnergyOnInvalidId')) {
    suspend(st, e, tx, evaluate);
    return false;
  }
  // The simulated EV draws a constant power while charging: the allowed energy lasts this long.
  const ms = Math.ceil((maxWh * 3_600_000) / CHARGING_POWER_W);
  st.note(`EVSE ${e.id}: token not accepted; charging goes on for at most ${maxWh} Wh (${Math.round(ms / 1000)} s)`);
  hold.timer = setTimeout(() => suspend(st, e, tx, evaluate), ms);
  return false;
}

/** The EVSE's transaction ended: an energy stop of this module ends with it. */
export function releaseInvalidIdHold(st: StationCore, e: EvseState): void {
  const hold = holds(st).get(e);
  if (!hold) return;
  clearTimeout(hold.timer);
  holds(st).delete(e);
  e.evseSuspended = false;
}

/** The station stops or reboots: no energy limit outlives it. */
export function haltInvalidIdHolds(st: StationCore): void {
  for (const e of [...holds(st).keys()]) releaseInvalidIdHold(st, e);
}
