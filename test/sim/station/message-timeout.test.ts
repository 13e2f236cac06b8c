// The station declares the message timeout it really uses (OCPPCommCtrlr.MessageTimeout = its call timeout), so a
// CSMS or a test waiting out its retries (TC_E_41/42_CS) reads the true value.
import { expect, it } from 'vitest';
import type { Json } from './scripted-csms.ts';
import { stationAndCsmsPerTest } from './station-fixture.ts';

const start = stationAndCsmsPerTest();

it('OCPPCommCtrlr.MessageTimeout is the call timeout, in whole seconds', async () => {
  const { csms, sim } = await start({ actionApi: false, timers: { callTimeoutMs: 6500 } });
  await sim.waitForState((s) => s.bootState === 'Accepted');
  const r = await csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } }] });
  expect(((r.getVariableResult as Json[])[0] as Json).attributeValue).toBe('7');
});
