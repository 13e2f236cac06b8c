// A trace sink for tests: records every event (MemoryTrace) and lets a test wait for one, event-driven, with a deadline.
import { MemoryTrace } from '../../src/report/trace.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';

export const DEADLINE_MS = 5_000;

type Refusal = Extract<TraceEvent, { kind: 'refused' }>;

export class RecordingTrace extends MemoryTrace {
  private waiters: Array<{ test: (e: TraceEvent) => boolean; resolve: (e: TraceEvent) => void }> = [];

  override write(event: TraceEvent): void {
    super.write(event);
    for (const w of [...this.waiters]) {
      if (w.test(event)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(event);
      }
    }
  }

  /** Resolves with the first event (already recorded or future) matching `test`; rejects after the deadline. */
  waitFor<E extends TraceEvent>(test: (e: TraceEvent) => e is E, what: string, deadlineMs?: number): Promise<E>;
  waitFor(test: (e: TraceEvent) => boolean, what: string, deadlineMs?: number): Promise<TraceEvent>;
  waitFor(test: (e: TraceEvent) => boolean, what: string, deadlineMs = DEADLINE_MS): Promise<TraceEvent> {
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise<TraceEvent>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new Error(`no trace event "${what}" within ${deadlineMs} ms; saw: ${JSON.stringify(this.events.map((e) => e.kind + ('reason' in e ? `:${e.reason}` : '')))}`));
      }, deadlineMs);
      const waiter = {
        test,
        resolve: (e: TraceEvent) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The first violation (past or future) with this rule. */
  waitForViolation(rule: string, deadlineMs?: number): Promise<TraceEvent> {
    return this.waitFor((e) => e.kind === 'violation' && e.rule === rule, `violation:${rule}`, deadlineMs);
  }

  /** The first refusal (past or future) with this reason. */
  refusal(reason: string, deadlineMs?: number): Promise<Refusal> {
    return this.waitFor((e): e is Refusal => e.kind === 'refused' && e.reason === reason, `refused:${reason}`, deadlineMs);
  }

  refusals(): Refusal[] {
    return this.ofKind('refused');
  }

  connections(): Array<Extract<TraceEvent, { kind: 'connection' }>> {
    return this.ofKind('connection');
  }

  /** Violations, and incoming frames that came with problems. */
  problems(): TraceEvent[] {
    return this.events.filter((e) => e.kind === 'violation' || (e.kind === 'frame' && e.dir === 'in' && (e.problems?.length ?? 0) > 0));
  }
}
