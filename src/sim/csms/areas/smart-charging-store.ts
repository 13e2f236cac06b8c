// What the reference CSMS knows about the charging profiles and limits of each station (Part 2 block K): the profiles
// it installed (by id; replaced by id, or by EVSE + purpose + stack level), cleared profiles removed, the reports of
// GetChargingProfiles by requestId, external limits the station reported, the EV's charging needs per EVSE, the
// composite schedules it was given, and its own load-levelling decision for an ISO 15118 EV.
import { arr, int, obj, perStation, text } from '../json.ts';
import type { StationRecord } from '../state.ts';

type Json = Record<string, unknown>;

export interface InstalledProfile {
  evseId: number;
  profile: Json;
}

export interface ProfileReport {
  requestId: number;
  requestStatus?: string;
  /** Profiles reported, with the EVSE and source of each report message. */
  profiles: Array<{ evseId: number; source: string; profile: Json }>;
  complete: boolean;
}

export interface ChargingLimitRecord {
  kind: 'set' | 'cleared';
  source: string;
  evseId?: number;
  at: string;
}

export interface SmartChargingState {
  profiles: Map<number, InstalledProfile>;
  reports: Map<number, ProfileReport>;
  limits: ChargingLimitRecord[];
  needs: Map<number, Json>;
  /** The TxProfile the CSMS planned itself for each EVSE (load levelling), as it asked for it. */
  planned: Map<number, Json>;
  composites: Json[];
}

const MAX_KEPT = 100;

export const smartChargingOf = perStation<StationRecord, SmartChargingState>(() => ({
  profiles: new Map(),
  reports: new Map(),
  limits: [],
  needs: new Map(),
  planned: new Map(),
  composites: [],
}));

function bounded<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_KEPT) list.splice(0, list.length - MAX_KEPT);
}

/** Installs a profile the station accepted: it replaces one with the same id, or the same EVSE, purpose and stack level. */
export function install(state: SmartChargingState, evseId: number, profile: Json): void {
  const id = int(profile.id);
  if (id === undefined) return;
  for (const [key, p] of state.profiles) {
    const same = p.evseId === evseId && p.profile.chargingProfilePurpose === profile.chargingProfilePurpose && p.profile.stackLevel === profile.stackLevel;
    if (key === id || (same && p.profile.transactionId === profile.transactionId)) state.profiles.delete(key);
  }
  state.profiles.set(id, { evseId, profile });
  if (state.profiles.size > MAX_KEPT) state.profiles.delete(state.profiles.keys().next().value as number);
}

/** Removes what a ClearChargingProfile the station accepted clears: by id, or every profile matching the criteria. */
export function clear(state: SmartChargingState, request: Json): void {
  const id = int(request.chargingProfileId);
  if (id !== undefined) {
    state.profiles.delete(id);
    return;
  }
  const c = obj(request.chargingProfileCriteria);
  for (const [key, p] of state.profiles) {
    if (c.evseId !== undefined && p.evseId !== c.evseId) continue;
    if (c.chargingProfilePurpose !== undefined && p.profile.chargingProfilePurpose !== c.chargingProfilePurpose) continue;
    if (c.stackLevel !== undefined && p.profile.stackLevel !== c.stackLevel) continue;
    state.profiles.delete(key);
  }
}

/** Files one ReportChargingProfiles message under its requestId. */
export function fileReport(state: SmartChargingState, p: Json): void {
  const requestId = int(p.requestId);
  if (requestId === undefined) return;
  const report = state.reports.get(requestId) ?? { requestId, profiles: [], complete: false };
  for (const profile of arr(p.chargingProfile)) {
    if (report.profiles.length < MAX_KEPT) report.profiles.push({ evseId: int(p.evseId) ?? 0, source: text(p.chargingLimitSource), profile: obj(profile) });
  }
  if (p.tbc !== true) report.complete = true;
  state.reports.set(requestId, report);
}

export function noteLimit(state: SmartChargingState, kind: ChargingLimitRecord['kind'], source: string, evseId: number | undefined): void {
  bounded(state.limits, { kind, source, ...(evseId !== undefined ? { evseId } : {}), at: new Date().toISOString() });
}

export function noteComposite(state: SmartChargingState, schedule: Json): void {
  bounded(state.composites, schedule);
}

/** The CSMS's grid-connection limit for one EVSE when it levels the load of an ISO 15118 EV. */
const SITE_LIMIT = { A: 16, W: 11_000 };

/** The newest TxProfile installed for the EVSE, if any. */
export function txProfileOn(state: SmartChargingState, evseId: number): Json | undefined {
  const all = [...state.profiles.values()].filter((p) => p.evseId === evseId && p.profile.chargingProfilePurpose === 'TxProfile');
  return all[all.length - 1]?.profile;
}

/** The first limit of the station-wide maximum profile of the highest stack level installed, in `unit` (if any). */
function stationMaximum(state: SmartChargingState, unit: 'A' | 'W'): number | undefined {
  const max = [...state.profiles.values()]
    .filter((p) => p.evseId === 0 && p.profile.chargingProfilePurpose === 'ChargingStationMaxProfile')
    .sort((a, b) => Number(b.profile.stackLevel) - Number(a.profile.stackLevel))[0];
  const schedule = obj(arr(max?.profile.chargingSchedule)[0]);
  const limit = obj(arr(schedule.chargingSchedulePeriod)[0]).limit;
  if (typeof limit !== 'number') return undefined;
  return schedule.chargingRateUnit === unit ? limit : unit === 'A' ? limit / 690 : limit * 690;
}

/**
 * A TxProfile for the transaction on the EVSE from the EV's charging needs: one period at the lowest of what the EV
 * can take, the site limit and the station-wide maximum profile (DC needs in W, AC in A), starting now.
 */
export function planTxProfile(state: SmartChargingState, needs: Json, transactionId: string): Json {
  const dc = obj(needs.dcChargingParameters);
  const ac = obj(needs.acChargingParameters);
  const unit: 'A' | 'W' = needs.dcChargingParameters !== undefined ? 'W' : 'A';
  const evMax = unit === 'W' ? (typeof dc.evMaxPower === 'number' ? dc.evMaxPower : undefined) : typeof ac.evMaxCurrent === 'number' ? ac.evMaxCurrent : undefined;
  const limit = Math.min(evMax ?? SITE_LIMIT[unit], SITE_LIMIT[unit], stationMaximum(state, unit) ?? Infinity);
  const ids = [...state.profiles.keys()];
  const id = (ids.length > 0 ? Math.max(...ids) : 0) + 1;
  return {
    id,
    stackLevel: 0,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Absolute',
    transactionId,
    chargingSchedule: [{ id: 1, startSchedule: new Date().toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit }] }],
  };
}

/** Limit in force `offset` seconds into a schedule's periods (the last period that has begun). */
function limitAtOffset(periods: Json[], offset: number): number | undefined {
  let found: number | undefined;
  for (const p of [...periods].sort((a, b) => Number(a.startPeriod) - Number(b.startPeriod))) {
    if (Number(p.startPeriod) <= offset && typeof p.limit === 'number') found = p.limit;
  }
  return found;
}

/** Whether the EV's schedule asks, at some moment, for more than the TxProfile allows (both counted from their start). */
export function evScheduleExceeds(evSchedule: Json, profile: Json): boolean {
  const mine = obj(arr(profile.chargingSchedule)[0]);
  const limits = arr(mine.chargingSchedulePeriod).map(obj);
  const factor = mine.chargingRateUnit === evSchedule.chargingRateUnit ? 1 : mine.chargingRateUnit === 'A' ? 1 / 690 : 690;
  return arr(evSchedule.chargingSchedulePeriod)
    .map(obj)
    .some((p) => {
      const allowed = limitAtOffset(limits, Number(p.startPeriod));
      return allowed !== undefined && typeof p.limit === 'number' && p.limit * factor > allowed;
    });
}
