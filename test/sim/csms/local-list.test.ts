// Local-list area of the reference CSMS: the list it believes each station holds, the removal after a customer's
// data was cleared (N10), and its faults.
import { describe, expect, it } from 'vitest';
import { AREA, localListOf } from '../../../src/sim/csms/areas/local-list.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import type { ResolvedOptions } from '../../../src/sim/csms/options.ts';
import { StationRecord } from '../../../src/sim/csms/state.ts';

type Json = Record<string, unknown>;

const TOKEN = { idToken: 'T1', type: 'ISO14443' };
const OTHER = { idToken: 'T2', type: 'ISO14443' };

/** A handler context whose later work is collected and whose own requests are recorded. */
function context(faults: string[] = []): { ctx: HandlerContext; sent: Array<[string, Json]>; runLater: () => Promise<void> } {
  const tasks: Array<() => Promise<void>> = [];
  const sent: Array<[string, Json]> = [];
  const ctx: HandlerContext = {
    station: new StationRecord('LL1'),
    opts: { faults: new CsmsFaultSet(faults) } as unknown as ResolvedOptions,
    version: '2.0.1',
    later: (fn) => tasks.push(fn),
    startPendingWork: () => undefined,
    sendCertificate: () => undefined,
    callStation: (action, payload) => {
      sent.push([action, payload]);
      return Promise.resolve({ status: 'Accepted' });
    },
  };
  return { ctx, sent, runLater: async () => { for (const t of tasks.splice(0)) await t(); } };
}

const learn = (ctx: HandlerContext, action: string, request: Json, response: Json): void => AREA.learn!(ctx.station, action, request, response, ctx.opts.faults);
const wire = (faults: string[], action: string, payload: Json): Json => {
  const p = structuredClone(payload);
  AREA.outgoing!(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
};

/** The station holds version 1 with TOKEN (Full, accepted), then a clear of TOKEN's customer data was accepted. */
function clearedCustomer(faults: string[] = []): ReturnType<typeof context> {
  const c = context(faults);
  learn(c.ctx, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [{ idToken: TOKEN, idTokenInfo: { status: 'Accepted' } }] }, { status: 'Accepted' });
  learn(c.ctx, 'CustomerInformation', { requestId: 5, report: true, clear: true, idToken: TOKEN }, { status: 'Accepted' });
  return c;
}

describe('local-list area: what the station holds', () => {
  it('follows full and differential updates the station accepted, and the version it reports', () => {
    const { ctx } = context();
    learn(ctx, 'SendLocalList', { versionNumber: 3, updateType: 'Full', localAuthorizationList: [{ idToken: TOKEN, idTokenInfo: { status: 'Accepted' } }] }, { status: 'Accepted' });
    learn(ctx, 'SendLocalList', { versionNumber: 4, updateType: 'Differential', localAuthorizationList: [{ idToken: OTHER, idTokenInfo: { status: 'Accepted' } }, { idToken: TOKEN }] }, { status: 'Accepted' });
    expect(localListOf(ctx.station).version).toBe(4);
    expect([...localListOf(ctx.station).entries.keys()]).toEqual(['T2|ISO14443']);
    learn(ctx, 'SendLocalList', { versionNumber: 9, updateType: 'Full' }, { status: 'Failed' });
    expect(localListOf(ctx.station).version).toBe(4);
    learn(ctx, 'GetLocalListVersion', {}, { versionNumber: 0 });
    expect(localListOf(ctx.station)).toMatchObject({ version: 0, entries: new Map() });
  });

  it('after the last report part on a cleared customer, removes its idToken with the next version', async () => {
    const { ctx, sent, runLater } = clearedCustomer();
    expect(AREA.answer!(ctx, 'NotifyCustomerInformation', { requestId: 5, seqNo: 0, tbc: true }, {})).toEqual({});
    await runLater();
    expect(sent).toEqual([]);
    AREA.answer!(ctx, 'NotifyCustomerInformation', { requestId: 5, seqNo: 1 }, {});
    await runLater();
    expect(sent).toEqual([['SendLocalList', { versionNumber: 2, updateType: 'Differential', localAuthorizationList: [{ idToken: TOKEN }] }]]);
  });

  it('sends nothing when the cleared idToken is not in the list', async () => {
    const { ctx, sent, runLater } = context();
    learn(ctx, 'SendLocalList', { versionNumber: 1, updateType: 'Full', localAuthorizationList: [{ idToken: OTHER, idTokenInfo: { status: 'Accepted' } }] }, { status: 'Accepted' });
    learn(ctx, 'CustomerInformation', { requestId: 5, report: true, clear: true, idToken: TOKEN }, { status: 'Accepted' });
    AREA.answer!(ctx, 'NotifyCustomerInformation', { requestId: 5, seqNo: 0 }, {});
    await runLater();
    expect(sent).toEqual([]);
  });
});

describe('local-list area: faults', () => {
  it("'localList.keepClearedCustomer' leaves the cleared idToken in the list", async () => {
    const { ctx, sent, runLater } = clearedCustomer(['localList.keepClearedCustomer']);
    AREA.answer!(ctx, 'NotifyCustomerInformation', { requestId: 5, seqNo: 0 }, {});
    await runLater();
    expect(sent).toEqual([]);
  });

  it('outgoing SendLocalList and GetLocalListVersion faults change the wire copy only', () => {
    const full = { versionNumber: 2, updateType: 'Full' };
    const diff = { versionNumber: 2, updateType: 'Differential', localAuthorizationList: [{ idToken: TOKEN }] };
    expect(wire(['localList.fullAsDifferential'], 'SendLocalList', full).updateType).toBe('Differential');
    expect(wire(['localList.differentialAsFull'], 'SendLocalList', diff).updateType).toBe('Full');
    expect(wire(['localList.versionNotRaised'], 'SendLocalList', diff).versionNumber).toBe(1);
    expect(wire(['localList.removalWithIdTokenInfo'], 'SendLocalList', diff).localAuthorizationList).toEqual([{ idToken: TOKEN, idTokenInfo: { status: 'Invalid' } }]);
    expect(wire(['localList.emptyListAsArray'], 'SendLocalList', full).localAuthorizationList).toEqual([]);
    expect(wire(['localList.versionRequestWithEvseId'], 'GetLocalListVersion', {})).toEqual({ evseId: 1 });
    expect(wire([], 'SendLocalList', diff)).toEqual(diff);
  });
});
