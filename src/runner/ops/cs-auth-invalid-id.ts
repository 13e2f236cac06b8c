// The operations behind the steps of the cases where the CSMS overrules a token the station accepted itself
// (Part 6 TC_C_15-18_CS, block C, SUT = Charging Station): after the CSMS calls the token Invalid, a station with
// MaxEnergyOnInvalidId > 0 and StopTxOnInvalidId false keeps the energy flowing (for that much energy).
import { noTransactionEvent } from './cs-no-transaction-event.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';

type Json = Record<string, unknown>;

/**
 * Negative wait bounded by the configured message timeout: no TransactionEventRequest says the transaction was
 * deauthorized (triggerReason Deauthorized) or that the station stopped the energy (chargingState SuspendedEVSE).
 */
export async function energyKeepsFlowing(ctx: ScenarioContext): Promise<void> {
  await noTransactionEvent(asCs(ctx, 'the energy keeps flowing'), {
    where: (p) => p.triggerReason === 'Deauthorized' || (p.transactionInfo as Json | undefined)?.chargingState === 'SuspendedEVSE',
    description: 'a TransactionEventRequest with triggerReason Deauthorized or chargingState SuspendedEVSE',
    expectation: 'the energy to keep flowing',
  });
}
