// Test helpers: an in-memory trace with event-driven waits, and small promise wrappers around a WireSocket.

import type { TraceEvent, TraceSink } from '../../src/report/trace-types.ts';
import type { WireSocket } from '../../src/transport/types.ts';

export const DEADLINE_MS = 5_000;

export class RecordingTrace implements TraceSink {
  readonly events: TraceEvent[] = [];
  private waiters: Array<{ test: (e: TraceEvent) => boolean; resolve: (e: TraceEvent) => void }> = [];

  write(event: TraceEvent): void {
    this.events.push(event);
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

  refusal(reason: string, deadlineMs?: number): Promise<Extract<TraceEvent, { kind: 'refused' }>> {
    return this.waitFor((e): e is Extract<TraceEvent, { kind: 'refused' }> => e.kind === 'refused' && e.reason === reason, `refused:${reason}`, deadlineMs);
  }

  refusals(): Array<Extract<TraceEvent, { kind: 'refused' }>> {
    return this.events.filter((e): e is Extract<TraceEvent, { kind: 'refused' }> => e.kind === 'refused');
  }

  connections(): Array<Extract<TraceEvent, { kind: 'connection' }>> {
    return this.events.filter((e): e is Extract<TraceEvent, { kind: 'connection' }> => e.kind === 'connection');
  }
}

/** Races a promise against a deadline. */
export function within<T>(p: Promise<T>, what: string, deadlineMs = DEADLINE_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: nothing within ${deadlineMs} ms`)), deadlineMs);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function nextMessage(socket: WireSocket, deadlineMs = DEADLINE_MS): Promise<{ text: string; isBinary: boolean }> {
  return within(
    new Promise((resolve) => {
      let done = false;
      socket.onMessage((text, isBinary) => {
        if (done) return;
        done = true;
        resolve({ text, isBinary });
      });
    }),
    'message',
    deadlineMs,
  );
}

export function closed(socket: WireSocket, deadlineMs = DEADLINE_MS): Promise<{ code: number; reason: string }> {
  return within(new Promise((resolve) => socket.onClose((code, reason) => resolve({ code, reason }))), 'close', deadlineMs);
}

/** Collects server-side sockets as they arrive and lets a test wait for the next one. */
export class Accepted {
  readonly sockets: WireSocket[] = [];
  private waiting: Array<(s: WireSocket) => void> = [];
  readonly onConnection = (socket: WireSocket): void => {
    this.sockets.push(socket);
    const w = this.waiting.shift();
    if (w) w(socket);
  };
  next(deadlineMs = DEADLINE_MS): Promise<WireSocket> {
    const idx = this.taken;
    this.taken += 1;
    const ready = this.sockets[idx];
    if (ready) return Promise.resolve(ready);
    return within(new Promise<WireSocket>((resolve) => this.waiting.push(resolve)), 'server connection', deadlineMs);
  }
  private taken = 0;
}

/**
 * Opens an upgrade with the bare ws client (headers under the test's control) and reports how the
 * server answered: an HTTP status for a refusal, or 101 once the socket opened.
 */
export async function rawUpgrade(
  url: string,
  protocols: string[] | undefined,
  options: { headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  const { default: WebSocket } = await import('ws');
  const ws = protocols ? new WebSocket(url, protocols, options) : new WebSocket(url, options);
  ws.on('error', () => undefined);
  try {
    return await within(
      new Promise<{ status: number; body: string }>((resolve) => {
        ws.on('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        ws.on('open', () => resolve({ status: 101, body: '' }));
      }),
      'raw upgrade answer',
    );
  } finally {
    ws.terminate();
  }
}
