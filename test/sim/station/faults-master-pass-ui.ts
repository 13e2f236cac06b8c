// Scenarios of the authorization area's master-pass-UI faults (src/sim/station/areas/master-pass-ui.ts), spread into
// faults.test.ts: a station with the master pass UI (variant masterPassUi), charging on two EVSEs; the master pass is
// presented and the holder selects on the UI. `correctMasterPassUi` checks the same probes without faults.
import { expect } from 'vitest';
import type { StationSim } from '../../../src/sim/station/index.ts';
import type { Json, ScriptedCsms } from './scripted-csms.ts';
import type { StartStation } from './station-fixture.ts';

const MASTER = { idToken: 'MASTER', type: 'ISO14443' as const };

/** Charging on both EVSEs, then the master pass presented and the holder's selection; the stop events that follow. */
async function selectAfterMasterPass(start: StartStation, faults: string[], target: number | 'all'): Promise<{ stops: Json[]; s: StationSim }> {
  const answer = (p: Json): Json => ((p.idToken as Json).idToken === 'MASTER' ? { idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'MP', type: 'Central' } } } : { idTokenInfo: { status: 'Accepted' } });
  const { csms: c, sim: s } = await start({ actionApi: false, faults, evses: [1, 1], omit: ['masterPassWithoutUi'] }, {
    configure: (x: ScriptedCsms) => {
      x.respond('Authorize', answer);
      x.respond('TransactionEvent', (p) => (p.idToken ? answer(p) : {}));
    },
  });
  await s.waitForState((st) => st.bootState === 'Accepted');
  const r = await c.call('SetVariables', { setVariableData: [{ component: { name: 'AuthCtrlr' }, variable: { name: 'MasterPassGroupId' }, attributeValue: 'MP' }] });
  expect((r.setVariableResult as Json[])[0]?.attributeStatus).toBe('Accepted');
  for (const evse of [1, 2]) {
    s.plugIn(evse, 1);
    s.presentToken({ idToken: `TAG${evse}`, type: 'ISO14443' }, evse);
    await s.waitForState((st) => st.evses[evse - 1]?.chargingState === 'Charging');
  }
  const mark = c.mark();
  s.presentToken(MASTER, 1);
  await c.waitFor('Authorize', (p) => (p.idToken as Json).idToken === 'MASTER', 5000, mark);
  // One round trip: the station has read the Authorize answer; nothing stops before the selection (C16.FR.01).
  await c.call('GetTransactionStatus', {});
  expect(c.of('TransactionEvent', mark).filter((e) => e.payload.triggerReason === 'StopAuthorized')).toEqual([]);
  s.masterPassStop(target);
  await c.call('GetTransactionStatus', {});
  await s.waitForState((st) => st.queuedTransactionEvents === 0);
  const stops = c.of('TransactionEvent', mark).map((e) => e.payload).filter((p) => p.triggerReason === 'StopAuthorized');
  return { stops, s };
}

const reasons = (stops: Json[]): string[] => stops.map((p) => String((p.transactionInfo as Json).stoppedReason));

export function masterPassUiScenarios(start: StartStation): Record<string, () => Promise<void>> {
  return {
    'authorization.masterPassUiReasonLocal': async () => {
      const { stops } = await selectAfterMasterPass(start, ['authorization.masterPassUiReasonLocal'], 'all');
      expect(reasons(stops)).toEqual(['Local', 'Local']);
    },
    'authorization.masterPassUiStopsOne': async () => {
      const { stops } = await selectAfterMasterPass(start, ['authorization.masterPassUiStopsOne'], 'all');
      expect(stops).toHaveLength(1);
    },
    'authorization.masterPassUiStopsAll': async () => {
      const { stops } = await selectAfterMasterPass(start, ['authorization.masterPassUiStopsAll'], 1);
      expect(stops).toHaveLength(2);
    },
  };
}

/** Without faults: "all" stops both with MasterPass; one EVSE stops that one only, the other keeps charging. */
export async function correctMasterPassUi(start: StartStation): Promise<void> {
  const all = await selectAfterMasterPass(start, [], 'all');
  expect(reasons(all.stops)).toEqual(['MasterPass', 'MasterPass']);
  await all.s.stop();
}

export async function correctMasterPassUiOne(start: StartStation): Promise<void> {
  const one = await selectAfterMasterPass(start, [], 1);
  expect(reasons(one.stops)).toEqual(['MasterPass']);
  expect(one.s.state().evses[1]?.chargingState).toBe('Charging');
}
