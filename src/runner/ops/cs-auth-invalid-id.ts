// The operations behind the steps of the cases where the CSMS overrules a token the station accepted itself
// (Part 6 TC_C_15-18_CS, block C, SUT = Charging Station): after the CSMS calls the token Invalid, a station with
// MaxEnergyOnInvalidId > 0 and StopTxOnInvalidId false keeps the energy flowing (for that much energy).
import { ExpectationFailed } from '../../peer/errors.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

/**
 * Negative wait bounded by the configured message timeout: no TransactionEventRequest says the transaction was
 * deauthorized (triggerReason Deauthorized) or that the station stopped the energy (chargingState SuspendedEVSE).
 */
export async function energyKeepsFlowing(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the energy keeps flowing');
  const within = cs.peer.timing.expectMs;
  let got;
  try {
    got = await cs.peer.expectRequest('TransactionEvent', {
      within,
      where: (p) => p.triggerReason === 'Deauthorized' || (p.transactionInfo as Json | undefined)?.chargingState === 'SuspendedEVSE',
      description: 'a TransactionEventRequest with triggerReason Deauthorized or chargingState SuspendedEVSE',
    });
  } catch (e) {
    if (e instanceof ExpectationFailed) {
      cs.peer.note(`no TransactionEventRequest with triggerReason Deauthorized or chargingState SuspendedEVSE within ${within} ms, as required`);
      return;
    }
    throw e;
  }
  throw new ExpectationFailed({
    expected: `the energy to keep flowing: no TransactionEventRequest with triggerReason Deauthorized or chargingState SuspendedEVSE within the configured message timeout (${(within / 1000).toFixed(1)} s)`,
    actual: `one arrived: ${JSON.stringify(got.payload).slice(0, 300)}`,
    frame: got.frame,
    requirementIds: cs.requirementIds,
  });
}
