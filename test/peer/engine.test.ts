// Unit tests of the engine's pieces that decide verdicts: the table languages, the inbox, the rule monitor.
import { describe, expect, it } from 'vitest';
import { ExpectationFailed, ScriptError, WaitCancelled } from '../../src/peer/errors.ts';
import { applyPayloadFields, evaluateChecks, parseChecks, parsePayloadFields } from '../../src/peer/fields.ts';
import { Inbox } from '../../src/peer/inbox.ts';
import { RuleMonitor } from '../../src/peer/rules.ts';

const noRefs = (n: string): unknown => {
  throw new ScriptError(n);
};

describe('check tables', () => {
  it('catch a typo in a field path or an enum value loudly', () => {
    expect(() => parseChecks('2.0.1', 'BootNotificationResponse', [['stauts', 'Accepted']])).toThrow(/no field "stauts"/);
    expect(() => parseChecks('2.0.1', 'BootNotificationResponse', [['status', 'Acepted']])).toThrow(/not one of Accepted, Pending, Rejected/);
    expect(() => parseChecks('2.0.1', 'BootNotificationRequest', [['chargingStation.model', 'Foo']])).toThrow(/quote text values/);
  });
  it('explain mismatches and support absent-or, one-of, comparisons and [?] groups', () => {
    const checks = parseChecks('2.0.1', 'GetVariablesResponse', [
      ['getVariableResult[?a].variable.name', '"OfflineThreshold"'],
      ['getVariableResult[?a].attributeValue', '"300"'],
      ['getVariableResult[?b].variable.name', '"LocalAuthorizeOffline"'],
      ['getVariableResult[?b].attributeStatusInfo.reasonCode', 'absent or "NoError"'],
    ]);
    const ok = {
      getVariableResult: [
        { attributeStatus: 'Accepted', component: { name: 'AuthCtrlr' }, variable: { name: 'LocalAuthorizeOffline' } },
        { attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '300' },
      ],
    };
    expect(evaluateChecks(ok, checks, noRefs)).toEqual([]);
    const bad = { getVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '301' }] };
    expect(evaluateChecks(bad, checks, noRefs).join('\n')).toMatch(/no element of getVariableResult has variable.name "OfflineThreshold", attributeValue "300"/);
    const cmp = parseChecks('2.0.1', 'GetBaseReportRequest', [['requestId', '>= 0'], ['reportBase', 'one of FullInventory, ConfigurationInventory']]);
    expect(evaluateChecks({ requestId: -1, reportBase: 'SummaryInventory' }, cmp, noRefs)).toHaveLength(2);
  });
  it('payload tables build nested requests and resolve placeholders', () => {
    const fields = parsePayloadFields('2.0.1', 'SetVariablesRequest', [
      ['setVariableData[0].component.name', '"OCPPCommCtrlr"'],
      ['setVariableData[0].variable.name', '"OfflineThreshold"'],
      ['setVariableData[0].attributeValue', '<v>'],
    ]);
    expect(applyPayloadFields({}, fields, () => '300')).toEqual({
      setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '300' }],
    });
  });
});

describe('inbox', () => {
  const frame = { type: 2 as const, id: '1', action: 'Heartbeat', payload: {} };
  it('hands out entries once, in order, and waits with a deadline that explains what came', async () => {
    const inbox = new Inbox();
    inbox.add({ at: Date.now(), action: 'Heartbeat', payload: {}, frame, connection: 0 });
    const first = await inbox.expect('Heartbeat', { within: 100 });
    expect(first.seq).toBe(1);
    const later = inbox.expect('StatusNotification', { within: 1000 });
    inbox.add({ at: Date.now(), action: 'StatusNotification', payload: { connectorStatus: 'Available' }, frame, connection: 0 });
    await expect(later).resolves.toMatchObject({ seq: 2 });
    const err = await inbox.expect('Heartbeat', { within: 30 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExpectationFailed);
    expect((err as ExpectationFailed).actual).toMatch(/already used by earlier steps/);
  });
  it('teardown cancels a wait with WaitCancelled', async () => {
    const inbox = new Inbox();
    const w = inbox.expect('Heartbeat', { within: 10_000 });
    inbox.cancelAll();
    await expect(w).rejects.toBeInstanceOf(WaitCancelled);
  });
});

describe('rule monitor', () => {
  it('flags a transaction that does not start with Started, repeats or skips a seqNo', () => {
    const r = new RuleMonitor();
    const te = (eventType: string, seqNo: number, id = 't1') => ({ eventType, seqNo, transactionInfo: { transactionId: id } });
    r.observeTransactionEvent(te('Started', 0), 'a');
    r.observeTransactionEvent(te('Updated', 2), 'b');
    r.observeTransactionEvent(te('Updated', 2), 'c');
    r.observeTransactionEvent(te('Updated', 5, 't2'), 'd');
    r.finish();
    expect(r.breaches.map((b) => b.rule).sort()).toEqual(['tx-first-not-started', 'tx-seqno-gap', 'tx-seqno-repeated']);
  });
  it('accepts an unchanged retransmission of a refused event', () => {
    const r = new RuleMonitor();
    const te = { eventType: 'Started', seqNo: 0, transactionInfo: { transactionId: 'r' } };
    r.observeTransactionEvent(te, 'a');
    r.observeTransactionEvent({ ...te }, 'b', true);
    r.finish();
    expect(r.breaches).toEqual([]);
  });
  it('accepts events that arrive out of order when seqNo is consecutive', () => {
    const r = new RuleMonitor();
    r.observeTransactionEvent({ eventType: 'Updated', seqNo: 1, transactionInfo: { transactionId: 'x' } }, 'b');
    r.observeTransactionEvent({ eventType: 'Started', seqNo: 0, transactionInfo: { transactionId: 'x' } }, 'a');
    r.finish();
    expect(r.breaches).toEqual([]);
  });
});
