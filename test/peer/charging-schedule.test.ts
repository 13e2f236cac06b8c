import { describe, expect, it } from 'vitest';
import { compositeSchedule, firstExcess, periodAt } from '../../src/peer/charging-schedule.ts';
import type { Installed, Profile } from '../../src/peer/charging-schedule.ts';

const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const iso = (offsetS: number): string => new Date(T0 + offsetS * 1000).toISOString();

function profile(over: Partial<Profile> & { limits: Array<[number, number]>; duration?: number; unit?: 'A' | 'W' }): Profile {
  const { limits, duration, unit, ...rest } = over;
  return {
    id: 1,
    stackLevel: 0,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    chargingSchedule: [
      {
        startSchedule: iso(0),
        chargingRateUnit: unit ?? 'A',
        ...(duration !== undefined ? { duration } : {}),
        chargingSchedulePeriod: limits.map(([startPeriod, limit]) => ({ startPeriod, limit })),
      },
    ],
    ...rest,
  };
}

const req = { evseId: 1, start: T0, duration: 300, chargingRateUnit: 'A' as const };

describe('composite schedule', () => {
  it('is the station hardware limit when no profile is installed', () => {
    const c = compositeSchedule([], { ...req, hardwareLimit: { A: 10, W: 10000 } });
    expect(c.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 10 }]);
    expect(c.duration).toBe(300);
    expect(compositeSchedule([], { ...req, chargingRateUnit: 'W', hardwareLimit: { A: 10, W: 10000 } }).chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 10000 }]);
  });

  it('follows the periods of one absolute profile and ends with its duration', () => {
    const installed: Installed[] = [{ evseId: 1, profile: profile({ limits: [[0, 6], [60, 8]], duration: 120 }) }];
    expect(compositeSchedule(installed, { ...req, hardwareLimit: { A: 10, W: 10000 } }).chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 6 },
      { startPeriod: 60, limit: 8 },
      { startPeriod: 120, limit: 10 },
    ]);
  });

  it('takes the highest stack level, falling back to the lower one when it has ended', () => {
    const installed: Installed[] = [
      { evseId: 1, profile: profile({ id: 1, stackLevel: 0, limits: [[0, 16]] }) },
      { evseId: 1, profile: profile({ id: 2, stackLevel: 1, limits: [[0, 6]], duration: 100 }) },
    ];
    expect(compositeSchedule(installed, req).chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 6 },
      { startPeriod: 100, limit: 16 },
    ]);
  });

  it('lets a TxProfile replace the TxDefaultProfile and the station maximum cap both', () => {
    const installed: Installed[] = [
      { evseId: 0, profile: profile({ id: 1, limits: [[0, 16]] }) },
      { evseId: 1, profile: profile({ id: 2, chargingProfilePurpose: 'TxProfile', transactionId: 'tx1', limits: [[0, 20]] }) },
      { evseId: 0, profile: profile({ id: 3, chargingProfilePurpose: 'ChargingStationMaxProfile', limits: [[0, 32], [200, 12]] }) },
    ];
    expect(compositeSchedule(installed, { ...req, transactionId: 'tx1' }).chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 20 },
      { startPeriod: 200, limit: 12 },
    ]);
    // A TxProfile of another transaction does not apply.
    expect(compositeSchedule(installed, { ...req, transactionId: 'other' }).chargingSchedulePeriod[0]).toEqual({ startPeriod: 0, limit: 16 });
  });

  it('respects validFrom and validTo', () => {
    const installed: Installed[] = [{ evseId: 1, profile: profile({ validFrom: iso(30), validTo: iso(90), limits: [[0, 6]] }) }];
    expect(compositeSchedule(installed, { ...req, hardwareLimit: { A: 10, W: 10000 } }).chargingSchedulePeriod).toEqual([
      { startPeriod: 0, limit: 10 },
      { startPeriod: 30, limit: 6 },
      { startPeriod: 90, limit: 10 },
    ]);
  });

  it('starts a Relative profile at the transaction start and repeats a Recurring one', () => {
    const relative = profile({ chargingProfileKind: 'Relative', limits: [[0, 6], [50, 7]] });
    expect(periodAt(relative, T0 + 60_000, T0 + 20_000)?.period.limit).toBe(6);
    expect(periodAt(relative, T0 + 80_000, T0 + 20_000)?.period.limit).toBe(7);
    const daily = profile({ chargingProfileKind: 'Recurring', recurrencyKind: 'Daily', limits: [[0, 6], [3600, 9]] });
    expect(periodAt(daily, T0 + 86_400_000 + 10_000, T0)?.period.limit).toBe(6);
    expect(periodAt(daily, T0 + 86_400_000 + 3_700_000, T0)?.period.limit).toBe(9);
    expect(periodAt(daily, T0 - 86_400_000 + 3_700_000, T0)?.period.limit).toBe(9);
  });

  it('converts between A and W per phase', () => {
    const installed: Installed[] = [{ evseId: 1, profile: profile({ limits: [[0, 6900]], unit: 'W' }) }];
    expect(compositeSchedule(installed, req).chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 10 }]);
  });

  it('finds where an EV schedule exceeds a profile', () => {
    const limits = profile({ limits: [[0, 6], [100, 8]] });
    expect(firstExcess([{ startPeriod: 0, limit: 6 }, { startPeriod: 100, limit: 8 }], limits, T0, T0)).toBeUndefined();
    expect(firstExcess([{ startPeriod: 0, limit: 6 }, { startPeriod: 120, limit: 9 }], limits, T0, T0)).toBe(120);
  });
});
