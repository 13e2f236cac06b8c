// Operations behind the cost steps (Part 6 block I, CSMS cases): the running total cost a CSMS shows the driver while
// the transaction runs, either in the TransactionEventResponse (totalCost) or in a CostUpdatedRequest after it.
import { ExpectationFailed } from '../../peer/errors.ts';
import { check } from '../../states/context.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCsms } from '../roles.ts';
import { reportSampled } from './meter-values.ts';

type Json = Record<string, unknown>;

/** Part 6 ends the case after two sampled meter values. */
export const reportSampledTwice = (ctx: ScenarioContext): Promise<void> => reportSampled(ctx, 2);

/**
 * For every periodic TransactionEvent the test system sent, the CSMS's answer carries totalCost, or a
 * CostUpdatedRequest for the same transaction follows it; the running cost never goes down.
 */
export async function runningCostAfterEachReading(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the CSMS shows the running cost');
  const periodic = c.peer.sent.filter((s) => s.action === 'TransactionEvent' && (s.payload as Json).triggerReason === 'MeterValuePeriodic');
  if (periodic.length === 0) throw new ExpectationFailed({ expected: 'periodic meter values sent by an earlier step', actual: 'none were sent' });
  let previous = 0;
  for (const call of periodic) {
    const outcome = await c.peer.awaitAnswer(call, c.requirementIds);
    const transactionId = ((call.payload as Json).transactionInfo as Json).transactionId as string;
    let cost = (outcome.payload as Json).totalCost;
    if (typeof cost !== 'number') {
      const entry = await c.peer.expectRequest('CostUpdated', { requirementIds: c.requirementIds });
      check(c, 'CostUpdatedRequest', entry.payload, [['transactionId', JSON.stringify(transactionId)], ['totalCost', '>= 0']], entry.frame);
      cost = entry.payload.totalCost;
    }
    if (typeof cost === 'number' && cost < previous) {
      throw new ExpectationFailed({ expected: `a running total cost that never goes down (last ${previous})`, actual: `totalCost ${cost}`, requirementIds: c.requirementIds });
    }
    previous = typeof cost === 'number' ? cost : previous;
  }
}
