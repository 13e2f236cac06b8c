// Smart charging (Part 6 block K): this area's named faults and behaviour of the reference CSMS.
//
// Behaviour: SetChargingProfile, ClearChargingProfile, GetChargingProfiles and GetCompositeSchedule go out as the
// operator asks (operator API call/{Action}); what the station accepted is remembered (smart-charging-store.ts):
// installed profiles (also the one of an accepted RequestStartTransaction), cleared ones removed, reports filed per
// requestId, composite schedules kept. NotifyChargingLimit and ClearedChargingLimit are acknowledged and kept. For an
// ISO 15118 EV the CSMS levels the load itself: NotifyEVChargingNeeds is Accepted and followed by a TxProfile for the
// transaction on that EVSE; an EV schedule (NotifyEVChargingSchedule) that asks for more than that profile allows is
// Rejected and the CSMS sends its profile again (renegotiation); one within the limits is Accepted.
import type { CsmsFaultSet } from '../faults.ts';
import type { Handler, HandlerContext } from '../handlers.ts';
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { arr, int, obj, text } from '../json.ts';
import { clear, evScheduleExceeds, fileReport, install, noteComposite, noteLimit, planTxProfile, smartChargingOf, txProfileOn } from './smart-charging-store.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'smartCharging.stackLevelOffByOne': 'outgoing SetChargingProfile requests carry a stackLevel one higher than asked',
  'smartCharging.limitInKilo': 'outgoing charging profiles (SetChargingProfile, RequestStartTransaction) carry every limit divided by 1000',
  'smartCharging.stationWideOnEvse1': 'outgoing SetChargingProfile requests for the whole station (evseId 0) go to EVSE 1',
  'smartCharging.evseIdZeroBased': 'outgoing SetChargingProfile requests count EVSEs from 0 (evseId one lower than asked, for EVSEs above 0)',
  'smartCharging.kindAlwaysAbsolute': 'outgoing charging profiles are always of kind Absolute, without recurrencyKind',
  'smartCharging.defaultAsTxProfile': 'outgoing SetChargingProfile requests turn a TxDefaultProfile into a TxProfile',
  'smartCharging.freshProfileId': 'an outgoing SetChargingProfile whose chargingProfile.id was sent before gets a new id (a replacement becomes an extra profile)',
  'smartCharging.reuseProfileId': 'outgoing SetChargingProfile requests reuse the chargingProfile.id of the previous one sent',
  'smartCharging.transactionIdDropped': 'outgoing SetChargingProfile requests of a TxProfile leave out the transactionId',
  'smartCharging.remoteStartProfileWithTransactionId': 'the chargingProfile of an outgoing RequestStartTransaction carries a transactionId',
  'smartCharging.clearByIdWithCriteria': 'outgoing ClearChargingProfile requests with a chargingProfileId also carry criteria (purpose TxDefaultProfile)',
  'smartCharging.clearWithoutStackLevel': 'outgoing ClearChargingProfile requests leave the stackLevel out of their criteria',
  'smartCharging.getProfilesEvseDropped': 'outgoing GetChargingProfiles requests leave out the evseId',
  'smartCharging.getProfilesEvseZero': 'outgoing GetChargingProfiles requests without evseId ask for EVSE 0',
  'smartCharging.getProfilesCriteriaEmptied': 'outgoing GetChargingProfiles requests carry an empty chargingProfile criterion',
  'smartCharging.getProfilesRequestIdZero': 'outgoing GetChargingProfiles requests carry requestId 0, whatever the operator chose',
  'smartCharging.refuseContinuedReport': 'a ReportChargingProfiles with tbc true is answered with a CALLERROR',
  'smartCharging.refuseReportOfOtherSource': 'a ReportChargingProfiles whose chargingLimitSource is not CSO is answered with a CALLERROR',
  'smartCharging.compositeEvseSwapped': 'outgoing GetCompositeSchedule requests ask for EVSE 1 instead of 0, and for 0 instead of any other EVSE',
  'smartCharging.compositeUnitSwapped': 'outgoing GetCompositeSchedule requests ask for W instead of A and A instead of W',
  'smartCharging.refuseExternalLimit': 'a NotifyChargingLimit is answered with a CALLERROR',
  'smartCharging.refuseClearedLimit': 'a ClearedChargingLimit is answered with a CALLERROR',
  'smartCharging.refuseRateChanged': 'a TransactionEvent with triggerReason ChargingRateChanged is answered with a CALLERROR',
  'smartCharging.ignoreChargingNeeds': 'a NotifyEVChargingNeeds is Accepted but no charging profile follows',
  'smartCharging.chargingNeedsRejected': 'a NotifyEVChargingNeeds is answered Rejected',
  'smartCharging.acceptAnyEvSchedule': 'a NotifyEVChargingSchedule is Accepted even when it exceeds the limits the CSMS set',
  'smartCharging.rejectEvSchedule': 'a NotifyEVChargingSchedule is always answered Rejected',
  'smartCharging.noRenegotiation': 'after rejecting an EV schedule the CSMS sends no new charging profile',
  'smartCharging.ignoreRenegotiationNeeds': 'a NotifyEVChargingNeeds for a transaction that already has a TxProfile is Accepted but no new profile follows',
  'smartCharging.evScheduleAgainstOwnPlan': 'an EV schedule is judged against the last profile the CSMS planned itself, not the newest one installed (e.g. by an operator)',
} as const satisfies Record<string, string>;

/** The id of the previous SetChargingProfile sent, per simulator (its fault set) — for smartCharging.reuseProfileId. */
const previousId = new WeakMap<CsmsFaultSet, number>();
const sentIds = new WeakMap<CsmsFaultSet, Set<number>>();

/** The open transaction on an EVSE, as the core tracks it. */
function transactionOn(station: StationRecord, evseId: number): string | undefined {
  const open = [...station.transactions.values()].filter((t) => t.evseId === evseId && t.state !== 'Ended');
  return open[open.length - 1]?.transactionId;
}

/** Sends the CSMS's TxProfile for the EV on `evseId` (after our answer is on the wire). */
function sendTxProfile(ctx: HandlerContext, evseId: number): void {
  const call = ctx.callStation;
  if (!call) return;
  ctx.later(async () => {
    const state = smartChargingOf(ctx.station);
    const transactionId = transactionOn(ctx.station, evseId);
    const needs = state.needs.get(evseId);
    if (transactionId === undefined || needs === undefined) return;
    const profile = planTxProfile(state, needs, transactionId);
    state.planned.set(evseId, profile);
    await call('SetChargingProfile', { evseId, chargingProfile: profile });
  });
}

const notifyEVChargingNeeds: Handler = (ctx, p) => {
  const evseId = int(p.evseId) ?? 0;
  smartChargingOf(ctx.station).needs.set(evseId, obj(p.chargingNeeds));
  ctx.station.note('NotifyEVChargingNeeds', p);
  if (ctx.opts.faults.has('smartCharging.chargingNeedsRejected')) return { status: 'Rejected' };
  const state = smartChargingOf(ctx.station);
  const renegotiation = txProfileOn(state, evseId)?.transactionId === transactionOn(ctx.station, evseId);
  const ignored = ctx.opts.faults.has('smartCharging.ignoreChargingNeeds') || (renegotiation && ctx.opts.faults.has('smartCharging.ignoreRenegotiationNeeds'));
  if (!ignored) sendTxProfile(ctx, evseId);
  return { status: 'Accepted' };
};

const notifyEVChargingSchedule: Handler = async (ctx, p) => {
  // The station may send the EV's schedule in the same network read as its answer to our SetChargingProfile; one
  // turn of the event loop lets that answer be learnt first, so the schedule is judged against that profile.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const f = ctx.opts.faults;
  const evseId = int(p.evseId) ?? 0;
  ctx.station.note('NotifyEVChargingSchedule', p);
  const state = smartChargingOf(ctx.station);
  const profile = f.has('smartCharging.evScheduleAgainstOwnPlan') ? state.planned.get(evseId) : txProfileOn(state, evseId);
  const exceeds = profile !== undefined && evScheduleExceeds(obj(p.chargingSchedule), profile);
  if (f.has('smartCharging.rejectEvSchedule') || (exceeds && !f.has('smartCharging.acceptAnyEvSchedule'))) {
    if (exceeds && !f.has('smartCharging.noRenegotiation')) sendTxProfile(ctx, evseId);
    return { status: 'Rejected' };
  }
  return { status: 'Accepted' };
};

const reportChargingProfiles: Handler = (ctx, p) => {
  fileReport(smartChargingOf(ctx.station), p);
  return {};
};

const notifyChargingLimit: Handler = (ctx, p) => {
  noteLimit(smartChargingOf(ctx.station), 'set', text(obj(p.chargingLimit).chargingLimitSource), int(p.evseId));
  ctx.station.note('NotifyChargingLimit', p);
  return {};
};

const clearedChargingLimit: Handler = (ctx, p) => {
  noteLimit(smartChargingOf(ctx.station), 'cleared', text(p.chargingLimitSource), int(p.evseId));
  ctx.station.note('ClearedChargingLimit', p);
  return {};
};

function answer(ctx: HandlerContext, action: string, request: Json, response: Json): Json {
  const f = ctx.opts.faults;
  if (action === 'ReportChargingProfiles') {
    if (f.has('smartCharging.refuseContinuedReport') && request.tbc === true) throw new SimCallError('GenericError', 'continued reports (tbc) are not supported');
    if (f.has('smartCharging.refuseReportOfOtherSource') && request.chargingLimitSource !== 'CSO') {
      throw new SimCallError('PropertyConstraintViolation', `chargingLimitSource ${text(request.chargingLimitSource)} is not supported`);
    }
  }
  if (action === 'NotifyChargingLimit' && f.has('smartCharging.refuseExternalLimit')) throw new SimCallError('NotSupported', 'external charging limits are not supported');
  if (action === 'ClearedChargingLimit' && f.has('smartCharging.refuseClearedLimit')) throw new SimCallError('NotSupported', 'cleared charging limits are not supported');
  if (action === 'TransactionEvent' && request.triggerReason === 'ChargingRateChanged' && f.has('smartCharging.refuseRateChanged')) {
    throw new SimCallError('PropertyConstraintViolation', 'triggerReason ChargingRateChanged is not supported');
  }
  return response;
}

/** Faults on a charging profile on its way out (SetChargingProfile or RequestStartTransaction). */
function alterProfile(faults: CsmsFaultSet, profile: Json): void {
  if (faults.has('smartCharging.limitInKilo')) {
    for (const s of arr(profile.chargingSchedule)) for (const p of arr(obj(s).chargingSchedulePeriod)) if (typeof obj(p).limit === 'number') obj(p).limit = (obj(p).limit as number) / 1000;
  }
  if (faults.has('smartCharging.kindAlwaysAbsolute')) {
    profile.chargingProfileKind = 'Absolute';
    delete profile.recurrencyKind;
  }
}

function outgoing(faults: CsmsFaultSet, action: string, p: Json): void {
  if (action === 'SetChargingProfile' && p.chargingProfile !== null && typeof p.chargingProfile === 'object') {
    const profile = p.chargingProfile as Json;
    alterProfile(faults, profile);
    if (faults.has('smartCharging.stackLevelOffByOne') && typeof profile.stackLevel === 'number') profile.stackLevel += 1;
    if (faults.has('smartCharging.stationWideOnEvse1') && p.evseId === 0) p.evseId = 1;
    if (faults.has('smartCharging.evseIdZeroBased') && typeof p.evseId === 'number' && p.evseId > 0) p.evseId -= 1;
    if (faults.has('smartCharging.defaultAsTxProfile') && profile.chargingProfilePurpose === 'TxDefaultProfile') profile.chargingProfilePurpose = 'TxProfile';
    if (faults.has('smartCharging.transactionIdDropped') && profile.chargingProfilePurpose === 'TxProfile') delete profile.transactionId;
    const sent = sentIds.get(faults) ?? new Set<number>();
    sentIds.set(faults, sent);
    if (faults.has('smartCharging.freshProfileId') && typeof profile.id === 'number' && sent.has(profile.id)) profile.id = Math.max(...sent) + 1;
    if (typeof profile.id === 'number') sent.add(profile.id);
    const previous = previousId.get(faults);
    if (typeof profile.id === 'number') previousId.set(faults, profile.id);
    if (faults.has('smartCharging.reuseProfileId') && previous !== undefined) profile.id = previous;
  }
  if (action === 'RequestStartTransaction' && p.chargingProfile !== null && typeof p.chargingProfile === 'object') {
    const profile = p.chargingProfile as Json;
    alterProfile(faults, profile);
    if (faults.has('smartCharging.remoteStartProfileWithTransactionId')) profile.transactionId = 'remote-start';
  }
  if (action === 'ClearChargingProfile') {
    if (faults.has('smartCharging.clearByIdWithCriteria') && p.chargingProfileId !== undefined) p.chargingProfileCriteria = { chargingProfilePurpose: 'TxDefaultProfile' };
    if (faults.has('smartCharging.clearWithoutStackLevel') && p.chargingProfileCriteria !== undefined) delete obj(p.chargingProfileCriteria).stackLevel;
  }
  if (action === 'GetChargingProfiles') {
    if (faults.has('smartCharging.getProfilesEvseDropped')) delete p.evseId;
    else if (faults.has('smartCharging.getProfilesEvseZero') && p.evseId === undefined) p.evseId = 0;
    if (faults.has('smartCharging.getProfilesCriteriaEmptied')) p.chargingProfile = {};
    if (faults.has('smartCharging.getProfilesRequestIdZero')) p.requestId = 0;
  }
  if (action === 'GetCompositeSchedule') {
    if (faults.has('smartCharging.compositeEvseSwapped')) p.evseId = p.evseId === 0 ? 1 : 0;
    if (faults.has('smartCharging.compositeUnitSwapped')) p.chargingRateUnit = p.chargingRateUnit === 'A' ? 'W' : 'A';
  }
}

function learn(station: StationRecord, action: string, request: Json, response: Json): void {
  const state = smartChargingOf(station);
  const accepted = response.status === 'Accepted';
  switch (action) {
    case 'SetChargingProfile':
      if (accepted) install(state, int(request.evseId) ?? 0, obj(request.chargingProfile));
      return;
    case 'RequestStartTransaction':
      if (accepted && request.chargingProfile !== undefined) install(state, int(request.evseId) ?? 0, obj(request.chargingProfile));
      return;
    case 'ClearChargingProfile':
      if (accepted) clear(state, request);
      return;
    case 'GetChargingProfiles': {
      const requestId = int(request.requestId);
      if (requestId === undefined) return;
      const report = state.reports.get(requestId) ?? { requestId, profiles: [], complete: false };
      report.requestStatus = text(response.status);
      state.reports.set(requestId, report);
      return;
    }
    case 'GetCompositeSchedule':
      if (accepted && response.schedule !== undefined) noteComposite(state, obj(response.schedule));
      return;
    default:
      return;
  }
}

export const AREA: CsmsArea = {
  name: 'smart-charging',
  handlers: {
    NotifyEVChargingNeeds: notifyEVChargingNeeds,
    NotifyEVChargingSchedule: notifyEVChargingSchedule,
    ReportChargingProfiles: reportChargingProfiles,
    NotifyChargingLimit: notifyChargingLimit,
    ClearedChargingLimit: clearedChargingLimit,
  },
  answer,
  outgoing,
  learn,
};
