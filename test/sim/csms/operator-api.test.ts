// The operator-trigger HTTP API end to end: HTTP -> CSMS -> station -> CSMS -> HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OcppError } from '../../../src/rpc/index.ts';
import { startCsmsSim } from '../../../src/sim/csms/index.ts';
import type { CsmsSim, CsmsSimOptions } from '../../../src/sim/csms/index.ts';
import { openStation, post } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

let sim: CsmsSim;
let st: ScriptedStation;
let api: string;

async function setup(opts: CsmsSimOptions = {}, handlers: Parameters<typeof openStation>[2] = {}): Promise<void> {
  sim = await startCsmsSim({ timers: { callTimeoutMs: 1_000 }, ...opts });
  st = await openStation(sim.url, 'OP1', handlers);
  await st.boot();
  api = `${sim.operatorApiUrl!}/api/octt/2.0.1/OP1`;
}

afterEach(async () => {
  st?.close();
  await sim?.stop();
});

describe('call/{Action}', () => {
  beforeEach(() => setup());

  it('sends GetVariables to the station and returns its answer', async () => {
    const getVariableData = [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }];
    const res = await post(`${api}/call/GetVariables`, { getVariableData });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      ok: true,
      response: { getVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '60' }] },
    });
    expect(await st.nextRequest('GetVariables')).toEqual({ getVariableData });
    expect(sim.station('OP1')!.variables.find((v) => v.variable === 'OfflineThreshold')).toMatchObject({ value: '60', status: 'Accepted', source: 'GetVariables' });
  });

  it('accepts the ocpp-prefixed version spelling', async () => {
    const res = await post(`${sim.operatorApiUrl!}/api/octt/ocpp2.0.1/OP1/call/Reset`, { type: 'OnIdle' });
    expect(res.json).toEqual({ ok: true, response: { status: 'Accepted' } });
  });

  it('unknown station -> 404 not-connected', async () => {
    const res = await post(`${sim.operatorApiUrl!}/api/octt/2.0.1/NOPE/call/Reset`, { type: 'OnIdle' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ ok: false, error: { kind: 'not-connected' } });
  });

  it('bad JSON -> 400; schema-invalid payload -> 400 with problems; unknown route -> 404; GET on a call -> 405', async () => {
    const bad = await post(`${api}/call/Reset`, '{not json', true);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    const invalid = await post(`${api}/call/Reset`, { type: 'Sometime' });
    expect(invalid.status).toBe(400);
    expect((invalid.json.error as Record<string, unknown>).details).toBeDefined();
    const arrayBody = await post(`${api}/call/Reset`, [1]);
    expect(arrayBody.status).toBe(400);
    const route = await post(`${api}/no-such-helper`, {});
    expect(route.status).toBe(404);
    const version = await post(`${sim.operatorApiUrl!}/api/octt/1.6/OP1/call/Reset`, {});
    expect(version.status).toBe(404);
    const get = await fetch(`${api}/call/Reset`);
    expect(get.status).toBe(405);
    const wrongVersion = await post(`${sim.operatorApiUrl!}/api/octt/2.1/OP1/call/Reset`, { type: 'OnIdle' });
    expect(wrongVersion.status).toBe(409);
  });

  it('GET /api/octt/stations lists station state', async () => {
    const res = await fetch(`${sim.operatorApiUrl!}/api/octt/stations`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; stations: Array<Record<string, unknown>> };
    expect(body.stations).toHaveLength(1);
    expect(body.stations[0]).toMatchObject({ identity: 'OP1', connected: true, bootStatus: 'Accepted', version: '2.0.1' });
    const one = await fetch(`${api}`);
    expect(((await one.json()) as { station: { identity: string } }).station.identity).toBe('OP1');
  });
});

describe('station errors over HTTP', () => {
  it('CALLERROR -> 200 ok:false callerror with the code (delivered); no answer -> 504 timeout', async () => {
    await setup(
      {},
      {
        handlers: {
          Reset: () => {
            throw new OcppError('NotSupported', 'no reset here');
          },
          ClearCache: () => new Promise(() => undefined),
        },
      },
    );
    const err = await post(`${api}/call/Reset`, { type: 'Immediate' });
    expect(err.status).toBe(200);
    expect(err.json).toMatchObject({ ok: false, error: { kind: 'callerror', code: 'NotSupported', description: 'no reset here' } });
    const late = await post(`${api}/call/ClearCache`, {});
    expect(late.status).toBe(504);
    expect(late.json).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });
});

describe('named helpers', () => {
  beforeEach(() => setup());

  it('accepts the public convention\'s snake_case bodies and refuses unknown keys with 400', async () => {
    const ipm = await post(`${api}/set-items-per-message`, { get_variables: 1, set_variables: 2, get_report: 5 });
    expect(ipm.json).toEqual({ ok: true, response: { itemsPerMessage: { getVariables: 1, setVariables: 2 }, getReportUnused: 5 } });
    const unknown = await post(`${api}/set-items-per-message`, { get_variable: 3 });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('get_variable');
    expect((await post(`${api}/set-pending-boot`, { pending: false, sometimes: true })).status).toBe(400);
    expect((await post(`${api}/trigger-message`, { requested_message: 'Heartbeat' })).json).toEqual({ ok: true, response: { status: 'Accepted' } });
    expect(await st.nextRequest('TriggerMessage')).toEqual({ requestedMessage: 'Heartbeat' });
  });

  it('update-basic-auth-password without a body: the CSMS chooses the password', async () => {
    const res = await post(`${api}/update-basic-auth-password`, {});
    expect(res.status).toBe(200);
    const set = await st.nextRequest('SetVariables');
    const item = (set.setVariableData as Array<Record<string, unknown>>)[0]!;
    expect(item).toMatchObject({ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } });
    expect(String(item.attributeValue)).toMatch(/^.{16,40}$/);
  });

  it('trigger-message', async () => {
    const res = await post(`${api}/trigger-message`, { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } });
    expect(res.json).toEqual({ ok: true, response: { status: 'Accepted' } });
    expect(await st.nextRequest('TriggerMessage')).toEqual({ requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } });
    expect((await post(`${api}/trigger-message`, {})).status).toBe(400);
  });

  it('get-variables and set-variables honour set-items-per-message', async () => {
    const ipm = await post(`${api}/set-items-per-message`, { getVariables: 1, setVariables: 2 });
    expect(ipm.json).toEqual({ ok: true, response: { itemsPerMessage: { getVariables: 1, setVariables: 2 } } });
    const getVariableData = [
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } },
      { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } },
    ];
    const got = await post(`${api}/get-variables`, { getVariableData });
    expect((got.json.response as { getVariableResult: unknown[] }).getVariableResult).toHaveLength(2);
    expect(await st.nextRequest('GetVariables')).toEqual({ getVariableData: [getVariableData[0]] });
    expect(await st.nextRequest('GetVariables')).toEqual({ getVariableData: [getVariableData[1]] });
    const setVariableData = [
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '123' },
      { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' }, attributeValue: 'false' },
    ];
    const set = await post(`${api}/set-variables`, { setVariableData });
    expect((set.json.response as { setVariableResult: unknown[] }).setVariableResult).toHaveLength(2);
    expect(await st.nextRequest('SetVariables')).toEqual({ setVariableData });
    expect(sim.station('OP1')!.variables.find((v) => v.variable === 'OfflineThreshold' && v.source === 'SetVariables')?.value).toBe('123');
    expect((await post(`${api}/set-items-per-message`, { getVariables: 0 })).status).toBe(400);
  });

  it('get-base-report assigns a requestId and reset sends OnIdle by default', async () => {
    const rep = await post(`${api}/get-base-report`, { reportBase: 'ConfigurationInventory' });
    const response = rep.json.response as { requestId: number; status: string };
    expect(response.status).toBe('Accepted');
    expect(response.requestId).toBeGreaterThanOrEqual(0);
    expect(await st.nextRequest('GetBaseReport')).toEqual({ requestId: response.requestId, reportBase: 'ConfigurationInventory' });
    await post(`${api}/reset`, {});
    expect(await st.nextRequest('Reset')).toEqual({ type: 'OnIdle' });
  });

  it('set-security-profile sends SetNetworkProfile, NetworkConfigurationPriority and Reset; refuses a downgrade', async () => {
    const res = await post(`${api}/set-security-profile`, { securityProfile: 2, ocppCsmsUrl: 'wss://127.0.0.1:1/' });
    expect(res.status).toBe(200);
    const profile = await st.nextRequest('SetNetworkProfile');
    expect(profile).toMatchObject({ configurationSlot: 1, connectionData: { securityProfile: 2, ocppCsmsUrl: 'wss://127.0.0.1:1/', ocppVersion: 'OCPP20' } });
    await st.nextRequest('GetVariables');
    const set = await st.nextRequest('SetVariables');
    // The scripted station reports "60" as the current priority list.
    expect(set.setVariableData).toEqual([{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '1,60' }]);
    expect(await st.nextRequest('Reset')).toEqual({ type: 'OnIdle' });
    expect(Object.keys(res.json.response as object)).toEqual(['setNetworkProfile', 'setVariables', 'reset']);
    expect((await post(`${api}/set-security-profile`, { securityProfile: 0 })).status).toBe(400);
  });

  it('set-pending-boot holds the next boot at Pending and releases it', async () => {
    expect((await post(`${api}/set-pending-boot`, { pending: true })).json).toEqual({ ok: true, response: { pending: true } });
    expect((await st.boot()).status).toBe('Pending');
    await post(`${api}/set-pending-boot`, { pending: false });
    expect((await st.boot()).status).toBe('Accepted');
    // Works for a station that has not connected yet (prepared before its first boot).
    expect((await post(`${sim.operatorApiUrl!}/api/octt/2.0.1/LATER/set-pending-boot`, { pending: true })).status).toBe(200);
    expect((await post(`${api}/set-pending-boot`, { pending: 'yes' })).status).toBe(400);
    // With acceptAfterMs the station is accepted once its provisioning requests are done.
    expect((await post(`${api}/set-pending-boot`, { pending: true, acceptAfterMs: 0 })).json).toEqual({ ok: true, response: { pending: true, acceptAfterMs: 0 } });
    const done = sim.waitFor('pendingWorkDone', (e) => e.identity === 'OP1');
    expect((await st.boot()).status).toBe('Pending');
    await st.nextRequest('SetVariables');
    await done;
    expect((await st.boot()).status).toBe('Accepted');
  });
});

describe('requests to a station while it reconnects', () => {
  it('waits up to reconnectGapMs for the station to come back', async () => {
    await setup({ reconnectGapMs: 5_000 });
    const gone = sim.waitFor('disconnected', (e) => e.identity === 'OP1');
    st.close();
    await gone;
    const pending = post(`${api}/call/Reset`, { type: 'OnIdle' });
    st = await openStation(sim.url, 'OP1');
    const res = await pending;
    expect(res.json).toEqual({ ok: true, response: { status: 'Accepted' } });
  });
});
