// The operations behind the station-side (SUT = Charging Station) meter-value steps of steps/cs-meter-values.ts
// (Part 6 block J): intervals set from the run configuration, readings checked against the measurands the station is
// configured with, and the spacing of readings judged on the station's own timestamps.
import { createPublicKey } from 'node:crypto';
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { asCs } from '../roles.ts';
import { setForCase } from './cs-case-variables.ts';

type Json = Record<string, unknown>;

/** How many readings a spacing check looks at (Part 6: the test system stops after three). */
const READINGS = 3;

/**
 * How far the station's timestamps of two readings may be from one interval apart: 40 % of the interval, at most 1 s
 * (timer and clock granularity; a station reporting at half the interval is still caught).
 */
const tolerance = (intervalMs: number): number => Math.min(1000, 0.4 * intervalMs);

/**
 * Part 6's interval variables are whole seconds: the configured interval (bench.clockAlignedIntervalS /
 * bench.sampledIntervalS, 10 s when unset) rounded up, at least 1 s.
 */
function configuredSeconds(cs: CsContext, kind: string): number {
  const v = kind === 'clock-aligned' ? cs.settings.clockAlignedIntervalS : kind === 'sampled' ? cs.settings.sampledIntervalS : undefined;
  if (kind !== 'clock-aligned' && kind !== 'sampled') throw new PreconditionFailed(`"${kind}" is not an interval kind (clock-aligned, sampled)`);
  return Math.max(1, Math.ceil(v ?? 10));
}

/** Sets an interval variable to the configured interval of `kind` for this case (restored afterwards). */
export async function setIntervalForCase(ctx: ScenarioContext, name: string, kind: string): Promise<void> {
  const cs = asCs(ctx, 'a meter-value interval for this case');
  const s = configuredSeconds(cs, kind);
  await setForCase(cs, name, String(s), false);
  cs.memory.set(`interval:${name}`, s);
}

async function readVariable(cs: CsContext, name: string): Promise<string> {
  const [component, variable] = name.split('.');
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: variable } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  if (r?.attributeStatus !== 'Accepted') throw new PreconditionFailed(`${name} could not be read (GetVariables answered ${JSON.stringify(r)})`);
  return typeof r.attributeValue === 'string' ? r.attributeValue : '';
}

async function measurandsOf(cs: CsContext, name: string): Promise<string[]> {
  return (await readVariable(cs, name)).split(',').map((m) => m.trim()).filter((m) => m !== '');
}

async function intervalMsOf(cs: CsContext, name: string): Promise<number> {
  const known = cs.memory.get(`interval:${name}`) as number | undefined;
  return (known ?? Number(await readVariable(cs, name))) * 1000;
}

function fail(cs: CsContext, expected: string, actual: string, entry?: InboxEntry): never {
  throw new ExpectationFailed({ expected, actual, frame: entry?.frame, requirementIds: cs.requirementIds });
}

/** One meterValue: its first reading has `context`, and there is a reading per measurand (the energy register may omit its name). */
function checkReading(cs: CsContext, mv: Json, measurands: string[], contexts: string[], where: string, entry: InboxEntry): void {
  const values = (mv.sampledValue as Json[] | undefined) ?? [];
  const context = (values[0]?.context as string | undefined) ?? 'Sample.Periodic';
  if (!contexts.includes(context)) fail(cs, `${where}: sampledValue[0].context ${contexts.join(' or ')}`, `it is ${context}`, entry);
  for (const m of measurands) {
    const has = values.some((v) => (v.measurand ?? 'Energy.Active.Import.Register') === m);
    if (!has) fail(cs, `${where}: a reading of every configured measurand (${measurands.join(', ')})`, `no ${m} among ${JSON.stringify(values.map((v) => v.measurand ?? '(Energy.Active.Import.Register)'))}`, entry);
  }
}

/** Distinct station timestamps, each `intervalMs` after the one before (within the tolerance). */
function checkSpacing(cs: CsContext, stamps: string[], intervalMs: number, what: string, entry?: InboxEntry): void {
  const times = [...new Set(stamps)].map((t) => Date.parse(t)).sort((a, b) => a - b);
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (Math.abs(gap - intervalMs) > tolerance(intervalMs)) {
      fail(cs, `${what} ${intervalMs / 1000} s apart by the station's timestamps (tolerance ${tolerance(intervalMs)} ms)`, `two readings are ${gap} ms apart (${stamps.join(', ')})`, entry);
    }
  }
}

/**
 * Readings that arrive on their own: `count` distinct reading times from requests picked by `where`, each request
 * checked; every wait lasts one interval plus the message timeout.
 */
async function collect(cs: CsContext, action: string, where: (p: Json) => boolean, whereText: string, intervalMs: number, count: number): Promise<InboxEntry[]> {
  const got: InboxEntry[] = [];
  const stamps = new Set<string>();
  while (stamps.size < count) {
    const entry = await cs.peer.expectRequest(action, { within: intervalMs + cs.peer.timing.expectMs, where, whereText, requirementIds: cs.requirementIds });
    got.push(entry);
    for (const mv of (entry.payload.meterValue as Json[] | undefined) ?? []) stamps.add(String(mv.timestamp));
  }
  return got;
}

/** Clock-aligned MeterValuesRequests while idle: Sample.Clock, every AlignedDataCtrlr.Measurands, AlignedDataCtrlr.Interval apart. */
export async function clockAlignedMeterValues(ctx: ScenarioContext, count = READINGS): Promise<void> {
  const cs = asCs(ctx, 'clock-aligned MeterValues');
  const intervalMs = await intervalMsOf(cs, 'AlignedDataCtrlr.Interval');
  const measurands = await measurandsOf(cs, 'AlignedDataCtrlr.Measurands');
  cs.peer.inbox.advanceCursor();
  const got = await collect(cs, 'MeterValues', () => true, 'clock-aligned readings', intervalMs, count);
  for (const e of got) for (const mv of e.payload.meterValue as Json[]) checkReading(cs, mv, measurands, ['Sample.Clock'], 'MeterValuesRequest', e);
  checkSpacing(cs, got.flatMap((e) => (e.payload.meterValue as Json[]).map((mv) => String(mv.timestamp))), intervalMs, 'clock-aligned readings');
}

/** During the transaction: TransactionEventRequests with trigger MeterValueClock, as above. */
export async function clockAlignedInTransaction(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'clock-aligned readings in the transaction');
  const intervalMs = await intervalMsOf(cs, 'AlignedDataCtrlr.Interval');
  const measurands = await measurandsOf(cs, 'AlignedDataCtrlr.Measurands');
  cs.peer.inbox.advanceCursor();
  const got = await collect(cs, 'TransactionEvent', (p) => p.triggerReason === 'MeterValueClock', 'triggerReason MeterValueClock', intervalMs, READINGS);
  for (const e of got) for (const mv of (e.payload.meterValue as Json[] | undefined) ?? []) checkReading(cs, mv, measurands, ['Sample.Clock'], 'TransactionEventRequest', e);
  checkSpacing(cs, got.flatMap((e) => ((e.payload.meterValue as Json[] | undefined) ?? []).map((mv) => String(mv.timestamp))), intervalMs, 'clock-aligned readings');
  // Readings of the other EVSEs may come as MeterValuesRequests meanwhile: each must be clock-aligned too.
  for (const e of cs.peer.inbox.entries.filter((x) => x.action === 'MeterValues' && x.seq > cs.peer.inbox.cursor)) {
    for (const mv of (e.payload.meterValue as Json[] | undefined) ?? []) checkReading(cs, mv, measurands, ['Sample.Clock'], 'MeterValuesRequest', e);
  }
}

/** Periodic TransactionEventRequests: MeterValuePeriodic, Sample.Periodic, every TxUpdatedMeasurands, TxUpdatedInterval apart. */
export async function periodicInTransaction(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'periodic readings in the transaction');
  const intervalMs = await intervalMsOf(cs, 'SampledDataCtrlr.TxUpdatedInterval');
  const measurands = await measurandsOf(cs, 'SampledDataCtrlr.TxUpdatedMeasurands');
  const got = await collect(cs, 'TransactionEvent', (p) => p.triggerReason === 'MeterValuePeriodic', 'triggerReason MeterValuePeriodic', intervalMs, READINGS);
  for (const e of got) {
    const mvs = (e.payload.meterValue as Json[] | undefined) ?? [];
    if (mvs.length === 0) fail(cs, 'a periodic TransactionEventRequest with meterValue', 'it has none', e);
    for (const mv of mvs) checkReading(cs, mv, measurands, ['Sample.Periodic'], 'TransactionEventRequest', e);
  }
  checkSpacing(cs, got.flatMap((e) => ((e.payload.meterValue as Json[] | undefined) ?? []).map((mv) => String(mv.timestamp))), intervalMs, 'periodic readings');
}

/** The events of the scenario's transaction, in arrival order. */
function txEvents(cs: CsContext): InboxEntry[] {
  const id = cs.memory.require('transactionId', 'no transaction was seen in this scenario');
  return cs.peer.inbox.entries.filter((e) => e.action === 'TransactionEvent' && (e.payload.transactionInfo as Json | undefined)?.transactionId === id);
}

/** The first event of the transaction that names its EVSE carries a Transaction.Begin reading of every TxStartedMeasurands. */
export async function beginReadings(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'Transaction.Begin readings');
  const measurands = await measurandsOf(cs, 'SampledDataCtrlr.TxStartedMeasurands');
  const first = txEvents(cs).find((e) => e.payload.evse !== undefined);
  if (!first) fail(cs, 'a TransactionEventRequest of the transaction naming its EVSE', 'none arrived');
  const mvs = (first.payload.meterValue as Json[] | undefined) ?? [];
  if (mvs.length === 0) fail(cs, `the first TransactionEventRequest naming the EVSE (${String(first.payload.eventType)}) with meterValue (Transaction.Begin)`, 'it has no meterValue', first);
  for (const mv of mvs) checkReading(cs, mv, measurands, ['Transaction.Begin'], 'TransactionEventRequest', first);
}

/**
 * The Ended event carries the readings collected during the transaction: context `context`, every measurand of
 * `measurandsVar`, `intervalVar` apart; besides them only a final Transaction.End reading (required when `withEnd`).
 */
export async function endedReadings(ctx: ScenarioContext, measurandsVar: string, intervalVar: string, context: string, withEnd: boolean): Promise<void> {
  const cs = asCs(ctx, 'readings of the Ended event');
  const measurands = await measurandsOf(cs, measurandsVar);
  const intervalMs = await intervalMsOf(cs, intervalVar);
  const ended = txEvents(cs).find((e) => e.payload.eventType === 'Ended');
  if (!ended) fail(cs, 'the TransactionEventRequest that ended the transaction', 'none arrived');
  const mvs = (ended.payload.meterValue as Json[] | undefined) ?? [];
  const ctxOf = (mv: Json): string => String(((mv.sampledValue as Json[] | undefined)?.[0]?.context as string | undefined) ?? 'Sample.Periodic');
  const samples = mvs.filter((mv) => ctxOf(mv) === context);
  if (samples.length === 0) fail(cs, `the Ended TransactionEventRequest with the ${context} readings collected during the transaction`, `its meterValue has ${mvs.length === 0 ? 'none' : `only ${mvs.map(ctxOf).join(', ')}`}`, ended);
  for (const mv of mvs) checkReading(cs, mv, ctxOf(mv) === 'Transaction.End' ? [] : measurands, [context, 'Transaction.End'], 'Ended TransactionEventRequest', ended);
  if (withEnd && !mvs.some((mv) => ctxOf(mv) === 'Transaction.End')) fail(cs, 'a Transaction.End reading in the Ended TransactionEventRequest', `contexts ${mvs.map(ctxOf).join(', ')}`, ended);
  checkSpacing(cs, samples.map((mv) => String(mv.timestamp)), intervalMs, `the ${context} readings of the Ended event`, ended);
}

/** Lets the transaction run `n` intervals of `intervalVar` (plus the spacing tolerance), so readings are collected. */
export async function runIntervals(ctx: ScenarioContext, n: number, intervalVar: string): Promise<void> {
  const cs = asCs(ctx, 'let the transaction run');
  const ms = await intervalMsOf(cs, intervalVar);
  await letProtocolTimePass(n * ms + tolerance(ms), `${n} x ${intervalVar} and the spacing tolerance, for readings to be collected`, (m) => cs.peer.note(m));
}

/** No clock-aligned reading (MeterValuesRequest, TransactionEvent MeterValueClock) since the transaction started, until it ended. */
export function noClockReadingsDuringTransaction(ctx: ScenarioContext): void {
  const cs = asCs(ctx, 'no readings during the transaction');
  const events = txEvents(cs);
  const start = events.find((e) => e.payload.eventType === 'Started')?.seq;
  const end = events.find((e) => e.payload.eventType === 'Ended')?.seq;
  if (start === undefined || end === undefined) fail(cs, 'a transaction that started and ended in this case', `Started ${String(start)}, Ended ${String(end)}`);
  const during = cs.peer.inbox.entries.find((e) => e.seq > start && e.seq < end && (e.action === 'MeterValues' || (e.action === 'TransactionEvent' && e.payload.triggerReason === 'MeterValueClock')));
  if (during) fail(cs, 'no clock-aligned readings during the transaction (AlignedDataCtrlr.SendDuringIdle is true)', `${during.action}Request ${JSON.stringify(during.payload).slice(0, 200)}`, during);
}

/** A public key as a station may send it: base64 DER (SubjectPublicKeyInfo) or PEM. */
function parsesAsPublicKey(text: string): boolean {
  try {
    if (text.includes('-----BEGIN')) createPublicKey(text);
    else createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every value of the Ended event's readings with `context` is signed: signedMeterValue present, and its publicKey
 * "" or a valid key as OCPPCommCtrlr.PublicKeyWithSignedMeterValue says (Never: ""; EveryMeterValue: a key each time;
 * OncePerTransaction, or the variable not readable: either, with a key at least once in the event).
 */
export async function signedReadings(ctx: ScenarioContext, context: string): Promise<void> {
  const cs = asCs(ctx, 'signed readings');
  let policy: string | undefined;
  try {
    policy = await readVariable(cs, 'OCPPCommCtrlr.PublicKeyWithSignedMeterValue');
  } catch (e) {
    if (!(e instanceof PreconditionFailed)) throw e;
  }
  const ended = txEvents(cs).find((e) => e.payload.eventType === 'Ended');
  if (!ended) fail(cs, 'the TransactionEventRequest that ended the transaction', 'none arrived');
  const readings = ((ended.payload.meterValue as Json[] | undefined) ?? []).filter((mv) => ((mv.sampledValue as Json[] | undefined)?.[0]?.context ?? 'Sample.Periodic') === context);
  if (readings.length === 0) fail(cs, `${context} readings in the Ended TransactionEventRequest`, 'there are none', ended);
  let keys = 0;
  for (const [i, mv] of readings.entries()) {
    for (const [j, v] of ((mv.sampledValue as Json[] | undefined) ?? []).entries()) {
      const where = `${context} reading ${i + 1}, sampledValue[${j}]`;
      const smv = v.signedMeterValue as Json | undefined;
      if (!smv) fail(cs, `${where}: signedMeterValue (signing is switched on)`, 'it is omitted', ended);
      if (typeof smv.publicKey !== 'string') fail(cs, `${where}: signedMeterValue.publicKey`, 'it is missing', ended);
      const key = smv.publicKey;
      if (key !== '' && !parsesAsPublicKey(key)) fail(cs, `${where}: signedMeterValue.publicKey "" or a valid public key (base64 DER or PEM)`, `"${key.slice(0, 60)}" is neither`, ended);
      if (policy === 'Never' && key !== '') fail(cs, `${where}: an empty publicKey (PublicKeyWithSignedMeterValue is Never)`, 'a key was sent', ended);
      if (policy === 'EveryMeterValue' && key === '') fail(cs, `${where}: a publicKey (PublicKeyWithSignedMeterValue is EveryMeterValue)`, 'it is empty', ended);
      if (key !== '') keys++;
    }
  }
  if (policy !== 'Never' && policy !== 'EveryMeterValue' && keys === 0) cs.peer.note(`no public key in the ${context} readings of the Ended event (PublicKeyWithSignedMeterValue ${String(policy)}): it may have come once earlier in the transaction`);
}
