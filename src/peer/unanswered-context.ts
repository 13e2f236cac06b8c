// The context of a "no answer arrived": what else was in flight while the SUT left a CALL of ours unanswered.
import type { InboxEntry } from './inbox.ts';
import type { SentCall } from './peer.ts';

/**
 * Why a CALL of ours may have gone unanswered, from what else was in flight: an earlier CALL of ours still without an
 * answer (a SUT handles one CALL at a time), or a CALL of the SUT that crossed ours (sent while ours was outstanding;
 * still unanswered by us, it may be what the SUT waits for). Empty when neither happened.
 */
export function unansweredContext(call: SentCall, sent: SentCall[], inbox: InboxEntry[], held: (e: InboxEntry) => boolean): string {
  const parts: string[] = [];
  const before = sent.filter((c) => c !== call && c.sentAt <= call.sentAt && c.settled === undefined);
  if (before.length > 0) parts.push(`our ${before.map((c) => `${c.action}Request`).join(', ')} sent earlier was still unanswered, so the SUT may not have taken ours yet`);
  const crossed = inbox.filter((e) => e.at >= call.sentAt);
  if (crossed.length > 0) {
    const words = crossed.slice(0, 3).map((e) => `${e.action}Request #${e.seq} ${Math.round(e.at - call.sentAt)} ms after ours${held(e) ? ' (which we had not answered)' : ''}`);
    parts.push(`the SUT's CALL crossed ours: it sent ${words.join(', ')}${crossed.length > 3 ? ` and ${crossed.length - 3} more` : ''}`);
  }
  return parts.join('; ');
}
