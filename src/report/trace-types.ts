import type { Frame } from '../rpc/types.ts';
import type { HandshakeFacts } from '../transport/types.ts';

// One NDJSON line of the wire trace. Written the moment it happens, so a crash loses nothing already seen.

export type TraceDirection = 'in' | 'out';

export type TraceEvent =
  | { kind: 'connection'; at: string; facts: HandshakeFacts }
  | { kind: 'refused'; at: string; reason: string; detail?: Record<string, unknown> }
  | { kind: 'close'; at: string; connectionId: string; code: number; reason: string; by: 'local' | 'remote' | 'network' }
  | {
      kind: 'frame';
      at: string;
      connectionId: string;
      dir: TraceDirection;
      raw: string;
      /** Parsed frame, when the text parsed at all. */
      frame?: Frame;
      /** Schema/format problems found in this frame; empty when valid. */
      problems?: string[];
      /** True when the frame was put on the wire deliberately broken (raw-send path). */
      deliberate?: boolean;
      /** Set when the raw text was longer than the trace's cap: only the first keptChars are in `raw`. */
      truncated?: { rawChars: number; keptChars: number; parsedFrameDropped: boolean };
    }
  | { kind: 'violation'; at: string; connectionId: string; rule: string; message: string; frameId?: string }
  | { kind: 'note'; at: string; message: string; data?: unknown };

/** Anything that accepts trace events: the NDJSON file writer, an in-memory recorder, a fan-out. */
export interface TraceSink {
  write(event: TraceEvent): void;
}
