// The provisioning area's faults of the reference CSMS: what goes on the wire for Get/SetVariables, Reset and
// SetNetworkProfile when each is on (and that the request is intact when it is off).
import { describe, expect, it } from 'vitest';
import type { CsmsSim } from '../../../src/sim/csms/index.ts';
import { post, simWithStation } from './helpers.ts';

const booted = simWithStation('P1');

const call = (sim: CsmsSim, action: string, body: unknown): Promise<unknown> => post(`${sim.operatorApiUrl!}/api/octt/2.0.1/P1/call/${action}`, body);

const TWO_ITEMS = [
  { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } },
  { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } },
];

const PROFILE = {
  configurationSlot: 1,
  connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:1/', messageTimeout: 30, securityProfile: 1, ocppInterface: 'Wired0' },
};

describe('provisioning faults', () => {
  it('without faults, several variables go out in one request, an EVSE reset keeps its evseId, a network profile is intact', async () => {
    const { sim, st: s } = await booted([]);
    await call(sim, 'GetVariables', { getVariableData: TWO_ITEMS });
    expect(((await s.nextRequest('GetVariables')).getVariableData as unknown[]).length).toBe(2);
    await call(sim, 'Reset', { type: 'OnIdle', evseId: 1 });
    expect(await s.nextRequest('Reset')).toEqual({ type: 'OnIdle', evseId: 1 });
    await call(sim, 'SetNetworkProfile', PROFILE);
    expect(await s.nextRequest('SetNetworkProfile')).toEqual(PROFILE);
  });

  it('variables.onlyFirstItem keeps only the first of several Get/SetVariables items', async () => {
    const { sim, st: s } = await booted(['variables.onlyFirstItem']);
    await call(sim, 'GetVariables', { getVariableData: TWO_ITEMS });
    expect((await s.nextRequest('GetVariables')).getVariableData).toEqual([TWO_ITEMS[0]]);
    await call(sim, 'SetVariables', { setVariableData: TWO_ITEMS.map((d) => ({ ...d, attributeValue: '1' })) });
    expect(((await s.nextRequest('SetVariables')).setVariableData as unknown[]).length).toBe(1);
  });

  it('reset.dropEvseId removes the evseId of an EVSE reset', async () => {
    const { sim, st: s } = await booted(['reset.dropEvseId']);
    await call(sim, 'Reset', { type: 'Immediate', evseId: 1 });
    expect(await s.nextRequest('Reset')).toEqual({ type: 'Immediate' });
  });

  it('networkProfile.legacyOcppVersion and networkProfile.slotOffByOne alter SetNetworkProfile', async () => {
    const { sim, st: s } = await booted(['networkProfile.legacyOcppVersion', 'networkProfile.slotOffByOne']);
    await call(sim, 'SetNetworkProfile', PROFILE);
    const sent = await s.nextRequest('SetNetworkProfile');
    expect(sent.configurationSlot).toBe(2);
    expect(sent.connectionData).toEqual({ ...PROFILE.connectionData, ocppVersion: 'OCPP16' });
  });

  it('networkProfile.omitTransport sends a SetNetworkProfile without ocppTransport (the station refuses it)', async () => {
    const { sim } = await booted(['networkProfile.omitTransport']);
    const sent = sim.waitFor('call', (e) => e.action === 'SetNetworkProfile', 5_000);
    await call(sim, 'SetNetworkProfile', PROFILE);
    const { ocppTransport: _omitted, ...rest } = PROFILE.connectionData;
    expect((await sent).payload).toEqual({ ...PROFILE, connectionData: rest });
  });
});
