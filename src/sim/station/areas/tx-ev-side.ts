// Part of the transactions area (areas/transactions.ts declares the fault read here): the cable pulled out on the EV side
// while the transaction goes on (Part 2 E10, TxCtrlr.StopTxOnEVSideDisconnect false). The authorization waits
// TxCtrlr.EVConnectionTimeOut for the EV to come back (plugging in again cancels the wait); then it is withdrawn with
// trigger EVConnectTimeout, and TxStopPoint decides what that means: a stop point Authorized ends the transaction
// (stoppedReason Timeout), a stop point that still holds (ParkingBayOccupancy) keeps it open and reports the change.
import type { StationCore } from '../core.ts';
import type { EvseState } from '../state.ts';
import { queueTx } from '../tx-queue.ts';
import { afterEvseChange } from './availability.ts';
import { evaluate, evConnectionTimeoutMs, txEvent } from './transactions.ts';

const plugged = (e: EvseState): boolean => e.connectors.some((c) => c.plugged);

/** After the EV left during a transaction that kept its authorization: wait EVConnectionTimeOut for it to return. */
export function awaitEvReturn(st: StationCore, e: EvseState): void {
  const tx = e.tx;
  if (!tx || !e.auth || plugged(e)) return;
  const ms = evConnectionTimeoutMs(st);
  if (ms <= 0) return;
  clearTimeout(e.evTimeout);
  e.evTimeout = setTimeout(() => {
    if (e.tx !== tx || !e.auth || plugged(e)) return;
    e.auth = undefined;
    if (st.faults.has('transactions.evSideTimeoutKeepsTx')) {
      queueTx(st, txEvent(st, e, 'Updated', 'EVConnectTimeout'));
      afterEvseChange(st);
      return;
    }
    evaluate(st, e, 'EVConnectTimeout');
  }, ms);
}
