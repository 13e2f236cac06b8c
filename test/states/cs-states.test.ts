// Reusable states of the station role against a scripted peer: the station's messages are scripted per SUT action,
// the states wait and check as in a run. One accepting run per form Part 6 allows, one rejecting run per broken form.
import { describe, expect, it } from 'vitest';
import type { SutActions } from '../../src/actions/types.ts';
import { DEFAULTS } from '../../src/config/load.ts';
import type { CsmsPeer } from '../../src/peer/csms-peer.ts';
import { ExpectationFailed } from '../../src/peer/errors.ts';
import { Inbox } from '../../src/peer/inbox.ts';
import type { EngineSettings } from '../../src/peer/settings.ts';
import { Memory, type CsContext } from '../../src/states/context.ts';
import { authorized, evConnectedPreSession } from '../../src/states/cs.ts';
import { authorizedTx, evConnectedPreSessionTx } from '../../src/states/cs-tx-rules.ts';

type Json = Record<string, unknown>;
type Msg = [action: string, payload: Json];

const settings: EngineSettings = { ...DEFAULTS.bench, evseId: 1, connectorId: 1, evses: DEFAULTS.evses, idTokens: DEFAULTS.idTokens };
const TOKEN = { idToken: 'OCTT-VALID-0001', type: 'ISO14443' };
const NOW = '2026-01-01T00:00:00.000Z';

/** A CsContext whose station sends `script[action]` when the state performs that SUT action. */
function scripted(points: { start: string[]; stop?: string[] }, script: Partial<Record<'plugIn' | 'presentIdToken', Msg[]>>, opts: { authorized?: boolean; txOpen?: boolean } = {}): CsContext {
  const inbox = new Inbox();
  const deliver = (msgs: Msg[] = []): void => {
    for (const [action, payload] of msgs) inbox.add({ at: Date.now(), action, payload, frame: [2, String(inbox.entries.length + 1), action, payload] as never, connection: 0 });
  };
  const peer = {
    version: '2.0.1',
    timing: { expectMs: 50, connectMs: 50, bootMs: 50, reconnectGapMs: 0 },
    inbox,
    note: () => undefined,
    expectRequest: (action: string | string[], o: Json = {}) => inbox.expect(action, { within: 50, ...o }),
    // The scripted station needs no answers (nothing is held).
    answerIfHeld: () => undefined,
  } as unknown as CsmsPeer;
  const actions = {
    kind: 'scripted',
    plugIn: async () => deliver(script.plugIn),
    presentIdToken: async () => deliver(script.presentIdToken),
  } as unknown as SutActions;
  const memory = new Memory();
  memory.set('txPoints', { start: points.start, stop: points.stop ?? ['EVConnected'] });
  if (opts.txOpen) memory.set('transactionId', 'tx-1');
  const reached = new Set<string>(opts.authorized ? ['Authorized'] : []);
  return { role: 'ChargingStation', peer, actions, settings, memory, reached, requirementIds: [], track: () => undefined };
}

const occupied: Msg = ['StatusNotification', { timestamp: NOW, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }];
const occupiedEvent: Msg = ['NotifyEvent', { generatedAt: NOW, seqNo: 0, eventData: [{ eventId: 1, timestamp: NOW, trigger: 'Delta', actualValue: 'Occupied', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } }] }];
const te = (fields: Json): Msg => [
  'TransactionEvent',
  { eventType: 'Started', timestamp: NOW, triggerReason: 'CablePluggedIn', seqNo: 0, evse: { id: 1, connectorId: 1 }, ...fields, transactionInfo: { transactionId: 'tx-1', chargingState: 'EVConnected', ...((fields.transactionInfo as Json | undefined) ?? {}) } },
];
const periodic: Msg = te({ eventType: 'Updated', triggerReason: 'MeterValuePeriodic', evse: undefined });

async function rejects(run: Promise<void>, fragment: RegExp): Promise<void> {
  const e = await run.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(ExpectationFailed);
  expect(`${(e as ExpectationFailed).expected} | ${(e as ExpectationFailed).actual}`).toMatch(fragment);
}

describe('EVConnectedPreSession (station SUT)', () => {
  describe('accepts every form Part 6 allows', () => {
    const accepted: Array<[string, Parameters<typeof scripted>[0], Msg[], { authorized?: boolean; txOpen?: boolean }]> = [
      ['PowerPathClosed, authorized: Started, CablePluggedIn, Charging', { start: ['PowerPathClosed'] }, [occupied, te({ transactionInfo: { chargingState: 'Charging' } })], { authorized: true }],
      ['PowerPathClosed, authorized: Started, ChargingStateChanged, SuspendedEVSE (status by NotifyEvent only)', { start: ['PowerPathClosed'] }, [occupiedEvent, te({ triggerReason: 'ChargingStateChanged', transactionInfo: { chargingState: 'SuspendedEVSE' } })], { authorized: true }],
      ['PowerPathClosed, authorized: Started, EVConnected, after a periodic event', { start: ['PowerPathClosed'] }, [occupied, periodic, te({})], { authorized: true }],
      ['EVConnected: Started, CablePluggedIn, EVConnected', { start: ['EVConnected'] }, [occupied, te({})], {}],
      ['EVConnected with RemoteStart trigger', { start: ['EVConnected', 'Authorized'] }, [occupied, te({ triggerReason: 'RemoteStart' })], {}],
      ['Authorized start, transaction open: Updated without evse', { start: ['Authorized'] }, [occupied, te({ eventType: 'Updated', evse: undefined, transactionInfo: { chargingState: 'Charging' } })], { authorized: true, txOpen: true }],
      ['ParkingBayOccupancy start, transaction open: Updated with evse', { start: ['ParkingBayOccupancy'] }, [occupied, te({ eventType: 'Updated' })], { txOpen: true }],
      ['PowerPathClosed, not authorized: only the status report is due', { start: ['PowerPathClosed'] }, [occupied], {}],
      ['EnergyTransfer, authorized: only the status report is due', { start: ['EnergyTransfer'] }, [occupied], { authorized: true }],
    ];
    for (const [name, points, plugIn, opts] of accepted) {
      it(name, async () => {
        const ctx = scripted(points, { plugIn }, opts);
        await evConnectedPreSession(ctx);
        expect(ctx.reached.has('EVConnectedPreSession')).toBe(true);
      });
    }
  });

  describe('rejects every broken form', () => {
    const broken: Array<[string, Parameters<typeof scripted>[0], Msg[], { authorized?: boolean; txOpen?: boolean }, RegExp]> = [
      ['PowerPathClosed, authorized: no transaction starts', { start: ['PowerPathClosed'] }, [occupied], { authorized: true }, /TransactionEventRequest .*PowerPathClosed.*\| received 1x StatusNotification;/],
      ['PowerPathClosed, authorized: only periodic events', { start: ['PowerPathClosed'] }, [occupied, periodic], { authorized: true }, /did not match .*MeterValuePeriodic/],
      ['EVConnected: the event says Updated though no transaction was open', { start: ['EVConnected'] }, [occupied, te({ eventType: 'Updated' })], {}, /eventType should be "Started" but is "Updated"/],
      ['transaction open: the event says Started again', { start: ['Authorized'] }, [occupied, te({})], { authorized: true, txOpen: true }, /eventType should be "Updated" but is "Started"/],
      ['a trigger Part 6 does not allow (Authorized)', { start: ['EVConnected'] }, [occupied, te({ triggerReason: 'Authorized' })], {}, /triggerReason should be one of .* but is "Authorized"/],
      ['not authorized but Charging', { start: ['EVConnected'] }, [occupied, te({ transactionInfo: { chargingState: 'Charging' } })], {}, /chargingState should be "EVConnected" but is "Charging"/],
      ['another EVSE', { start: ['EVConnected'] }, [occupied, te({ evse: { id: 2, connectorId: 1 } })], {}, /evse\.id should be .* but is 2/],
      ['Started without evse', { start: ['EVConnected'] }, [occupied, te({ evse: undefined })], {}, /evse\.id should be .* but is absent/],
      ['connector reported Available', { start: ['EVConnected'] }, [['StatusNotification', { ...occupied[1], connectorStatus: 'Available' }], te({})], {}, /connectorStatus should be "Occupied" but is "Available"/],
      ['no status report at all', { start: ['EVConnected'] }, [te({})], {}, /StatusNotificationRequest or NotifyEventRequest/],
    ];
    for (const [name, points, plugIn, opts, why] of broken) {
      it(name, async () => {
        await rejects(evConnectedPreSession(scripted(points, { plugIn }, opts)), why);
      });
    }
  });
});

describe('Authorized, local variant (station SUT)', () => {
  const authorize: Msg = ['Authorize', { idToken: TOKEN }];
  const authTe = (fields: Json = {}): Msg => te({ triggerReason: 'Authorized', idToken: TOKEN, ...fields });
  it('Authorized start: AuthorizeRequest, then Started with trigger Authorized and the token', async () => {
    await authorized(scripted({ start: ['Authorized'] }, { presentIdToken: [authorize, authTe()] }));
  });
  it('token cached (no AuthorizeRequest): the TransactionEvent alone', async () => {
    await authorized(scripted({ start: ['Authorized'] }, { presentIdToken: [authTe()] }));
  });
  it('PowerPathClosed start, no cable: only the AuthorizeRequest is due', async () => {
    await authorized(scripted({ start: ['PowerPathClosed'] }, { presentIdToken: [authorize] }));
  });
  it('transaction open (started at EVConnected): Updated with trigger Authorized', async () => {
    await authorized(scripted({ start: ['EVConnected'] }, { presentIdToken: [authorize, authTe({ eventType: 'Updated', evse: undefined })] }, { txOpen: true }));
  });
  it('rejects: Authorized start but no transaction starts', async () => {
    await rejects(authorized(scripted({ start: ['Authorized'] }, { presentIdToken: [authorize] })), /\| received 1x Authorize;/);
  });
  it('rejects: the TransactionEvent carries another token', async () => {
    await rejects(authorized(scripted({ start: ['Authorized'] }, { presentIdToken: [authorize, authTe({ idToken: { idToken: 'OTHER', type: 'ISO14443' } })] })), /TransactionEventRequest.*idToken.idToken should be .* but is "OTHER"/);
  });
  it('rejects: the AuthorizeRequest carries another token', async () => {
    await rejects(authorized(scripted({ start: ['Authorized'] }, { presentIdToken: [['Authorize', { idToken: { idToken: 'OTHER', type: 'ISO14443' } }], authTe()] })), /AuthorizeRequest.*idToken.idToken should be .* but is "OTHER"/);
  });
});

describe('the rules themselves', () => {
  it('say when an event is due and why', () => {
    expect(evConnectedPreSessionTx({ start: ['PowerPathClosed'], stop: [], authorized: false, txOpen: false }).due).toBe(false);
    expect(evConnectedPreSessionTx({ start: ['PowerPathClosed'], stop: [], authorized: true, txOpen: false }).because).toMatch(/PowerPathClosed/);
    expect(evConnectedPreSessionTx({ start: ['DataSigned'], stop: [], authorized: true, txOpen: true }).rows[0]).toEqual(['eventType', 'Updated']);
    expect(authorizedTx({ start: ['EVConnected'], stop: [], txOpen: false }).due).toBe(false);
    expect(authorizedTx({ start: ['EVConnected', 'Authorized'], stop: [], txOpen: false }).due).toBe(true);
  });
});
