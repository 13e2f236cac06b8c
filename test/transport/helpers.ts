// Transport test helpers: small promise wrappers around a WireSocket, with deadlines. The recording trace is in
// test/helpers/recording-trace.ts.

import { expect } from 'vitest';
import { TransportError } from '../../src/transport/errors.ts';
import type { WireSocket } from '../../src/transport/types.ts';
import { DEADLINE_MS } from '../helpers/recording-trace.ts';

/** Expects the connection attempt to fail with a TransportError, and returns that error. */
export async function expectRefusal(p: Promise<unknown>): Promise<TransportError> {
  const err = await p.then(
    () => {
      throw new Error('connection unexpectedly succeeded');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TransportError);
  return err as TransportError;
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
