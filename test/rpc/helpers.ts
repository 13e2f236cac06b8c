// Event-driven waiting for the RPC tests: every wait has a deadline, none sleeps.
import type { OcppConnection, Violation } from '../../src/rpc/connection.ts';
import type { WireSocket } from '../../src/transport/types.ts';

export const DEADLINE_MS = 2000;

/** Resolves with the first value `subscribe` delivers that matches, or rejects at the deadline. */
export function waitForEvent<T>(
  subscribe: (listener: (v: T) => void) => void,
  match: (v: T) => boolean,
  what: string,
  deadlineMs = DEADLINE_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      done = true;
      reject(new Error(`deadline of ${deadlineMs} ms passed waiting for ${what}`));
    }, deadlineMs);
    subscribe((v) => {
      if (done || !match(v)) return;
      done = true;
      clearTimeout(timer);
      resolve(v);
    });
  });
}

export function waitForViolation(conn: OcppConnection, rule: string, deadlineMs?: number): Promise<Violation> {
  return waitForEvent<Violation>((l) => conn.onViolation(l), (v) => v.rule === rule, `violation ${rule}`, deadlineMs);
}

/** Everything a raw socket receives, with a cursor-based next() that waits with a deadline. */
export class RawInbox {
  readonly messages: unknown[][] = [];
  readonly texts: string[] = [];
  private cursor = 0;
  private waiter: (() => void) | undefined;

  constructor(socket: WireSocket) {
    socket.onMessage((text) => {
      this.texts.push(text);
      let parsed: unknown[];
      try {
        parsed = JSON.parse(text) as unknown[];
      } catch {
        parsed = ['<not JSON>', text];
      }
      this.messages.push(parsed);
      this.waiter?.();
    });
  }

  /** The next message not yet taken, parsed. */
  async next(deadlineMs = DEADLINE_MS): Promise<unknown[]> {
    if (this.cursor < this.messages.length) return this.messages[this.cursor++] as unknown[];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`deadline of ${deadlineMs} ms passed waiting for a message (got ${this.messages.length} so far)`));
      }, deadlineMs);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
    });
    return this.messages[this.cursor++] as unknown[];
  }
}

/** A promise with its resolve exposed, for handlers that should answer when the test says so. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
