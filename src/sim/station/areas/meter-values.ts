// Meter values (Part 6 block J): clock-aligned readings (AlignedDataCtrlr: MeterValues for idle EVSEs, TransactionEvent
// MeterValueClock during a transaction, not at all during one with SendDuringIdle), the meter values a TransactionEvent
// carries (Transaction.Begin, periodic, Transaction.End with the samples SampledDataCtrlr/AlignedDataCtrlr
// TxEndedInterval collected), the periodic sampling interval, and TriggerMessage MeterValues. This area's named faults
// and behaviour of the reference station; areas/transactions.ts builds the events and asks here what they carry.
import type { StationCore } from '../core.ts';
import type { MeterValue, ReadingContext } from '../meter.ts';
import { perStation, type EvseState, type Json, type Transaction } from '../state.ts';
import { MeterSigner } from '../meter-signing.ts';
import { queueTx } from '../tx-queue.ts';
import { txEvent } from './transactions.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'meterValues.triggerPeriodicContext': 'Triggered MeterValues are sampled with context Sample.Periodic instead of Trigger.',
  'meterValues.noTransactionBegin': 'The TransactionEvent that starts a transaction carries no meter values.',
  'meterValues.endedWithoutSamples': 'The Ended TransactionEvent carries only its Transaction.End reading, not the samples TxEndedInterval collected.',
  'meterValues.periodicHalfInterval': 'Periodic TransactionEvent meter values come every half SampledDataCtrlr.TxUpdatedInterval.',
  'meterValues.clockPeriodicContext': 'Clock-aligned readings say context Sample.Periodic instead of Sample.Clock.',
  'meterValues.clockDuringTransaction': 'Clock-aligned readings go on during a transaction although AlignedDataCtrlr.SendDuringIdle is true.',
  'meterValues.unsignedReadings': 'Readings are never signed, whatever SampledDataCtrlr/AlignedDataCtrlr.SignReadings say.',
} as const satisfies Record<string, string>;

/** The readings collected for the Ended event of each running transaction (by transaction id), and the timers. */
const endedSamples = perStation<StationCore, Map<string, MeterValue[]>>(() => new Map());
const timers = perStation<StationCore, { clock?: ReturnType<typeof setTimeout>; sampled: Map<string, ReturnType<typeof setInterval>> }>(() => ({ sampled: new Map() }));

const signer = perStation<StationCore, MeterSigner>(() => new MeterSigner());

/** Signs every value of a reading when `controller`.SignReadings is true (sampled data or clock-aligned data). */
function signed(st: StationCore, mv: MeterValue, controller: 'SampledDataCtrlr' | 'AlignedDataCtrlr'): MeterValue {
  if (!st.dm.bool(controller, 'SignReadings') || st.faults.has('meterValues.unsignedReadings')) return mv;
  const withKey = st.dm.value('OCPPCommCtrlr', 'PublicKeyWithSignedMeterValue') !== 'Never';
  return { ...mv, sampledValue: mv.sampledValue.map((v) => ({ ...v, signedMeterValue: signer(st).signedMeterValue(v, mv.timestamp, withKey) })) };
}

const seconds = (st: StationCore, component: string, variable: string): number => st.dm.int(component, variable);

/** The period of the Sample.Periodic TransactionEvents (ms; 0 = none). */
export function txUpdatedIntervalMs(st: StationCore): number {
  const ms = st.timers.meterSampleMs ?? seconds(st, 'SampledDataCtrlr', 'TxUpdatedInterval') * 1000;
  return st.faults.has('meterValues.periodicHalfInterval') ? ms / 2 : ms;
}

function reading(st: StationCore, e: EvseState, measurands: string[], context: ReadingContext, at = Date.now()): MeterValue | undefined {
  return measurands.length > 0 ? signed(st, e.meter.sample(measurands, context, at), 'SampledDataCtrlr') : undefined;
}

/**
 * The meterValue of a TransactionEvent: Transaction.Begin readings on Started, periodic ones on MeterValuePeriodic and
 * Trigger, and on Ended the samples collected during the transaction followed by the Transaction.End reading. An empty
 * measurand list means no reading.
 */
export function txMeterValue(st: StationCore, e: EvseState, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, context: ReadingContext): MeterValue[] | undefined {
  const tx = e.tx as Transaction;
  if (eventType === 'Started') {
    startCollecting(st, e, tx);
    if (st.faults.has('meterValues.noTransactionBegin')) return undefined;
    const v = reading(st, e, st.dm.list('SampledDataCtrlr', 'TxStartedMeasurands'), context);
    return v ? [v] : undefined;
  }
  if (eventType === 'Ended') {
    const collected = stopCollecting(st, tx);
    const last = reading(st, e, st.dm.list('SampledDataCtrlr', 'TxEndedMeasurands'), context);
    const all = [...(st.faults.has('meterValues.endedWithoutSamples') ? [] : collected), ...(last ? [last] : [])];
    return all.length > 0 ? all : undefined;
  }
  if (trigger !== 'MeterValuePeriodic' && trigger !== 'Trigger') return undefined;
  const v = reading(st, e, st.dm.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), context);
  return v ? [v] : undefined;
}

/** SampledDataCtrlr.TxEndedInterval: a Sample.Periodic reading of TxEndedMeasurands every interval, kept for Ended. */
function startCollecting(st: StationCore, e: EvseState, tx: Transaction): void {
  endedSamples(st).set(tx.id, []);
  const ms = seconds(st, 'SampledDataCtrlr', 'TxEndedInterval') * 1000;
  const measurands = st.dm.list('SampledDataCtrlr', 'TxEndedMeasurands');
  if (ms <= 0 || measurands.length === 0) return;
  timers(st).sampled.set(tx.id, setInterval(() => {
    if (e.tx !== tx) return;
    endedSamples(st).get(tx.id)?.push(signed(st, e.meter.sample(measurands, 'Sample.Periodic'), 'SampledDataCtrlr'));
  }, ms));
}

function stopCollecting(st: StationCore, tx: Transaction): MeterValue[] {
  clearInterval(timers(st).sampled.get(tx.id));
  timers(st).sampled.delete(tx.id);
  const collected = endedSamples(st).get(tx.id) ?? [];
  endedSamples(st).delete(tx.id);
  return collected;
}

// ----- clock-aligned readings ----------------------------------------------------------------------------------------

/** Arms the next clock-aligned tick (a whole multiple of the shortest aligned interval since midnight UTC). */
function armClock(st: StationCore): void {
  const t = timers(st);
  clearTimeout(t.clock);
  t.clock = undefined;
  const intervals = [seconds(st, 'AlignedDataCtrlr', 'Interval'), seconds(st, 'AlignedDataCtrlr', 'TxEndedInterval')].filter((s) => s > 0);
  if (intervals.length === 0 || !st.running) return;
  const step = Math.min(...intervals) * 1000;
  const now = Date.now();
  const next = Math.floor(now / step) * step + step;
  t.clock = setTimeout(() => {
    clockTick(st, next);
    armClock(st);
  }, next - now);
}

const alignedDue = (st: StationCore, variable: string, at: number): boolean => {
  const s = seconds(st, 'AlignedDataCtrlr', variable);
  return s > 0 && at % (s * 1000) === 0;
};

function clockTick(st: StationCore, at: number): void {
  const context: ReadingContext = st.faults.has('meterValues.clockPeriodicContext') ? 'Sample.Periodic' : 'Sample.Clock';
  if (alignedDue(st, 'TxEndedInterval', at)) {
    const measurands = st.dm.list('AlignedDataCtrlr', 'TxEndedMeasurands');
    for (const e of st.evses) if (e.tx && measurands.length > 0) endedSamples(st).get(e.tx.id)?.push(signed(st, e.meter.sample(measurands, context, at), 'AlignedDataCtrlr'));
  }
  if (!alignedDue(st, 'Interval', at) || !st.dm.bool('AlignedDataCtrlr', 'Enabled')) return;
  const charging = st.evses.some((e) => e.tx);
  if (charging && st.dm.bool('AlignedDataCtrlr', 'SendDuringIdle') && !st.faults.has('meterValues.clockDuringTransaction')) return;
  const measurands = st.dm.list('AlignedDataCtrlr', 'Measurands');
  if (measurands.length === 0) return;
  for (const e of st.evses) {
    const value = signed(st, e.meter.sample(measurands, context, at), 'AlignedDataCtrlr');
    if (e.tx) {
      const event: Json = txEvent(st, e, 'Updated', 'MeterValueClock', context);
      event.meterValue = [value];
      queueTx(st, event);
    } else {
      void st.callSafe('MeterValues', { evseId: e.id, meterValue: [value] });
    }
  }
}

export const AREA = {
  name: 'meter-values',
  blocks: ['J', 'F'],
  faults: FAULTS,
  triggers: {
    MeterValues: (st, evseRef) => {
      st.afterReply(() => {
        for (const e of st.evses) {
          if (evseRef && e.id !== evseRef.id) continue;
          void st.callSafe('MeterValues', { evseId: e.id, meterValue: [e.meter.sample(st.dm.list('AlignedDataCtrlr', 'Measurands'), st.faults.has('meterValues.triggerPeriodicContext') ? 'Sample.Periodic' : 'Trigger')] }, true);
        }
      });
      return { status: 'Accepted' };
    },
  },
  accepted: (st) => armClock(st),
  reconnected: (st) => armClock(st),
  halt(st) {
    const t = timers(st);
    clearTimeout(t.clock);
    t.clock = undefined;
    for (const timer of t.sampled.values()) clearInterval(timer);
    t.sampled.clear();
  },
  variableChanged(st, component) {
    if (component.name === 'AlignedDataCtrlr') armClock(st);
  },
} satisfies StationArea;
