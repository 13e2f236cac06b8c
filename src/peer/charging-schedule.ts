// Charging profiles as time functions, and the composite schedule of an EVSE (Part 2 K08): pure functions, no I/O.
//
// A profile's limit at an instant follows its validity window, its kind (Absolute from startSchedule, Relative from
// the transaction start or the window start, Recurring repeated daily or weekly from startSchedule), its schedule
// duration and the last period that has begun. Within a purpose the highest stack level that has a limit at that
// instant prevails; a TxProfile replaces the TxDefaultProfile; the composite is the lowest of the station-wide
// maximum, the external constraints, the transaction limit and the station's own hardware limit.

export type RateUnit = 'A' | 'W';

export interface SchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

export interface Schedule {
  startSchedule?: string;
  duration?: number;
  chargingRateUnit: RateUnit;
  chargingSchedulePeriod: SchedulePeriod[];
}

export interface Profile {
  id: number;
  stackLevel: number;
  chargingProfilePurpose: string;
  chargingProfileKind: string;
  recurrencyKind?: string;
  validFrom?: string;
  validTo?: string;
  transactionId?: string;
  chargingSchedule: Schedule[];
}

/** A profile as installed on a station: the EVSE it was set for (0 = the whole station). */
export interface Installed {
  evseId: number;
  profile: Profile;
}

export interface CompositeRequest {
  evseId: number;
  /** Start of the composite (ms since epoch). */
  start: number;
  /** Seconds. */
  duration: number;
  chargingRateUnit: RateUnit;
  /** Start of the running transaction on the EVSE (ms), if any: where Relative profiles begin. */
  transactionStart?: number;
  /** The running transaction, if any: a TxProfile for another transaction does not apply. */
  transactionId?: string;
  /** What the station itself can deliver, in both units. */
  hardwareLimit?: { A: number; W: number };
  /** Volts per phase, to convert between A and W (default 230). */
  voltage?: number;
}

export interface CompositeSchedule {
  evseId: number;
  duration: number;
  scheduleStart: string;
  chargingRateUnit: RateUnit;
  chargingSchedulePeriod: Array<{ startPeriod: number; limit: number }>;
}

const DAY_MS = 86_400_000;
const PERIOD_MS: Record<string, number> = { Daily: DAY_MS, Weekly: 7 * DAY_MS };

const ms = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

/** The instants at which the profile's schedule (re)starts, around [from, to). */
function scheduleStarts(p: Profile, from: number, to: number, relativeStart: number): number[] {
  const s = p.chargingSchedule[0];
  if (!s) return [];
  if (p.chargingProfileKind === 'Relative') return [relativeStart];
  const base = ms(s.startSchedule) ?? ms(p.validFrom);
  if (base === undefined) return [];
  if (p.chargingProfileKind !== 'Recurring') return [base];
  const period = PERIOD_MS[p.recurrencyKind ?? ''];
  if (!period) return [base];
  const out: number[] = [];
  for (let k = Math.floor((from - base) / period) - 1; base + k * period < to; k++) out.push(base + k * period);
  return out;
}

/** The profile's period in force at instant t (ms), converted to nothing yet; undefined when it sets no limit then. */
export function periodAt(p: Profile, t: number, relativeStart: number): { period: SchedulePeriod; unit: RateUnit } | undefined {
  const from = ms(p.validFrom);
  const until = ms(p.validTo);
  if ((from !== undefined && t < from) || (until !== undefined && t >= until)) return undefined;
  const s = p.chargingSchedule[0];
  if (!s) return undefined;
  const starts = scheduleStarts(p, t, t + 1, relativeStart).filter((x) => x <= t);
  const start = starts[starts.length - 1];
  if (start === undefined) return undefined;
  const offset = (t - start) / 1000;
  if (s.duration !== undefined && offset >= s.duration) return undefined;
  let found: SchedulePeriod | undefined;
  for (const period of [...s.chargingSchedulePeriod].sort((a, b) => a.startPeriod - b.startPeriod)) if (period.startPeriod <= offset) found = period;
  return found ? { period: found, unit: s.chargingRateUnit } : undefined;
}

function convert(limit: number, from: RateUnit, to: RateUnit, phases: number, voltage: number): number {
  if (from === to) return limit;
  return to === 'W' ? limit * voltage * phases : limit / (voltage * phases);
}

/** The highest stack level among `candidates` that sets a limit at t, in the requested unit. */
function prevailing(candidates: Installed[], t: number, req: CompositeRequest, relativeStart: number): number | undefined {
  const sorted = [...candidates].sort((a, b) => b.profile.stackLevel - a.profile.stackLevel);
  for (const c of sorted) {
    const hit = periodAt(c.profile, t, relativeStart);
    if (hit) return convert(hit.period.limit, hit.unit, req.chargingRateUnit, hit.period.numberPhases ?? 3, req.voltage ?? 230);
  }
  return undefined;
}

function limitAt(installed: Installed[], t: number, req: CompositeRequest): number | undefined {
  const relativeStart = req.transactionStart ?? req.start;
  const of = (purpose: string, evses: number[]): Installed[] =>
    installed.filter((i) => i.profile.chargingProfilePurpose === purpose && evses.includes(i.evseId));
  const limits: Array<number | undefined> = [
    prevailing(of('ChargingStationMaxProfile', [0]), t, req, relativeStart),
    prevailing(of('ChargingStationExternalConstraints', [0, req.evseId]), t, req, relativeStart),
  ];
  const txProfiles = of('TxProfile', [req.evseId]).filter((i) => req.evseId !== 0 && (i.profile.transactionId === undefined || i.profile.transactionId === req.transactionId));
  // A TxDefaultProfile for this EVSE replaces one for the whole station; a TxProfile replaces both.
  const tx =
    prevailing(txProfiles, t, req, relativeStart) ??
    (req.evseId !== 0 ? prevailing(of('TxDefaultProfile', [req.evseId]), t, req, relativeStart) : undefined) ??
    prevailing(of('TxDefaultProfile', [0]), t, req, relativeStart);
  limits.push(tx);
  if (req.hardwareLimit) limits.push(req.hardwareLimit[req.chargingRateUnit]);
  const set = limits.filter((l): l is number => l !== undefined);
  return set.length > 0 ? Math.min(...set) : undefined;
}

/** Every instant in (start, end) where some profile may change its limit. */
function changePoints(installed: Installed[], req: CompositeRequest, end: number): number[] {
  const points = new Set<number>([req.start]);
  const relativeStart = req.transactionStart ?? req.start;
  for (const { profile } of installed) {
    for (const x of [ms(profile.validFrom), ms(profile.validTo)]) if (x !== undefined) points.add(x);
    const s = profile.chargingSchedule[0];
    if (!s) continue;
    for (const start of scheduleStarts(profile, req.start, end, relativeStart)) {
      for (const p of s.chargingSchedulePeriod) points.add(start + p.startPeriod * 1000);
      if (s.duration !== undefined) points.add(start + s.duration * 1000);
    }
  }
  return [...points].filter((p) => p >= req.start && p < end).sort((a, b) => a - b);
}

/** Rounds to at most one decimal place (OCPP limits are decimals; a W value from A needs no more). */
const tidy = (n: number): number => Math.round(n * 10) / 10;

/**
 * The composite schedule of `req.evseId` from `req.start` for `req.duration` seconds. Periods begin at whole seconds
 * from the start; consecutive periods with the same limit are merged. No limit at all: an empty period list.
 */
export function compositeSchedule(installed: Installed[], req: CompositeRequest): CompositeSchedule {
  const end = req.start + req.duration * 1000;
  const periods: Array<{ startPeriod: number; limit: number }> = [];
  for (const t of changePoints(installed, req, end)) {
    const limit = limitAt(installed, t, req);
    if (limit === undefined) continue;
    const startPeriod = Math.floor((t - req.start) / 1000);
    const last = periods[periods.length - 1];
    if (last && last.limit === tidy(limit)) continue;
    if (last && last.startPeriod === startPeriod) last.limit = tidy(limit);
    else periods.push({ startPeriod, limit: tidy(limit) });
  }
  return {
    evseId: req.evseId,
    duration: req.duration,
    scheduleStart: new Date(req.start).toISOString(),
    chargingRateUnit: req.chargingRateUnit,
    chargingSchedulePeriod: periods,
  };
}

/**
 * Where an EV's schedule (periods from `evStart`) asks for more than the limit schedule allows: the first such
 * startPeriod of the EV schedule, or undefined when it stays within the limits. Same unit assumed for both.
 */
export function firstExcess(ev: SchedulePeriod[], limits: Profile, evStart: number, relativeStart: number): number | undefined {
  for (const p of ev) {
    const hit = periodAt(limits, evStart + p.startPeriod * 1000, relativeStart);
    if (hit && p.limit > hit.period.limit) return p.startPeriod;
  }
  return undefined;
}
