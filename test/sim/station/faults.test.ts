// Each named fault visibly changes the station's behaviour (and only as described).
import { describe, expect, it } from 'vitest';
import { STATION_FAULTS, type StationSim, type StationSimOptions } from '../../../src/sim/station/index.ts';
import { now, type Json, type ScriptedCsms } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';
import { authorizationScenarios, correctAuthorization } from './faults-authorization.ts';
import { correctInvalidId, invalidIdScenarios } from './faults-invalid-id.ts';
import { correctMasterPassUi, correctMasterPassUiOne, masterPassUiScenarios } from './faults-master-pass-ui.ts';
import { s15AvailabilityScenarios, s15MeterValueScenarios, s15Scenarios } from './faults-s15.ts';
import { fileTransferScenarios } from './faults-file-transfer.ts';
import { s13Scenarios } from './faults-s13.ts';
import { netprofScenarios } from './faults-netprof.ts';
import { transactionScenarios } from './faults-s14e.ts';
import { correctCustomerInformation, customerScenarios } from './faults-customer.ts';
import { txOptionScenarios } from './faults-tx-options.ts';
import { securityConnectionScenarios } from './faults-security.ts';
import { csmsRootScenarios } from './faults-csms-root.ts';
import { migrationScenarios } from './faults-migration.ts';
import { firmwareVariantScenarios } from './faults-firmware-variants.ts';
import { correctNoUpgradeWithoutRoot, correctSecurityUpgrade, securityUpgradeScenarios } from './faults-security-upgrade.ts';

const start = stationAndCsmsPerTest();

async function run(faults: string[], opts: Partial<StationSimOptions> = {}, configure?: (c: ScriptedCsms) => void): Promise<{ c: ScriptedCsms; s: StationSim }> {
  const { csms, sim } = await start({ actionApi: false, faults, ...opts }, { configure });
  return { c: csms, s: sim };
}
const booted = async (faults: string[], opts: Partial<StationSimOptions> = {}): Promise<{ c: ScriptedCsms; s: StationSim }> => {
  const r = await run(faults, opts);
  await r.s.waitForState((st) => st.bootState === 'Accepted');
  await r.c.waitFor('StatusNotification');
  return r;
};
const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };
const OFFLINE = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };
async function charging(c: ScriptedCsms, s: StationSim): Promise<void> {
  const mark = c.mark();
  s.plugIn(1, 1);
  s.presentToken(TAG, 1);
  await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
  await s.waitForState((st) => st.queuedTransactionEvents === 0);
}
const results = (r: Json, key: string): Json[] => r[key] as Json[];
const firstSampleContext = (p: Json): unknown => (((p.meterValue as Json[])[0]?.sampledValue as Json[] | undefined)?.[0] as Json | undefined)?.context;
/** Triggers `message` (accepted) and returns the status of the notification that follows. */
async function triggered(c: ScriptedCsms, message: string): Promise<unknown> {
  const mark = c.mark();
  expect((await c.call('TriggerMessage', { requestedMessage: message })).status).toBe('Accepted');
  return (await c.waitFor(message, () => true, 5000, mark)).payload.status;
}

const scenarios: Record<string, () => Promise<void>> = {
  ...s15Scenarios({ booted, charging }),
  ...s15AvailabilityScenarios({ booted, charging }),
  ...s15MeterValueScenarios({ booted, charging }),
  ...transactionScenarios(booted),
  'boot.omitVendorName': async () => {
    const { c } = await run(['boot.omitVendorName']);
    // The CSMS refuses the schema-invalid request with a CALLERROR, so it never reaches a handler.
    const v = await c.trace.waitForViolation('invalid-request');
    expect(v.kind === 'violation' && v.message).toMatch(/BootNotification.*vendorName/);
  },
  'boot.omitFirmwareVersion': async () => {
    const { c } = await run(['boot.omitFirmwareVersion']);
    const b = await c.waitFor('BootNotification');
    expect((b.payload.chargingStation as Json).firmwareVersion).toBeUndefined();
  },
  'boot.wrongReason': async () => {
    const { c } = await booted(['boot.wrongReason']);
    const mark = c.mark();
    await c.call('Reset', { type: 'Immediate' });
    expect((await c.waitFor('BootNotification', () => true, 5000, mark)).payload.reason).toBe('PowerUp');
  },
  'boot.ignorePending': async () => {
    const { c } = await run(['boot.ignorePending'], {}, (x) => x.respond('BootNotification', () => ({ currentTime: now(), interval: 300, status: 'Pending' })));
    await c.waitFor('StatusNotification');
  },
  'boot.noRetryAfterRejected': async () => {
    const { c: x, s } = await run(['boot.noRetryAfterRejected'], { timers: { bootRetryMs: 20 } }, (y) =>
      y.respond('BootNotification', () => ({ currentTime: now(), interval: 1, status: 'Rejected' })),
    );
    await s.waitForState((st) => st.bootState === 'Rejected');
    // A correct station would have retried after 20 ms; a heartbeat-free wait on a trigger proves the silence.
    await expect(x.waitFor('BootNotification', () => true, 300, 1)).rejects.toThrow(/no BootNotification/);
  },
  'boot.retryTooEarly': async () => {
    const { c } = await run(['boot.retryTooEarly'], {}, (y) => y.respond('BootNotification', () => ({ currentTime: now(), interval: 1, status: 'Rejected' })));
    const [a, b] = await c.waitForCount('BootNotification', 2, () => true, 3000);
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeLessThan(1000);
  },
  'pending.acceptRemoteStart': async () => {
    const { c, s } = await run(['pending.acceptRemoteStart'], {}, (y) => y.respond('BootNotification', () => ({ currentTime: now(), interval: 300, status: 'Pending' })));
    await s.waitForState((st) => st.bootState === 'Pending');
    expect((await c.call('RequestStartTransaction', { idToken: TAG, remoteStartId: 1, evseId: 1 })).status).toBe('Accepted');
  },
  'heartbeat.never': async () => {
    const { c } = await booted(['heartbeat.never'], { timers: { heartbeatMs: 20 } });
    await expect(c.waitFor('Heartbeat', () => true, 300)).rejects.toThrow(/no Heartbeat/);
  },
  'status.skipConnector': async () => {
    const { c } = await booted(['status.skipConnector'], { evses: [1, 1] });
    await c.waitFor('SecurityEventNotification');
    expect(c.of('StatusNotification').map((r) => r.payload.evseId)).toEqual([1]);
  },
  'status.noNotifyEvent': async () => {
    const { c } = await booted(['status.noNotifyEvent']);
    await c.waitFor('SecurityEventNotification');
    expect(c.of('NotifyEvent')).toEqual([]);
  },
  'security.noStartupEvent': async () => {
    const { c } = await booted(['security.noStartupEvent'], { timers: { heartbeatMs: 30 } });
    await c.waitFor('Heartbeat');
    expect(c.of('SecurityEventNotification')).toEqual([]);
  },
  'tx.seqNoGap': async () => {
    const { c, s } = await booted(['tx.seqNoGap']);
    await charging(c, s);
    s.plugOut(1, 1);
    const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended');
    expect(ended.payload.seqNo).toBe(2);
  },
  'transactions.ignorePowerPathClosed': async () => {
    const { c, s } = await booted(['transactions.ignorePowerPathClosed']);
    s.plugIn(1, 1);
    s.presentToken(TAG, 1);
    const st = await s.waitForState((x) => x.evses[0]?.chargingState === 'Charging');
    expect(st.evses[0]?.transaction).toBeUndefined();
    // A Heartbeat asked for now arrives after anything the station sent before it (one socket, in order).
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
    await c.waitFor('Heartbeat', () => true, 5000, mark);
    expect(c.of('TransactionEvent')).toEqual([]);
  },
  'tx.wrongTriggerReason': async () => {
    const { c, s } = await booted(['tx.wrongTriggerReason']);
    await charging(c, s);
    expect(c.of('TransactionEvent')[0]?.payload.triggerReason).toBe('Trigger');
  },
  'tx.noEndedOnReset': async () => {
    const { c, s } = await booted(['tx.noEndedOnReset']);
    await charging(c, s);
    const mark = c.mark();
    await c.call('Reset', { type: 'Immediate' });
    await c.waitFor('BootNotification', () => true, 5000, mark);
    expect(c.of('TransactionEvent', mark)).toEqual([]);
  },
  'getvariables.acceptReadOnlyWrite': async () => {
    const { c } = await booted(['getvariables.acceptReadOnlyWrite']);
    const r = await c.call('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, attributeValue: 'X' }] });
    expect(results(r, 'setVariableResult')[0]?.attributeStatus).toBe('Accepted');
  },
  'getvariables.unknownAsAccepted': async () => {
    const { c } = await booted(['getvariables.unknownAsAccepted']);
    const r = await c.call('GetVariables', { getVariableData: [{ component: { name: 'UnknownComponent' }, variable: { name: 'X' } }] });
    expect(results(r, 'getVariableResult')[0]?.attributeStatus).toBe('Accepted');
  },
  'getvariables.wrongAttributeType': async () => {
    const { c } = await booted(['getvariables.wrongAttributeType']);
    const r = await c.call('GetVariables', { getVariableData: [{ ...OFFLINE, attributeType: 'Actual' }] });
    expect(results(r, 'getVariableResult')[0]?.attributeType).toBe('Target');
  },
  'boot.answerWhileRejected': async () => {
    const { c, s } = await run(['boot.answerWhileRejected'], {}, (x) => x.respond('BootNotification', () => ({ currentTime: now(), interval: 60, status: 'Rejected' })));
    await s.waitForState((st) => st.bootState === 'Rejected');
    const r = await c.call('GetVariables', { getVariableData: [OFFLINE] });
    expect(results(r, 'getVariableResult')[0]?.attributeStatus).toBe('Accepted');
  },
  'dataTransfer.acceptUnknownVendor': async () => {
    const { c } = await booted(['dataTransfer.acceptUnknownVendor']);
    expect((await c.call('DataTransfer', { vendorId: 'org.nobody', messageId: 'x' })).status).toBe('Accepted');
  },
  'dataTransfer.refuseCustomData': async () => {
    const { c } = await booted(['dataTransfer.refuseCustomData']);
    await expect(c.call('GetVariables', { getVariableData: [OFFLINE], customData: { vendorId: 'org.x' } })).rejects.toMatchObject({ code: 'PropertyConstraintViolation' });
  },
  'reset.forgetAvailability': async () => {
    const { c, s } = await booted(['reset.forgetAvailability']);
    expect((await c.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    const mark = c.mark();
    await c.call('Reset', { type: 'Immediate' });
    await c.waitFor('BootNotification', () => true, 5000, mark);
    await s.waitForState((st) => st.bootState === 'Accepted');
    const status = await c.waitFor('StatusNotification', (p) => p.evseId === 1 && p.connectorId === 1, 5000, mark);
    expect(status.payload.connectorStatus).toBe('Available');
  },
  'meterValues.triggerPeriodicContext': async () => {
    const { c } = await booted(['meterValues.triggerPeriodicContext']);
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 1 } })).status).toBe('Accepted');
    const mv = await c.waitFor('MeterValues', () => true, 5000, mark);
    expect(firstSampleContext(mv.payload)).toBe('Sample.Periodic');
  },
  'diagnostics.triggerReportsUploaded': async () => {
    const { c } = await booted(['diagnostics.triggerReportsUploaded']);
    expect(await triggered(c, 'LogStatusNotification')).toBe('Uploaded');
  },
  'firmware.triggerRejectsEvse': async () => {
    const { c } = await booted(['firmware.triggerRejectsEvse']);
    expect((await c.call('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification', evse: { id: 1 } })).status).toBe('Rejected');
  },
  'firmware.triggerReportsInstalled': async () => {
    const { c } = await booted(['firmware.triggerReportsInstalled']);
    expect(await triggered(c, 'FirmwareStatusNotification')).toBe('Installed');
  },
  'boot.triggerNoHeartbeat': async () => {
    const { c } = await booted(['boot.triggerNoHeartbeat']);
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
    await expect(c.waitFor('Heartbeat', () => true, 300, mark)).rejects.toThrow(/no Heartbeat/);
  },
  'boot.triggerBootWhenAccepted': async () => {
    const { c } = await booted(['boot.triggerBootWhenAccepted']);
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'BootNotification' })).status).toBe('Accepted');
    expect((await c.waitFor('BootNotification', () => true, 5000, mark)).payload.reason).toBe('Triggered');
  },
  'trigger.acceptUnknown': async () => {
    const { c } = await booted(['trigger.acceptUnknown']);
    expect((await c.call('TriggerMessage', { requestedMessage: 'SignCombinedCertificate' })).status).toBe('Accepted');
  },
  'tx.triggerNoMeterValue': async () => {
    const { c, s } = await booted(['tx.triggerNoMeterValue']);
    await charging(c, s);
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'TransactionEvent', evse: { id: 1 } })).status).toBe('Accepted');
    const te = await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'Trigger', 5000, mark);
    expect(te.payload.meterValue).toBeUndefined();
  },
  'status.triggerRejectsConnector': async () => {
    const { c } = await booted(['status.triggerRejectsConnector']);
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).status).toBe('Rejected');
  },
  'status.triggerAlwaysAvailable': async () => {
    const { c, s } = await booted(['status.triggerAlwaysAvailable']);
    s.plugIn(1, 1);
    await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied');
    const mark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    expect((await c.waitFor('StatusNotification', () => true, 5000, mark)).payload.connectorStatus).toBe('Available');
  },
  'reset.evseScheduledWhenIdle': async () => {
    const { c } = await booted(['reset.evseScheduledWhenIdle']);
    expect((await c.call('Reset', { type: 'OnIdle', evseId: 1 })).status).toBe('Scheduled');
  },
  'getvariables.ignoreAttributeType': async () => {
    const { c } = await booted(['getvariables.ignoreAttributeType']);
    const got = await c.call('GetVariables', { getVariableData: [{ ...OFFLINE, attributeType: 'Target' }] });
    expect(results(got, 'getVariableResult')[0]).toMatchObject({ attributeStatus: 'Accepted', attributeType: 'Target' });
    const set = await c.call('SetVariables', { setVariableData: [{ ...OFFLINE, attributeType: 'MaxSet', attributeValue: '300' }] });
    expect(results(set, 'setVariableResult')[0]?.attributeStatus).toBe('Accepted');
  },
  'report.summaryWithoutEvses': async () => {
    const { c } = await booted(['report.summaryWithoutEvses']);
    const mark = c.mark();
    expect((await c.call('GetBaseReport', { requestId: 7, reportBase: 'SummaryInventory' })).status).toBe('Accepted');
    const report = await c.waitFor('NotifyReport', (p) => p.requestId === 7, 5000, mark);
    const components = (report.payload.reportData as Json[]).map((d) => (d.component as Json).name);
    expect(components).toContain('ChargingStation');
    expect(components).not.toContain('EVSE');
  },
  'getvariables.onlyFirst': async () => {
    const { c } = await booted(['getvariables.onlyFirst']);
    const r = await c.call('GetVariables', { getVariableData: [OFFLINE, { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalAuthorizeOffline' } }] });
    expect(results(r, 'getVariableResult')).toHaveLength(1);
  },
  'setvariables.notApplied': async () => {
    const { c } = await booted(['setvariables.notApplied']);
    const set = await c.call('SetVariables', { setVariableData: [{ ...OFFLINE, attributeValue: '301' }] });
    expect(results(set, 'setVariableResult')[0]?.attributeStatus).toBe('Accepted');
    const got = await c.call('GetVariables', { getVariableData: [OFFLINE] });
    expect(results(got, 'getVariableResult')[0]?.attributeValue).not.toBe('301');
  },
  'setvariables.rejectValid': async () => {
    const { c } = await booted(['setvariables.rejectValid']);
    const set = await c.call('SetVariables', { setVariableData: [{ ...OFFLINE, attributeValue: '300' }] });
    expect(results(set, 'setVariableResult')[0]?.attributeStatus).toBe('Rejected');
  },
  'setvariables.onlyFirst': async () => {
    const { c } = await booted(['setvariables.onlyFirst']);
    const set = await c.call('SetVariables', {
      setVariableData: [
        { ...OFFLINE, attributeValue: '300' },
        { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalAuthorizeOffline' }, attributeValue: 'true' },
      ],
    });
    expect(results(set, 'setVariableResult')).toHaveLength(1);
  },
  'report.noNotifyReport': async () => {
    const { c } = await booted(['report.noNotifyReport']);
    expect((await c.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' })).status).toBe('Accepted');
    await expect(c.waitFor('NotifyReport', () => true, 300)).rejects.toThrow(/no NotifyReport/);
  },
  'report.wrongSeqNo': async () => {
    const { c } = await booted(['report.wrongSeqNo']);
    await c.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' });
    expect((await c.waitFor('NotifyReport')).payload.seqNo).toBe(1);
  },
  'report.readOnlyInConfiguration': async () => {
    const { c } = await booted(['report.readOnlyInConfiguration']);
    await c.call('GetBaseReport', { requestId: 1, reportBase: 'ConfigurationInventory' });
    const pages = await c.waitFor('NotifyReport');
    const muts = (pages.payload.reportData as Array<{ variableAttribute: Json[] }>).map((d) => d.variableAttribute[0]?.mutability);
    expect(muts).toContain('ReadOnly');
  },
  'report.noCharacteristics': async () => {
    const { c } = await booted(['report.noCharacteristics']);
    await c.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' });
    const page = await c.waitFor('NotifyReport');
    expect((page.payload.reportData as Json[]).every((d) => d.variableCharacteristics === undefined)).toBe(true);
  },
  'report.noInfrastructure': async () => {
    const { c } = await booted(['report.noInfrastructure']);
    const mark = c.mark();
    await c.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' });
    await c.waitFor('NotifyReport', (p) => p.tbc !== true, 5000, mark);
    const names = c.of('NotifyReport', mark).flatMap((e) => (e.payload.reportData as Array<{ component: { name: string } }>).map((d) => d.component.name));
    expect(names).toContain('OCPPCommCtrlr');
    expect(names.filter((n) => ['ChargingStation', 'EVSE', 'Connector'].includes(n))).toEqual([]);
  },
  'reset.ignoreOnIdle': async () => {
    const { c, s } = await booted(['reset.ignoreOnIdle']);
    await charging(c, s);
    const mark = c.mark();
    expect((await c.call('Reset', { type: 'OnIdle' })).status).toBe('Scheduled');
    await c.waitFor('BootNotification', () => true, 5000, mark);
    expect(c.of('TransactionEvent', mark)[0]?.payload.triggerReason).toBe('ResetCommand');
  },
  'reset.noReboot': async () => {
    const { c } = await booted(['reset.noReboot'], { timers: { heartbeatMs: 50 } });
    const mark = c.mark();
    expect((await c.call('Reset', { type: 'Immediate' })).status).toBe('Accepted');
    await c.waitForCount('Heartbeat', 2, () => true, 3000, mark);
    expect(c.of('BootNotification', mark)).toEqual([]);
  },
  'rpc.schemaInvalidResponse': async () => {
    const { c } = await booted(['rpc.schemaInvalidResponse']);
    await c.call('GetVariables', { getVariableData: [OFFLINE] });
    expect(c.trace.problems().some((e) => e.kind === 'violation' && e.rule === 'invalid-response')).toBe(true);
  },
  'rpc.neverAnswer': async () => {
    const { c } = await booted(['rpc.neverAnswer']);
    await expect(c.conn.call('GetVariables', { getVariableData: [OFFLINE] }, { timeoutMs: 300 })).rejects.toMatchObject({ name: 'CallTimeoutError' });
  },
  'rpc.lateAnswer': async () => {
    const { c } = await booted(['rpc.lateAnswer'], { timers: { lateAnswerMs: 400 } });
    await expect(c.conn.call('GetVariables', { getVariableData: [OFFLINE] }, { timeoutMs: 200 })).rejects.toMatchObject({ name: 'CallTimeoutError' });
  },
  'rpc.concurrentCall': async () => {
    const { c } = await booted(['rpc.concurrentCall']);
    await c.waitFor('SecurityEventNotification');
    expect(c.trace.problems().some((e) => e.kind === 'violation' && e.rule === 'concurrent-call')).toBe(true);
  },
  'rpc.wrongCallErrorCode': async () => {
    const { c } = await booted(['rpc.wrongCallErrorCode']);
    await expect(c.call('CostUpdated', { totalCost: 1, transactionId: 'x' })).rejects.toMatchObject({ code: 'GenericError' });
  },
  'subprotocol.wrong': async () => {
    const { c } = await run(['subprotocol.wrong'], { timers: { reconnectMs: 10_000 } });
    await expect(c.waitForConnection(1, 500)).rejects.toThrow(/no connection/);
  },
  'auth.wrongPassword': async () => {
    const { csms } = await start(
      { actionApi: false, securityProfile: 1, password: 'correct-password-1234', faults: ['auth.wrongPassword'], timers: { reconnectMs: 10_000 } },
      { server: { securityProfile: 1, checkPassword: (_id, pw) => pw === 'correct-password-1234' } },
    );
    await expect(csms.waitForConnection(1, 500)).rejects.toThrow(/no connection/);
  },
  ...authorizationScenarios(start),
  ...invalidIdScenarios(start),
  ...masterPassUiScenarios(start),
  ...fileTransferScenarios(booted),
  ...s13Scenarios(booted, start),
  ...customerScenarios(booted),
  ...txOptionScenarios(booted),
  ...securityConnectionScenarios(start),
  ...csmsRootScenarios(start),
  ...firmwareVariantScenarios(booted),
  ...netprofScenarios(booted),
  ...securityUpgradeScenarios(start),
  ...migrationScenarios(start),
};

describe('station simulator: named faults', () => {
  it('every registered fault has a scenario here', () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(STATION_FAULTS).sort());
  });
  for (const [name, scenario] of Object.entries(scenarios)) it(name, scenario);

  it('without faults, the authorization probes see correct behaviour', () => correctAuthorization(start));
  it('without faults, the invalid-id probes see correct behaviour', () => correctInvalidId(start));
  it('without faults, customer information is reported, cleared and confirmed', () => correctCustomerInformation(booted));
  it('without faults, the master pass UI stops every transaction when asked to', () => correctMasterPassUi(start));
  it('without faults, the master pass UI stops the selected transaction only', () => correctMasterPassUiOne(start));
  it('without faults, no security profile upgrade without a CSMS root', () => correctNoUpgradeWithoutRoot(start));
  it('without faults, the security profile upgrade reaches profile 2 and drops the lower slot', () => correctSecurityUpgrade(start));

  it('without faults, the same probes see correct behaviour', async () => {
    const { c, s } = await booted([]);
    await expect(c.call('CostUpdated', { totalCost: 1, transactionId: 'x' })).rejects.toMatchObject({ code: 'NotSupported' });
    const r = await c.call('SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, attributeValue: 'X' }] });
    expect(results(r, 'setVariableResult')[0]?.attributeStatus).toBe('Rejected');
    const target = await c.call('GetVariables', { getVariableData: [{ ...OFFLINE, attributeType: 'Target' }] });
    expect(results(target, 'getVariableResult')[0]?.attributeStatus).toBe('NotSupportedAttributeType');
    expect((await c.call('Reset', { type: 'OnIdle', evseId: 1 })).status).toBe('Accepted');
    expect((await c.call('DataTransfer', { vendorId: 'org.nobody', messageId: 'x' })).status).toBe('UnknownVendorId');
    const custom = await c.call('GetVariables', { getVariableData: [OFFLINE], customData: { vendorId: 'org.x' } });
    expect(results(custom, 'getVariableResult')[0]?.attributeStatus).toBe('Accepted');
    const mark = c.mark();
    await c.call('GetBaseReport', { requestId: 8, reportBase: 'SummaryInventory' });
    const summary = await c.waitFor('NotifyReport', (p) => p.requestId === 8, 5000, mark);
    expect((summary.payload.reportData as Json[]).map((d) => (d.component as Json).name)).toContain('EVSE');
    const mvMark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 1 } })).status).toBe('Accepted');
    expect(firstSampleContext((await c.waitFor('MeterValues', () => true, 5000, mvMark)).payload)).toBe('Trigger');
    expect(await triggered(c, 'LogStatusNotification')).toBe('Idle');
    expect(await triggered(c, 'FirmwareStatusNotification')).toBe('Idle');
    expect((await c.call('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification', evse: { id: 1 } })).status).toBe('Accepted');
    const hbMark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'Heartbeat' })).status).toBe('Accepted');
    await c.waitFor('Heartbeat', () => true, 5000, hbMark);
    expect((await c.call('TriggerMessage', { requestedMessage: 'BootNotification' })).status).toBe('Rejected');
    expect((await c.call('TriggerMessage', { requestedMessage: 'SignCombinedCertificate' })).status).toBe('NotImplemented');
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    await charging(c, s);
    const occupied = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).status).toBe('Accepted');
    expect((await c.waitFor('StatusNotification', () => true, 5000, occupied)).payload.connectorStatus).toBe('Occupied');
    const txMark = c.mark();
    expect((await c.call('TriggerMessage', { requestedMessage: 'TransactionEvent', evse: { id: 1 } })).status).toBe('Accepted');
    expect((await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'Trigger', 5000, txMark)).payload.meterValue).toBeDefined();
    expect(c.trace.problems()).toEqual([]);
  });
});
