// Scenarios of the authorization area's faults about a token the CSMS refuses after the station accepted it itself
// (src/sim/station/areas/invalid-id.ts, OfflineTxForUnknownIdEnabled in authorization.ts), spread into faults.test.ts:
// each switches one fault on and sees its effect; `correctInvalidId` checks the same probes without faults.
import { expect } from 'vitest';
import type { StationSim } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import type { StartStation } from './station-fixture.ts';

const TAG = { idToken: 'TAG1', type: 'ISO14443' as const };
const TAG2 = { idToken: 'TAG2', type: 'ISO14443' as const };

async function setVar(c: ScriptedCsms, component: string, variable: string, value: string): Promise<void> {
  const r = await c.call('SetVariables', { setVariableData: [{ component: { name: component }, variable: { name: variable }, attributeValue: value }] });
  expect((r.setVariableResult as Json[])[0]?.attributeStatus).toBe('Accepted');
}

/**
 * TAG is cached as Accepted (LocalPreAuthorize on), then the CSMS changes its mind: the station starts charging from
 * its cache and the CSMS answers the Started event Invalid. Resolves once that answer was delivered and any event it
 * caused has been sent (a GetTransactionStatus round trip after the queue is empty).
 */
async function refusedAfterLocalStart(start: StartStation, faults: string[], stopTx: boolean, maxWh: number): Promise<{ c: ScriptedCsms; s: StationSim }> {
  let status = 'Accepted';
  const { csms: c, sim: s } = await start({ actionApi: false, faults }, {
    configure: (x) => {
      x.respond('Authorize', () => ({ idTokenInfo: { status } }));
      x.respond('TransactionEvent', (p) => (p.idToken ? { idTokenInfo: { status } } : {}));
    },
  });
  await s.waitForState((st) => st.bootState === 'Accepted');
  await c.waitFor('StatusNotification');
  await setVar(c, 'AuthCtrlr', 'LocalPreAuthorize', 'true');
  await setVar(c, 'TxCtrlr', 'StopTxOnInvalidId', String(stopTx));
  await setVar(c, 'TxCtrlr', 'MaxEnergyOnInvalidId', String(maxWh));
  s.presentToken(TAG, 1);
  await s.waitForState((st) => st.evses[0]?.authorized?.idToken === TAG.idToken);
  s.presentToken(TAG, 1);
  await s.waitForState((st) => st.evses[0]?.authorized === undefined);
  status = 'Invalid';
  const mark = c.mark();
  s.plugIn(1, 1);
  s.presentToken(TAG, 1);
  await c.waitFor('TransactionEvent', (p) => p.eventType === 'Started', 5000, mark);
  await s.waitForState((st) => st.queuedTransactionEvents === 0);
  await c.call('GetTransactionStatus', {});
  await s.waitForState((st) => st.queuedTransactionEvents === 0);
  expect(c.of('Authorize', mark)).toEqual([]);
  return { c, s };
}

const chargingState = (s: StationSim): string | undefined => s.state().evses[0]?.transaction?.chargingState;

/** Offline, an unknown token (TAG2) is presented with OfflineTxForUnknownIdEnabled true; resolves with the authorization. */
async function unknownOffline(start: StartStation, faults: string[]): Promise<StationSim> {
  const { csms: c, sim: s } = await start({ actionApi: false, faults });
  await s.waitForState((st) => st.bootState === 'Accepted');
  await c.waitFor('StatusNotification');
  await setVar(c, 'AuthCtrlr', 'OfflineTxForUnknownIdEnabled', 'true');
  s.goOffline();
  await s.waitForState((st) => st.connected === false);
  // Offline, the decision needs no answer from anybody: it is made before the next state change is published.
  s.presentToken(TAG2, 1);
  s.plugIn(1, 1);
  await s.waitForState((st) => st.evses[0]?.connectors[0]?.plugged === true);
  return s;
}

export function invalidIdScenarios(start: StartStation): Record<string, () => Promise<void>> {
  return {
    'authorization.localDecisionFinal': async () => {
      const { s } = await refusedAfterLocalStart(start, ['authorization.localDecisionFinal'], true, 0);
      expect(chargingState(s)).toBe('Charging');
    },
    'authorization.keepChargingOnInvalidId': async () => {
      const { s } = await refusedAfterLocalStart(start, ['authorization.keepChargingOnInvalidId'], false, 0);
      expect(chargingState(s)).toBe('Charging');
    },
    'authorization.ignoreMaxEnergyOnInvalidId': async () => {
      const { s } = await refusedAfterLocalStart(start, ['authorization.ignoreMaxEnergyOnInvalidId'], false, 10_000);
      expect(chargingState(s)).toBe('SuspendedEVSE');
    },
    'authorization.maxEnergyOverridesStop': async () => {
      const { s } = await refusedAfterLocalStart(start, ['authorization.maxEnergyOverridesStop'], true, 500);
      expect(chargingState(s)).toBe('Charging');
    },
    'authorization.ignoreOfflineTxForUnknownId': async () => {
      const s = await unknownOffline(start, ['authorization.ignoreOfflineTxForUnknownId']);
      expect(s.state().evses[0]?.authorized).toBeUndefined();
    },
  };
}

/** Without faults the same probes see the behaviour Part 2 asks for. */
export async function correctInvalidId(start: StartStation): Promise<void> {
  // StopTxOnInvalidId true: the transaction ends, deauthorized.
  let r = await refusedAfterLocalStart(start, [], true, 500);
  expect(r.s.state().evses[0]?.transaction).toBeUndefined();
  expect(r.c.of('TransactionEvent').some((x) => x.payload.triggerReason === 'Deauthorized' && x.payload.eventType === 'Ended')).toBe(true);
  await r.s.stop();
  await r.c.close();
  // StopTxOnInvalidId false, no allowance: the transaction goes on, the energy stops.
  r = await refusedAfterLocalStart(start, [], false, 0);
  expect(chargingState(r.s)).toBe('SuspendedEVSE');
  await r.s.stop();
  await r.c.close();
  // StopTxOnInvalidId false with an allowance: the energy goes on for now.
  r = await refusedAfterLocalStart(start, [], false, 10_000);
  expect(chargingState(r.s)).toBe('Charging');
  await r.s.stop();
  await r.c.close();
  // Offline, an unknown token is accepted when OfflineTxForUnknownIdEnabled is true.
  const s = await unknownOffline(start, []);
  expect(s.state().evses[0]?.authorized?.idToken).toBe(TAG2.idToken);
}
