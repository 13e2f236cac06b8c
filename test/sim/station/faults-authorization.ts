// Scenarios of the authorization area's faults (src/sim/station/areas/authorization.ts, auth-cache.ts), spread into
// faults.test.ts: each switches one fault on and sees its effect; `correctAuthorization` checks the same probes
// without faults.
import { expect } from 'vitest';
import { letProtocolTimePass } from '../../../src/peer/protocol-time.ts';
import type { StationSim, StationSimOptions } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import type { StartStation } from './station-fixture.ts';

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };
const TAG2 = { idToken: 'TAG2', type: 'ISO14443' as const };
const MASTER = { idToken: 'MASTER', type: 'ISO14443' as const };
const GROUP = { idToken: 'GROUP1', type: 'Central' as const };

type Statuses = Record<string, { status: string; groupIdToken?: typeof GROUP }>;

async function booted(start: StartStation, faults: string[], statuses: Statuses = {}, opts: Partial<StationSimOptions> = {}): Promise<{ c: ScriptedCsms; s: StationSim }> {
  const answer = (p: Json): Json => ({ idTokenInfo: statuses[(p.idToken as { idToken: string }).idToken] ?? { status: 'Accepted' } });
  const { csms, sim } = await start({ actionApi: false, faults, ...opts }, {
    configure: (c) => {
      c.respond('Authorize', answer);
      c.respond('TransactionEvent', (p) => (p.idToken ? answer(p) : {}));
    },
  });
  await sim.waitForState((st) => st.bootState === 'Accepted');
  await csms.waitFor('StatusNotification');
  return { c: csms, s: sim };
}

async function setVar(c: ScriptedCsms, component: string, variable: string, value: string): Promise<void> {
  const r = await c.call('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  expect((r.setVariableResult as Json[])[0]?.attributeStatus).toBe('Accepted');
}

const authorizes = (c: ScriptedCsms, token: { idToken: string }, from = 0): number => c.of('Authorize', from).filter((r) => (r.payload.idToken as Json).idToken === token.idToken).length;

/** The token is presented without a cable, then presented again (which ends that authorization). */
async function authorizeAndRelease(c: ScriptedCsms, s: StationSim, token: typeof TAG): Promise<void> {
  s.presentToken(token, 1);
  await s.waitForState((st) => st.evses[0]?.authorized?.idToken === token.idToken);
  s.presentToken(token, 1);
  await s.waitForState((st) => st.evses[0]?.authorized === undefined);
  void c;
}

/** A refused token is presented at EVSE 1 with a cable in; resolves once the station has asked and decided. */
async function refusedWithCable(c: ScriptedCsms, s: StationSim, token: typeof TAG): Promise<number> {
  s.plugIn(1, 1);
  const mark = c.mark();
  s.presentToken(token, 1);
  await c.waitFor('Authorize', () => true, 5000, mark);
  return mark;
}

/** EVSE 1 charging for TAG (group GROUP). */
async function chargingInGroup(c: ScriptedCsms, s: StationSim): Promise<void> {
  const mark = c.mark();
  s.plugIn(1, 1);
  s.presentToken(TAG, 1);
  await c.waitFor('TransactionEvent', (p) => (p.transactionInfo as Json).chargingState === 'Charging', 5000, mark);
}

/** Presents `token` at EVSE 1 during the session and waits for its AuthorizeRequest to be answered. */
async function presentDuring(c: ScriptedCsms, s: StationSim, token: typeof TAG): Promise<number> {
  const mark = c.mark();
  s.presentToken(token, 1);
  await c.waitFor('Authorize', (p) => (p.idToken as Json).idToken === token.idToken, 5000, mark);
  await c.call('GetTransactionStatus', {}); // one round trip: the station has acted on the answer
  return mark;
}

const stopped = (c: ScriptedCsms, from: number): boolean => c.of('TransactionEvent', from).some((r) => r.payload.triggerReason === 'StopAuthorized');

export function authorizationScenarios(start: StartStation): Record<string, () => Promise<void>> {
  return {
    'authorization.ignoreStatus': async () => {
      const { c, s } = await booted(start, ['authorization.ignoreStatus'], { TAG1: { status: 'Invalid' } });
      const mark = await refusedWithCable(c, s, TAG);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    },
    'authorization.ignoreLocalPreAuthorize': async () => {
      const { c, s } = await booted(start, ['authorization.ignoreLocalPreAuthorize']);
      await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'true');
      await authorizeAndRelease(c, s, TAG);
      await authorizeAndRelease(c, s, TAG);
      expect(authorizes(c, TAG)).toBe(2);
    },
    'authorization.preAuthorizeAlways': async () => {
      const { c, s } = await booted(start, ['authorization.preAuthorizeAlways']);
      await authorizeAndRelease(c, s, TAG);
      await authorizeAndRelease(c, s, TAG);
      expect(authorizes(c, TAG)).toBe(1);
    },
    'authorization.trustCachedRejection': async () => {
      const { c, s } = await booted(start, ['authorization.trustCachedRejection'], { TAG1: { status: 'Blocked' } });
      await refusedWithCable(c, s, TAG);
      await c.call('GetTransactionStatus', {}); // the answer is in the cache
      s.presentToken(TAG, 1);
      await c.call('GetTransactionStatus', {});
      expect(authorizes(c, TAG)).toBe(1);
    },
    'authorization.ignoreDisablePostAuthorize': async () => {
      const { c, s } = await booted(start, ['authorization.ignoreDisablePostAuthorize'], { TAG1: { status: 'Invalid' } });
      await refusedWithCable(c, s, TAG);
      await setVar(c, 'AuthCacheCtrlr', 'DisablePostAuthorize', 'true');
      const mark = c.mark();
      s.presentToken(TAG, 1);
      await c.waitFor('Authorize', () => true, 5000, mark);
    },
    'authorization.cacheNeverExpires': async () => {
      const { c, s } = await booted(start, ['authorization.cacheNeverExpires']);
      await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'true');
      await setVar(c, 'AuthCacheCtrlr', 'LifeTime', '1');
      await authorizeAndRelease(c, s, TAG);
      // The cache entry's lifetime (1 s) must pass: the one wait here is the protocol time the fault is about.
      await letProtocolTimePass(1100, 'AuthCacheCtrlr.LifeTime of 1 s runs out', () => undefined);
      await authorizeAndRelease(c, s, TAG);
      expect(authorizes(c, TAG)).toBe(1);
    },
    'authorization.cacheLostOnReboot': async () => {
      const { c, s } = await booted(start, ['authorization.cacheLostOnReboot']);
      await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'true');
      await authorizeAndRelease(c, s, TAG);
      const mark = c.mark();
      s.reboot();
      await c.waitFor('StatusNotification', () => true, 5000, mark);
      await s.waitForState((st) => st.bootState === 'Accepted');
      await authorizeAndRelease(c, s, TAG);
      expect(authorizes(c, TAG)).toBe(2);
    },
    'authorization.clearCacheWhileDisabled': async () => {
      const { c } = await booted(start, ['authorization.clearCacheWhileDisabled']);
      await setVar(c, 'AuthCacheCtrlr', 'Enabled', 'false');
      expect((await c.call('ClearCache', {})).status).toBe('Accepted');
    },
    'authorization.clearCacheRejected': async () => {
      const { c } = await booted(start, ['authorization.clearCacheRejected']);
      expect((await c.call('ClearCache', {})).status).toBe('Rejected');
    },
    'authorization.cacheIgnoresTxResponse': async () => {
      const { c, s } = await booted(start, ['authorization.cacheIgnoresTxResponse']);
      await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'true');
      await authorizeAndRelease(c, s, TAG);
      // The CSMS now calls the token Invalid in the transaction's answer; a correct station would ask again next time.
      c.respond('TransactionEvent', (p) => (p.idToken ? { idTokenInfo: { status: 'Invalid' } } : {}));
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(TAG, 1);
      await c.waitFor('TransactionEvent', (p) => p.triggerReason === 'Deauthorized', 5000, mark);
      s.plugOut(1, 1);
      const again = c.mark();
      s.presentToken(TAG, 1);
      await s.waitForState((st) => st.evses[0]?.authorized?.idToken === TAG.idToken);
      expect(authorizes(c, TAG, again)).toBe(0);
    },
    'authorization.anyTokenStops': async () => {
      const { c, s } = await booted(start, ['authorization.anyTokenStops']);
      await chargingInGroup(c, s);
      expect(stopped(c, await presentDuring(c, s, TAG2))).toBe(true);
    },
    'authorization.ignoreGroupId': async () => {
      const { c, s } = await booted(start, ['authorization.ignoreGroupId'], { TAG1: { status: 'Accepted', groupIdToken: GROUP }, TAG2: { status: 'Accepted', groupIdToken: GROUP } });
      await chargingInGroup(c, s);
      expect(stopped(c, await presentDuring(c, s, TAG2))).toBe(false);
    },
    'authorization.invalidGroupStops': async () => {
      const { c, s } = await booted(start, ['authorization.invalidGroupStops'], { TAG1: { status: 'Accepted', groupIdToken: GROUP }, TAG2: { status: 'Invalid', groupIdToken: GROUP } });
      await chargingInGroup(c, s);
      expect(stopped(c, await presentDuring(c, s, TAG2))).toBe(true);
    },
    'authorization.masterPassStarts': async () => {
      const { c, s } = await booted(start, ['authorization.masterPassStarts'], { MASTER: { status: 'Accepted', groupIdToken: { idToken: 'MP', type: 'Central' } as never } });
      await setVar(c, 'AuthCtrlr', 'MasterPassGroupId', 'MP');
      const mark = c.mark();
      s.plugIn(1, 1);
      s.presentToken(MASTER, 1);
      await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
    },
    'authorization.masterPassIgnored': async () => {
      const { c, s } = await booted(start, ['authorization.masterPassIgnored'], { MASTER: { status: 'Accepted', groupIdToken: { idToken: 'MP', type: 'Central' } as never } });
      await setVar(c, 'AuthCtrlr', 'MasterPassGroupId', 'MP');
      await chargingInGroup(c, s);
      expect(stopped(c, await presentDuring(c, s, MASTER))).toBe(false);
    },
  };
}

/** Without faults the same probes see the behaviour Part 2 asks for. */
export async function correctAuthorization(start: StartStation): Promise<void> {
  const statuses: Statuses = { TAG1: { status: 'Accepted', groupIdToken: GROUP }, TAG2: { status: 'Accepted', groupIdToken: GROUP }, BAD: { status: 'Invalid', groupIdToken: GROUP }, MASTER: { status: 'Accepted', groupIdToken: { idToken: 'MP', type: 'Central' } as never } };
  const { c, s } = await booted(start, [], statuses);
  // A refused token at a plugged EVSE: asked, no transaction.
  const mark = await refusedWithCable(c, s, { idToken: 'BAD', type: 'ISO14443' });
  await c.call('GetTransactionStatus', {});
  expect(c.of('TransactionEvent', mark)).toEqual([]);
  s.plugOut(1, 1);
  // LocalPreAuthorize: the second authorization of a cached Accepted token needs no AuthorizeRequest.
  await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'true');
  await authorizeAndRelease(c, s, TAG);
  await authorizeAndRelease(c, s, TAG);
  expect(authorizes(c, TAG)).toBe(1);
  // The cache survives a reboot.
  const rebootMark = c.mark();
  s.reboot();
  await c.waitFor('StatusNotification', () => true, 5000, rebootMark);
  await s.waitForState((st) => st.bootState === 'Accepted');
  await authorizeAndRelease(c, s, TAG);
  expect(authorizes(c, TAG)).toBe(1);
  await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'false');
  // ClearCache: Accepted while enabled, Rejected while disabled.
  expect((await c.call('ClearCache', {})).status).toBe('Accepted');
  await setVar(c, 'AuthCacheCtrlr', 'Enabled', 'false');
  expect((await c.call('ClearCache', {})).status).toBe('Rejected');
  await setVar(c, 'AuthCacheCtrlr', 'Enabled', 'true');
  // Group: an invalid token of the group does not stop, a valid one does; a master pass cannot start.
  await chargingInGroup(c, s);
  expect(stopped(c, await presentDuring(c, s, { idToken: 'BAD', type: 'ISO14443' }))).toBe(false);
  expect(stopped(c, await presentDuring(c, s, TAG2))).toBe(true);
  s.plugOut(1, 1);
  await setVar(c, 'AuthCtrlr', 'MasterPassGroupId', 'MP');
  const mp = c.mark();
  s.plugIn(1, 1);
  s.presentToken(MASTER, 1);
  await c.waitFor('Authorize', (p) => (p.idToken as Json).idToken === 'MASTER', 5000, mp);
  await c.call('GetTransactionStatus', {});
  expect(c.of('TransactionEvent', mp).some((r) => r.payload.eventType === 'Started')).toBe(false);
  expect(c.trace.problems()).toEqual([]);
}
