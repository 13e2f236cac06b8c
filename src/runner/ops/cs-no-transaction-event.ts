// The negative wait several station cases end with: for the configured message timeout, no TransactionEventRequest
// of a kind that must not come (the transaction stopped, the energy halted, another EVSE's transaction ended).
import { ExpectationFailed } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { CsContext } from '../../states/context.ts';

export interface UnwantedTransactionEvent {
  /** Which TransactionEventRequests must not come. */
  where: (payload: Record<string, unknown>) => boolean;
  /** Those events in words ("a TransactionEventRequest with ..."). */
  description: string;
  /** What the case expects, in words, for the failure ("the energy keeps flowing"). */
  expectation: string;
  /** Only events after this inbox position (default: the cursor). */
  after?: number;
}

/** Waits the configured message timeout; a matching TransactionEventRequest FAILs the step, none is noted in the trace. */
export async function noTransactionEvent(cs: CsContext, unwanted: UnwantedTransactionEvent): Promise<void> {
  const within = cs.peer.timing.expectMs;
  let got: InboxEntry;
  try {
    got = await cs.peer.expectRequest('TransactionEvent', {
      within,
      where: unwanted.where,
      description: unwanted.description,
      ...(unwanted.after !== undefined ? { after: unwanted.after } : {}),
    });
  } catch (e) {
    if (e instanceof ExpectationFailed) {
      cs.peer.note(`${unwanted.expectation}: no ${unwanted.description.replace(/^an? /, '')} within ${within} ms, as required`);
      return;
    }
    throw e;
  }
  throw new ExpectationFailed({
    expected: `${unwanted.expectation}: no ${unwanted.description.replace(/^an? /, '')} within the configured message timeout (${(within / 1000).toFixed(1)} s)`,
    actual: `one arrived: ${JSON.stringify(got.payload).slice(0, 300)}`,
    frame: got.frame,
    requirementIds: cs.requirementIds,
  });
}
