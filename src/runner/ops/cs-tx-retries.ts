// Retries of a refused or unanswered TransactionEventRequest (Part 6 TC_E_41/42/50/51, SUT = Charging Station): the
// test system refuses (CALLERROR InternalError) or ignores the station's next TransactionEventRequest, counts the
// transmissions of that same message and their spacing, and checks the station gives up (or stops after success).
import { OcppError } from '../../rpc/errors.ts';
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { ScenarioContext } from '../../states/context.ts';
import { asCs } from '../roles.ts';
import { variableForThisCase } from './cs-transactions.ts';

type Json = Record<string, unknown>;

const ATTEMPTS = 'OCPPCommCtrlr.MessageAttempts[TransactionEvent]';
const INTERVAL = 'OCPPCommCtrlr.MessageAttemptInterval[TransactionEvent]';

/** MessageAttempts / MessageAttemptInterval of TransactionEvent for this case (restored afterwards). */
export async function retrySettings(ctx: ScenarioContext, attempts: string, intervalS: string): Promise<void> {
  const cs = asCs(ctx, 'the TransactionEvent retry settings');
  await variableForThisCase(cs, ATTEMPTS, attempts);
  await variableForThisCase(cs, INTERVAL, intervalS);
  cs.memory.set('messageAttempts', Number(attempts));
  cs.memory.set('messageAttemptIntervalS', Number(intervalS));
}

const keyOf = (e: InboxEntry): string => `${String((e.payload.transactionInfo as Json | undefined)?.transactionId)}#${String(e.payload.seqNo)}`;

/**
 * The next TransactionEventRequest is refused (`callError`) or left unanswered (`silent`) on every transmission but
 * `successAt` (1-based; absent: never). The same message (transactionId and seqNo) must be sent again after
 * interval x preceding transmissions (plus, unanswered, the station's message timeout), as many times as MessageAttempts
 * allows or until the success; then, during one more such interval, not again.
 */
export async function retriedTransactionEvent(ctx: ScenarioContext, mode: 'callError' | 'silent', successAt?: number): Promise<void> {
  const cs = asCs(ctx, 'a retried TransactionEventRequest');
  const attempts = Number(cs.memory.get('messageAttempts'));
  const intervalS = Number(cs.memory.get('messageAttemptIntervalS'));
  if (!(attempts > 0) || !(intervalS >= 0)) throw new ScriptError('set the retry settings first ("TransactionEvent messages are tried ... times, ... s apart, for this case")');
  const timeoutMs = mode === 'silent' ? Number(cs.memory.get('messageTimeoutS') ?? 30) * 1000 : 0;
  const expectMs = cs.peer.timing.expectMs;
  cs.peer.holdRepliesFor(['TransactionEvent']);
  const reply = (entry: InboxEntry, n: number): void => {
    if (!cs.peer.isHeld(entry)) return;
    if (n === successAt) cs.peer.respond(entry, cs.peer.defaultReplyFor(entry));
    else if (mode === 'callError') cs.peer.respond(entry, { error: new OcppError('InternalError', 'refused on purpose: the case checks the retries') });
    else cs.peer.respond(entry, { none: true });
  };
  const updateS = Number(cs.memory.get('txUpdatedIntervalS') ?? 0);
  const first = await cs.peer.expectRequest('TransactionEvent', { within: updateS * 1000 + expectMs, description: 'a TransactionEventRequest (the one whose retries the case counts)' });
  reply(first, 1);
  const key = keyOf(first);
  const sent = [first];
  const limit = successAt ?? attempts;
  while (sent.length < limit) {
    const n = sent.length;
    const earliest = intervalS * 1000 * n + timeoutMs;
    const last = sent[sent.length - 1] as InboxEntry;
    const again = await cs.peer.expectRequest('TransactionEvent', {
      within: earliest + expectMs,
      after: first.seq,
      where: (_p, e) => keyOf(e) === key,
      whereText: `the same message again (${key}), transmission ${n + 1} of ${limit}, ${(earliest / 1000).toFixed(1)} s after the previous one`,
      requirementIds: cs.requirementIds,
    });
    reply(again, n + 1);
    const gap = again.at - last.at;
    // Some slack for timer granularity and the round trip of our answer.
    if (gap < earliest * 0.9 - 100) {
      throw new ExpectationFailed({
        expected: `transmission ${n + 1} of ${key} at least ${(earliest / 1000).toFixed(1)} s after the previous one (MessageAttemptInterval ${intervalS} s x ${n}${timeoutMs ? ' + the message timeout' : ''})`,
        actual: `it came after ${(gap / 1000).toFixed(2)} s`,
        frame: again.frame,
        requirementIds: cs.requirementIds,
      });
    }
    sent.push(again);
  }
  const quietMs = intervalS * 1000 * (sent.length + 1) + timeoutMs + expectMs;
  let extra: InboxEntry | undefined;
  try {
    extra = await cs.peer.expectRequest('TransactionEvent', { within: quietMs, after: first.seq, where: (_p, e) => keyOf(e) === key, description: `no further transmission of ${key}` });
  } catch (e) {
    if (!(e instanceof ExpectationFailed)) throw e;
  }
  if (extra) {
    reply(extra, sent.length + 1);
    throw new ExpectationFailed({
      expected: `no transmission of ${key} after ${sent.length} (${successAt ? 'it was answered' : `MessageAttempts is ${attempts}`})`,
      actual: `transmission ${sent.length + 1} came ${((extra.at - (sent[sent.length - 1] as InboxEntry).at) / 1000).toFixed(1)} s later`,
      frame: extra.frame,
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`${key} was sent ${sent.length} time(s) and then no more, as required`);
}
