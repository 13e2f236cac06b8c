import { describe, expect, it } from 'vitest';
import type { StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();

async function booted(opts: Partial<StationSimOptions> = {}): Promise<ScriptedCsms> {
  const { csms } = await start({ actionApi: false, ...opts });
  await csms.waitFor('StatusNotification');
  return csms;
}

const OFFLINE = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };
const LOCAL_OFFLINE = { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalAuthorizeOffline' } };
type Result = Record<string, unknown>;
interface Entry {
  component: { name: string; instance?: string };
  variable: { name: string; instance?: string };
  variableAttribute: Array<{ mutability: string }>;
  variableCharacteristics: { dataType: string; valuesList?: string };
}

async function getVars(c: ScriptedCsms, data: Json[]): Promise<Result[]> {
  return (await c.call('GetVariables', { getVariableData: data })).getVariableResult as Result[];
}
async function setVars(c: ScriptedCsms, data: Json[]): Promise<Result[]> {
  return (await c.call('SetVariables', { setVariableData: data })).setVariableResult as Result[];
}

describe('station simulator: device model', () => {
  it('sets and gets single and multiple values', async () => {
    const c = await booted();
    const set = await setVars(c, [
      { ...OFFLINE, attributeValue: '300', attributeType: 'Actual' },
      { ...LOCAL_OFFLINE, attributeValue: 'true', attributeType: 'Actual' },
    ]);
    expect(set).toEqual([
      { attributeType: 'Actual', attributeStatus: 'Accepted', ...OFFLINE },
      { attributeType: 'Actual', attributeStatus: 'Accepted', ...LOCAL_OFFLINE },
    ]);
    const got = await getVars(c, [
      { ...OFFLINE, attributeType: 'Actual' },
      { ...LOCAL_OFFLINE, attributeType: 'Actual' },
    ]);
    expect(got).toEqual([
      { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: '300', ...OFFLINE },
      { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: 'true', ...LOCAL_OFFLINE },
    ]);
  });

  it('answers unknown component / variable / attribute type, read-only and invalid values', async () => {
    const c = await booted();
    const got = await getVars(c, [
      { component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' } },
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'UnknownVariable' } },
      { ...OFFLINE, attributeType: 'Target' },
      { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
    ]);
    expect(got.map((r) => r.attributeStatus)).toEqual(['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType', 'Rejected']);
    expect(got[2]).toMatchObject({ attributeType: 'Target', ...OFFLINE });
    const set = await setVars(c, [
      { component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' }, attributeValue: '1' },
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'UnknownVariable' }, attributeValue: '1' },
      { ...OFFLINE, attributeValue: '1', attributeType: 'Target' },
      { component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, attributeValue: 'X' },
      { ...OFFLINE, attributeValue: '300.1' },
      { ...OFFLINE, attributeValue: 'abc' },
      { ...LOCAL_OFFLINE, attributeValue: 'yes' },
      { component: { name: 'TxCtrlr' }, variable: { name: 'TxStartPoint' }, attributeValue: 'EVConnected,Bogus' },
    ]);
    expect(set.map((r) => r.attributeStatus)).toEqual([
      'UnknownComponent',
      'UnknownVariable',
      'NotSupportedAttributeType',
      'Rejected',
      'Rejected',
      'Rejected',
      'Rejected',
      'Rejected',
    ]);
    expect(c.trace.problems()).toEqual([]);
  });

  it('refuses more items than ItemsPerMessage with OccurrenceConstraintViolation', async () => {
    const c = await booted();
    const limit = Number((await getVars(c, [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'GetVariables' } }]))[0]?.attributeValue);
    expect(limit).toBeGreaterThan(0);
    const many = Array.from({ length: limit + 1 }, () => ({ ...OFFLINE }));
    await expect(c.call('GetVariables', { getVariableData: many })).rejects.toMatchObject({ code: 'OccurrenceConstraintViolation' });
  });

  it.each(['ConfigurationInventory', 'FullInventory', 'SummaryInventory'])('GetBaseReport %s: Accepted, then NotifyReport pages with consecutive seqNo', async (base) => {
    const c = await booted({ evses: [2, 1] });
    const mark = c.mark();
    const res = await c.call('GetBaseReport', { requestId: 42, reportBase: base });
    expect(res).toEqual({ status: 'Accepted' });
    await c.waitFor('NotifyReport', (p) => p.tbc !== true, 5000, mark);
    const pages = c.of('NotifyReport', mark).map((r) => r.payload);
    pages.forEach((p, i) => {
      expect(p.requestId).toBe(42);
      expect(p.seqNo).toBe(i);
      expect(p.tbc).toBe(i < pages.length - 1);
    });
    const data = pages.flatMap((p) => p.reportData as Entry[]);
    if (base === 'FullInventory') {
      expect(pages.length).toBeGreaterThan(1);
      const names = new Set(data.map((d) => `${d.component.name}.${d.variable.name}`));
      for (const n of ['OCPPCommCtrlr.OfflineThreshold', 'OCPPCommCtrlr.HeartbeatInterval', 'DeviceDataCtrlr.ItemsPerMessage', 'SecurityCtrlr.Identity', 'TxCtrlr.TxStartPoint', 'EVSE.AvailabilityState', 'Connector.AvailabilityState']) {
        expect(names.has(n), n).toBe(true);
      }
    }
    if (base === 'ConfigurationInventory') {
      for (const d of data) expect(['ReadWrite', 'WriteOnly']).toContain(d.variableAttribute[0]?.mutability);
    }
    if (base === 'SummaryInventory') {
      expect(data.every((d) => d.variable.name === 'AvailabilityState')).toBe(true);
    }
    for (const d of data) {
      expect(d.variableCharacteristics).toBeDefined();
      if (['OptionList', 'MemberList', 'SequenceList'].includes(d.variableCharacteristics.dataType)) expect(d.variableCharacteristics.valuesList).toBeTruthy();
    }
    expect(c.trace.problems()).toEqual([]);
  });

  it('GetReport filters by component/variable', async () => {
    const c = await booted();
    const mark = c.mark();
    const res = await c.call('GetReport', { requestId: 3, componentVariable: [{ component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage' } }] });
    expect(res.status).toBe('Accepted');
    const page = await c.waitFor('NotifyReport', () => true, 5000, mark);
    const vars = (page.payload.reportData as Entry[]).map((d) => `${d.variable.name}[${d.variable.instance ?? ''}]`);
    expect(vars.sort()).toEqual(['ItemsPerMessage[GetReport]', 'ItemsPerMessage[GetVariables]', 'ItemsPerMessage[SetVariables]']);
  });

  it('HeartbeatInterval changes take effect', async () => {
    const c = await booted();
    await setVars(c, [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '1' }]);
    await c.waitFor('Heartbeat', () => true, 3000);
  });
});
