// Provisioning area of the reference CSMS, reports and variable limits: custom and summary reports, and Get/SetVariables
// split by the DeviceDataCtrlr.ItemsPerMessage a station declared; with their faults.
import { describe, expect, it } from 'vitest';
import { AREA } from '../../../src/sim/csms/areas/provisioning.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';

type Json = Record<string, unknown>;

function wire(faults: string[], action: string, payload: Json): Json {
  const p = structuredClone(payload);
  AREA.outgoing?.(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
}

const ITEMS_PER_MESSAGE = (instance: string, value: string): Json => ({
  getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: value, component: { name: 'DeviceDataCtrlr' }, variable: { name: 'ItemsPerMessage', instance } }],
});

describe('provisioning area: reports and variable limits', () => {
  it('learns ItemsPerMessage from GetVariables and splits longer Get/SetVariables requests', () => {
    const station = new StationRecord('REP1');
    const none = new CsmsFaultSet();
    const data = [1, 2, 3, 4, 5].map((n) => ({ component: { name: 'C' }, variable: { name: `V${n}` } }));
    expect(AREA.split!(station, 'GetVariables', { getVariableData: data }, none)).toBeUndefined();
    AREA.learn!(station, 'GetVariables', {}, ITEMS_PER_MESSAGE('GetVariables', '4'), none);
    AREA.learn!(station, 'GetVariables', {}, ITEMS_PER_MESSAGE('SetVariables', '2'), none);
    expect(station.itemsPerMessage).toEqual({ getVariables: 4, setVariables: 2 });
    const split = AREA.split!(station, 'GetVariables', { getVariableData: data }, none)!;
    expect(split.parts.map((p) => (p.getVariableData as unknown[]).length)).toEqual([4, 1]);
    expect(split.join([{ getVariableResult: [1, 2, 3, 4] }, { getVariableResult: [5] }])).toEqual({ getVariableResult: [1, 2, 3, 4, 5] });
    expect(AREA.split!(station, 'SetVariables', { setVariableData: data.slice(0, 3) }, none)!.parts).toHaveLength(2);
    expect(AREA.split!(station, 'GetVariables', { getVariableData: data }, new CsmsFaultSet(['variables.ignoreItemsPerMessage']))).toBeUndefined();
  });

  it('report faults change the requests as described', () => {
    expect(wire(['report.summaryAsFull'], 'GetBaseReport', { requestId: 1, reportBase: 'SummaryInventory' }).reportBase).toBe('FullInventory');
    expect(wire(['report.summaryAsFull'], 'GetBaseReport', { requestId: 1, reportBase: 'ConfigurationInventory' }).reportBase).toBe('ConfigurationInventory');
    const custom = { requestId: 1, componentCriteria: ['Problem'], componentVariable: [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } }] };
    expect(wire(['report.criteriaDropped'], 'GetReport', custom)).not.toHaveProperty('componentCriteria');
    expect(wire(['report.evseDropped'], 'GetReport', custom).componentVariable).toEqual([{ component: { name: 'EVSE' }, variable: { name: 'AvailabilityState' } }]);
  });
});
