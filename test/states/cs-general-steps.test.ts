// The general station-side steps against a scripted peer: "if implemented" configuration with the name
// reconciliation, the negative wait, presenting a configured token.
import { describe, expect, it } from 'vitest';
import type { SutActions } from '../../src/actions/types.ts';
import { DEFAULTS } from '../../src/config/load.ts';
import { deviceModelName, explainName } from '../../src/config/device-model-names.ts';
import type { CsmsPeer } from '../../src/peer/csms-peer.ts';
import { ExpectationFailed, PreconditionFailed } from '../../src/peer/errors.ts';
import { Inbox } from '../../src/peer/inbox.ts';
import type { EngineSettings } from '../../src/peer/settings.ts';
import { presentConfiguredToken, sendsNothing, setIfImplemented } from '../../src/runner/ops/cs-general.ts';
import { Memory, type CsContext } from '../../src/states/context.ts';

type Json = Record<string, unknown>;
const settings: EngineSettings = { ...DEFAULTS.bench, evseId: 1, connectorId: 1, evses: DEFAULTS.evses, idTokens: DEFAULTS.idTokens };

/** A station whose device model answers SetVariables from `answers` (Component.Variable -> attributeStatus). */
function station(answers: Record<string, string>): { ctx: CsContext; notes: string[]; asked: string[]; presented: string[] } {
  const inbox = new Inbox();
  const notes: string[] = [];
  const asked: string[] = [];
  const presented: string[] = [];
  const peer = {
    version: '2.0.1',
    timing: { expectMs: 60, connectMs: 60, bootMs: 60, reconnectGapMs: 0 },
    inbox,
    note: (m: string) => notes.push(m),
    expectRequest: (action: string | string[], o: Json = {}) => inbox.expect(action, { within: 60, ...o }),
    callAndAwait: async (_action: string, payload: Json) => {
      const d = (payload.setVariableData as Json[])[0] as { component: { name: string }; variable: { name: string } };
      const name = `${d.component.name}.${d.variable.name}`;
      asked.push(name);
      return { payload: { setVariableResult: [{ attributeStatus: answers[name] ?? 'UnknownComponent', component: d.component, variable: d.variable }] } };
    },
  } as unknown as CsmsPeer;
  const actions = { kind: 'scripted', presentIdToken: async (t: string, type: string, evse: number) => void presented.push(`${t}/${type}@${evse}`) } as unknown as SutActions;
  return { ctx: { role: 'ChargingStation', peer, actions, settings, memory: new Memory(), reached: new Set(), requirementIds: [], track: () => undefined }, notes, asked, presented };
}

describe('configuration "if implemented"', () => {
  it('sets the device-model spelling of a Part 6 name', async () => {
    const s = station({ 'AuthCtrlr.Enabled': 'Accepted' });
    await setIfImplemented(s.ctx, 'AuthCtrlr.AuthEnabled', 'false');
    expect(s.asked).toEqual(['AuthCtrlr.Enabled']);
  });
  it('falls back to the Part 6 spelling when the station only knows that one', async () => {
    const s = station({ 'AuthCtrlr.Enabled': 'UnknownVariable', 'AuthCtrlr.AuthEnabled': 'Accepted' });
    await setIfImplemented(s.ctx, 'AuthCtrlr.AuthEnabled', 'false');
    expect(s.asked).toEqual(['AuthCtrlr.Enabled', 'AuthCtrlr.AuthEnabled']);
  });
  it('is a no-op with a note naming both spellings when neither is implemented', async () => {
    const s = station({ 'AuthCtrlr.Enabled': 'UnknownVariable', 'AuthCtrlr.AuthEnabled': 'UnknownVariable' });
    await setIfImplemented(s.ctx, 'AuthCtrlr.AuthEnabled', 'false');
    expect(s.notes.join('\n')).toMatch(/AuthCtrlr\.Enabled \(Part 6 writes AuthCtrlr\.AuthEnabled.*not implemented.*UnknownVariable/);
  });
  it('NotSupportedAttributeType and UnknownComponent are no-ops too', async () => {
    await setIfImplemented(station({ 'ReservationCtrlr.Enabled': 'NotSupportedAttributeType' }).ctx, 'ReservationCtrlr.ReservationEnabled', 'true');
    await setIfImplemented(station({}).ctx, 'TxCtrlr.TxStartPoint', 'PowerPathClosed');
  });
  it('a refusal of an implemented variable is INCONCLUSIVE (PreconditionFailed), not a no-op', async () => {
    await expect(setIfImplemented(station({ 'TxCtrlr.TxStartPoint': 'Rejected' }).ctx, 'TxCtrlr.TxStartPoint', 'PowerPathClosed')).rejects.toBeInstanceOf(PreconditionFailed);
  });
  it('the reconciliation list maps only the names that differ', () => {
    expect(deviceModelName('TxCtrlr.TxStartPoint')).toEqual({ name: 'TxCtrlr.TxStartPoint' });
    expect(deviceModelName('AuthCtrlr.MastersPassGroupId').name).toBe('AuthCtrlr.MasterPassGroupId');
    expect(explainName('OCPPCommCtrlr.HeartbeatInterval')).toBe('OCPPCommCtrlr.HeartbeatInterval');
  });
});

describe('negative wait bounded by the configured message timeout', () => {
  it('passes when nothing of the kind arrives within the timeout (other messages do not matter)', async () => {
    const s = station({});
    setTimeout(() => s.ctx.peer.inbox.add({ at: Date.now(), action: 'Heartbeat', payload: {}, frame: [2, '1', 'Heartbeat', {}] as never, connection: 0 }), 5);
    await sendsNothing(s.ctx, 'TransactionEvent');
  });
  it('fails when one arrives, naming the timeout', async () => {
    const s = station({});
    setTimeout(() => s.ctx.peer.inbox.add({ at: Date.now(), action: 'TransactionEvent', payload: { eventType: 'Started' }, frame: [2, '1', 'TransactionEvent', {}] as never, connection: 0 }), 5);
    const e = await sendsNothing(s.ctx, 'TransactionEvent').then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(ExpectationFailed);
    expect((e as ExpectationFailed).expected).toMatch(/no TransactionEventRequest within the configured message timeout/);
  });
});

describe('presenting a configured token', () => {
  it('presents the token of the role at the configured EVSE', async () => {
    const s = station({});
    await presentConfiguredToken(s.ctx, 'blocked');
    expect(s.presented).toEqual(['OCTT-BLOCKED-0001/ISO14443@1']);
  });
  it('a role the configuration leaves out is INCONCLUSIVE', async () => {
    await expect(presentConfiguredToken(station({}).ctx, 'masterPass')).rejects.toBeInstanceOf(PreconditionFailed);
  });
});
