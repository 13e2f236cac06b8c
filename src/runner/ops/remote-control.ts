// Operations behind the remote-control steps (Part 6 block F, SUT = CSMS): the station's side of a remote start, an
// answer to TriggerMessage that leaves the triggered message to the case, and messages sent once per EVSE.
import { ScriptError } from '../../peer/errors.ts';
import { applyPayloadFields, parsePayloadFields } from '../../peer/fields.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { SentCall } from '../../peer/peer.ts';
import { letProtocolTimePass } from '../../peer/protocol-time.ts';
import { resolvePlaceholder } from '../../states/context.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { testSystemSends } from '../operations.ts';
import type { Rows } from '../operations.ts';
import { asCsms } from '../roles.ts';


/**
 * The station reports the transaction the CSMS started remotely: a TransactionEventRequest built from the table, in
 * which <remoteStartId> is the id the CSMS put in its RequestStartTransactionRequest. The station then counts as
 * authorized (reusable state Authorized), so EnergyTransferStarted does not authorize a second time.
 */
export function reportRemoteStart(ctx: ScenarioContext, rows: Rows | undefined): void {
  const c = asCsms(ctx, 'the test system reports the remote start');
  const request = c.memory.get('request:RequestStartTransaction') as InboxEntry | undefined;
  if (!request) throw new ScriptError('no RequestStartTransactionRequest was received by an earlier step, so there is no remote start to report');
  c.memory.set('remoteStartId', request.payload.remoteStartId);
  testSystemSends(c, 'TransactionEvent', rows);
  c.memory.set('transactionId', c.peer.model.tx?.id);
  c.reached.add('Authorized');
}

/**
 * Answers the TriggerMessageRequest an earlier step received with exactly this status. Unlike the default answer, it
 * starts no follow-up message: the case's next steps send the requested message themselves, with the content Part 6 asks for.
 */
export function answerTriggerOnly(ctx: ScenarioContext, status: string): void {
  const c = asCsms(ctx, 'the test system answers the TriggerMessageRequest');
  const entry = c.memory.get('request:TriggerMessage') as InboxEntry | undefined;
  if (!entry) throw new ScriptError('no TriggerMessageRequest was received by an earlier step, so there is nothing to answer');
  // Parsed like any answer table, so a status outside the schema's enum is a ScriptError, not a malformed answer.
  const payload = applyPayloadFields({}, parsePayloadFields(c.peer.version, 'TriggerMessageResponse', [['status', status]]), (n) => resolvePlaceholder(c, n));
  c.memory.set('reply:TriggerMessage', { payload, at: Date.now() });
  c.peer.respond(entry, { payload });
}

/** Part 6 lets the configured transaction duration pass before the station gives up waiting for the EV. */
export async function transactionDurationPasses(ctx: ScenarioContext): Promise<void> {
  const c = asCsms(ctx, 'the configured transaction duration passes');
  await letProtocolTimePass(c.settings.transactionDurationMs, 'the configured transaction duration (the EV is not plugged in meanwhile)', (m) => c.peer.note(m));
}

/**
 * One request per configured EVSE (evseId set to that EVSE, the rest from the table; a message without evseId is a
 * ScriptError from the table parser); the calls are kept for the answer step.
 */
export function sendForEveryEvse(ctx: ScenarioContext, action: string, rows: Rows | undefined): void {
  const c = asCsms(ctx, 'the test system sends a request for every EVSE');
  if ((rows ?? []).some((r) => r[0]?.trim() === 'evseId')) throw new ScriptError('the table must not set evseId: this step sets it to each configured EVSE in turn');
  const calls: SentCall[] = [];
  for (const evse of c.settings.evses) {
    testSystemSends(c, action, [['evseId', String(evse.id)], ...(rows ?? [])]);
    calls.push(c.peer.lastCall(action));
  }
  c.memory.set(`sent-per-evse:${action}`, calls);
}

/** The CSMS answered every request the previous per-EVSE step sent (a CALLERROR or silence fails the case). */
export async function answeredEach(ctx: ScenarioContext, action: string): Promise<void> {
  const c = asCsms(ctx, 'the CSMS responds to each of them');
  const calls = c.memory.get(`sent-per-evse:${action}`) as SentCall[] | undefined;
  if (!calls) throw new ScriptError(`no ${action}Request was sent once per EVSE by an earlier step`);
  for (const call of calls) await c.peer.awaitAnswer(call, c.requirementIds);
}
