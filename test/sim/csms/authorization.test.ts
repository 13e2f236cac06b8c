// Authorization area of the reference CSMS: each fault bends exactly the idTokenInfo (or request) it names.
import { describe, expect, it } from 'vitest';
import { CallErrorResponse } from '../../../src/rpc/index.ts';
import { simWithStation } from './helpers.ts';

const VALID = { idToken: 'VALID-1', type: 'ISO14443' };
const INVALID = { idToken: 'INVALID-1', type: 'ISO14443' };
const MASTER = { idToken: 'MASTER-1', type: 'ISO14443' };

const booted = simWithStation('AU1', {
  masterPassGroupId: 'MASTERS',
  tokens: [
    { ...VALID, status: 'Accepted', groupIdToken: 'GROUP-1' },
    { ...INVALID, status: 'Invalid' },
    { ...MASTER, status: 'Accepted', masterPass: true },
  ],
});

let seqNo = 0;
function event(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    eventType: 'Updated',
    timestamp: new Date().toISOString(),
    triggerReason: 'Authorized',
    seqNo: seqNo++,
    transactionInfo: { transactionId: 'TX-1' },
    ...fields,
  };
}

describe('authorization area', () => {
  it('without faults: statuses and groups from the token list, idTokenInfo whenever an idToken came', async () => {
    const { st: s } = await booted([]);
    expect(await s.call('Authorize', { idToken: VALID })).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'GROUP-1', type: 'Central' } } });
    expect(await s.call('TransactionEvent', event({ idToken: INVALID }))).toEqual({ idTokenInfo: { status: 'Invalid' } });
    const ended = await s.call('TransactionEvent', event({ eventType: 'Ended', idToken: MASTER, transactionInfo: { transactionId: 'TX-1', stoppedReason: 'MasterPass' } }));
    expect(ended).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'MASTERS', type: 'Central' } } });
  });

  it('auth.txTrustsStationCache accepts any token reported as Authorized, nothing else', async () => {
    const { st: s } = await booted(['auth.txTrustsStationCache']);
    expect(await s.call('TransactionEvent', event({ idToken: INVALID }))).toEqual({ idTokenInfo: { status: 'Accepted' } });
    expect(await s.call('TransactionEvent', event({ triggerReason: 'StopAuthorized', idToken: INVALID }))).toEqual({ idTokenInfo: { status: 'Invalid' } });
    expect(await s.call('Authorize', { idToken: INVALID })).toEqual({ idTokenInfo: { status: 'Invalid' } });
  });

  it('auth.txRequiresPriorAuthorize refuses a token the station did not authorize with the CSMS first', async () => {
    const { st: s } = await booted(['auth.txRequiresPriorAuthorize']);
    expect(await s.call('TransactionEvent', event({ idToken: VALID }))).toEqual({ idTokenInfo: { status: 'Invalid' } });
    await s.call('Authorize', { idToken: VALID });
    expect(await s.call('TransactionEvent', event({ idToken: VALID }))).toMatchObject({ idTokenInfo: { status: 'Accepted' } });
  });

  it('auth.endedWithoutIdTokenInfo drops idTokenInfo from Ended events only', async () => {
    const { st: s } = await booted(['auth.endedWithoutIdTokenInfo']);
    expect(await s.call('TransactionEvent', event({ idToken: VALID }))).toMatchObject({ idTokenInfo: { status: 'Accepted' } });
    expect(await s.call('TransactionEvent', event({ eventType: 'Ended', idToken: VALID }))).toEqual({});
  });

  it('group.ownTokenAsGroup puts the presented token where its group belongs', async () => {
    const { st: s } = await booted(['group.ownTokenAsGroup']);
    expect(await s.call('Authorize', { idToken: MASTER })).toEqual({ idTokenInfo: { status: 'Accepted', groupIdToken: MASTER } });
    expect(await s.call('Authorize', { idToken: INVALID })).toEqual({ idTokenInfo: { status: 'Invalid' } });
  });

  it('masterPass.stoppedReasonRefused answers a MasterPass stop with a CALLERROR', async () => {
    const { st: s } = await booted(['masterPass.stoppedReasonRefused']);
    const stop = event({ eventType: 'Ended', idToken: MASTER, transactionInfo: { transactionId: 'TX-1', stoppedReason: 'MasterPass' } });
    await expect(s.call('TransactionEvent', stop)).rejects.toBeInstanceOf(CallErrorResponse);
    expect(await s.call('TransactionEvent', event({ eventType: 'Ended', idToken: VALID }))).toMatchObject({ idTokenInfo: { status: 'Accepted' } });
  });

  it('cache.clearWithEvseId adds an evseId to the ClearCacheRequest on the wire', async () => {
    const { sim } = await booted(['cache.clearWithEvseId']);
    // The scripted station refuses the schema-invalid request, so the CSMS's own record of the call shows the wire copy.
    const sent = sim.waitFor('call', (e) => e.action === 'ClearCache', 5_000);
    await sim.callStation('AU1', 'ClearCache', {}).catch(() => undefined);
    expect((await sent).payload).toEqual({ evseId: 1 });
  });
});
