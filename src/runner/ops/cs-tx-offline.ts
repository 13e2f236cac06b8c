// Offline periods of the transaction cases (Part 6 block E, SUT = Charging Station): the station loses and regains
// the test system, the TransactionEvents it queued meanwhile are delivered and checked. One function per step of
// steps/cs-transactions.ts.
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { check, perform } from '../../states/context.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { variableForThisCase } from './cs-transactions.ts';

// ----- offline periods -------------------------------------------------------------------------------------------------
// Part 6 makes the station offline by closing the WebSocket and refusing reconnections; here the bench's network
// action cuts and restores the station's network (SutActions.setOnline), which leaves the station in the same
// situation (no CSMS reachable, events queued) and works the same against a real station behind a lab gateway.

export async function goOffline(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'the station loses its connection');
  cs.memory.set('connectionsBeforeOffline', (cs.peer.connectionIndex + 1));
  await perform(cs, 'cut the station\'s network connection', (a) => a.setOnline(false));
  cs.memory.set('offline', true);
  cs.cleanUp?.('the station\'s network connection restored', async () => {
    if (cs.memory.get('offline') === true) await cs.actions.setOnline(true);
  });
}

/**
 * The network comes back. With `holdTx` the test system holds its answers to TransactionEventRequests (the queue
 * cannot drain) until a step takes them, so a question asked "the moment the connection is restored" meets the
 * queue still full, however fast the station and the network are.
 */
export async function goOnline(ctx: ScenarioContext, holdTx = false): Promise<void> {
  const cs = asCs(ctx, 'the station regains its connection');
  if (holdTx) cs.peer.holdRepliesFor(['TransactionEvent']);
  cs.memory.set('reconnectedAfter', cs.peer.inbox.entries.length);
  const after = Number(cs.memory.get('connectionsBeforeOffline') ?? (cs.peer.connectionIndex + 1));
  await perform(cs, 'restore the station\'s network connection', (a) => a.setOnline(true));
  cs.memory.set('offline', false);
  await cs.peer.waitForConnection({ after, failure: 'expectation', what: 'the Charging Station to reconnect after its network came back' });
}

/**
 * Offline long enough for periodic meter values to be queued: two of the station's TxUpdatedInterval (as it reports
 * it), plus the configured message timeout for the station's own scheduling.
 */
export async function offlineForMeterValues(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'stay offline for periodic meter values');
  const interval = Number((cs.memory.get('txUpdatedIntervalS') as string | undefined) ?? '0');
  if (!(interval > 0)) throw new ScriptError('the meter values interval of this case is not known: set it with "the station samples transaction meter values at the configured interval for this case"');
  await letProtocolTimePass(2 * interval * 1000 + cs.peer.timing.expectMs, `two meter values intervals (${interval} s) and the message timeout while offline`, (m) => cs.peer.note(m));
}

/** TxUpdatedInterval for this case: the bench's meter values interval (bench.sampledIntervalS), whole seconds, at least 1. */
export async function meterValuesAtConfiguredInterval(ctx: ScenarioContext): Promise<void> {
  const cs = asCs(ctx, 'meter values at the configured interval');
  const seconds = String(Math.max(1, Math.ceil(cs.settings.sampledIntervalS ?? 10)));
  await variableForThisCase(cs, 'SampledDataCtrlr.TxUpdatedInterval', seconds);
  cs.memory.set('txUpdatedIntervalS', seconds);
}

/**
 * After reconnecting the station empties its queue: the first TransactionEventRequest after the reconnection and every
 * further one that carries offline true are the queued events, each checked against the rows; the queue is over when
 * no further offline event comes within the configured message timeout. With `invalidToken`, queued events that carry
 * an idToken are answered with idTokenInfo.status Invalid (Part 6's deauthorization of an offline start).
 */
export async function queuedEvents(ctx: ScenarioContext, rows: string[][], invalidToken = false): Promise<void> {
  const cs = asCs(ctx, 'the queued TransactionEventRequests');
  const checks = rows.map((r) => [r[0]?.trim() ?? '', r[1]?.trim() ?? ''] as [string, string]);
  const answer = (entry: InboxEntry): void => {
    if (invalidToken && entry.payload.idToken !== undefined && cs.peer.isHeld(entry)) cs.peer.respond(entry, { payload: { idTokenInfo: { status: 'Invalid' } } });
    else cs.peer.answerIfHeld(entry);
  };
  const after = Number(cs.memory.get('reconnectedAfter') ?? cs.peer.inbox.cursor);
  const first = await cs.peer.expectRequest('TransactionEvent', { after, description: 'the first queued TransactionEventRequest after the reconnection' });
  answer(first);
  check(cs, 'TransactionEventRequest', first.payload, checks, first.frame);
  const seen = [first];
  for (;;) {
    let next;
    try {
      next = await cs.peer.expectRequest('TransactionEvent', { after, within: cs.peer.timing.expectMs, where: (p) => p.offline === true, description: 'a further queued TransactionEventRequest (offline true)' });
    } catch (e) {
      if (e instanceof ExpectationFailed) break;
      throw e;
    }
    answer(next);
    check(cs, 'TransactionEventRequest', next.payload, checks, next.frame);
    seen.push(next);
  }
  cs.peer.note(`${seen.length} queued TransactionEventRequest(s) after the reconnection`);
  cs.memory.set('queuedEvents', seen);
}

/** One of the queued events (see queuedEvents) matches every row. */
export function oneQueuedEvent(ctx: ScenarioContext, rows: string[][]): void {
  const cs = asCs(ctx, 'one of the queued TransactionEventRequests');
  const seen = (cs.memory.get('queuedEvents') as InboxEntry[] | undefined) ?? [];
  const checks = rows.map((r) => [r[0]?.trim() ?? '', r[1]?.trim() ?? ''] as [string, string]);
  const problems: string[] = [];
  for (const e of seen) {
    try {
      check(cs, 'TransactionEventRequest', e.payload, checks, e.frame);
      return;
    } catch (err) {
      if (!(err instanceof ExpectationFailed)) throw err;
      problems.push(`seqNo ${String(e.payload.seqNo)}: ${err.actual}`);
    }
  }
  throw new ExpectationFailed({
    expected: `one of the queued TransactionEventRequests with ${checks.map(([p, v]) => `${p} ${v}`).join(', ')}`,
    actual: seen.length === 0 ? 'no queued TransactionEventRequest arrived' : problems.join('; '),
    requirementIds: cs.requirementIds,
  });
}
