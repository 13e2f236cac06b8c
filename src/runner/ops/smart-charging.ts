// Operations behind the smart-charging steps (Part 6 block K, SUT = CSMS): the configured smart-charging values the
// operator hands to the CSMS, checks on the dates of a profile, the station's charging profiles (installed by the
// CSMS in this case) reported for a GetChargingProfilesRequest and combined into the composite schedule for a
// GetCompositeScheduleRequest, and the mock ISO 15118 EV (charging needs, the schedule it sends back).
import { compositeSchedule } from '../../peer/charging-schedule.ts';
import type { Installed, Profile, RateUnit } from '../../peer/charging-schedule.ts';
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { OcppError } from '../../rpc/errors.ts';
import { formatOcppDateTime } from '../../schema/index.ts';
import { check } from '../../states/context.ts';
import type { CsmsContext, ScenarioContext } from '../../states/context.ts';
import { evNeeds, evProfile, evSchedule, inUnit } from '../../states/csms-smart-charging.ts';
import { asRows } from '../operations.ts';
import type { Rows } from '../operations.ts';
import { asCsms } from '../roles.ts';

type Json = Record<string, unknown>;

/**
 * The "<Configured ...>" smart-charging values of Part 6. The operator hands them to the CSMS in its requests (the
 * operator trigger carries the whole OCPP request), so the bench needs no set-up beyond this; the case then checks
 * that the CSMS sent exactly them.
 */
export const SMART_CHARGING_BENCH = {
  chargingProfileId: 101,
  /** A second profile that must not replace the first (TC_K_70). */
  chargingProfileId2: 102,
  stackLevel: 1,
  chargingRateUnit: 'A' as RateUnit,
  numberPhases: 3,
  /** Seconds: the schedule duration, the validity of the profile, and the composite schedule asked for. */
  duration: 300,
  recurrencyKind: 'Daily',
  chargingLimitSource: 'EMS',
  chargingProfilePurpose: 'TxDefaultProfile',
  /** What the test system's station itself can deliver (Part 6 expects a composite limit of 10 without profiles). */
  hardwareLimit: { A: 10, W: 10_000 },
};


/** Remembers the configured values under their placeholder names, and the dates of a profile valid from now. */
export function configureSmartCharging(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the smart charging values are configured');
  const b = SMART_CHARGING_BENCH;
  const set = (name: string, value: unknown): void => c.memory.set(name, value);
  set('configured chargingProfileId', b.chargingProfileId);
  set('configured chargingProfileId2', b.chargingProfileId2);
  set('configured stackLevel', b.stackLevel);
  set('configured chargingRateUnit', b.chargingRateUnit);
  set('configured numberPhases', b.numberPhases);
  set('configured duration', b.duration);
  set('configured recurrencyKind', b.recurrencyKind);
  set('configured chargingLimitSource', b.chargingLimitSource);
  set('configured chargingProfilePurpose', b.chargingProfilePurpose);
  for (const amps of [6, 7, 8, 10, 20]) set(`limit ${amps}.0 or ${amps}000.0`, inUnit(amps, b.chargingRateUnit));
  const now = Date.now();
  c.memory.set('validFromAt', now);
  set('profile validFrom', formatOcppDateTime(new Date(now)));
  set('profile validTo', formatOcppDateTime(new Date(now + b.duration * 1000)));
}

function lastRequest(ctx: CsmsContext, action: string): InboxEntry {
  const entry = ctx.memory.get(`request:${action}`) as InboxEntry | undefined;
  if (!entry) throw new ScriptError(`no ${action}Request was received by an earlier step`);
  return entry;
}

/**
 * The profile is valid from now for the configured duration and its schedule starts now: the instants (whatever
 * their spelling) lie between the moment the values were configured and the moment the request arrived.
 */
export function profileDatesAreNow(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the charging profile starts now');
  const entry = lastRequest(c, 'SetChargingProfile');
  const profile = (entry.payload.chargingProfile ?? {}) as Json;
  const schedule = (((profile.chargingSchedule as Json[] | undefined) ?? [])[0] ?? {}) as Json;
  const from = Number(c.memory.get('validFromAt'));
  const problems: string[] = [];
  const near = (name: string, value: unknown, at: number): void => {
    const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    // Whole seconds are allowed: a CSMS may keep dates to the second.
    if (Number.isNaN(t) || t < Math.floor(at / 1000) * 1000 || t > entry.at + (at - from)) problems.push(`${name} should be ${new Date(at).toISOString()} but is ${JSON.stringify(value)}`);
  };
  near('chargingProfile.validFrom', profile.validFrom, from);
  near('chargingProfile.validTo', profile.validTo, from + SMART_CHARGING_BENCH.duration * 1000);
  near('chargingProfile.chargingSchedule[0].startSchedule', schedule.startSchedule, from);
  if (problems.length > 0) {
    throw new ExpectationFailed({
      expected: `a charging profile valid from now for ${SMART_CHARGING_BENCH.duration} s whose schedule starts now`,
      actual: problems.join('; '),
      frame: entry.frame,
      requirementIds: c.requirementIds,
    });
  }
}

/** Two SetChargingProfileRequests of this case: the second must (not) carry the id of the first. */
export function profileIdsCompared(ctx: ScenarioContext, same: boolean): void {
  const c = asCsms(ctx, 'the two charging profiles');
  const [a, b] = ((c.memory.get('requests:SetChargingProfile') as InboxEntry[] | undefined) ?? []).slice(-2);
  if (!a || !b) throw new ScriptError('two SetChargingProfileRequests must have been received by earlier steps');
  const first = (a.payload.chargingProfile as Json).id;
  check(c, 'SetChargingProfileRequest', b.payload, [['chargingProfile.id', same ? String(first) : `not ${String(first)}`]], b.frame);
}

/** The profiles the test system's station holds: those the CSMS set in this case and the station accepted. */
function installedProfiles(ctx: CsmsContext): Installed[] {
  const out: Installed[] = [];
  for (const e of (ctx.memory.get('requests:SetChargingProfile') as InboxEntry[] | undefined) ?? []) {
    if ((e.answer?.payload as Json | undefined)?.status !== 'Accepted') continue;
    const profile = e.payload.chargingProfile as unknown as Profile;
    const evseId = e.payload.evseId as number;
    for (let i = out.length - 1; i >= 0; i--) if (out[i]?.profile.id === profile.id) out.splice(i, 1);
    out.push({ evseId, profile });
  }
  return out;
}

/** From now on every SetChargingProfileRequest is answered with CALLERROR NotSupported (a station without smart charging). */
export function stationWithoutSmartCharging(ctx: ScenarioContext): void {
  const c = asCsms(ctx, "the test system's station does not support smart charging");
  const refuse = (): { error: OcppError } => {
    c.peer.armReply('SetChargingProfile', refuse);
    return { error: new OcppError('NotSupported', 'this station does not support smart charging') };
  };
  c.peer.armReply('SetChargingProfile', refuse);
}

/**
 * Answers the GetCompositeScheduleRequest received last with the composite schedule of the station's profiles (those
 * the CSMS set in this case) and its own limit, from now for the duration asked; the table says what Part 6 expects
 * that schedule to be on this bench (a mismatch means the bench is not what the case assumes: ERROR).
 */
export function answerCompositeSchedule(ctx: ScenarioContext, rows: Rows | undefined): void {
  const c = asCsms(ctx, 'the test system answers with its composite schedule');
  const entry = lastRequest(c, 'GetCompositeSchedule');
  const p = entry.payload;
  const unit = (p.chargingRateUnit as RateUnit | undefined) ?? SMART_CHARGING_BENCH.chargingRateUnit;
  const tx = c.peer.model.tx;
  const schedule = compositeSchedule(installedProfiles(c), {
    evseId: p.evseId as number,
    start: Date.now(),
    duration: p.duration as number,
    chargingRateUnit: unit,
    ...(tx && tx.evseId === p.evseId ? { transactionId: tx.id } : {}),
    hardwareLimit: SMART_CHARGING_BENCH.hardwareLimit,
  });
  const payload = { status: 'Accepted', schedule: { ...schedule, scheduleStart: formatOcppDateTime(new Date(schedule.scheduleStart)) } };
  c.memory.set('composite limit', inUnit(SMART_CHARGING_BENCH.hardwareLimit.A, unit));
  try {
    if (rows && rows.length > 0) check(c, 'GetCompositeScheduleResponse', payload, asRows(rows));
  } catch (e) {
    if (e instanceof ExpectationFailed) throw new ScriptError(`the test system's composite schedule is not the one Part 6 expects on this bench: ${e.actual}`);
    throw e;
  }
  c.memory.set('reply:GetCompositeSchedule', { payload, at: Date.now() });
  c.peer.respond(entry, { payload });
}

/** One profile for a report: what the station holds matching the criteria, else the configured one shaped by them. */
function reportedProfile(ctx: CsmsContext, criteria: Json, evseId: number, purpose?: string): Json {
  const b = SMART_CHARGING_BENCH;
  const held = installedProfiles(ctx).find((i) => i.evseId === evseId && (criteria.chargingProfileId === undefined || (criteria.chargingProfileId as number[]).includes(i.profile.id)));
  if (held) return held.profile as unknown as Json;
  const ids = criteria.chargingProfileId as number[] | undefined;
  return {
    id: ids?.[0] ?? (ctx.memory.get('reported chargingProfileId') as number | undefined) ?? b.chargingProfileId,
    stackLevel: (criteria.stackLevel as number | undefined) ?? b.stackLevel,
    chargingProfilePurpose: purpose ?? (criteria.chargingProfilePurpose as string | undefined) ?? b.chargingProfilePurpose,
    chargingProfileKind: 'Relative',
    chargingSchedule: [{ id: 1, chargingRateUnit: b.chargingRateUnit, chargingSchedulePeriod: [{ startPeriod: 0, limit: inUnit(8, b.chargingRateUnit) }] }],
  };
}

/**
 * The station reports its profiles for the GetChargingProfilesRequest received last: one ReportChargingProfilesRequest
 * for the EVSE asked for, or one per configured EVSE (tbc on all but the last) when none was named; each answered.
 * `purpose` overrides the profile purpose (ChargingStationExternalConstraints, set by an external system).
 */
export async function reportChargingProfiles(ctx: ScenarioContext, purpose?: string): Promise<void> {
  const c = asCsms(ctx, 'the test system reports its charging profiles');
  const entry = lastRequest(c, 'GetChargingProfiles');
  const criteria = (entry.payload.chargingProfile ?? {}) as Json;
  const sources = criteria.chargingLimitSource as string[] | undefined;
  const source = purpose === 'ChargingStationExternalConstraints' ? SMART_CHARGING_BENCH.chargingLimitSource : (sources?.[0] ?? 'CSO');
  const evses = entry.payload.evseId !== undefined ? [entry.payload.evseId as number] : c.settings.evses.map((e) => e.id);
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (const [i, evseId] of evses.entries()) {
    const report = {
      requestId: entry.payload.requestId,
      chargingLimitSource: source,
      evseId,
      tbc: i < evses.length - 1,
      chargingProfile: [reportedProfile(c, criteria, evseId, purpose)],
    };
    c.memory.set('reported chargingProfileId', report.chargingProfile[0]?.id);
    const outcome = await c.peer.request('ReportChargingProfiles', report, c.requirementIds);
    c.memory.set('answer:ReportChargingProfiles', outcome.payload);
  }
}

/** A profile id the station made up and reported (K_05's memory state): the CSMS learns it only from the report. */
export function stationGeneratesProfileId(ctx: ScenarioContext): void {
  const c = asCsms(ctx, 'the station holds a profile of its own');
  const id = 500 + Math.floor(Math.random() * 400);
  c.memory.set('reported chargingProfileId', id);
  c.memory.set('generated chargingProfileId', id);
}

// ----- the mock ISO 15118 EV (src/states/csms-smart-charging.ts) -----------------------------------------------------

export const sendChargingNeeds = (ctx: ScenarioContext): Promise<void> => evNeeds(asCsms(ctx, 'the test system sends the charging needs of the EV'));
export const csmsSendsEvProfile = (ctx: ScenarioContext, rows: Rows | undefined): Promise<void> =>
  evProfile(asCsms(ctx, 'the CSMS sends a charging profile for the EV'), rows ? asRows(rows) : []);
export const sendEvSchedule = (ctx: ScenarioContext, exceeding: boolean): void => evSchedule(asCsms(ctx, 'the test system sends the EV charging schedule'), exceeding);
