// Every named fault changes what goes on the wire in the way its description says.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallErrorResponse } from '../../../src/rpc/index.ts';
import { CallTimeoutError } from '../../../src/rpc/index.ts';
import { CSMS_FAULTS } from '../../../src/sim/csms/index.ts';
import { AVAILABLE_STATUS, post, simWithStation } from './helpers.ts';

const booted = simWithStation('F1');

describe('boot faults', () => {
  it('boot.wrongStatus turns Accepted into Rejected and Rejected into Accepted', async () => {
    const { sim, st: s } = await booted(['boot.wrongStatus'], { boot: { perIdentity: { F1: 'Rejected' } } }, false);
    expect((await s.boot()).status).toBe('Accepted');
    s.close();
    await sim.stop();
    const { st: s2 } = await booted(['boot.wrongStatus'], {}, false);
    expect((await s2.boot()).status).toBe('Rejected');
  });

  it('boot.noInterval omits interval; boot.zeroInterval sends 0', async () => {
    const { sim, st } = await booted(['boot.noInterval'], {}, false);
    const res = await st.conn.callDetailed('BootNotification', {
      reason: 'PowerUp',
      chargingStation: { model: 'M', vendorName: 'V' },
    });
    expect(res.payload).not.toHaveProperty('interval');
    expect(res.problems.length).toBeGreaterThan(0);
    st.close();
    await sim.stop();
    expect((await (await booted(['boot.zeroInterval'], {}, false)).st.boot()).interval).toBe(0);
  });

  it('boot.pendingSendsNothing: no provisioning request, acceptance still follows', async () => {
    const { sim, st: s } = await booted(['boot.pendingSendsNothing'], { boot: { status: 'Pending', pendingThenAccept: { afterMs: 0 } } }, false);
    const done = sim.waitFor('pendingWorkDone');
    expect((await s.boot()).status).toBe('Pending');
    await done;
    expect((await s.boot()).status).toBe('Accepted');
    expect(s.received).toEqual([]);
  });

  it('boot.pendingNeverAccepts keeps answering Pending', async () => {
    const { sim, st: s } = await booted(['boot.pendingNeverAccepts'], { boot: { status: 'Pending', pendingThenAccept: { afterMs: 0 } } }, false);
    const done = sim.waitFor('pendingWorkDone');
    expect((await s.boot()).status).toBe('Pending');
    await done;
    expect((await s.boot()).status).toBe('Pending');
  });

  it('boot.pendingAcceptsOtherRequests / boot.rejectedAcceptsOtherRequests answer instead of SecurityError', async () => {
    const { sim, st: s } = await booted(['boot.pendingAcceptsOtherRequests'], { boot: { status: 'Pending' } }, false);
    await s.boot();
    await expect(s.call('StatusNotification', AVAILABLE_STATUS())).resolves.toEqual({});
    s.close();
    await sim.stop();
    const { st: r } = await booted(['boot.rejectedAcceptsOtherRequests'], { boot: { status: 'Rejected' } }, false);
    expect((await r.boot()).status).toBe('Rejected');
    await expect(r.call('StatusNotification', AVAILABLE_STATUS())).resolves.toEqual({});
  });

  it('triggerBootWhenReady sends TriggerMessage(BootNotification) once the station may be accepted', async () => {
    const { st: s } = await booted([], { boot: { status: 'Pending', pendingThenAccept: { afterMs: 0 }, triggerBootWhenReady: true } }, false);
    expect((await s.boot()).status).toBe('Pending');
    expect(await s.nextRequest('TriggerMessage')).toEqual({ requestedMessage: 'BootNotification' });
    expect((await s.boot('Triggered')).status).toBe('Accepted');
  });
});

describe('message faults', () => {
  it('heartbeat.badCurrentTime sends six fraction digits, which the station side flags', async () => {
    const { st: s } = await booted(['heartbeat.badCurrentTime']);
    const out = await s.conn.callDetailed('Heartbeat', {});
    expect((out.payload as { currentTime: string }).currentTime).toMatch(/\.\d{6}Z$/);
    expect(out.problems.length).toBeGreaterThan(0);
  });

  it('auth.expiredAsAccepted and auth.noGroupIdToken', async () => {
    const { st: s } = await booted(['auth.expiredAsAccepted', 'auth.noGroupIdToken'], {
      tokens: [
        { idToken: 'E', type: 'ISO14443', status: 'Expired' },
        { idToken: 'G', type: 'ISO14443', status: 'Accepted', groupIdToken: 'GRP' },
      ],
    });
    expect(await s.call('Authorize', { idToken: { idToken: 'E', type: 'ISO14443' } })).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(await s.call('Authorize', { idToken: { idToken: 'G', type: 'ISO14443' } })).toEqual({ idTokenInfo: { status: 'Accepted' } });
  });
});

describe('rpc faults', () => {
  it('rpc.neverAnswer leaves every request unanswered', async () => {
    const { st: s } = await booted(['rpc.neverAnswer'], {}, false);
    const err = await s.conn.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } }, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallTimeoutError);
  });

  it('rpc.lateAnswer delays answers by timers.lateAnswerMs', async () => {
    const { st: s } = await booted(['rpc.lateAnswer'], { timers: { lateAnswerMs: 400 } }, false);
    const early = await s.conn.call('Heartbeat', {}, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(CallTimeoutError);
    const started = Date.now();
    await s.conn.call('Heartbeat', {}, { timeoutMs: 3_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('rpc.schemaInvalidResponse adds a forbidden property', async () => {
    const { st: s } = await booted(['rpc.schemaInvalidResponse'], {}, false);
    const out = await s.conn.callDetailed('Heartbeat', {});
    expect(out.payload).toHaveProperty('unexpectedProperty', true);
    expect(out.problems.length).toBeGreaterThan(0);
  });

  it('rpc.wrongCallErrorCode replaces SecurityError with GenericError', async () => {
    const { st: s } = await booted(['rpc.wrongCallErrorCode'], { boot: { status: 'Rejected' } });
    const err = await s.call('Heartbeat', {}).catch((e: unknown) => e);
    expect((err as CallErrorResponse).code).toBe('GenericError');
  });
});

describe('outgoing request faults', () => {
  it('variables.misspellNames and variables.setTargetAttribute', async () => {
    const { sim, st: s } = await booted(['variables.misspellNames', 'variables.setTargetAttribute']);
    const base = `${sim.operatorApiUrl!}/api/octt/2.0.1/F1`;
    await post(`${base}/get-variables`, { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
    expect(await s.nextRequest('GetVariables')).toEqual({ getVariableData: [{ component: { name: 'oCPPCommCtrlr' }, variable: { name: 'offlineThreshold' } }] });
    await post(`${base}/call/SetVariables`, { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '123' }] });
    expect(await s.nextRequest('SetVariables')).toEqual({
      setVariableData: [{ component: { name: 'oCPPCommCtrlr' }, variable: { name: 'offlineThreshold' }, attributeValue: '123', attributeType: 'Target' }],
    });
  });

  it('report.negativeRequestId, report.wrongReportBase, reset.wrongType', async () => {
    const { sim, st: s } = await booted(['report.negativeRequestId', 'report.wrongReportBase', 'reset.wrongType']);
    const base = `${sim.operatorApiUrl!}/api/octt/2.0.1/F1`;
    await post(`${base}/get-base-report`, { reportBase: 'FullInventory', requestId: 4 });
    expect(await s.nextRequest('GetBaseReport')).toEqual({ requestId: -1, reportBase: 'SummaryInventory' });
    await post(`${base}/call/Reset`, { type: 'OnIdle' });
    expect(await s.nextRequest('Reset')).toEqual({ type: 'Immediate' });
  });

  it('reset.withEvseId adds evseId to a station-wide Reset', async () => {
    const { sim, st: s } = await booted(['reset.withEvseId']);
    await post(`${sim.operatorApiUrl!}/api/octt/2.0.1/F1/call/Reset`, { type: 'OnIdle' });
    expect(await s.nextRequest('Reset')).toEqual({ type: 'OnIdle', evseId: 1 });
  });

  it('operator.ignoreTrigger answers the operator but sends nothing', async () => {
    const { sim, st: s } = await booted(['operator.ignoreTrigger']);
    const res = await post(`${sim.operatorApiUrl!}/api/octt/2.0.1/F1/call/Reset`, { type: 'OnIdle' });
    expect(res.json).toEqual({ ok: true, response: { status: 'Accepted' } });
    // A request the CSMS makes on its own still goes out, and arrives after nothing else.
    await sim.callStation('F1', 'ClearCache', {}, { origin: 'internal' });
    expect(s.received.map((r) => r.action)).toEqual(['ClearCache']);
  });
});

describe('fault registry', () => {
  it('every named fault is exercised by a test in this folder', () => {
    const dir = new URL('.', import.meta.url);
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n');
    const untested = Object.keys(CSMS_FAULTS).filter((name) => !text.includes(`'${name}'`));
    expect(untested).toEqual([]);
  });
});
