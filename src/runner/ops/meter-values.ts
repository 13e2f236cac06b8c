// Operations of the meter-values steps (block J, and the GetTransactionStatus cases of block E; SUT = CSMS). The test
// system plays a station with a meter: it reports clock-aligned and sampled readings on schedule, attaches readings to
// its transaction events the way a configured station does (Transaction.Begin, Ended with the readings of the
// transaction, optionally signed), and queues transaction events while it is offline, delivering them afterwards.
import { ScriptError } from '../../peer/errors.ts';
import { OcmfSigner } from '../../peer/ocmf.ts';
import { applyPayloadFields, parsePayloadFields } from '../../peer/fields.ts';
import type { SentCall } from '../../peer/peer.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { formatOcppDateTime } from '../../schema/index.ts';
import { resolvePlaceholder } from '../../states/context.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;
export type Rows = string[][];

/** Power drawn by the EV on the transaction's EVSE while the test system's station charges it. */
const CHARGING_POWER_W = 11_000;

export type Schedule = 'clock' | 'sampled';

const CONTEXT: Record<Schedule, string> = { clock: 'Sample.Clock', sampled: 'Sample.Periodic' };


function intervalMs(ctx: CsmsContext, schedule: Schedule): number {
  // bench.clockAlignedIntervalS / bench.sampledIntervalS (their default is in src/config/configured-values.ts).
  return (schedule === 'clock' ? ctx.settings.clockAlignedIntervalS : ctx.settings.sampledIntervalS) * 1000;
}

/** The first clock-aligned instant (a multiple of the interval since midnight UTC) strictly after `t`. */
export function nextAlignedInstant(t: number, interval: number): number {
  const d = new Date(t);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return midnight + (Math.floor((t - midnight) / interval) + 1) * interval;
}

/** The instants of a schedule in (from, to]: clock-aligned ones, or every interval counted from `from`. */
export function instantsBetween(schedule: Schedule, from: number, to: number, interval: number): number[] {
  const out: number[] = [];
  for (let t = schedule === 'clock' ? nextAlignedInstant(from, interval) : from + interval; t <= to; t += interval) out.push(t);
  return out;
}

async function waitUntil(ctx: CsmsContext, at: number, reason: string): Promise<void> {
  await letProtocolTimePass(at - Date.now(), reason, (m) => ctx.peer.note(m));
}

// ----- the station's meter ---------------------------------------------------------------------------------------------

/**
 * The energy registers of the test system's station: every EVSE starts from its own plausible register value, the
 * transaction's EVSE counts up at CHARGING_POWER_W from its first reading in the transaction, and the main meter
 * (evseId 0) is the sum of the EVSEs. Signed readings carry an OCMF record signed with a P-256 key.
 */
class StationMeter {
  private readonly countingSince = new Map<string, number>();
  private readonly signer = new OcmfSigner();

  constructor(private readonly ctx: CsmsContext) {}

  /** Energy register of an EVSE (0: the main meter) at time t, Wh. */
  energyWh(evseId: number, t: number): number {
    if (evseId === 0) return this.ctx.settings.evses.reduce((sum, e) => sum + this.energyWh(e.id, t), 0);
    const base = 1_250_000 + evseId * 83_417;
    const tx = this.ctx.peer.model.tx;
    if (!tx || tx.evseId !== evseId) return base;
    const since = this.countingSince.get(tx.id) ?? t;
    this.countingSince.set(tx.id, since);
    return Math.round((base + (CHARGING_POWER_W * Math.max(0, t - since)) / 3_600_000) * 10) / 10;
  }

  /** One MeterValue at time t: the energy register, and for periodic / clock readings while charging the power. */
  meterValue(evseId: number, t: number, context: string, signed = false): Json {
    const energy: Json = { value: this.energyWh(evseId, t), context, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } };
    if (signed) energy.signedMeterValue = this.signedValue(evseId, t, energy.value as number, context);
    const sampledValue = [energy];
    const tx = this.ctx.peer.model.tx;
    if (context.startsWith('Sample.') && tx?.evseId === evseId && tx.chargingState === 'Charging') {
      sampledValue.push({ value: CHARGING_POWER_W, context, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } });
    }
    return { timestamp: formatOcppDateTime(new Date(t)), sampledValue };
  }

  private signedValue(evseId: number, t: number, wh: number, context: string): Json {
    const kind = context === 'Transaction.Begin' ? 'B' : context === 'Transaction.End' ? 'E' : 'T';
    return this.signer.sign({
      gatewayId: this.ctx.settings.model,
      gatewaySerial: `${this.ctx.peer.identity}-${evseId}`,
      pagination: `T${this.ctx.peer.model.tx?.nextSeqNo ?? 0}`,
      at: new Date(t),
      kind,
      wh,
    });
  }
}

/** A per-scenario object of this area, created on first use. */
function remembered<T>(ctx: CsmsContext, key: string, create: () => T): T {
  if (!ctx.memory.has(key)) ctx.memory.set(key, create());
  return ctx.memory.get(key) as T;
}

const meterOf = (ctx: CsmsContext): StationMeter => remembered(ctx, 'meter-values:meter', () => new StationMeter(ctx));

// ----- readings reported on schedule -------------------------------------------------------------------------------------

/** The requests of one reporting series, each with its answer settled; judged by csmsAnsweredSeries. */
const series = (ctx: CsmsContext): SentCall[] => remembered(ctx, 'meter-values:series', (): SentCall[] => []);

/** Sends one request and waits for its answer (one CALL at a time, as OCPP-J wants) without judging it yet. */
async function sendAndSettle(ctx: CsmsContext, action: string, payload: Json): Promise<void> {
  const call = ctx.peer.sendRequest(action, payload);
  series(ctx).push(call);
  await call.outcome.catch(() => undefined);
}

/** A TransactionEventRequest Updated of the open transaction with the given trigger and readings. */
function transactionUpdate(ctx: CsmsContext, triggerReason: string, meterValue: Json[]): Json {
  return { ...ctx.peer.template('TransactionEvent'), eventType: 'Updated', triggerReason, meterValue };
}

/** NotifyEventRequest with the FiscalMetering energy register of each EVSE (0: the station's main meter). */
function fiscalMeteringEvent(ctx: CsmsContext, evseIds: number[], t: number): Json {
  const meter = meterOf(ctx);
  const timestamp = formatOcppDateTime(new Date(t));
  return {
    generatedAt: formatOcppDateTime(new Date()),
    seqNo: 0,
    eventData: evseIds.map((evseId) => ({
      eventId: ctx.peer.model.nextEventId(),
      timestamp,
      trigger: 'Periodic',
      actualValue: String(meter.energyWh(evseId, t)),
      eventNotificationType: 'PreconfiguredMonitor',
      component: evseId === 0 ? { name: 'FiscalMetering' } : { name: 'FiscalMetering', evse: { id: evseId } },
      variable: { name: 'EnergyImportRegister' },
    })),
  };
}

/**
 * Clock-aligned reports: at each aligned instant, MeterValues with Sample.Clock for the main meter and every EVSE
 * without a transaction, the same registers as periodic FiscalMetering events, and for the transaction's EVSE a
 * TransactionEvent (MeterValueClock). `rounds`: a number of instants, or 'duration' = as many as fit in the configured
 * transaction duration, at least two so that the readings show their interval.
 */
export async function reportClockAligned(ctx: ScenarioContext, rounds: number | 'duration'): Promise<void> {
  const c = asCsms(ctx, 'report clock-aligned meter values');
  const interval = intervalMs(c, 'clock');
  const count = rounds === 'duration' ? Math.max(2, Math.ceil(c.settings.transactionDurationMs / interval)) : rounds;
  const meter = meterOf(c);
  c.peer.inbox.advanceCursor();
  for (let i = 0, t = nextAlignedInstant(Date.now(), interval); i < count; i++, t += interval) {
    await waitUntil(c, t, 'the next clock-aligned meter value instant');
    const tx = c.peer.model.tx;
    const idle = [0, ...c.settings.evses.map((e) => e.id)].filter((id) => id !== tx?.evseId);
    for (const evseId of idle) await sendAndSettle(c, 'MeterValues', { evseId, meterValue: [meter.meterValue(evseId, t, 'Sample.Clock')] });
    await sendAndSettle(c, 'NotifyEvent', fiscalMeteringEvent(c, idle, t));
    if (tx) await sendAndSettle(c, 'TransactionEvent', transactionUpdate(c, 'MeterValueClock', [meter.meterValue(tx.evseId, t, 'Sample.Clock')]));
  }
}

/** Sampled reports of the open transaction: a TransactionEvent (MeterValuePeriodic) every sampled interval. */
export async function reportSampled(ctx: ScenarioContext, rounds: number): Promise<void> {
  const c = asCsms(ctx, 'report sampled meter values');
  const tx = c.peer.model.tx;
  if (!tx?.started) throw new ScriptError('sampled meter values of a transaction need a running transaction (reach EnergyTransferStarted first)');
  const interval = intervalMs(c, 'sampled');
  const meter = meterOf(c);
  c.peer.inbox.advanceCursor();
  for (let i = 1, start = Date.now(); i <= rounds; i++) {
    const t = start + i * interval;
    await waitUntil(c, t, 'the next sampled meter value instant');
    await sendAndSettle(c, 'TransactionEvent', transactionUpdate(c, 'MeterValuePeriodic', [meter.meterValue(tx.evseId, t, 'Sample.Periodic')]));
  }
}

/** Every request of the reporting series was answered, schema-valid and without CALLERROR. */
export async function csmsAnsweredSeries(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS answers every one of those messages');
  const calls = series(c);
  if (calls.length === 0) throw new ScriptError('no meter values were reported by an earlier step');
  for (const call of calls) await c.peer.awaitAnswer(call, c.requirementIds);
}

// ----- readings the station attaches to its transaction events ------------------------------------------------------------

/** How the test system's station, as configured for the case, completes its TransactionEventRequests. */
interface TransactionMetering {
  /** Transaction.Begin readings in the first event of the transaction that names the EVSE. */
  beginValues: boolean;
  /** No evse in the events before the cable is plugged in (the driver authorized before choosing an EVSE). */
  evseFromPlugIn: boolean;
  /** Readings of the transaction on this schedule plus a Transaction.End reading in the Ended event. */
  endedValues: Schedule | undefined;
  signed: boolean;
  // What the station saw of the current transaction.
  startedAt: number | undefined;
  evseNamed: boolean;
  plugged: boolean;
}

/** The station's metering behaviour, installed on the peer the first time a case configures it. */
function metering(ctx: CsmsContext): TransactionMetering {
  return remembered(ctx, 'meter-values:metering', () => {
    const m: TransactionMetering = { beginValues: false, evseFromPlugIn: false, endedValues: undefined, signed: false, startedAt: undefined, evseNamed: false, plugged: false };
    const meter = meterOf(ctx);
    ctx.peer.completeRequest = (action, payload) => (action === 'TransactionEvent' ? completeTransactionEvent(ctx, m, meter, payload) : payload);
    return m;
  });
}

function completeTransactionEvent(ctx: CsmsContext, m: TransactionMetering, meter: StationMeter, payload: Json): Json {
  const p = { ...payload };
  const now = Date.now();
  const evseId = ctx.peer.model.tx?.evseId ?? ctx.settings.evseId;
  if (p.eventType === 'Started') {
    m.startedAt = now;
    m.evseNamed = false;
    m.plugged = false;
  }
  if (p.triggerReason === 'CablePluggedIn') m.plugged = true;
  if (m.evseFromPlugIn && !m.plugged) delete p.evse;
  if (p.evse !== undefined && !m.evseNamed) {
    m.evseNamed = true;
    if (m.beginValues) p.meterValue = [...((p.meterValue as Json[] | undefined) ?? []), meter.meterValue(evseId, now, 'Transaction.Begin', m.signed)];
  }
  if (p.eventType === 'Ended' && m.endedValues) {
    const schedule = m.endedValues;
    const during = instantsBetween(schedule, m.startedAt ?? now, now, intervalMs(ctx, schedule));
    p.meterValue = [
      ...during.map((t) => meter.meterValue(evseId, t, CONTEXT[schedule], m.signed)),
      meter.meterValue(evseId, now, 'Transaction.End', m.signed),
    ];
  }
  return p;
}

export function stationReportsBeginValues(ctx: ScenarioContext): void {
  metering(asCsms(ctx, "the test system's station reports Transaction.Begin meter values")).beginValues = true;
}

export function stationNamesEvseFromPlugIn(ctx: ScenarioContext): void {
  metering(asCsms(ctx, "the test system's station names the EVSE from the plug-in")).evseFromPlugIn = true;
}

export function stationReportsEndedValues(ctx: ScenarioContext, schedule: Schedule, signed: boolean): void {
  const m = metering(asCsms(ctx, "the test system's station reports the meter values of the transaction when it ends"));
  m.endedValues = schedule;
  m.signed = signed;
}

/** Lets the transaction run through two instants of the Ended readings' schedule, so the Ended event shows their interval. */
export async function transactionRunsTwoIntervals(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the transaction runs through two meter value intervals');
  const m = metering(c);
  if (!m.endedValues || m.startedAt === undefined) {
    throw new ScriptError("the test system's station must report the meter values of a transaction when it ends, and a transaction must have started");
  }
  const interval = intervalMs(c, m.endedValues);
  const second = m.endedValues === 'clock' ? nextAlignedInstant(m.startedAt, interval) + interval : m.startedAt + 2 * interval;
  await waitUntil(c, second, 'two meter value intervals of the transaction');
}

/** The TransactionEventRequest that carried readings of `context` was answered without error (and carried them). */
export async function csmsAcceptedReadings(ctx: ScenarioContext, context: 'Transaction.Begin' | 'Transaction.End'): Promise<void> {
  const c = asCsms(ctx, 'the CSMS accepted the meter values');
  const carries = (call: SentCall): boolean =>
    call.action === 'TransactionEvent' && ((call.payload.meterValue as Json[] | undefined) ?? []).some((mv) => ((mv.sampledValue as Json[] | undefined) ?? []).some((sv) => sv.context === context));
  const call = [...c.peer.sent].reverse().find(carries);
  if (!call) throw new ScriptError(`the test system sent no TransactionEventRequest with ${context} meter values; did the case configure its station to report them?`);
  await c.peer.awaitAnswer(call, c.requirementIds);
}

// ----- offline: queued transaction events ----------------------------------------------------------------------------------

interface OfflineRecord {
  transactionId: string;
  since: number;
  until: number;
  firstSeqNo: number;
}

/**
 * When a queued event happened: an event with readings when its last reading was taken; otherwise the queued events
 * are spread over the offline period in seqNo order.
 */
function queuedAt(offline: OfflineRecord, payload: Json): string {
  const readings = (payload.meterValue as Json[] | undefined) ?? [];
  const last = readings[readings.length - 1];
  if (typeof last?.timestamp === 'string') return last.timestamp;
  const slot = typeof payload.seqNo === 'number' ? Math.min(Math.max(payload.seqNo - offline.firstSeqNo, 0), 2) : 0;
  return formatOcppDateTime(new Date(offline.since + ((slot + 1) * (offline.until - offline.since)) / 4));
}

/**
 * The station loses its connection for the configured transaction duration and comes back without rebooting. What it
 * queued meanwhile becomes usable in tables: <meter values sampled offline> (sampled readings of the transaction, at
 * least one) and <first queued seqNo> .. <third queued seqNo> (the seqNos its queued TransactionEvents hold).
 */
export async function offlineForTransactionDuration(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the test system is offline for the configured transaction duration');
  const tx = c.peer.model.tx;
  if (!tx?.started) throw new ScriptError('going offline with queued transaction events needs a running transaction (reach EnergyTransferStarted first)');
  const since = Date.now();
  await c.peer.disconnect();
  await letProtocolTimePass(c.settings.transactionDurationMs, 'the configured transaction duration, offline', (m) => c.peer.note(m));
  const until = Date.now();
  const meter = meterOf(c);
  const instants = instantsBetween('sampled', since, until, intervalMs(c, 'sampled'));
  c.memory.set('meter values sampled offline', (instants.length > 0 ? instants : [until]).map((t) => meter.meterValue(tx.evseId, t, 'Sample.Periodic')));
  ['first', 'second', 'third'].forEach((n, i) => c.memory.set(`${n} queued seqNo`, tx.nextSeqNo + i));
  c.memory.set('meter-values:offline', { transactionId: tx.id, since, until, firstSeqNo: tx.nextSeqNo } satisfies OfflineRecord);
  await c.peer.connect();
  c.peer.inbox.advanceCursor();
}

/** A TransactionEventRequest the station queued while offline: the offline transaction, timestamped while offline. */
export function deliverQueuedEvent(ctx: ScenarioContext, rows: Rows | undefined): void {
  const c = asCsms(ctx, 'the test system delivers a queued TransactionEventRequest');
  const offline = c.memory.get('meter-values:offline') as OfflineRecord | undefined;
  if (!offline) throw new ScriptError('no TransactionEventRequests were queued: the test system was not offline during a transaction in an earlier step');
  const base: Json = { transactionInfo: { transactionId: offline.transactionId } };
  const payload = applyPayloadFields(base, parsePayloadFields(c.peer.version, 'TransactionEventRequest', rows ?? []), (n) => resolvePlaceholder(c, n));
  payload.timestamp ??= queuedAt(offline, payload);
  c.peer.inbox.advanceCursor();
  // While the transaction is still open in the station model, the model follows the event (an Ended one closes it);
  // events of a transaction that has already ended must not open a new one there.
  const call = c.peer.model.tx?.id === offline.transactionId ? c.peer.sendRequest('TransactionEvent', payload) : c.peer.sendCall('TransactionEvent', payload);
  c.memory.set('sent:TransactionEvent', call);
}
