// Monitoring area of the reference CSMS: monitors, base, level and monitoring reports per station, requests split by
// MonitoringCtrlr.ItemsPerMessage, NotifyEvent bookkeeping, and its faults.
import { describe, expect, it } from 'vitest';
import { AREA, monitoringOf } from '../../../src/sim/csms/areas/monitoring.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { SimCallError } from '../../../src/sim/csms/handlers.ts';
import { areaContext } from './area-context.ts';

type Json = Record<string, unknown>;

const context = (faults: string[] = []): HandlerContext => areaContext('MON1', faults);

async function handle(ctx: HandlerContext, action: string, payload: Json): Promise<Json> {
  const handler = AREA.handlers?.[action];
  const response = handler ? await handler(ctx, payload) : {};
  return AREA.answer ? AREA.answer(ctx, action, payload, response) : response;
}

function wire(faults: string[], action: string, payload: Json): Json {
  const p = structuredClone(payload);
  AREA.outgoing?.(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
}

const MONITOR = { value: 1, type: 'Delta', severity: 8, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } };
const EVENT = { eventId: 1, timestamp: '2025-01-01T00:00:00.000Z', trigger: 'Delta', actualValue: 'Occupied', eventNotificationType: 'CustomMonitor', component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } };
const GENERATED_AT = '2025-01-01T00:00:00.000Z';

describe('monitoring area: bookkeeping', () => {
  it('keeps installed monitors, base and level the station accepted, and drops cleared monitors', () => {
    const ctx = context();
    const learn = AREA.learn!;
    const f = ctx.opts.faults;
    learn(ctx.station, 'SetVariableMonitoring', { setMonitoringData: [MONITOR] }, { setMonitoringResult: [{ id: 5, status: 'Accepted', type: 'Delta', severity: 8, component: MONITOR.component, variable: MONITOR.variable }] }, f);
    learn(ctx.station, 'SetMonitoringBase', { monitoringBase: 'FactoryDefault' }, { status: 'Accepted' }, f);
    learn(ctx.station, 'SetMonitoringLevel', { severity: 4 }, { status: 'Rejected' }, f);
    const state = monitoringOf(ctx.station);
    expect(state.monitors.get(5)).toMatchObject({ type: 'Delta', value: 1 });
    expect(state.base).toBe('FactoryDefault');
    expect(state.level).toBeUndefined();
    learn(ctx.station, 'ClearVariableMonitoring', { id: [5] }, { clearMonitoringResult: [{ id: 5, status: 'Rejected' }] }, f);
    expect(state.monitors.has(5)).toBe(true);
    learn(ctx.station, 'ClearVariableMonitoring', { id: [5] }, { clearMonitoringResult: [{ id: 5, status: 'Accepted' }] }, f);
    expect(state.monitors.has(5)).toBe(false);
  });

  it('files monitoring report parts per requestId until tbc is false', async () => {
    const ctx = context();
    AREA.learn!(ctx.station, 'GetMonitoringReport', { requestId: 3 }, { status: 'Accepted' }, ctx.opts.faults);
    await handle(ctx, 'NotifyMonitoringReport', { requestId: 3, seqNo: 0, tbc: true, generatedAt: GENERATED_AT, monitor: [{ a: 1 }] });
    expect(monitoringOf(ctx.station).reports.get(3)).toMatchObject({ requestStatus: 'Accepted', complete: false, seqNos: [0] });
    await handle(ctx, 'NotifyMonitoringReport', { requestId: 3, seqNo: 1, generatedAt: GENERATED_AT, monitor: [{ b: 2 }] });
    expect(monitoringOf(ctx.station).reports.get(3)).toMatchObject({ complete: true, seqNos: [0, 1], monitors: [{ a: 1 }, { b: 2 }] });
  });

  it('splits ClearVariableMonitoring by the learnt ItemsPerMessage and joins the results', () => {
    const ctx = context();
    const f = ctx.opts.faults;
    expect(AREA.split!(ctx.station, 'ClearVariableMonitoring', { id: [1, 2, 3] }, f)).toBeUndefined();
    AREA.learn!(ctx.station, 'GetVariables', {}, { getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '2', component: { name: 'MonitoringCtrlr' }, variable: { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' } }] }, f);
    const split = AREA.split!(ctx.station, 'ClearVariableMonitoring', { id: [1, 2, 3] }, f)!;
    expect(split.parts).toEqual([{ id: [1, 2] }, { id: [3] }]);
    expect(split.join([{ clearMonitoringResult: [{ id: 1 }, { id: 2 }] }, { clearMonitoringResult: [{ id: 3 }] }])).toEqual({ clearMonitoringResult: [{ id: 1 }, { id: 2 }, { id: 3 }] });
    expect(AREA.split!(ctx.station, 'ClearVariableMonitoring', { id: [1, 2, 3] }, new CsmsFaultSet(['monitoring.clearBeyondItemsPerMessage']))).toBeUndefined();
  });

  it('acknowledges NotifyEvent and keeps its events', async () => {
    const ctx = context();
    expect(await handle(ctx, 'NotifyEvent', { generatedAt: GENERATED_AT, seqNo: 0, eventData: [EVENT] })).toEqual({});
    expect(monitoringOf(ctx.station).events).toHaveLength(1);
  });
});

describe('monitoring area: faults', () => {
  it('outgoing faults change the requests as described', () => {
    expect(wire(['monitoring.baseAlwaysAll'], 'SetMonitoringBase', { monitoringBase: 'HardWiredOnly' }).monitoringBase).toBe('All');
    expect(wire(['monitoring.levelOffByOne'], 'SetMonitoringLevel', { severity: 4 }).severity).toBe(5);
    expect(wire(['monitoring.deltaAsThreshold'], 'SetVariableMonitoring', { setMonitoringData: [MONITOR] })).toMatchObject({ setMonitoringData: [{ type: 'UpperThreshold' }] });
    expect((wire(['monitoring.dropMonitorEvse'], 'SetVariableMonitoring', { setMonitoringData: [MONITOR] }).setMonitoringData as Json[])[0]!.component).toEqual({ name: 'EVSE' });
    expect(wire(['monitoring.onlyFirstMonitor'], 'SetVariableMonitoring', { setMonitoringData: [MONITOR, MONITOR] }).setMonitoringData).toHaveLength(1);
    expect(wire(['monitoring.criteriaSwapped'], 'GetMonitoringReport', { requestId: 1, monitoringCriteria: ['DeltaMonitoring', 'PeriodicMonitoring'] }).monitoringCriteria).toEqual(['ThresholdMonitoring', 'PeriodicMonitoring']);
    expect(wire(['monitoring.reportFilterDropsVariable'], 'GetMonitoringReport', { requestId: 1, componentVariable: [{ component: { name: 'EVSE' }, variable: { name: 'Power' } }] }).componentVariable).toEqual([{ component: { name: 'EVSE' } }]);
    expect(wire(['monitoring.reportAllAsThreshold'], 'GetMonitoringReport', { requestId: 1 }).monitoringCriteria).toEqual(['ThresholdMonitoring']);
    expect(wire(['monitoring.reportAllAsThreshold'], 'GetMonitoringReport', { requestId: 1, componentVariable: [] }).monitoringCriteria).toBeUndefined();
    expect(wire(['monitoring.clearIdsOffByOne'], 'ClearVariableMonitoring', { id: [7] }).id).toEqual([8]);
  });

  it('answer faults refuse the events and report parts they name', async () => {
    const refused = async (fault: string, action: string, payload: Json): Promise<unknown> => handle(context([fault]), action, payload).catch((e: unknown) => e);
    const event = (extra: Json): Json => ({ generatedAt: GENERATED_AT, seqNo: 0, eventData: [{ ...EVENT, ...extra }] });
    expect(await refused('monitoring.refuseHardWiredEvent', 'NotifyEvent', event({ eventNotificationType: 'HardWiredMonitor' }))).toBeInstanceOf(SimCallError);
    expect(await refused('monitoring.refusePeriodicEvent', 'NotifyEvent', event({ trigger: 'Periodic' }))).toBeInstanceOf(SimCallError);
    expect(await refused('monitoring.refuseEmptyActualValue', 'NotifyEvent', event({ actualValue: '' }))).toBeInstanceOf(SimCallError);
    expect(await refused('monitoring.refuseClearedEvent', 'NotifyEvent', event({ cleared: true }))).toBeInstanceOf(SimCallError);
    expect(await refused('monitoring.refuseClearedEvent', 'NotifyEvent', event({}))).toEqual({});
    expect(await refused('monitoring.refuseReportContinuation', 'NotifyMonitoringReport', { requestId: 1, seqNo: 0, tbc: true, generatedAt: GENERATED_AT })).toEqual({});
    expect(await refused('monitoring.refuseReportContinuation', 'NotifyMonitoringReport', { requestId: 1, seqNo: 1, generatedAt: GENERATED_AT })).toBeInstanceOf(SimCallError);
  });
});
