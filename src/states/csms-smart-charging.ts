// Reusable state ISO15118SmartCharging when the SUT is a CSMS, and the mock ISO 15118 EV behind it: the station
// passes the EV's charging needs on, the CSMS answers and levels the load itself with a TxProfile for the running
// transaction, the EV's schedule (that profile's periods) goes back to the CSMS, which must accept it, and the
// energy transfer starts.
import { firstExcess } from '../peer/charging-schedule.ts';
import type { Profile, RateUnit } from '../peer/charging-schedule.ts';
import { ExpectationFailed, ScriptError } from '../peer/errors.ts';
import type { InboxEntry } from '../peer/inbox.ts';
import { formatOcppDateTime } from '../schema/index.ts';
import { check } from './context.ts';
import type { CsmsContext } from './context.ts';

type Json = Record<string, unknown>;

/** Part 6 gives limits as "6.0 or 6000.0": amperes, or watts counted as a thousand times the ampere figure. */
export const inUnit = (amps: number, unit: RateUnit): number => (unit === 'A' ? amps : amps * 1000);

/** The mock EV of the ISO 15118 cases: three-phase AC, 6-32 A, 20 kWh wanted. */
const MOCK_EV = { maxScheduleTuples: 3, energyAmount: 20_000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 };

/** Part 6: after a Processing answer the CSMS may take up to 60 s to send the profile. */
const PROCESSING_WAIT_MS = 60_000;

/** The EV's charging needs, sent by the station for the configured EVSE; the CSMS must answer Accepted or Processing. */
export async function evNeeds(ctx: CsmsContext): Promise<void> {
  ctx.peer.inbox.advanceCursor();
  const departure = formatOcppDateTime(new Date(Date.now() + 2 * 3_600_000));
  const payload = {
    evseId: ctx.settings.evseId,
    maxScheduleTuples: MOCK_EV.maxScheduleTuples,
    chargingNeeds: {
      requestedEnergyTransfer: 'AC_three_phase',
      departureTime: departure,
      acChargingParameters: { energyAmount: MOCK_EV.energyAmount, evMinCurrent: MOCK_EV.evMinCurrent, evMaxCurrent: MOCK_EV.evMaxCurrent, evMaxVoltage: MOCK_EV.evMaxVoltage },
    },
  };
  const call = ctx.peer.sendRequest('NotifyEVChargingNeeds', payload);
  ctx.memory.set('sent:NotifyEVChargingNeeds', call);
  const outcome = await ctx.peer.awaitAnswer(call, ctx.requirementIds);
  ctx.memory.set('answer:NotifyEVChargingNeeds', outcome.payload);
  check(ctx, 'NotifyEVChargingNeedsResponse', outcome.payload, [['status', 'one of Accepted, Processing']], outcome.frame);
}

/** The CSMS's own SetChargingProfileRequest for the EV (no operator trigger), checked against the rows. */
export async function evProfile(ctx: CsmsContext, rows: Array<[string, string]>): Promise<void> {
  const processing = (ctx.memory.get('answer:NotifyEVChargingNeeds') as Json | undefined)?.status === 'Processing';
  const entry = await ctx.peer.expectRequest('SetChargingProfile', processing ? { within: PROCESSING_WAIT_MS } : {});
  ctx.memory.set('request:SetChargingProfile', entry);
  ctx.memory.set('requests:SetChargingProfile', [...((ctx.memory.get('requests:SetChargingProfile') as InboxEntry[] | undefined) ?? []), entry]);
  if (rows.length > 0) check(ctx, 'SetChargingProfileRequest', entry.payload, rows, entry.frame);
}

/**
 * The EV's schedule for the profile received last, as the station passes it on: the same periods, or (`exceeding`)
 * each limit raised above the profile's (proven with the composite-schedule functions). The answer is left to the case.
 */
export function evSchedule(ctx: CsmsContext, exceeding: boolean): void {
  const entry = ctx.memory.get('request:SetChargingProfile') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no SetChargingProfileRequest was received by an earlier step');
  const profile = entry.payload.chargingProfile as unknown as Profile;
  const source = profile.chargingSchedule[0] as (Profile['chargingSchedule'][number] & { id?: number }) | undefined;
  if (!source) throw new ExpectationFailed({ expected: 'a charging profile with a schedule', actual: 'the SetChargingProfileRequest has none', frame: entry.frame });
  const periods = source.chargingSchedulePeriod.map((p) => ({ ...p, limit: exceeding ? p.limit + inUnit(2, source.chargingRateUnit) : p.limit }));
  // Counted from the schedule's start (now for a Relative profile), the EV's periods line up with the profile's own.
  const start = profile.chargingProfileKind === 'Absolute' && source.startSchedule ? Date.parse(source.startSchedule) : Date.now();
  const excess = firstExcess(periods, profile, start, start);
  if ((excess !== undefined) !== exceeding) throw new ScriptError(`the EV schedule built ${exceeding ? 'does not exceed' : 'exceeds'} the profile it answers`);
  const chargingSchedule: Json = { id: source.id ?? 1, chargingRateUnit: source.chargingRateUnit, chargingSchedulePeriod: periods };
  if (source.duration !== undefined) chargingSchedule.duration = source.duration;
  ctx.peer.inbox.advanceCursor();
  const call = ctx.peer.sendRequest('NotifyEVChargingSchedule', { timeBase: formatOcppDateTime(new Date(start)), evseId: entry.payload.evseId, chargingSchedule });
  ctx.memory.set('sent:NotifyEVChargingSchedule', call);
}

export async function iso15118SmartCharging(ctx: CsmsContext): Promise<void> {
  await evNeeds(ctx);
  await evProfile(ctx, [
    ['evseId', '<configured evseId>'],
    ['chargingProfile.chargingProfilePurpose', 'TxProfile'],
    ['chargingProfile.transactionId', '<transactionId>'],
  ]);
  const entry = ctx.memory.get('request:SetChargingProfile') as InboxEntry;
  if (ctx.peer.isHeld(entry)) ctx.peer.respond(entry, { payload: { status: 'Accepted' } });
  await new Promise<void>((resolve) => setImmediate(resolve));
  evSchedule(ctx, false);
  const answer = await ctx.peer.awaitAnswer(ctx.peer.lastCall('NotifyEVChargingSchedule'), ctx.requirementIds);
  check(ctx, 'NotifyEVChargingScheduleResponse', answer.payload, [['status', 'Accepted']], answer.frame);
  const base = ctx.peer.template('TransactionEvent');
  await ctx.peer.request('TransactionEvent', { ...base, triggerReason: 'ChargingStateChanged', transactionInfo: { ...(base.transactionInfo as Json), chargingState: 'Charging' } });
  ctx.peer.inbox.advanceCursor();
  ctx.reached.add('ISO15118SmartCharging');
  ctx.reached.add('EnergyTransferStarted');
}

export const SMART_CHARGING_STATES: Record<string, (ctx: CsmsContext) => Promise<void>> = {
  ISO15118SmartCharging: iso15118SmartCharging,
};
