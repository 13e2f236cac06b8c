// Reconnecting after a connection loss (Part 4 section 5.3, Part 6 TC_B_57): a station that declares the
// OCPPCommCtrlr RetryBackOff* variables (StationSimOptions.retryBackOff) waits RetryBackOffWaitMinimum seconds plus a
// random part of at most RetryBackOffRandomRange seconds before its first attempt, doubles the wait after every failed
// attempt at most RetryBackOffRepeatTimes times, then keeps the last wait. Without them the core's short timers apply
// (the default built-in station of the self-test: a case that sets RetryBackOffWaitMinimum "if implemented" to 118 s
// stays quick). `sim station` always declares them, its --reconnect-ms options translated (src/cli/sim-station-back-off.ts).
// This area's named faults and behaviour of the reference station.
import { randomInt } from 'node:crypto';
import type { StationCore } from '../core.ts';
import type { DeviceModel } from '../device-model.ts';
import { perStation } from '../state.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'reconnect.noDoubling': 'A failed reconnection attempt does not double the back-off: every attempt waits RetryBackOffWaitMinimum.',
  'reconnect.ignoreWaitMinimum': 'The first reconnection attempt after a connection loss comes at once, before RetryBackOffWaitMinimum has passed.',
} as const satisfies Record<string, string>;

/** Failed reconnection attempts since the connection was last up. */
const memory = perStation<StationCore, { attempts: number }>(() => ({ attempts: 0 }));

/** The variables a station with RetryBackOff declares (at start, with their defaults). */
export function defineRetryBackOff(dm: DeviceModel): void {
  const rw = (name: string, value: string): void =>
    dm.define({ component: { name: 'OCPPCommCtrlr' }, variable: { name }, dataType: 'integer', mutability: 'ReadWrite', value, minLimit: 0, ...(name === 'RetryBackOffRepeatTimes' ? {} : { unit: 's' }) });
  rw('RetryBackOffRepeatTimes', '3');
  rw('RetryBackOffRandomRange', '0');
  rw('RetryBackOffWaitMinimum', '1');
}

/** The wait before the next reconnection attempt (ms), or undefined where the station has no RetryBackOff variables. */
export function retryBackOffMs(st: StationCore): number | undefined {
  if (!st.opts.retryBackOff) return undefined;
  const m = memory(st);
  const minimumMs = st.dm.int('OCPPCommCtrlr', 'RetryBackOffWaitMinimum') * 1000;
  const rangeMs = st.dm.int('OCPPCommCtrlr', 'RetryBackOffRandomRange') * 1000;
  const doublings = st.faults.has('reconnect.noDoubling') ? 0 : Math.min(m.attempts, st.dm.int('OCPPCommCtrlr', 'RetryBackOffRepeatTimes'));
  const first = m.attempts === 0;
  m.attempts++;
  if (first && st.faults.has('reconnect.ignoreWaitMinimum')) return 0;
  return minimumMs * 2 ** doublings + (rangeMs > 0 ? randomInt(0, rangeMs + 1) : 0);
}

const connectionUp = (st: StationCore): void => {
  memory(st).attempts = 0;
};

export const AREA = {
  name: 'reconnect',
  blocks: ['B'],
  faults: FAULTS,
  accepted: connectionUp,
  reconnected: connectionUp,
  rebooting: connectionUp,
} satisfies StationArea;
