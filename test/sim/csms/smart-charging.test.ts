// Smart-charging area of the reference CSMS: installed profiles follow what the station accepted, an ISO 15118 EV's
// needs are answered with a TxProfile for its transaction, an EV schedule above that profile is rejected and
// renegotiated, and the faults act where they say.
import { describe, expect, it } from 'vitest';
import { AREA } from '../../../src/sim/csms/areas/smart-charging.ts';
import { evScheduleExceeds, smartChargingOf } from '../../../src/sim/csms/areas/smart-charging-store.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { SimCallError } from '../../../src/sim/csms/handlers.ts';
import type { ResolvedOptions } from '../../../src/sim/csms/options.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';

type Json = Record<string, unknown>;

interface Harness {
  ctx: HandlerContext;
  calls: Array<{ action: string; payload: Json }>;
  runLater(): Promise<void>;
}

function harness(faults: string[] = []): Harness {
  const later: Array<() => Promise<void>> = [];
  const calls: Harness['calls'] = [];
  const station = new StationRecord('SC1');
  const faultSet = new CsmsFaultSet(faults);
  const ctx: HandlerContext = {
    station,
    opts: { faults: faultSet } as unknown as ResolvedOptions,
    version: '2.0.1',
    later: (fn) => later.push(fn),
    startPendingWork: () => undefined,
    sendCertificate: () => undefined,
    callStation: (action, payload) => {
      const wire = structuredClone(payload);
      AREA.outgoing?.(faultSet, action, wire, '2.0.1');
      calls.push({ action, payload: wire });
      AREA.learn?.(station, action, wire, { status: 'Accepted' }, faultSet);
      return Promise.resolve({ status: 'Accepted' });
    },
  };
  return {
    ctx,
    calls,
    runLater: async () => {
      for (const fn of later.splice(0)) await fn();
    },
  };
}

async function handle(ctx: HandlerContext, action: string, payload: Json): Promise<Json> {
  const response = await AREA.handlers![action]!(ctx, payload);
  return AREA.answer!(ctx, action, payload, response);
}

const profile = (id: number, purpose: string, stackLevel: number, limit: number): Json => ({
  id,
  stackLevel,
  chargingProfilePurpose: purpose,
  chargingProfileKind: 'Relative',
  chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] }],
});

function openTransaction(station: StationRecord, evseId = 1): void {
  station.transactions.set('tx1', { transactionId: 'tx1', evseId, state: 'Updated', startedMissing: false, events: [], seqNos: [], missingSeqNos: [], duplicateSeqNos: [], meterValueCount: 0 });
}

const NEEDS = { evseId: 1, chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase', acChargingParameters: { energyAmount: 20000, evMinCurrent: 6, evMaxCurrent: 32, evMaxVoltage: 400 } } };

describe('smart-charging area: installed profiles', () => {
  it('installs accepted profiles, replaces by id and by purpose + stack level, and clears by id or criteria', () => {
    const station = new StationRecord('SC1');
    const f = new CsmsFaultSet([]);
    const learn = (action: string, request: Json, status = 'Accepted'): void => AREA.learn!(station, action, request, { status }, f);
    learn('SetChargingProfile', { evseId: 1, chargingProfile: profile(1, 'TxDefaultProfile', 1, 6) });
    learn('SetChargingProfile', { evseId: 1, chargingProfile: profile(1, 'TxDefaultProfile', 1, 8) });
    learn('SetChargingProfile', { evseId: 1, chargingProfile: profile(2, 'TxDefaultProfile', 1, 7) });
    learn('SetChargingProfile', { evseId: 0, chargingProfile: profile(3, 'ChargingStationMaxProfile', 0, 16) });
    learn('SetChargingProfile', { evseId: 1, chargingProfile: profile(4, 'TxDefaultProfile', 2, 5) }, 'Rejected');
    const state = smartChargingOf(station);
    expect([...state.profiles.keys()].sort()).toEqual([2, 3]);
    learn('ClearChargingProfile', { chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 } });
    expect([...state.profiles.keys()]).toEqual([3]);
    learn('ClearChargingProfile', { chargingProfileId: 3 }, 'Unknown');
    expect([...state.profiles.keys()]).toEqual([3]);
    learn('ClearChargingProfile', { chargingProfileId: 3 });
    expect(state.profiles.size).toBe(0);
  });

  it('files reports by requestId until tbc is false', async () => {
    const { ctx } = harness();
    await handle(ctx, 'ReportChargingProfiles', { requestId: 7, chargingLimitSource: 'CSO', evseId: 1, tbc: true, chargingProfile: [profile(1, 'TxDefaultProfile', 1, 6)] });
    expect(smartChargingOf(ctx.station).reports.get(7)?.complete).toBe(false);
    await handle(ctx, 'ReportChargingProfiles', { requestId: 7, chargingLimitSource: 'CSO', evseId: 2, chargingProfile: [profile(2, 'TxDefaultProfile', 1, 6)] });
    expect(smartChargingOf(ctx.station).reports.get(7)).toMatchObject({ complete: true, profiles: [{ evseId: 1 }, { evseId: 2 }] });
  });
});

describe('smart-charging area: ISO 15118 load levelling', () => {
  it('answers charging needs with a TxProfile for the transaction, capped by the site limit', async () => {
    const h = harness();
    openTransaction(h.ctx.station);
    expect(await handle(h.ctx, 'NotifyEVChargingNeeds', NEEDS)).toEqual({ status: 'Accepted' });
    await h.runLater();
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]?.payload).toMatchObject({ evseId: 1, chargingProfile: { chargingProfilePurpose: 'TxProfile', transactionId: 'tx1' } });
    const sent = h.calls[0]?.payload.chargingProfile as Json;
    expect(((sent.chargingSchedule as Json[])[0]?.chargingSchedulePeriod as Json[])[0]).toEqual({ startPeriod: 0, limit: 16 });
  });

  it('rejects an EV schedule above the profile and renegotiates; accepts one within it', async () => {
    const h = harness();
    openTransaction(h.ctx.station);
    await handle(h.ctx, 'NotifyEVChargingNeeds', NEEDS);
    await h.runLater();
    const above = { evseId: 1, timeBase: new Date().toISOString(), chargingSchedule: { id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 18 }] } };
    expect(await handle(h.ctx, 'NotifyEVChargingSchedule', above)).toEqual({ status: 'Rejected' });
    await h.runLater();
    expect(h.calls).toHaveLength(2);
    const within = { ...above, chargingSchedule: { ...above.chargingSchedule, chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] } };
    expect(await handle(h.ctx, 'NotifyEVChargingSchedule', within)).toEqual({ status: 'Accepted' });
  });

  it('compares schedules in different units per phase', () => {
    const mine = profile(1, 'TxProfile', 0, 16);
    expect(evScheduleExceeds({ chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11_000 }] }, mine)).toBe(false);
    expect(evScheduleExceeds({ chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 12_000 }] }, mine)).toBe(true);
  });
});

describe('smart-charging area: faults', () => {
  it('ignoreChargingNeeds and noRenegotiation send nothing; rejectEvSchedule rejects a fitting schedule', async () => {
    const ignoring = harness(['smartCharging.ignoreChargingNeeds']);
    openTransaction(ignoring.ctx.station);
    await handle(ignoring.ctx, 'NotifyEVChargingNeeds', NEEDS);
    await ignoring.runLater();
    expect(ignoring.calls).toHaveLength(0);
    const rejecting = harness(['smartCharging.rejectEvSchedule']);
    openTransaction(rejecting.ctx.station);
    await handle(rejecting.ctx, 'NotifyEVChargingNeeds', NEEDS);
    await rejecting.runLater();
    const fitting = { evseId: 1, timeBase: new Date().toISOString(), chargingSchedule: { id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] } };
    expect(await handle(rejecting.ctx, 'NotifyEVChargingSchedule', fitting)).toEqual({ status: 'Rejected' });
  });

  it('refuses limits and continued reports with a CALLERROR under their faults', async () => {
    const h = harness(['smartCharging.refuseExternalLimit', 'smartCharging.refuseContinuedReport']);
    await expect(handle(h.ctx, 'NotifyChargingLimit', { chargingLimit: { chargingLimitSource: 'EMS' } })).rejects.toBeInstanceOf(SimCallError);
    await expect(handle(h.ctx, 'ReportChargingProfiles', { requestId: 1, chargingLimitSource: 'CSO', evseId: 1, tbc: true, chargingProfile: [] })).rejects.toBeInstanceOf(SimCallError);
  });

  it('alters outgoing requests only under their faults', () => {
    const out = (faults: string[], action: string, payload: Json): Json => {
      const p = structuredClone(payload);
      AREA.outgoing!(new CsmsFaultSet(faults), action, p, '2.0.1');
      return p;
    };
    const set = { evseId: 0, chargingProfile: profile(5, 'TxDefaultProfile', 1, 6) };
    expect(out([], 'SetChargingProfile', set)).toEqual(set);
    expect(out(['smartCharging.stationWideOnEvse1'], 'SetChargingProfile', set).evseId).toBe(1);
    expect((out(['smartCharging.defaultAsTxProfile'], 'SetChargingProfile', set).chargingProfile as Json).chargingProfilePurpose).toBe('TxProfile');
    expect(out(['smartCharging.getProfilesEvseZero'], 'GetChargingProfiles', { requestId: 1, chargingProfile: {} }).evseId).toBe(0);
    expect(out(['smartCharging.compositeUnitSwapped'], 'GetCompositeSchedule', { evseId: 1, duration: 300, chargingRateUnit: 'A' }).chargingRateUnit).toBe('W');
  });
});

describe('smart-charging area: the station-wide maximum caps the load levelling', () => {
  it('plans no more than the ChargingStationMaxProfile allows', async () => {
    const h = harness();
    openTransaction(h.ctx.station);
    AREA.learn!(h.ctx.station, 'SetChargingProfile', { evseId: 0, chargingProfile: profile(9, 'ChargingStationMaxProfile', 0, 12) }, { status: 'Accepted' }, new CsmsFaultSet([]));
    await handle(h.ctx, 'NotifyEVChargingNeeds', NEEDS);
    await h.runLater();
    const sent = h.calls[0]?.payload.chargingProfile as Json;
    expect(((sent.chargingSchedule as Json[])[0]?.chargingSchedulePeriod as Json[])[0]).toEqual({ startPeriod: 0, limit: 12 });
  });
});

describe('smart-charging area: every outgoing fault alters exactly what it says', () => {
  const out = (faults: string[], action: string, payload: Json): Json => {
    const p = structuredClone(payload);
    AREA.outgoing!(new CsmsFaultSet(faults), action, p, '2.0.1');
    return p;
  };
  const set = (evseId: number, purpose = 'TxDefaultProfile'): Json => ({ evseId, chargingProfile: { ...profile(5, purpose, 1, 6), transactionId: purpose === 'TxProfile' ? 'tx1' : undefined } });
  const periodLimit = (p: Json): unknown => (((p.chargingProfile as Json).chargingSchedule as Json[])[0]?.chargingSchedulePeriod as Json[])[0]?.limit;
  it.each([
    ['smartCharging.stackLevelOffByOne', (p: Json) => (p.chargingProfile as Json).stackLevel === 2],
    ['smartCharging.limitInKilo', (p: Json) => periodLimit(p) === 0.006],
    ['smartCharging.evseIdZeroBased', (p: Json) => p.evseId === 0],
    ['smartCharging.kindAlwaysAbsolute', (p: Json) => (p.chargingProfile as Json).chargingProfileKind === 'Absolute'],
  ])('%s', (fault, holds) => {
    expect(holds(out([], 'SetChargingProfile', set(1)))).toBe(false);
    expect(holds(out([fault], 'SetChargingProfile', set(1)))).toBe(true);
  });

  it('smartCharging.transactionIdDropped removes the transactionId of a TxProfile only', () => {
    expect((out(['smartCharging.transactionIdDropped'], 'SetChargingProfile', set(1, 'TxProfile')).chargingProfile as Json).transactionId).toBeUndefined();
    expect((out([], 'SetChargingProfile', set(1, 'TxProfile')).chargingProfile as Json).transactionId).toBe('tx1');
  });

  it('smartCharging.freshProfileId and smartCharging.reuseProfileId act on the ids of one simulator', () => {
    const fresh = new CsmsFaultSet(['smartCharging.freshProfileId']);
    const send = (faults: CsmsFaultSet, id: number): unknown => {
      const p = { evseId: 1, chargingProfile: profile(id, 'TxDefaultProfile', 1, 6) };
      AREA.outgoing!(faults, 'SetChargingProfile', p, '2.0.1');
      return p.chargingProfile.id;
    };
    expect(send(fresh, 101)).toBe(101);
    expect(send(fresh, 101)).not.toBe(101);
    const reuse = new CsmsFaultSet(['smartCharging.reuseProfileId']);
    expect(send(reuse, 101)).toBe(101);
    expect(send(reuse, 102)).toBe(101);
  });

  it('smartCharging.remoteStartProfileWithTransactionId adds a transactionId to the profile of a remote start', () => {
    const start = { idToken: { idToken: 'A', type: 'ISO14443' }, remoteStartId: 1, chargingProfile: profile(1, 'TxProfile', 0, 6) };
    expect((out([], 'RequestStartTransaction', start).chargingProfile as Json).transactionId).toBeUndefined();
    expect((out(['smartCharging.remoteStartProfileWithTransactionId'], 'RequestStartTransaction', start).chargingProfile as Json).transactionId).toBeDefined();
  });

  it('smartCharging.clearByIdWithCriteria and smartCharging.clearWithoutStackLevel', () => {
    expect(out(['smartCharging.clearByIdWithCriteria'], 'ClearChargingProfile', { chargingProfileId: 3 }).chargingProfileCriteria).toBeDefined();
    const byCriteria = { chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 } };
    expect((out(['smartCharging.clearWithoutStackLevel'], 'ClearChargingProfile', byCriteria).chargingProfileCriteria as Json).stackLevel).toBeUndefined();
    expect(out([], 'ClearChargingProfile', byCriteria)).toEqual(byCriteria);
  });

  it('smartCharging.getProfilesEvseDropped, smartCharging.getProfilesCriteriaEmptied, smartCharging.getProfilesRequestIdZero', () => {
    const get = { requestId: 9, evseId: 1, chargingProfile: { stackLevel: 1 } };
    expect(out([], 'GetChargingProfiles', get)).toEqual(get);
    expect(out(['smartCharging.getProfilesEvseDropped'], 'GetChargingProfiles', get).evseId).toBeUndefined();
    expect(out(['smartCharging.getProfilesCriteriaEmptied'], 'GetChargingProfiles', get).chargingProfile).toEqual({});
    expect(out(['smartCharging.getProfilesRequestIdZero'], 'GetChargingProfiles', get).requestId).toBe(0);
  });

  it('smartCharging.compositeEvseSwapped', () => {
    expect(out(['smartCharging.compositeEvseSwapped'], 'GetCompositeSchedule', { evseId: 0, duration: 300 }).evseId).toBe(1);
    expect(out(['smartCharging.compositeEvseSwapped'], 'GetCompositeSchedule', { evseId: 2, duration: 300 }).evseId).toBe(0);
  });
});

describe('smart-charging area: every answer fault refuses what it says', () => {
  it('smartCharging.refuseReportOfOtherSource, smartCharging.refuseClearedLimit, smartCharging.refuseRateChanged', async () => {
    const h = harness(['smartCharging.refuseReportOfOtherSource', 'smartCharging.refuseClearedLimit', 'smartCharging.refuseRateChanged']);
    await expect(handle(h.ctx, 'ReportChargingProfiles', { requestId: 1, chargingLimitSource: 'EMS', evseId: 1, chargingProfile: [] })).rejects.toBeInstanceOf(SimCallError);
    expect(await handle(h.ctx, 'ReportChargingProfiles', { requestId: 1, chargingLimitSource: 'CSO', evseId: 1, chargingProfile: [] })).toEqual({});
    await expect(handle(h.ctx, 'ClearedChargingLimit', { chargingLimitSource: 'EMS' })).rejects.toBeInstanceOf(SimCallError);
    expect(() => AREA.answer!(h.ctx, 'TransactionEvent', { triggerReason: 'ChargingRateChanged' }, {})).toThrow(SimCallError);
    expect(AREA.answer!(h.ctx, 'TransactionEvent', { triggerReason: 'Trigger' }, {})).toEqual({});
  });
});

describe('smart-charging area: load-levelling faults', () => {
  const above = { evseId: 1, timeBase: '2026-01-01T00:00:00.000Z', chargingSchedule: { id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 18 }] } };
  async function levelled(faults: string[]): Promise<Harness> {
    const h = harness(faults);
    openTransaction(h.ctx.station);
    await handle(h.ctx, 'NotifyEVChargingNeeds', NEEDS);
    await h.runLater();
    return h;
  }
  it('smartCharging.chargingNeedsRejected answers Rejected and plans nothing', async () => {
    const h = await levelled(['smartCharging.chargingNeedsRejected']);
    expect(h.calls).toHaveLength(0);
    expect(await handle(h.ctx, 'NotifyEVChargingNeeds', NEEDS)).toEqual({ status: 'Rejected' });
  });
  it('smartCharging.acceptAnyEvSchedule accepts a schedule above the limits', async () => {
    const h = await levelled(['smartCharging.acceptAnyEvSchedule']);
    expect(await handle(h.ctx, 'NotifyEVChargingSchedule', above)).toEqual({ status: 'Accepted' });
  });
  it('smartCharging.noRenegotiation rejects without a new profile', async () => {
    const h = await levelled(['smartCharging.noRenegotiation']);
    expect(await handle(h.ctx, 'NotifyEVChargingSchedule', above)).toEqual({ status: 'Rejected' });
    await h.runLater();
    expect(h.calls).toHaveLength(1);
  });
  it('smartCharging.ignoreRenegotiationNeeds plans the first profile but not a second one', async () => {
    const h = await levelled(['smartCharging.ignoreRenegotiationNeeds']);
    expect(h.calls).toHaveLength(1);
    await handle(h.ctx, 'NotifyEVChargingNeeds', NEEDS);
    await h.runLater();
    expect(h.calls).toHaveLength(1);
  });
  it('smartCharging.evScheduleAgainstOwnPlan judges against the planned profile, not a newer one', async () => {
    const h = await levelled(['smartCharging.evScheduleAgainstOwnPlan']);
    AREA.learn!(h.ctx.station, 'SetChargingProfile', { evseId: 1, chargingProfile: { ...profile(50, 'TxProfile', 0, 20), transactionId: 'tx1' } }, { status: 'Accepted' }, new CsmsFaultSet([]));
    expect(await handle(h.ctx, 'NotifyEVChargingSchedule', above)).toEqual({ status: 'Rejected' });
    const correct = await levelled([]);
    AREA.learn!(correct.ctx.station, 'SetChargingProfile', { evseId: 1, chargingProfile: { ...profile(50, 'TxProfile', 0, 20), transactionId: 'tx1' } }, { status: 'Accepted' }, new CsmsFaultSet([]));
    expect(await handle(correct.ctx, 'NotifyEVChargingSchedule', above)).toEqual({ status: 'Accepted' });
  });
});
