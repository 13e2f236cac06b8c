// Adapts a `ws` WebSocket to the WireSocket contract, and small helpers shared by server and client.

import { randomUUID } from 'node:crypto';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { TraceEvent, TraceSink } from '../report/trace-types.ts';
import { TransportError } from './errors.ts';
import type { HandshakeFacts, WireSocket } from './types.ts';

/** A WireSocket backed by a real WebSocket: ping/pong and isOpen are always present. */
export interface NetWireSocket extends WireSocket {
  ping(data?: string): void;
  onPong(listener: (data: string) => void): void;
  readonly isOpen: boolean;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Writes one event stamped with the current time; a throwing sink never breaks the transport. */
export function emit(trace: TraceSink | undefined, event: DistributiveOmit<TraceEvent, 'at'>): void {
  if (!trace) return;
  try {
    trace.write({ ...event, at: new Date().toISOString() } as TraceEvent);
  } catch {
    // A broken sink must not take a connection down with it.
  }
}

export function newConnectionId(side: 'server' | 'client'): string {
  return `${side === 'server' ? 's' : 'c'}-${randomUUID().slice(0, 8)}`;
}

/** Renders a certificate name object from Node ({CN: 'x', O: 'y'}) as "CN=x, O=y". */
export function formatCertName(name: PeerCertificate['subject'] | undefined): string | undefined {
  if (!name) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(name as unknown as Record<string, string | string[] | undefined>)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${key}=${v}`);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The common name of a certificate name object (first one if several). */
export function commonNameOf(name: PeerCertificate['subject'] | undefined): string | undefined {
  const cn = (name as unknown as Record<string, string | string[] | undefined> | undefined)?.['CN'];
  return Array.isArray(cn) ? cn[0] : cn;
}

/** TLS facts of a socket, or nothing for plain TCP. */
export function tlsFacts(socket: unknown): { tlsVersion?: string; tlsCipher?: string } {
  const tls = socket as Partial<TLSSocket> | undefined;
  if (!tls || typeof tls.getProtocol !== 'function' || !tls.encrypted) return {};
  const out: { tlsVersion?: string; tlsCipher?: string } = {};
  const version = tls.getProtocol();
  if (version) out.tlsVersion = version;
  const cipher = tls.getCipher?.();
  if (cipher?.name) out.tlsCipher = cipher.standardName ?? cipher.name;
  return out;
}

/** The close code ws attached to one of its protocol errors (stored under a private symbol). */
function statusCodeOf(err: Error & { code?: string }): number | undefined {
  for (const sym of Object.getOwnPropertySymbols(err)) {
    if (sym.description === 'status-code') {
      const v = (err as unknown as Record<symbol, unknown>)[sym];
      if (typeof v === 'number') return v;
    }
  }
  if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return 1009;
  if (err.code === 'WS_ERR_INVALID_UTF8') return 1007;
  return err.code?.startsWith('WS_ERR_') ? 1002 : undefined;
}

function rawToText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * Wraps an open `ws` socket. Messages and the close event that arrive before the first listener is
 * registered are kept and handed to that listener, so nothing is lost between `await connect()` and
 * `onMessage(...)`.
 */
export function wrapWebSocket(ws: WebSocket, facts: HandshakeFacts, trace: TraceSink | undefined): NetWireSocket {
  const messageListeners: Array<(text: string, isBinary: boolean) => void> = [];
  const closeListeners: Array<(code: number, reason: string) => void> = [];
  const pongListeners: Array<(data: string) => void> = [];
  const pendingMessages: Array<[string, boolean]> = [];
  let closed: [number, string] | undefined;
  let localInitiated = false;
  // Close code ws sent on its own after a protocol error (1009 oversized, 1007 bad UTF-8, 1002 ...).
  let errorCloseCode: number | undefined;

  const safeCall = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      emit(trace, {
        kind: 'note',
        message: `listener threw on connection ${facts.connectionId}`,
        data: { error: err instanceof Error ? err.message : String(err) },
      });
    }
  };

  // Messages that arrive before anyone listens are held, and handed over on a later turn of the event loop:
  // whoever registers the first listener (an RPC connection's constructor, say) must be able to finish
  // setting up its handlers first. While that backlog waits, newer messages and the close queue behind it.
  let backlogScheduled = false;
  let closeAfterBacklog: (() => void) | undefined;
  const deliver = (text: string, isBinary: boolean): void => {
    for (const l of messageListeners) safeCall(() => l(text, isBinary));
  };
  const flushBacklog = (): void => {
    backlogScheduled = false;
    for (const [text, isBinary] of pendingMessages.splice(0)) deliver(text, isBinary);
    const notifyClose = closeAfterBacklog;
    closeAfterBacklog = undefined;
    notifyClose?.();
  };

  ws.on('message', (data, isBinary) => {
    const text = rawToText(data);
    if (messageListeners.length === 0 || backlogScheduled) {
      pendingMessages.push([text, isBinary]);
      return;
    }
    deliver(text, isBinary);
  });

  ws.on('pong', (data) => {
    const text = data.toString('utf8');
    for (const l of pongListeners) safeCall(() => l(text));
  });

  ws.on('error', (err: Error & { code?: string }) => {
    // ws closes the connection itself after a protocol error (oversized message 1009, bad UTF-8 1007, ...).
    localInitiated = true;
    errorCloseCode ??= statusCodeOf(err);
    const oversized = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
    emit(trace, {
      kind: 'note',
      message: oversized
        ? `connection ${facts.connectionId}: incoming message exceeds the payload limit; closing with 1009`
        : `connection ${facts.connectionId}: websocket error: ${err.message}`,
      data: { connectionId: facts.connectionId, code: err.code, error: err.message },
    });
  });

  ws.on('close', (rawCode, reasonBuf) => {
    // After a protocol error ws stops reading, so the peer's close frame is never seen and ws says
    // 1006; report the code we sent instead.
    const code = rawCode === 1006 && errorCloseCode !== undefined ? errorCloseCode : rawCode;
    const reason = reasonBuf.toString('utf8');
    closed = [code, reason];
    const by = localInitiated ? 'local' : code === 1006 ? 'network' : 'remote';
    emit(trace, { kind: 'close', connectionId: facts.connectionId, code, reason, by });
    const notifyClose = (): void => {
      for (const l of closeListeners) safeCall(() => l(code, reason));
    };
    if (backlogScheduled) closeAfterBacklog = notifyClose;
    else notifyClose();
  });

  return {
    facts,
    get isOpen() {
      return ws.readyState === WebSocket.OPEN;
    },
    send(text: string): void {
      if (ws.readyState !== WebSocket.OPEN) {
        throw new TransportError('closed', `cannot send on connection ${facts.connectionId}: it is no longer open`);
      }
      ws.send(text, { binary: false }, (err) => {
        if (err) {
          emit(trace, {
            kind: 'note',
            message: `connection ${facts.connectionId}: send failed: ${err.message}`,
            data: { connectionId: facts.connectionId },
          });
        }
      });
    },
    close(code?: number, reason?: string): void {
      if (ws.readyState === WebSocket.CLOSED) return;
      if (!closed) localInitiated = true;
      ws.close(code, reason);
    },
    terminate(): void {
      if (!closed) localInitiated = true;
      ws.terminate();
    },
    ping(data?: string): void {
      if (ws.readyState !== WebSocket.OPEN) {
        throw new TransportError('closed', `cannot ping on connection ${facts.connectionId}: it is no longer open`);
      }
      ws.ping(data ?? '');
    },
    onPong(listener: (data: string) => void): void {
      pongListeners.push(listener);
    },
    onMessage(listener: (text: string, isBinary: boolean) => void): void {
      messageListeners.push(listener);
      if (messageListeners.length === 1 && pendingMessages.length > 0 && !backlogScheduled) {
        backlogScheduled = true;
        setImmediate(flushBacklog);
      }
    },
    onClose(listener: (code: number, reason: string) => void): void {
      closeListeners.push(listener);
      if (closed) {
        const [code, reason] = closed;
        setImmediate(() => safeCall(() => listener(code, reason)));
      }
    },
  };
}
