import { describe, expect, it } from 'vitest';
import { startStationSim, type StationSim, type StationSimOptions } from '../../../src/sim/station/index.ts';
import { now, type ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();

function setup(opts: Partial<StationSimOptions> = {}, configure?: (c: ScriptedCsms) => void): Promise<{ csms: ScriptedCsms; sim: StationSim }> {
  return start({ actionApi: false, ...opts }, { version: opts.ocppVersion ?? '2.0.1', configure });
}

describe('station simulator: boot', () => {
  it('boots Accepted, reports every connector (StatusNotification + NotifyEvent) and a startup security event', async () => {
    const { csms } = await setup({ evses: [1, 2] });
    const boot = await csms.waitFor('BootNotification');
    expect(boot.payload.reason).toBe('PowerUp');
    expect(boot.payload.chargingStation).toMatchObject({ vendorName: 'OpenConformance', model: 'RefStation', firmwareVersion: '1.0.0' });
    const statuses = await csms.waitForCount('StatusNotification', 3);
    expect(statuses.map((s) => `${String(s.payload.evseId)}/${String(s.payload.connectorId)}:${String(s.payload.connectorStatus)}`).sort()).toEqual([
      '1/1:Available',
      '2/1:Available',
      '2/2:Available',
    ]);
    const events = await csms.waitForCount('NotifyEvent', 3);
    const first = (events[0]?.payload.eventData as Array<Record<string, unknown>>)[0];
    expect(first).toMatchObject({ trigger: 'Delta', actualValue: 'Available', component: { name: 'Connector' }, variable: { name: 'AvailabilityState' } });
    const sec = await csms.waitFor('SecurityEventNotification');
    expect(sec.payload.type).toBe('StartupOfTheDevice');
    expect(csms.trace.problems()).toEqual([]);
  });

  it('sends heartbeats at the interval of the BootNotificationResponse', async () => {
    const { csms } = await setup({}, (c) => c.respond('BootNotification', () => ({ currentTime: now(), interval: 1, status: 'Accepted' })));
    const [a, b] = await csms.waitForCount('Heartbeat', 2, () => true, 4000);
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it('sends heartbeats at a configured millisecond interval', async () => {
    const { csms } = await setup({ timers: { heartbeatMs: 50 } });
    const beats = await csms.waitForCount('Heartbeat', 3);
    expect(beats).toHaveLength(3);
  });

  it('Pending: keeps quiet, answers the CSMS, rejects remote start, boots again when triggered', async () => {
    const { csms, sim } = await setup({}, (c) => c.respond('BootNotification', () => ({ currentTime: now(), interval: 300, status: 'Pending' })));
    await csms.waitFor('BootNotification');
    await sim.waitForState((s) => s.bootState === 'Pending');
    const set = await csms.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '300' }] });
    expect((set.setVariableResult as Array<Record<string, unknown>>)[0]?.attributeStatus).toBe('Accepted');
    const get = await csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
    expect((get.getVariableResult as Array<Record<string, unknown>>)[0]).toMatchObject({ attributeStatus: 'Accepted', attributeValue: '300' });
    const report = await csms.call('GetBaseReport', { requestId: 7, reportBase: 'FullInventory' });
    expect(report.status).toBe('Accepted');
    await csms.waitFor('NotifyReport', (p) => p.tbc === false);
    const start = await csms.call('RequestStartTransaction', { idToken: { idToken: 'TAG1', type: 'ISO14443' }, remoteStartId: 1, evseId: 1 });
    expect(start.status).toBe('Rejected');
    csms.respond('BootNotification', () => ({ currentTime: now(), interval: 300, status: 'Accepted' }));
    const mark = csms.mark();
    const trig = await csms.call('TriggerMessage', { requestedMessage: 'BootNotification' });
    expect(trig.status).toBe('Accepted');
    const boot = await csms.waitFor('BootNotification', () => true, 2000, mark);
    expect(boot.payload.reason).toBe('Triggered');
    await csms.waitFor('StatusNotification', (p) => p.connectorStatus === 'Available', 2000, mark);
    // Nothing but BootNotification and NotifyReport came while Pending.
    const beforeAccept = csms.received.slice(0, mark).map((r) => r.action);
    expect(new Set(beforeAccept)).toEqual(new Set(['BootNotification', 'NotifyReport']));
    // Once accepted, a triggered boot is refused.
    await sim.waitForState((s) => s.bootState === 'Accepted');
    expect((await csms.call('TriggerMessage', { requestedMessage: 'BootNotification' })).status).toBe('Rejected');
  });

  it('Rejected: sends nothing, retries no sooner than the interval, answers requests with SecurityError', async () => {
    let boots = 0;
    const { csms, sim } = await setup({}, (c) =>
      c.respond('BootNotification', () => {
        boots++;
        return { currentTime: now(), interval: 1, status: boots === 1 ? 'Rejected' : 'Accepted' };
      }),
    );
    const first = await csms.waitFor('BootNotification');
    await sim.waitForState((s) => s.bootState === 'Rejected');
    await expect(csms.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' })).rejects.toMatchObject({ code: 'SecurityError' });
    const [, second] = await csms.waitForCount('BootNotification', 2, () => true, 4000);
    expect((second?.at ?? 0) - first.at).toBeGreaterThanOrEqual(1000);
    const between = csms.received.slice(csms.received.indexOf(first) + 1, csms.received.indexOf(second as never)).map((r) => r.action);
    expect(between).toEqual([]);
    await csms.waitFor('StatusNotification');
  });

  it('bootRetryMs overrides the interval (fast tests)', async () => {
    let boots = 0;
    const { csms } = await setup({ timers: { bootRetryMs: 30 } }, (c) =>
      c.respond('BootNotification', () => {
        boots++;
        return { currentTime: now(), interval: 300, status: boots < 3 ? 'Rejected' : 'Accepted' };
      }),
    );
    await csms.waitForCount('BootNotification', 3);
    await csms.waitFor('StatusNotification');
  });

  it('speaks OCPP 2.1 when asked', async () => {
    const { csms } = await setup({ ocppVersion: '2.1' });
    await csms.waitFor('StatusNotification');
    expect(csms.conn.facts.chosenSubprotocol).toBe('ocpp2.1');
    expect(csms.trace.problems()).toEqual([]);
  });

  it('rejects unknown fault names with the list of valid ones', async () => {
    await expect(startStationSim({ csmsUrl: 'ws://127.0.0.1:1', identity: 'X', faults: ['boot.nope'], connect: false, actionApi: false })).rejects.toThrow(
      /unknown station fault\(s\): boot\.nope; valid faults: .*boot\.wrongReason/,
    );
  });
});
