// The master pass on a station WITH a user interface (Part 2 C16.FR.01; the variant 'masterPassUi' of the reference
// station): a token of the master pass group stops nothing by itself; the UI then offers the running transactions and
// the holder selects one, or all, to stop (the bench action masterPassStop). A station without a UI stops every
// transaction at once (C16.FR.02, authorization.ts). Part of the authorization area, which registers these faults.
import type { StationCore } from '../core.ts';
import { perStation, type EvseState } from '../state.ts';
import { StationActionError, type IdToken } from '../types.ts';

export const MASTER_PASS_UI_FAULTS = {
  'authorization.masterPassUiReasonLocal': 'Transactions stopped through the master pass UI report stoppedReason Local instead of MasterPass.',
  'authorization.masterPassUiStopsOne': 'Selecting "all transactions" on the master pass UI stops only the transaction of the first EVSE.',
  'authorization.masterPassUiStopsAll': 'Selecting one transaction on the master pass UI stops every transaction.',
} as const satisfies Record<string, string>;

/** The master pass token the UI currently shows its choice for (one per station, until a selection or a new token). */
const shown = perStation<StationCore, { token?: IdToken }>(() => ({}));

/** Whether this station has a UI for the master pass (the variant that leaves out the stop-everything behaviour). */
export function hasMasterPassUi(st: StationCore): boolean {
  return st.opts.omit?.includes('masterPassWithoutUi') === true;
}

/** A master pass was accepted: the UI shows the running transactions and waits for the holder's selection. */
export function showMasterPassUi(st: StationCore, token: IdToken): void {
  shown(st).token = token;
  st.note(`master pass ${token.idToken}: the user interface offers the running transactions to stop`);
}

/**
 * The holder's selection on the UI: the transaction of one EVSE, or every transaction. `stop` ends the session of an
 * EVSE (the authorization area's rule, with the token and the stoppedReason).
 */
export function selectOnMasterPassUi(st: StationCore, target: number | 'all', stop: (e: EvseState, token: IdToken, reason: 'MasterPass' | 'Local') => void): void {
  const token = shown(st).token;
  if (!hasMasterPassUi(st)) throw new StationActionError('this station has no master pass user interface');
  if (!token) throw new StationActionError('no master pass was presented: the user interface offers nothing to select');
  const running = st.evses.filter((e) => e.auth || e.tx);
  let chosen: EvseState[];
  if (target === 'all') chosen = st.faults.has('authorization.masterPassUiStopsOne') ? running.slice(0, 1) : running;
  else {
    const e = st.evse(target);
    if (!running.includes(e)) throw new StationActionError(`EVSE ${target} has no transaction to stop`);
    chosen = st.faults.has('authorization.masterPassUiStopsAll') ? running : [e];
  }
  shown(st).token = undefined;
  const reason = st.faults.has('authorization.masterPassUiReasonLocal') ? 'Local' : 'MasterPass';
  for (const e of chosen) stop(e, token, reason);
}
