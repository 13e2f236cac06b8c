// Scenarios for the reference CSMS's core faults (boot, heartbeat, authorization, transactions, RPC, outgoing requests):
// each switches its fault on against the reference CSMS, with a scripted station, and sees the deviation on the wire or
// in the simulator's state. faults.test.ts runs them and requires one for every fault no fault-matrix row covers.
import { expect } from 'vitest';
import type { CallErrorResponse } from '../../../src/rpc/index.ts';
import { CallTimeoutError } from '../../../src/rpc/index.ts';
import { AVAILABLE_STATUS, post } from './helpers.ts';
import type { SimStarter } from './helpers.ts';

export type FaultScenario = (start: SimStarter) => Promise<void>;

const BOOT = { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } };
const OFFLINE = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };

function txEvent(seqNo: number, eventType: string): Record<string, unknown> {
  return {
    eventType,
    timestamp: new Date().toISOString(),
    triggerReason: eventType === 'Started' ? 'CablePluggedIn' : 'ChargingStateChanged',
    seqNo,
    transactionInfo: { transactionId: 'TX-GAP', chargingState: 'Charging' },
    evse: { id: 1, connectorId: 1 },
  };
}

/** The operator API base of station F1 (the identity faults.test.ts connects as). */
const api = (operatorApiUrl: string | undefined, tail: string): string => `${operatorApiUrl ?? ''}/api/octt/2.0.1/F1${tail}`;

export const CORE_FAULT_SCENARIOS: Record<string, FaultScenario> = {
  'boot.wrongStatus': async (start) => {
    const { sim, st } = await start(['boot.wrongStatus'], { boot: { perIdentity: { F1: 'Rejected' } } }, false);
    expect((await st.boot()).status).toBe('Accepted');
    st.close();
    await sim.stop();
    const { st: again } = await start(['boot.wrongStatus'], {}, false);
    expect((await again.boot()).status).toBe('Rejected');
  },
  'boot.noInterval': async (start) => {
    const { st } = await start(['boot.noInterval'], {}, false);
    const res = await st.conn.callDetailed('BootNotification', BOOT);
    expect(res.payload).not.toHaveProperty('interval');
    expect(res.problems.length).toBeGreaterThan(0);
  },
  'boot.zeroInterval': async (start) => {
    const { st } = await start(['boot.zeroInterval'], {}, false);
    const res = await st.boot();
    expect(res.status).toBe('Accepted');
    expect(res.interval).toBe(0);
  },
  'boot.pendingSendsNothing': async (start) => {
    const { sim, st } = await start(['boot.pendingSendsNothing'], { boot: { status: 'Pending', pendingThenAccept: { afterMs: 0 } } }, false);
    const done = sim.waitFor('pendingWorkDone');
    expect((await st.boot()).status).toBe('Pending');
    await done;
    expect((await st.boot()).status).toBe('Accepted');
    expect(st.received).toEqual([]);
  },
  'boot.pendingNeverAccepts': async (start) => {
    const { sim, st } = await start(['boot.pendingNeverAccepts'], { boot: { status: 'Pending', pendingThenAccept: { afterMs: 0 } } }, false);
    const done = sim.waitFor('pendingWorkDone');
    expect((await st.boot()).status).toBe('Pending');
    await done;
    expect((await st.boot()).status).toBe('Pending');
  },
  'boot.pendingAcceptsOtherRequests': async (start) => {
    const { st } = await start(['boot.pendingAcceptsOtherRequests'], { boot: { status: 'Pending' } }, false);
    await st.boot();
    await expect(st.call('StatusNotification', AVAILABLE_STATUS())).resolves.toEqual({});
  },
  'boot.rejectedAcceptsOtherRequests': async (start) => {
    const { st } = await start(['boot.rejectedAcceptsOtherRequests'], { boot: { status: 'Rejected' } }, false);
    expect((await st.boot()).status).toBe('Rejected');
    await expect(st.call('StatusNotification', AVAILABLE_STATUS())).resolves.toEqual({});
  },
  'heartbeat.badCurrentTime': async (start) => {
    const { st } = await start(['heartbeat.badCurrentTime']);
    const out = await st.conn.callDetailed('Heartbeat', {});
    expect((out.payload as { currentTime: string }).currentTime).toMatch(/\.\d{6}Z$/);
    expect(out.problems.length).toBeGreaterThan(0);
  },
  'auth.expiredAsAccepted': async (start) => {
    const { st } = await start(['auth.expiredAsAccepted'], { tokens: [{ idToken: 'E', type: 'ISO14443', status: 'Expired' }] });
    expect(await st.call('Authorize', { idToken: { idToken: 'E', type: 'ISO14443' } })).toEqual({ idTokenInfo: { status: 'Accepted' } });
  },
  'auth.noGroupIdToken': async (start) => {
    const { st } = await start(['auth.noGroupIdToken'], { tokens: [{ idToken: 'G', type: 'ISO14443', status: 'Accepted', groupIdToken: 'GRP' }] });
    expect(await st.call('Authorize', { idToken: { idToken: 'G', type: 'ISO14443' } })).toEqual({ idTokenInfo: { status: 'Accepted' } });
  },
  'tx.ignoreSeqNoGap': async (start) => {
    // seqNo 1 and 2 never arrive; the fault leaves the gap unrecorded (without it, missingSeqNos is [1, 2]).
    const { sim, st } = await start(['tx.ignoreSeqNoGap']);
    await st.call('TransactionEvent', txEvent(0, 'Started'));
    await st.call('TransactionEvent', txEvent(3, 'Updated'));
    expect(sim.station('F1')?.transactions[0]?.seqNos).toEqual([0, 3]);
    expect(sim.station('F1')?.transactions[0]?.missingSeqNos).toEqual([]);
  },
  'rpc.neverAnswer': async (start) => {
    const { st } = await start(['rpc.neverAnswer'], {}, false);
    const err = await st.conn.call('BootNotification', BOOT, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallTimeoutError);
  },
  'rpc.lateAnswer': async (start) => {
    const { st } = await start(['rpc.lateAnswer'], { timers: { lateAnswerMs: 400 } }, false);
    const early = await st.conn.call('Heartbeat', {}, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(CallTimeoutError);
    const started = Date.now();
    await st.conn.call('Heartbeat', {}, { timeoutMs: 3_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  },
  'rpc.schemaInvalidResponse': async (start) => {
    const { st } = await start(['rpc.schemaInvalidResponse'], {}, false);
    const out = await st.conn.callDetailed('Heartbeat', {});
    expect(out.payload).toHaveProperty('unexpectedProperty', true);
    expect(out.problems.length).toBeGreaterThan(0);
  },
  'rpc.wrongCallErrorCode': async (start) => {
    const { st } = await start(['rpc.wrongCallErrorCode'], { boot: { status: 'Rejected' } });
    const err = await st.call('Heartbeat', {}).catch((e: unknown) => e);
    expect((err as CallErrorResponse).code).toBe('GenericError');
  },
  'variables.misspellNames': async (start) => {
    const { sim, st } = await start(['variables.misspellNames']);
    await post(api(sim.operatorApiUrl, '/get-variables'), { getVariableData: [OFFLINE] });
    expect(await st.nextRequest('GetVariables')).toEqual({ getVariableData: [{ component: { name: 'oCPPCommCtrlr' }, variable: { name: 'offlineThreshold' } }] });
  },
  'variables.setTargetAttribute': async (start) => {
    const { sim, st } = await start(['variables.setTargetAttribute']);
    await post(api(sim.operatorApiUrl, '/call/SetVariables'), { setVariableData: [{ ...OFFLINE, attributeValue: '123' }] });
    expect(await st.nextRequest('SetVariables')).toEqual({ setVariableData: [{ ...OFFLINE, attributeValue: '123', attributeType: 'Target' }] });
  },
  'report.negativeRequestId': async (start) => {
    const { sim, st } = await start(['report.negativeRequestId']);
    await post(api(sim.operatorApiUrl, '/get-base-report'), { reportBase: 'FullInventory', requestId: 4 });
    expect(await st.nextRequest('GetBaseReport')).toEqual({ requestId: -1, reportBase: 'FullInventory' });
  },
  'report.wrongReportBase': async (start) => {
    const { sim, st } = await start(['report.wrongReportBase']);
    await post(api(sim.operatorApiUrl, '/get-base-report'), { reportBase: 'FullInventory', requestId: 4 });
    expect(await st.nextRequest('GetBaseReport')).toEqual({ requestId: 4, reportBase: 'SummaryInventory' });
  },
  'reset.wrongType': async (start) => {
    const { sim, st } = await start(['reset.wrongType']);
    await post(api(sim.operatorApiUrl, '/call/Reset'), { type: 'OnIdle' });
    expect(await st.nextRequest('Reset')).toEqual({ type: 'Immediate' });
  },
  'reset.withEvseId': async (start) => {
    const { sim, st } = await start(['reset.withEvseId']);
    await post(api(sim.operatorApiUrl, '/call/Reset'), { type: 'OnIdle' });
    expect(await st.nextRequest('Reset')).toEqual({ type: 'OnIdle', evseId: 1 });
  },
  'operator.ignoreTrigger': async (start) => {
    const { sim, st } = await start(['operator.ignoreTrigger']);
    const res = await post(api(sim.operatorApiUrl, '/call/Reset'), { type: 'OnIdle' });
    expect(res.json).toEqual({ ok: true, response: { status: 'Accepted' } });
    // A request the CSMS makes on its own still goes out, and arrives after nothing else.
    await sim.callStation('F1', 'ClearCache', {}, { origin: 'internal' });
    expect(st.received.map((r) => r.action)).toEqual(['ClearCache']);
  },
};
