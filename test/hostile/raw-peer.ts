// A hostile OCPP-J peer for the probes: a bare WebSocket that sends whatever text or bytes we give it, at any pace,
// and records everything it receives. It knows nothing of OCPP beyond how to build a frame's text.
import WebSocket from 'ws';

export interface RawPeer {
  ws: WebSocket;
  /** Every text received, in order. */
  received: string[];
  send(data: string | Buffer, binary?: boolean): void;
  /** Resolves with the first received text (already received or to come) that `test` accepts; rejects after `ms`. */
  next(test: (text: string) => boolean, ms?: number): Promise<string>;
  /** Resolves when the socket is closed (by either side). */
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** A JSON text nested `depth` levels deep: {"a":{"a":...}}; built as text, never through JSON.stringify. */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

export async function openRawPeer(url: string, opts: { protocol?: string; headers?: Record<string, string> } = {}): Promise<RawPeer> {
  const ws = new WebSocket(url, opts.protocol ?? 'ocpp2.0.1', { headers: opts.headers ?? {}, maxPayload: 64 * 1024 * 1024 });
  const received: string[] = [];
  const listeners = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    received.push(data.toString('utf8'));
    for (const l of [...listeners]) l();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: HTTP ${res.statusCode ?? '?'}`)));
  });
  ws.on('error', () => undefined);
  return {
    ws,
    received,
    send(data, binary = false) {
      ws.send(data, { binary });
    },
    next(test, ms = 5_000) {
      const found = received.find(test);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = received.find(test);
          if (hit === undefined) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`nothing matching arrived within ${ms} ms; received ${received.length} frame(s)`));
        }, ms);
        listeners.add(check);
      });
    },
    closed,
    close() {
      ws.terminate();
    },
  };
}

/** Basic Auth header value. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
