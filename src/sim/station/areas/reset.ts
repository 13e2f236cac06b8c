// Reset (Part 6 block B): Immediate ends running transactions (ResetCommand / ImmediateReset) and reboots with
// RemoteReset; OnIdle with transactions is Scheduled and reboots with ScheduledReset after the last one ended; a
// per-EVSE reset ends that EVSE's transaction and reports it again without a reboot.
// This area's named faults and behaviour of the reference station.
import { reboot } from '../connection.ts';
import type { StationCore } from '../core.ts';
import type { Json } from '../state.ts';
import { afterQueueDrained } from '../tx-queue.ts';
import type { BootReason } from '../types.ts';
import { afterEvseChange } from './availability.ts';
import { endTransaction } from './transactions.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'tx.noEndedOnReset': 'An Immediate reset reboots without closing running transactions (no Ended event).',
  'reset.ignoreOnIdle': 'Reset OnIdle during a transaction reboots at once instead of waiting for the transaction to end.',
  'reset.noReboot': 'Reset is answered but the station never reboots.',
  'reset.forgetAvailability': 'After a reboot every EVSE and connector is operative again, whatever ChangeAvailability set.',
  'reset.evseScheduledWhenIdle': 'Reset of an idle EVSE is answered Scheduled (as if a transaction ran) instead of Accepted.',
  'reset.evseOnIdleAtOnce': 'Reset OnIdle of an EVSE with a transaction is Accepted and carried out at once (the transaction is ended) instead of Scheduled.',
  'reset.evseResetWhenOmitted': 'A station without per-EVSE reset (variant) still carries out an EVSE reset instead of answering Rejected.',
} as const satisfies Record<string, string>;

function onReset(st: StationCore, p: Json): Json {
  const type = String(p.type) as 'Immediate' | 'OnIdle';
  if (typeof p.evseId === 'number') {
    // A station without per-EVSE reset refuses it (B11.FR.09 / B12.FR.09), whatever the EVSE is doing.
    if (st.opts.omit?.includes('evseReset') && !st.faults.has('reset.evseResetWhenOmitted')) return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedRequest' } };
    return resetEvse(st, p.evseId, type);
  }
  if (type === 'OnIdle' && st.evses.some((e) => e.tx)) {
    if (st.faults.has('reset.ignoreOnIdle')) {
      st.afterReply(() => immediateStationReset(st, 'ScheduledReset'));
      return { status: 'Scheduled' };
    }
    st.pendingStationReset = 'OnIdle';
    st.changed();
    return { status: 'Scheduled' };
  }
  st.afterReply(() => immediateStationReset(st, 'RemoteReset'));
  return { status: 'Accepted' };
}

function rebootForReset(st: StationCore, reason: BootReason): void {
  if (st.faults.has('reset.noReboot')) return;
  reboot(st, reason);
}

function endForReset(st: StationCore): boolean {
  return !st.faults.has('tx.noEndedOnReset');
}

function immediateStationReset(st: StationCore, reason: BootReason): void {
  if (endForReset(st)) {
    for (const e of st.evses) {
      if (!e.tx) continue;
      e.auth = undefined;
      endTransaction(st, e, 'ResetCommand', 'ImmediateReset');
    }
  }
  st.pendingStationReset = undefined;
  afterQueueDrained(st, () => rebootForReset(st, reason));
}

function resetEvse(st: StationCore, evseId: number, type: 'Immediate' | 'OnIdle'): Json {
  const e = st.evses[evseId - 1];
  if (!e) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse' } };
  if (e.tx && type === 'OnIdle' && !st.faults.has('reset.evseOnIdleAtOnce')) {
    e.scheduledReset = 'OnIdle';
    return { status: 'Scheduled' };
  }
  if (st.faults.has('reset.evseScheduledWhenIdle')) return { status: 'Scheduled' };
  st.afterReply(() => {
    if (e.tx && endForReset(st)) {
      e.auth = undefined;
      endTransaction(st, e, 'ResetCommand', 'ImmediateReset');
    }
    // An EVSE reset leaves the connection up; the EVSE comes back and its connectors are reported again.
    for (const c of e.connectors) c.reported = undefined;
    afterEvseChange(st);
  });
  return { status: 'Accepted' };
}

/** The last running transaction ended: a station reset that waited for it happens now. */
export function transactionsEnded(st: StationCore): void {
  if (st.pendingStationReset !== 'OnIdle') return;
  st.pendingStationReset = undefined;
  afterQueueDrained(st, () => rebootForReset(st, 'ScheduledReset'));
}

export const AREA = {
  name: 'reset',
  blocks: ['B'],
  faults: FAULTS,
  handlers: { Reset: onReset },
  rebooting(st) {
    if (!st.faults.has('reset.forgetAvailability')) return;
    st.stationOperative = true;
    for (const e of st.evses) {
      e.operative = true;
      for (const c of e.connectors) c.operative = true;
    }
  },
} satisfies StationArea;
