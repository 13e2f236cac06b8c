// Tariff and cost (Part 6 block I, Advanced User Interface): this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: the CSMS prices energy at one flat tariff (TARIFF_PER_KWH) for transactions of a known driver (an idToken
// in one of the transaction's events). For each transaction it keeps the first and the latest energy register reading
// (Energy.Active.Import.Register, the default measurand) the station reported in its TransactionEvents. After every
// TransactionEvent of a driver's transaction that carries such a reading while it runs, it sends CostUpdated with the
// running total cost; the answer to the Ended event carries the final totalCost once a reading is known. Transactions
// without a driver or without readings are not priced (their answers carry no cost).
import type { CsmsFaultSet } from '../faults.ts';
import type { HandlerContext } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { arr, obj, perStation, text } from '../json.ts';
import { entryOf } from './bounded.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'tariff.noRunningCost': 'no CostUpdated is sent while a transaction runs (the driver never sees a running cost)',
  'tariff.noFinalCost': 'the TransactionEventResponse to an Ended event carries no totalCost',
  'tariff.costForOtherTransaction': 'CostUpdated names the transactionId the readings came from spelt backwards (another transaction)',
} as const satisfies Record<string, string>;

/** Price of one kWh, in the station's currency. */
export const TARIFF_PER_KWH = 0.25;

interface Metered {
  firstWh?: number;
  lastWh?: number;
  /** An idToken was seen in an event of the transaction: someone to bill. */
  driver?: boolean;
}

export const costsOf = perStation<StationRecord, Map<string, Metered>>(() => new Map());

const MAX_TRANSACTIONS = 100;
const ENERGY = 'Energy.Active.Import.Register';

/** The energy register readings (Wh) of a TransactionEvent, in order. */
function energyReadings(request: Json): number[] {
  const out: number[] = [];
  for (const mv of arr(request.meterValue).map(obj)) {
    for (const sv of arr(mv.sampledValue).map(obj)) {
      const measurand = sv.measurand === undefined ? ENERGY : text(sv.measurand);
      if (measurand !== ENERGY || typeof sv.value !== 'number') continue;
      const unit = text(obj(sv.unitOfMeasure).unit) || 'Wh';
      const multiplier = typeof obj(sv.unitOfMeasure).multiplier === 'number' ? (obj(sv.unitOfMeasure).multiplier as number) : 0;
      const wh = sv.value * 10 ** multiplier * (unit === 'kWh' ? 1000 : 1);
      out.push(wh);
    }
  }
  return out;
}

/** Cost so far: the energy between the first and latest reading at the flat tariff, rounded to cents. */
export function costOf(m: Metered): number {
  if (m.firstWh === undefined || m.lastWh === undefined) return 0;
  return Math.round(Math.max(0, m.lastWh - m.firstWh) / 1000 * TARIFF_PER_KWH * 100) / 100;
}

const metered = (station: StationRecord, transactionId: string): Metered => entryOf(costsOf(station), transactionId, () => ({}), MAX_TRANSACTIONS);

function answer(ctx: HandlerContext, action: string, request: Json, response: Json): Json {
  if (action !== 'TransactionEvent') return response;
  const transactionId = text(obj(request.transactionInfo).transactionId);
  if (transactionId === '') return response;
  const m = metered(ctx.station, transactionId);
  const readings = energyReadings(request);
  if (request.idToken !== undefined) m.driver = true;
  if (readings.length > 0) {
    m.firstWh ??= readings[0];
    m.lastWh = readings[readings.length - 1];
  }
  const f: CsmsFaultSet = ctx.opts.faults;
  if (request.eventType === 'Ended') {
    costsOf(ctx.station).delete(transactionId);
    const priced = m.driver === true && m.firstWh !== undefined;
    return priced && !f.has('tariff.noFinalCost') ? { ...response, totalCost: costOf(m) } : response;
  }
  if (m.driver === true && readings.length > 0 && !f.has('tariff.noRunningCost') && ctx.callStation) {
    const call = ctx.callStation;
    const payload = { totalCost: costOf(m), transactionId: f.has('tariff.costForOtherTransaction') ? [...transactionId].reverse().join('') : transactionId };
    ctx.later(async () => {
      await call('CostUpdated', payload);
    });
  }
  return response;
}

export const AREA: CsmsArea = {
  name: 'tariff-cost',
  answer,
};
