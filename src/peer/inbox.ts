// The inbox: every request the SUT sent us, in arrival order, consumed by expectations with deadlines.
// Nothing is ever cleared: an expectation takes the first unconsumed entry at or after the cursor that matches, or
// waits for one until its deadline. Entries nobody asks for stay in the inbox (and the trace) and were answered by
// the default responders.
import type { CallFrame, SendFrame } from '../rpc/types.ts';
import { safeJson } from '../report/bounded.ts';
import { ExpectationFailed, WaitCancelled } from './errors.ts';

export interface InboxEntry {
  /** 1-based arrival number within the scenario. */
  seq: number;
  /** ms since epoch. */
  at: number;
  action: string;
  payload: Record<string, unknown>;
  frame: CallFrame | SendFrame;
  /** Which connection (0, 1, ...) of the scenario it came on. */
  connection: number;
  consumed: boolean;
  /** Schema problems (the connection refused the request with a CALLERROR and no handler ran). */
  problems?: string[];
  /** Set once we answered (the payload we sent, or an error description). */
  answer?: { payload?: unknown; error?: string; at: number };
}

export interface ExpectOptions {
  /** Deadline in ms. */
  within: number;
  /** Only entries for which this holds are considered (a selector, not a check: mismatches keep waiting). */
  where?: (payload: Record<string, unknown>, entry: InboxEntry) => boolean;
  /** Words for the selector, used in the explanation of a timeout. */
  whereText?: string;
  /** Only entries with seq greater than this. Default: the inbox cursor. */
  after?: number;
  /** What the case expected, in our words, for the failure message. Default "<Action>Request". */
  description?: string;
  /** Requirement ids the expectation is about. */
  requirementIds?: string[];
}

interface Waiter {
  test: (e: InboxEntry) => boolean;
  resolve: (e: InboxEntry) => void;
  reject: (err: Error) => void;
}

export class Inbox {
  readonly entries: InboxEntry[] = [];
  /** Expectations only look at entries with seq > cursor unless told otherwise. */
  cursor = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly arrivalListeners: Array<(e: InboxEntry) => void> = [];
  private readonly waitListeners: Array<() => void> = [];
  private cancelled: Error | undefined;

  add(entry: Omit<InboxEntry, 'seq' | 'consumed'>): InboxEntry {
    const full: InboxEntry = { ...entry, seq: this.entries.length + 1, consumed: false };
    this.entries.push(full);
    for (const w of [...this.waiters]) {
      if (!full.consumed && w.test(full)) {
        full.consumed = true;
        this.waiters.delete(w);
        w.resolve(full);
      }
    }
    for (const l of this.arrivalListeners) l(full);
    return full;
  }

  onArrival(listener: (e: InboxEntry) => void): void {
    this.arrivalListeners.push(listener);
  }

  /** Called each time an expectation starts waiting (nothing in the inbox matched it yet). */
  onWaitStart(listener: () => void): void {
    this.waitListeners.push(listener);
  }

  /** Moves the cursor to the newest entry: later expectations only see what arrives from now on. */
  advanceCursor(): void {
    this.cursor = this.entries.length;
  }

  /** The first unconsumed entry matching, or a wait for it; consumes it. */
  async expect(actionOrActions: string | string[], opts: ExpectOptions): Promise<InboxEntry> {
    if (this.cancelled) throw this.cancelled;
    const actions = Array.isArray(actionOrActions) ? actionOrActions : [actionOrActions];
    const action = actions.join('/');
    const after = opts.after ?? this.cursor;
    const test = (e: InboxEntry): boolean =>
      !e.consumed && e.seq > after && actions.includes(e.action) && (opts.where ? opts.where(e.payload, e) : true);
    const found = this.entries.find(test);
    if (found) {
      found.consumed = true;
      return found;
    }
    const started = Date.now();
    const startSeq = this.entries.length;
    return await new Promise<InboxEntry>((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(this.timeoutFailure(action, opts, after, startSeq, Date.now() - started));
      }, opts.within);
      this.waiters.add(waiter);
      for (const l of this.waitListeners) l();
    });
  }

  /** Rejects every pending wait (teardown: WaitCancelled; a background failure: that error). Later waits fail too. */
  cancelAll(err: Error = new WaitCancelled('the scenario ended while waiting')): void {
    this.cancelled = err;
    for (const w of [...this.waiters]) {
      this.waiters.delete(w);
      w.reject(err);
    }
  }

  /** Rejects the pending waits with this error without closing the inbox for later waits. */
  interrupt(err: Error): void {
    for (const w of [...this.waiters]) {
      this.waiters.delete(w);
      w.reject(err);
    }
  }

  get waiting(): number {
    return this.waiters.size;
  }

  /** Entries with after < seq < before (exclusive), e.g. "what did the station send between these two boots". */
  between(after: number, before: number): InboxEntry[] {
    return this.entries.filter((e) => e.seq > after && e.seq < before);
  }

  private timeoutFailure(action: string, opts: ExpectOptions, after: number, startSeq: number, waitedMs: number): ExpectationFailed {
    const wanted = opts.description ?? `a ${action}Request${opts.whereText ? ` with ${opts.whereText}` : ''}`;
    const since = this.entries.filter((e) => e.seq > after);
    const sameAction = since.filter((e) => action.split('/').includes(e.action));
    const parts: string[] = [];
    if (since.length === 0) parts.push('nothing arrived');
    else {
      const counts = new Map<string, number>();
      for (const e of since) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
      parts.push(`received ${[...counts].map(([a, n]) => `${n}x ${a}`).join(', ')}`);
    }
    if (sameAction.length > 0) {
      const unmatched = sameAction.filter((e) => !e.consumed);
      const consumed = sameAction.length - unmatched.length;
      if (unmatched.length > 0) {
        parts.push(`${unmatched.length} ${action}Request(s) did not match${opts.whereText ? ` "${opts.whereText}"` : ''}, e.g. ${safeJson(unmatched[0]?.payload, 1024)}`);
      }
      if (consumed > 0) parts.push(`${consumed} ${action}Request(s) were already used by earlier steps`);
    }
    const newDuring = this.entries.length - startSeq;
    parts.push(`${newDuring} message(s) arrived during the ${(waitedMs / 1000).toFixed(1)} s wait`);
    const last = sameAction[sameAction.length - 1];
    return new ExpectationFailed({
      expected: `${wanted} within ${(opts.within / 1000).toFixed(1)} s`,
      actual: parts.join('; '),
      frame: last?.frame,
      requirementIds: opts.requirementIds,
    });
  }
}
