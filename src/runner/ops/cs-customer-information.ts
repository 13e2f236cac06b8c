// Operations behind the station-side customer-information steps (Part 6 block N, TC_N_27..32 and 62, SUT = Charging
// Station): the report of a CustomerInformationRequest received part by part, the memory state of N_28 (the
// token's customer information cleared before the case) and the operator's customer identifier of N_62.
import { ExpectationFailed, PreconditionFailed } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { ActionFailed } from '../../actions/types.ts';
import { check, perform, resolvePlaceholder } from '../../states/context.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
import { configuredToken } from '../../states/cs-authorization.ts';
import { asRows, type Rows } from '../operations.ts';
import { asCs } from '../roles.ts';

/**
 * Every NotifyCustomerInformationRequest of one request (seqNo 0 upwards, until a part without tbc true), each
 * answered as it arrives; every part checked against `rows` besides requestId, seqNo and generatedAt.
 */
async function reportParts(cs: CsContext, requestId: number, rows: Array<[string, string]>): Promise<InboxEntry[]> {
  const parts: InboxEntry[] = [];
  for (let seqNo = 0; ; seqNo++) {
    const entry = await cs.peer.expectRequest('NotifyCustomerInformation', {
      where: (p) => p.requestId === requestId,
      whereText: `requestId ${requestId}${seqNo > 0 ? ` (part ${seqNo + 1}: the previous part said tbc true)` : ''}`,
    });
    cs.peer.answerIfHeld(entry);
    parts.push(entry);
    check(cs, 'NotifyCustomerInformationRequest', entry.payload, [['seqNo', String(seqNo)], ['generatedAt', 'present'], ...rows], entry.frame);
    if (entry.payload.tbc !== true) return parts;
  }
}

/** The report of our last CustomerInformationRequest, every part checked against the table. */
export async function customerReport(ctx: ScenarioContext, rows: Rows | undefined): Promise<void> {
  const cs = asCs(ctx, 'the Charging Station reports the customer information');
  const requestId = Number(cs.peer.lastCall('CustomerInformation').payload.requestId);
  const parts = await reportParts(cs, requestId, asRows(rows));
  cs.memory.set('request:NotifyCustomerInformation', parts[parts.length - 1]);
  cs.peer.note(`customer information report of request ${requestId}: ${parts.length} part(s), all received`);
}

/**
 * Memory state of TC_N_28_CS: the test system has the station clear what it holds about the token (clear true,
 * report false); the notification confirming it is answered. A station that does not accept the clear leaves the case
 * without its precondition. The confirmation itself is what TC_N_32_CS judges, so here a missing one is only noted.
 */
export async function customerInformationCleared(ctx: ScenarioContext, role: string): Promise<void> {
  const cs = asCs(ctx, 'memory state: customer information cleared');
  const token = configuredToken(cs, role);
  const requestId = Math.floor(Math.random() * 1_000_000) + 1;
  const answer = await cs.peer.callAndAwait('CustomerInformation', { requestId, report: false, clear: true, idToken: token });
  const status = String((answer.payload as { status?: unknown }).status);
  if (status !== 'Accepted') throw new PreconditionFailed(`the station did not clear the customer information of ${token.idToken} before the case (CustomerInformationResponse ${status})`);
  try {
    await reportParts(cs, requestId, []);
  } catch (e) {
    if (!(e instanceof ExpectationFailed)) throw e;
    cs.peer.note(`the clear before the case was not confirmed as expected (${e.message}); TC_N_32_CS judges that, this case goes on`);
  }
  cs.peer.inbox.advanceCursor();
}

/**
 * Memory state of TC_N_62_CS: the operator stores <configured customerIdentifier> at the station, a bench action
 * (Part 6 leaves it to the tester). A bench that cannot do it leaves the case INCONCLUSIVE, naming the action.
 */
export async function customerIdentifierStored(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'memory state: customer identifier stored');
  const identifier = String(resolvePlaceholder(cs, 'configured customerIdentifier'));
  await perform(cs, `store the customer identifier "${identifier}" at the station`, async (a) => {
    if (!a.storeCustomerIdentifier) throw new ActionFailed(`the ${a.kind} adapter has no action storeCustomerIdentifier`);
    await a.storeCustomerIdentifier(identifier);
  });
}
