// Retries of a refused or unanswered TransactionEventRequest (Part 6 TC_E_41/42/50/51, SUT = Charging Station): the
// test system refuses (CALLERROR InternalError) or ignores the station's next TransactionEventRequest, counts the
// transmissions of that same message and their spacing, and checks the station gives up (or stops after success).
import { OcppError } from '../../rpc/errors.ts';
import { ExpectationFailed, ScriptError } from '../../peer/errors.ts';
import type { InboxEntry } from '../../peer/inbox.ts';
import type { Reply } from '../../peer/peer.ts';
import type { CsContext, ScenarioContext } from '../../states/context.ts';
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

async function reportedMessageTimeoutS(cs: CsContext): Promise<number> {
  const outcome = await cs.peer.callAndAwait('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } }] });
  const r = ((outcome.payload as Json).getVariableResult as Json[] | undefined)?.[0];
  const v = r?.attributeStatus === 'Accepted' ? Number(r.attributeValue) : NaN;
  return Number.isFinite(v) && v > 0 ? v : 30;
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
  // Unanswered, the station first waits out its own message timeout (OCPPCommCtrlr.MessageTimeout, as it reports
  // it; 30 s when it does not): that much more is allowed, but not required (a station may give up sooner).
  const timeoutMs = mode === 'silent' ? (await reportedMessageTimeoutS(cs)) * 1000 : 0;
  const expectMs = cs.peer.timing.expectMs;
  // Replies are armed one transmission ahead (not held): a refusal is given only to the message under test, and
  // nothing the case does here changes how later TransactionEvents are answered.
  let key: string | undefined;
  let transmissions = 0;
  const reply = (entry: InboxEntry): Reply => {
    key ??= keyOf(entry);
    if (keyOf(entry) !== key) return cs.peer.defaultReplyFor(entry);
    transmissions++;
    if (transmissions === successAt) return cs.peer.defaultReplyFor(entry);
    return mode === 'callError' ? { error: new OcppError('InternalError', 'refused on purpose: the case checks the retries') } : { none: true };
  };
  const armedAt = cs.peer.inbox.entries.length;
  cs.peer.armReply('TransactionEvent', reply);
  const updateS = Number(cs.memory.get('txUpdatedIntervalS') ?? 0);
  const first = await cs.peer.expectRequest('TransactionEvent', { after: armedAt, within: updateS * 1000 + expectMs, description: 'a TransactionEventRequest (the one whose retries the case counts)' });
  const firstKey = keyOf(first);
  const sent = [first];
  const limit = successAt ?? attempts;
  while (sent.length < limit) {
    const n = sent.length;
    cs.peer.armReply('TransactionEvent', reply);
    const earliest = intervalS * 1000 * n;
    const last = sent[sent.length - 1] as InboxEntry;
    const again = await cs.peer.expectRequest('TransactionEvent', {
      within: earliest + timeoutMs + expectMs,
      after: first.seq,
      where: (_p, e) => keyOf(e) === firstKey,
      whereText: `the same message again (${firstKey}), transmission ${n + 1} of ${limit}, ${(earliest / 1000).toFixed(1)} s after the previous one`,
      requirementIds: cs.requirementIds,
    });
    const gap = again.at - last.at;
    // Some slack for timer granularity and the round trip of our answer.
    if (gap < earliest * 0.9 - 100) {
      throw new ExpectationFailed({
        expected: `transmission ${n + 1} of ${firstKey} at least ${(earliest / 1000).toFixed(1)} s after the previous one (MessageAttemptInterval ${intervalS} s x ${n})`,
        actual: `it came after ${(gap / 1000).toFixed(2)} s`,
        frame: again.frame,
        requirementIds: cs.requirementIds,
      });
    }
    sent.push(again);
  }
  // One more transmission would be refused like the others (a station that goes on is judged below).
  if (!successAt) cs.peer.armReply('TransactionEvent', reply);
  const quietMs = intervalS * 1000 * (sent.length + 1) + (successAt ? 0 : timeoutMs) + expectMs;
  let extra: InboxEntry | undefined;
  try {
    extra = await cs.peer.expectRequest('TransactionEvent', { within: quietMs, after: first.seq, where: (_p, e) => keyOf(e) === firstKey, description: `no further transmission of ${firstKey}` });
  } catch (e) {
    if (!(e instanceof ExpectationFailed)) throw e;
  }
  if (extra) {
    throw new ExpectationFailed({
      expected: `no transmission of ${firstKey} after ${sent.length} (${successAt ? 'it was answered' : `MessageAttempts is ${attempts}`})`,
      actual: `transmission ${sent.length + 1} came ${((extra.at - (sent[sent.length - 1] as InboxEntry).at) / 1000).toFixed(1)} s later`,
      frame: extra.frame,
      requirementIds: cs.requirementIds,
    });
  }
  cs.peer.note(`${firstKey} was sent ${sent.length} time(s) and then no more, as required`);
}
