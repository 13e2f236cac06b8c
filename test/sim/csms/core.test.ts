// The reference CSMS against a scripted station: boot rules, heartbeat, authorization, transactions, reports.
import { afterEach, describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import { validatePayload } from '../../../src/schema/index.ts';
import { startCsmsSim, UnknownFaultError } from '../../../src/sim/csms/index.ts';
import type { CsmsSim, CsmsSimOptions } from '../../../src/sim/csms/index.ts';
import { AVAILABLE_STATUS, openStation } from './helpers.ts';
import type { ScriptedStation } from './helpers.ts';

let sim: CsmsSim | undefined;
const stations: ScriptedStation[] = [];
/** Schema problems of any answer the CSMS gave in the current test (none of these tests uses a schema-breaking fault). */
let invalidAnswers: string[] = [];

async function setup(opts: CsmsSimOptions = {}): Promise<CsmsSim> {
  const s = await startCsmsSim({ operatorApi: false, ...opts });
  sim = s;
  s.on('request', (e) => {
    if (e.response === undefined) return;
    const version = s.station(e.identity)?.version ?? '2.0.1';
    for (const p of validatePayload(version, e.action, 'response', e.response)) invalidAnswers.push(`${e.action}: ${p.message}`);
  });
  return s;
}
async function station(identity: string, s: CsmsSim = sim!): Promise<ScriptedStation> {
  const st = await openStation(s.url, identity);
  stations.push(st);
  return st;
}

afterEach(async () => {
  for (const s of stations.splice(0)) s.close();
  await sim?.stop();
  sim = undefined;
  const invalid = invalidAnswers;
  invalidAnswers = [];
  expect(invalid).toEqual([]);
});

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('boot', () => {
  it('accepts a station with the heartbeat interval and a 3-digit currentTime', async () => {
    await setup({ heartbeatIntervalS: 42 });
    const st = await station('CS1');
    const res = await st.boot();
    expect(res.status).toBe('Accepted');
    expect(res.interval).toBe(42);
    expect(res.currentTime).toMatch(ISO_MS);
    expect(validatePayload('2.0.1', 'BootNotification', 'response', res)).toEqual([]);
    await st.call('StatusNotification', AVAILABLE_STATUS());
    await st.call('NotifyEvent', {
      generatedAt: new Date().toISOString(),
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: new Date().toISOString(),
          trigger: 'Delta',
          actualValue: 'Available',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'Connector', evse: { id: 2, connectorId: 1 } },
          variable: { name: 'AvailabilityState' },
        },
      ],
    });
    const snap = sim!.station('CS1')!;
    expect(snap.bootStatus).toBe('Accepted');
    expect(snap.connected).toBe(true);
    expect(snap.connectors.map((c) => [c.evseId, c.connectorId, c.status, c.via])).toEqual([
      [1, 1, 'Available', 'StatusNotification'],
      [2, 1, 'Available', 'NotifyEvent'],
    ]);
  });

  it('rejects per identity and refuses every other request with SecurityError', async () => {
    await setup({ boot: { perIdentity: { BAD: 'Rejected' }, intervalS: 7 } });
    const st = await station('BAD');
    const res = await st.boot();
    expect(res).toMatchObject({ status: 'Rejected', interval: 7 });
    const err = await st.call('StatusNotification', AVAILABLE_STATUS()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallErrorResponse);
    expect((err as CallErrorResponse).code).toBe('SecurityError');
    const err2 = await st.call('Heartbeat', {}).catch((e: unknown) => e);
    expect((err2 as CallErrorResponse).code).toBe('SecurityError');
  });

  it('Pending: provisions with SetVariables, refuses untriggered requests, allows triggered ones, then accepts', async () => {
    const s = await setup({ boot: { status: 'Pending', intervalS: 3, pendingThenAccept: { afterMs: 0 } } });
    const st = await station('PEND');
    const workDone = s.waitFor('pendingWorkDone', (e) => e.identity === 'PEND');
    const res = await st.boot();
    expect(res).toMatchObject({ status: 'Pending', interval: 3 });
    const set = await st.nextRequest('SetVariables');
    expect(set.setVariableData).toEqual([
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
    ]);
    await workDone;
    // Not triggered: refused.
    const err = await st.call('StatusNotification', AVAILABLE_STATUS()).catch((e: unknown) => e);
    expect((err as CallErrorResponse).code).toBe('SecurityError');
    // Triggered by the operator: allowed.
    const trig = s.callStation('PEND', 'TriggerMessage', { requestedMessage: 'StatusNotification' });
    await st.nextRequest('TriggerMessage');
    await trig;
    await expect(st.call('StatusNotification', AVAILABLE_STATUS())).resolves.toEqual({});
    // A report we asked for may be delivered while Pending.
    await s.callStation('PEND', 'GetBaseReport', { requestId: 5, reportBase: 'ConfigurationInventory' });
    await expect(st.call('NotifyReport', { requestId: 5, generatedAt: new Date().toISOString(), seqNo: 0 })).resolves.toEqual({});
    const other = await st.call('NotifyReport', { requestId: 6, generatedAt: new Date().toISOString(), seqNo: 0 }).catch((e: unknown) => e);
    expect((other as CallErrorResponse).code).toBe('SecurityError');
    // Second boot: Accepted, and the station may talk freely.
    expect((await st.boot()).status).toBe('Accepted');
    await expect(st.call('Heartbeat', {})).resolves.toHaveProperty('currentTime');
    // Later boots of a provisioned station are Accepted straight away.
    expect((await st.boot('RemoteReset')).status).toBe('Accepted');
  });

  it('Pending without pendingThenAccept stays Pending until the operator releases it', async () => {
    const s = await setup({ boot: { status: 'Pending' } });
    const st = await station('HOLD');
    expect((await st.boot()).status).toBe('Pending');
    expect((await st.boot()).status).toBe('Pending');
    expect(s.station('HOLD')?.bootStatus).toBe('Pending');
  });

  it('rejects unknown fault names with the valid list', async () => {
    await expect(startCsmsSim({ faults: ['boot.nope'], operatorApi: false })).rejects.toThrow(UnknownFaultError);
    await expect(startCsmsSim({ faults: ['boot.nope'], operatorApi: false })).rejects.toThrow(/boot\.wrongStatus/);
  });
});

describe('heartbeat', () => {
  it('answers currentTime with exactly three fraction digits', async () => {
    await setup();
    const st = await station('HB');
    await st.boot();
    const res = await st.call('Heartbeat', {});
    expect(res.currentTime).toMatch(ISO_MS);
    expect(Math.abs(Date.parse(res.currentTime as string) - Date.now())).toBeLessThan(5_000);
    expect(sim!.station('HB')?.lastHeartbeatAt).toBeDefined();
  });
});

describe('authorization', () => {
  const tokens: CsmsSimOptions['tokens'] = [
    { idToken: 'OK1', type: 'ISO14443', status: 'Accepted', groupIdToken: 'G1', cacheExpiryDateTime: '2030-01-01T00:00:00.000Z' },
    { idToken: 'BLK', type: 'ISO14443', status: 'Blocked' },
    { idToken: 'EXP', type: 'ISO14443', status: 'Expired' },
    { idToken: 'INV', type: 'ISO14443', status: 'Invalid' },
    { idToken: 'POOR', type: 'Central', status: 'NoCredit' },
    { idToken: 'MASTER', type: 'ISO14443', status: 'Accepted', masterPass: true },
  ];

  it('answers from the token list; unknown tokens are Unknown', async () => {
    await setup({ tokens, masterPassGroupId: 'MPG' });
    const st = await station('AUTH');
    await st.boot();
    const info = async (idToken: string, type = 'ISO14443'): Promise<Record<string, unknown>> => {
      const res = await st.call('Authorize', { idToken: { idToken, type } });
      expect(validatePayload('2.0.1', 'Authorize', 'response', res)).toEqual([]);
      return res.idTokenInfo as Record<string, unknown>;
    };
    expect(await info('OK1')).toEqual({
      status: 'Accepted',
      groupIdToken: { idToken: 'G1', type: 'Central' },
      cacheExpiryDateTime: '2030-01-01T00:00:00.000Z',
    });
    expect((await info('BLK')).status).toBe('Blocked');
    expect((await info('EXP')).status).toBe('Expired');
    expect((await info('INV')).status).toBe('Invalid');
    expect((await info('POOR', 'Central')).status).toBe('NoCredit');
    expect((await info('NOBODY')).status).toBe('Unknown');
    expect((await info('OK1', 'Central')).status).toBe('Unknown');
    expect(await info('MASTER')).toEqual({ status: 'Accepted', groupIdToken: { idToken: 'MPG', type: 'Central' } });
  });

  it('faults turn Blocked and Invalid into Accepted', async () => {
    await setup({ tokens, faults: ['auth.blockedAsAccepted', 'auth.invalidAsAccepted'] });
    const st = await station('AUTHF');
    await st.boot();
    for (const t of ['BLK', 'INV', 'NOBODY']) {
      const res = await st.call('Authorize', { idToken: { idToken: t, type: 'ISO14443' } });
      expect((res.idTokenInfo as Record<string, unknown>).status).toBe('Accepted');
    }
    const exp = await st.call('Authorize', { idToken: { idToken: 'EXP', type: 'ISO14443' } });
    expect((exp.idTokenInfo as Record<string, unknown>).status).toBe('Expired');
  });
});

function txEvent(seqNo: number, eventType: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventType,
    timestamp: new Date().toISOString(),
    triggerReason: eventType === 'Started' ? 'CablePluggedIn' : eventType === 'Ended' ? 'EVCommunicationLost' : 'ChargingStateChanged',
    seqNo,
    transactionInfo: { transactionId: 'TX1', chargingState: eventType === 'Ended' ? 'Idle' : 'Charging' },
    evse: { id: 1, connectorId: 1 },
    ...extra,
  };
}

describe('transactions', () => {
  it('tracks Started/Updated/Ended, returns idTokenInfo for idTokens, and records seqNo gaps', async () => {
    await setup({ tokens: [{ idToken: 'T1', type: 'ISO14443', status: 'Accepted' }] });
    const st = await station('TX');
    await st.boot();
    expect(await st.call('TransactionEvent', txEvent(0, 'Started'))).toEqual({});
    const withToken = await st.call('TransactionEvent', txEvent(1, 'Updated', { triggerReason: 'Authorized', idToken: { idToken: 'T1', type: 'ISO14443' } }));
    expect(withToken).toEqual({ idTokenInfo: { status: 'Accepted' } });
    await st.call('TransactionEvent', txEvent(4, 'Updated'));
    await st.call('TransactionEvent', txEvent(5, 'Ended', { transactionInfo: { transactionId: 'TX1', stoppedReason: 'EVDisconnected', chargingState: 'Idle' } }));
    const tx = sim!.station('TX')!.transactions[0]!;
    expect(tx).toMatchObject({ transactionId: 'TX1', state: 'Ended', startedMissing: false, stoppedReason: 'EVDisconnected', evseId: 1, connectorId: 1 });
    expect(tx.seqNos).toEqual([0, 1, 4, 5]);
    expect(tx.missingSeqNos).toEqual([2, 3]);
    expect(tx.idToken).toEqual({ idToken: 'T1', type: 'ISO14443' });
    // A late message fills part of the gap.
    await st.call('TransactionEvent', txEvent(2, 'Updated'));
    expect(sim!.station('TX')!.transactions[0]!.missingSeqNos).toEqual([3]);
    expect(sim!.station('TX')!.transactions[0]!.state).toBe('Ended');
  });

  it('accepts a new transaction restarting at seqNo 0; the tx.rejectSeqNoRestart fault refuses it', async () => {
    await setup();
    const st = await station('SEQ');
    await st.boot();
    await st.call('TransactionEvent', txEvent(0, 'Started'));
    await st.call('TransactionEvent', txEvent(1, 'Ended'));
    const second = { ...txEvent(0, 'Started'), transactionInfo: { transactionId: 'TX2' } };
    await expect(st.call('TransactionEvent', second)).resolves.toEqual({});
    st.close();
    await sim!.stop();

    await setup({ faults: ['tx.rejectSeqNoRestart'] });
    const st2 = await station('SEQ');
    await st2.boot();
    await st2.call('TransactionEvent', txEvent(0, 'Started'));
    await st2.call('TransactionEvent', txEvent(1, 'Ended'));
    await expect(st2.call('TransactionEvent', second)).rejects.toBeInstanceOf(CallErrorResponse);
  });

  it('tx.ignoreSeqNoGap hides gaps and tx.noIdTokenInfo drops idTokenInfo', async () => {
    await setup({ faults: ['tx.ignoreSeqNoGap', 'tx.noIdTokenInfo'] });
    const st = await station('TXF');
    await st.boot();
    await st.call('TransactionEvent', txEvent(0, 'Started'));
    const res = await st.call('TransactionEvent', txEvent(3, 'Updated', { idToken: { idToken: 'X', type: 'ISO14443' } }));
    expect(res).toEqual({});
    expect(sim!.station('TXF')!.transactions[0]!.missingSeqNos).toEqual([]);
  });
});

describe('reports and notifications', () => {
  it('stores NotifyReport pages per requestId and learns ItemsPerMessage', async () => {
    const s = await setup();
    const st = await station('REP');
    await st.boot();
    const ask = await s.callStation('REP', 'GetBaseReport', { requestId: 9, reportBase: 'FullInventory' });
    expect(ask).toEqual({ status: 'Accepted' });
    const page = (seqNo: number, tbc: boolean, items: unknown[]): Record<string, unknown> => ({
      requestId: 9,
      generatedAt: new Date().toISOString(),
      seqNo,
      tbc,
      reportData: items,
    });
    const item = (c: string, v: string, value: string, instance?: string): unknown => ({
      component: { name: c },
      variable: instance ? { name: v, instance } : { name: v },
      variableAttribute: [{ type: 'Actual', value }],
    });
    await st.call('NotifyReport', page(0, true, [item('OCPPCommCtrlr', 'OfflineThreshold', '300')]));
    expect(sim!.station('REP')!.reports[0]!.complete).toBe(false);
    await st.call('NotifyReport', page(1, false, [item('DeviceDataCtrlr', 'ItemsPerMessage', '2', 'GetVariables')]));
    const snap = sim!.station('REP')!;
    expect(snap.reports[0]).toMatchObject({ requestId: 9, requested: 'FullInventory', requestStatus: 'Accepted', parts: [0, 1], complete: true });
    expect(snap.reports[0]!.items).toHaveLength(2);
    expect(snap.itemsPerMessage).toEqual({ getVariables: 2 });
    expect(snap.variables.find((v) => v.variable === 'OfflineThreshold')?.value).toBe('300');
  });

  it('acknowledges the notification messages schema-validly and records security events', async () => {
    await setup();
    const st = await station('NOTE');
    await st.boot();
    const now = new Date().toISOString();
    const calls: Array<[string, Record<string, unknown>]> = [
      ['SecurityEventNotification', { type: 'FirmwareUpdated', timestamp: now, techInfo: 'x' }],
      ['FirmwareStatusNotification', { status: 'Installed', requestId: 1 }],
      ['LogStatusNotification', { status: 'Uploaded', requestId: 2 }],
      ['MeterValues', { evseId: 1, meterValue: [{ timestamp: now, sampledValue: [{ value: 1.5 }] }] }],
      ['NotifyMonitoringReport', { requestId: 3, seqNo: 0, generatedAt: now }],
      ['NotifyCustomerInformation', { data: 'd', seqNo: 0, generatedAt: now, requestId: 4 }],
      ['NotifyEVChargingNeeds', { evseId: 1, chargingNeeds: { requestedEnergyTransfer: 'AC_single_phase' } }],
      ['GetCertificateStatus', { ocspRequestData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c', responderURL: 'http://x' } }],
    ];
    for (const [action, payload] of calls) {
      const res = await st.call(action, payload);
      expect(validatePayload('2.0.1', action, 'response', res), action).toEqual([]);
    }
    const dt = await st.call('DataTransfer', { vendorId: 'com.example' });
    expect(dt).toEqual({ status: 'UnknownVendorId' });
    const snap = sim!.station('NOTE')!;
    expect(snap.securityEvents).toMatchObject([{ type: 'FirmwareUpdated', techInfo: 'x' }]);
    expect(snap.notifications.map((n) => n.action)).toContain('FirmwareStatusNotification');
  });

  it('knows DataTransfer vendors it was told about', async () => {
    await setup({ dataTransferVendors: ['com.example'] });
    const st = await station('DT');
    await st.boot();
    expect(await st.call('DataTransfer', { vendorId: 'com.example', messageId: 'm' })).toEqual({ status: 'Accepted' });
  });
});

describe('state across connections', () => {
  it('keeps the registration when a station reconnects without rebooting, and reports disconnects', async () => {
    const s = await setup();
    const st = await station('RC');
    await st.boot();
    const gone = s.waitFor('disconnected', (e) => e.identity === 'RC');
    st.close();
    await gone;
    expect(s.station('RC')!.connected).toBe(false);
    const again = await station('RC');
    await expect(again.call('Heartbeat', {})).resolves.toHaveProperty('currentTime');
    expect(s.station('RC')!.connected).toBe(true);
    expect(s.station('RC')!.bootCount).toBe(1);
  });
});
