// Fault scenarios of the remote-control, availability and meter-values areas (spread into faults.test.ts): each
// switches its fault on and sees the effect. The correct behaviour is covered in remote-availability-meter.test.ts.
import { expect } from 'vitest';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';

export interface FaultHelpers {
  booted(faults: string[], opts?: Partial<StationSimOptions>): Promise<{ c: ScriptedCsms; s: StationSim }>;
  charging(c: ScriptedCsms, s: StationSim): Promise<void>;
}

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };
const AUTHORIZE_REMOTE_START = { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } };

async function remoteStart(c: ScriptedCsms, remoteStartId = 5): Promise<void> {
  expect((await c.call('RequestStartTransaction', { idToken: TAG, evseId: 1, remoteStartId })).status).toBe('Accepted');
}

const txId = (s: StationSim): string => String(s.state().evses[0]?.transaction?.transactionId);

export function s15Scenarios(h: FaultHelpers): Record<string, () => Promise<void>> {
  return {
    'remoteControl.noRemoteStartId': async () => {
      const { c, s } = await h.booted(['remoteControl.noRemoteStartId']);
      s.plugIn(1, 1);
      const mark = c.mark();
      await remoteStart(c);
      const te = await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'RemoteStart', 5000, mark);
      expect((te.payload.transactionInfo as Json).remoteStartId).toBeUndefined();
    },
    'remoteControl.ignoreAuthorizeRemoteStart': async () => {
      const { c } = await h.booted(['remoteControl.ignoreAuthorizeRemoteStart']);
      await c.call('SetVariables', { setVariableData: [{ ...AUTHORIZE_REMOTE_START, attributeValue: 'true' }] });
      const mark = c.mark();
      await remoteStart(c);
      await expect(c.waitFor('Authorize', () => true, 300, mark)).rejects.toThrow(/no Authorize/);
    },
    'remoteControl.alwaysAuthorizeRemoteStart': async () => {
      const { c } = await h.booted(['remoteControl.alwaysAuthorizeRemoteStart']);
      const mark = c.mark();
      await remoteStart(c);
      await c.waitFor('Authorize', () => true, 5000, mark);
    },
    'remoteControl.noEvConnectionTimeout': async () => {
      const { c } = await h.booted(['remoteControl.noEvConnectionTimeout'], { timers: { evConnectionTimeoutMs: 50 }, txStartPoint: ['Authorized'] });
      const mark = c.mark();
      await remoteStart(c);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      await expect(c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 400, mark)).rejects.toThrow(/no TransactionEvent/);
    },
    'remoteControl.stopIgnored': async () => {
      const { c, s } = await h.booted(['remoteControl.stopIgnored']);
      await h.charging(c, s);
      const mark = c.mark();
      expect((await c.call('RequestStopTransaction', { transactionId: txId(s) })).status).toBe('Accepted');
      await expect(c.waitFor('TransactionEvent', () => true, 300, mark)).rejects.toThrow(/no TransactionEvent/);
    },
    'remoteControl.stopAcceptsUnknownId': async () => {
      const { c } = await h.booted(['remoteControl.stopAcceptsUnknownId']);
      expect((await c.call('RequestStopTransaction', { transactionId: 'nope' })).status).toBe('Accepted');
    },
    'remoteControl.unlockDuringTransaction': async () => {
      const { c, s } = await h.booted(['remoteControl.unlockDuringTransaction']);
      await h.charging(c, s);
      expect((await c.call('UnlockConnector', { evseId: 1, connectorId: 1 })).status).toBe('Unlocked');
    },
    'remoteControl.unlockFails': async () => {
      const { c } = await h.booted(['remoteControl.unlockFails']);
      expect((await c.call('UnlockConnector', { evseId: 1, connectorId: 1 })).status).toBe('UnlockFailed');
    },
    'remoteControl.unlockUnknownConnector': async () => {
      const { c } = await h.booted(['remoteControl.unlockUnknownConnector']);
      expect((await c.call('UnlockConnector', { evseId: 1, connectorId: 999 })).status).toBe('Unlocked');
    },
  };
}

const CHANGE = async (c: ScriptedCsms, payload: Json): Promise<unknown> => (await c.call('ChangeAvailability', payload)).status;

export function s15AvailabilityScenarios(h: FaultHelpers): Record<string, () => Promise<void>> {
  return {
    'status.neverOccupied': async () => {
      const { c, s } = await h.booted(['status.neverOccupied']);
      const mark = c.mark();
      s.plugIn(1, 1);
      await expect(c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied', 300, mark)).rejects.toThrow(/no StatusNotification/);
    },
    'status.silentUnplug': async () => {
      const { c, s } = await h.booted(['status.silentUnplug']);
      s.plugIn(1, 1);
      await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Occupied');
      const mark = c.mark();
      s.plugOut(1, 1);
      await expect(c.waitFor('StatusNotification', () => true, 300, mark)).rejects.toThrow(/no StatusNotification/);
    },
    'availability.ignoreInoperative': async () => {
      const { c } = await h.booted(['availability.ignoreInoperative']);
      const mark = c.mark();
      expect(await CHANGE(c, { operationalStatus: 'Inoperative', evse: { id: 1 } })).toBe('Accepted');
      await expect(c.waitFor('StatusNotification', () => true, 300, mark)).rejects.toThrow(/no StatusNotification/);
    },
    'availability.ignoreOperative': async () => {
      const { c } = await h.booted(['availability.ignoreOperative']);
      expect(await CHANGE(c, { operationalStatus: 'Inoperative', evse: { id: 1 } })).toBe('Accepted');
      await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Unavailable');
      const mark = c.mark();
      expect(await CHANGE(c, { operationalStatus: 'Operative', evse: { id: 1 } })).toBe('Accepted');
      await expect(c.waitFor('StatusNotification', () => true, 300, mark)).rejects.toThrow(/no StatusNotification/);
    },
    'availability.rejectUnchanged': async () => {
      const { c } = await h.booted(['availability.rejectUnchanged']);
      expect(await CHANGE(c, { operationalStatus: 'Operative', evse: { id: 1 } })).toBe('Rejected');
    },
    'availability.acceptedWhileCharging': async () => {
      const { c, s } = await h.booted(['availability.acceptedWhileCharging']);
      await h.charging(c, s);
      expect(await CHANGE(c, { operationalStatus: 'Inoperative', evse: { id: 1 } })).toBe('Accepted');
    },
    'availability.forgetOnReboot': async () => {
      const { c } = await h.booted(['availability.forgetOnReboot']);
      expect(await CHANGE(c, { operationalStatus: 'Inoperative', evse: { id: 1 } })).toBe('Accepted');
      await c.waitFor('StatusNotification', (p) => p.connectorStatus === 'Unavailable');
      const mark = c.mark();
      await c.call('Reset', { type: 'Immediate' });
      const after = await c.waitFor('StatusNotification', (p) => p.evseId === 1, 5000, mark);
      expect(after.payload.connectorStatus).toBe('Available');
    },
  };
}

const ALIGNED = (variable: string, value: string): Json => ({ component: { name: 'AlignedDataCtrlr' }, variable: { name: variable }, attributeValue: value });
const SAMPLED = (variable: string, value: string): Json => ({ component: { name: 'SampledDataCtrlr' }, variable: { name: variable }, attributeValue: value });
const contexts = (p: Json): unknown[] => ((p.meterValue as Json[] | undefined) ?? []).map((mv) => ((mv.sampledValue as Json[])[0] as Json).context);

export function s15MeterValueScenarios(h: FaultHelpers): Record<string, () => Promise<void>> {
  return {
    'meterValues.noTransactionBegin': async () => {
      const { c, s } = await h.booted(['meterValues.noTransactionBegin']);
      const mark = c.mark();
      await h.charging(c, s);
      expect((await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark)).payload.meterValue).toBeUndefined();
    },
    'meterValues.endedWithoutSamples': async () => {
      const { c, s } = await h.booted(['meterValues.endedWithoutSamples']);
      await c.call('SetVariables', { setVariableData: [SAMPLED('TxEndedInterval', '1'), SAMPLED('TxUpdatedInterval', '1')] });
      await h.charging(c, s);
      // Two periodic events on the same 1 s period: the TxEnded collector has taken a sample by then.
      await c.waitForCount('TransactionEvent', 2, (p) => p.triggerReason === 'MeterValuePeriodic', 5000);
      const mark = c.mark();
      s.presentToken(TAG, 1);
      const ended = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Ended', 5000, mark);
      expect(contexts(ended.payload)).toEqual(['Transaction.End']);
    },
    'meterValues.periodicHalfInterval': async () => {
      const { c, s } = await h.booted(['meterValues.periodicHalfInterval']);
      await c.call('SetVariables', { setVariableData: [SAMPLED('TxUpdatedInterval', '1')] });
      await h.charging(c, s);
      const [a, b] = await c.waitForCount('TransactionEvent', 2, (p) => p.triggerReason === 'MeterValuePeriodic', 3000);
      expect((b?.at ?? 0) - (a?.at ?? 0)).toBeLessThan(800);
    },
    'meterValues.clockPeriodicContext': async () => {
      const { c } = await h.booted(['meterValues.clockPeriodicContext']);
      const mark = c.mark();
      await c.call('SetVariables', { setVariableData: [ALIGNED('Enabled', 'true'), ALIGNED('Interval', '1')] });
      expect(contexts((await c.waitFor('MeterValues', () => true, 3000, mark)).payload)).toEqual(['Sample.Periodic']);
    },
    'meterValues.unsignedReadings': async () => {
      const { c, s } = await h.booted(['meterValues.unsignedReadings']);
      await c.call('SetVariables', { setVariableData: [SAMPLED('SignReadings', 'true')] });
      const mark = c.mark();
      await h.charging(c, s);
      const started = await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
      expect((((started.payload.meterValue as Json[])[0] as Json).sampledValue as Json[])[0]?.signedMeterValue).toBeUndefined();
    },
    'meterValues.clockDuringTransaction': async () => {
      const { c, s } = await h.booted(['meterValues.clockDuringTransaction']);
      await c.call('SetVariables', { setVariableData: [ALIGNED('Enabled', 'true'), ALIGNED('SendDuringIdle', 'true'), ALIGNED('Interval', '1')] });
      await h.charging(c, s);
      const mark = c.mark();
      await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'MeterValueClock', 3000, mark);
    },
  };
}
