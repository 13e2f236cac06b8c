// "no answer arrived" says what else was in flight: an earlier CALL of ours still unanswered, or the SUT's CALL that
// crossed ours (and whether we had answered it).
import { describe, expect, it } from 'vitest';
import { unansweredContext } from '../../src/peer/unanswered-context.ts';
import type { SentCall } from '../../src/peer/peer.ts';
import type { InboxEntry } from '../../src/peer/inbox.ts';

const never = new Promise<never>(() => undefined);
function call(action: string, sentAt: number, settled = false): SentCall {
  return { action, payload: {}, sentAt, sentWhileConnected: true, outcome: never, ...(settled ? { settled: { ok: false, error: new Error('x') } } : {}) } as SentCall;
}
function entry(seq: number, action: string, at: number): InboxEntry {
  return { seq, action, at, payload: {}, frame: [2, String(seq), action, {}] as never, connection: 0, consumed: false };
}

describe('unansweredContext', () => {
  const ours = call('Reset', 1000);

  it('nothing else in flight: nothing to add', () => {
    expect(unansweredContext(ours, [call('GetVariables', 500, true), ours], [entry(1, 'Heartbeat', 400)], () => false)).toBe('');
  });

  it('an earlier CALL of ours still unanswered', () => {
    expect(unansweredContext(ours, [call('GetVariables', 500), ours], [], () => false)).toBe(
      'our GetVariablesRequest sent earlier was still unanswered, so the SUT may not have taken ours yet',
    );
  });

  it("the SUT's CALL crossed ours, and we had not answered it", () => {
    const crossing = entry(4, 'StatusNotification', 1120);
    expect(unansweredContext(ours, [ours], [entry(3, 'Heartbeat', 900), crossing], (e) => e === crossing)).toBe(
      "the SUT's CALL crossed ours: it sent StatusNotificationRequest #4 120 ms after ours (which we had not answered)",
    );
  });
});
