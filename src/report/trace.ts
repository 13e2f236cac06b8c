// Trace sinks: the NDJSON file writer, an in-memory recorder and a fan-out.
// The file writer appends each event with a synchronous write on an open descriptor, so anything already
// traced is in the file (in the OS page cache) even if the process is killed right after.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TraceEvent, TraceSink } from './trace-types.ts';

/** Current time as an ISO 8601 UTC string with millisecond precision. */
export function nowIso(): string {
  return new Date().toISOString();
}

function toLine(event: TraceEvent): string {
  try {
    return `${JSON.stringify(event)}\n`;
  } catch (e) {
    // A note's free-form data may not be serialisable (cycles, BigInt); keep the event, drop the data.
    const why = e instanceof Error ? e.message : String(e);
    return `${JSON.stringify({ ...event, data: `[unserialisable: ${why}]` })}\n`;
  }
}

export class NdjsonTrace implements TraceSink {
  readonly path: string;
  private fd: number | undefined;
  /** Events offered after close(); they are not written. */
  droppedAfterClose = 0;

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
  }

  write(event: TraceEvent): void {
    if (this.fd === undefined) {
      this.droppedAfterClose++;
      return;
    }
    const buf = Buffer.from(toLine(event), 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }
}

export class MemoryTrace implements TraceSink {
  readonly events: TraceEvent[] = [];
  write(event: TraceEvent): void {
    this.events.push(event);
  }
  /** Events of one kind, typed. */
  ofKind<K extends TraceEvent['kind']>(kind: K): Array<Extract<TraceEvent, { kind: K }>> {
    return this.events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind);
  }
}

/** One sink writing to several. Every sink gets the event even if an earlier one throws; the first error is rethrown. */
export function fanOut(...sinks: TraceSink[]): TraceSink {
  return {
    write(event: TraceEvent): void {
      let first: unknown;
      let failed = false;
      for (const s of sinks) {
        try {
          s.write(event);
        } catch (e) {
          if (!failed) first = e;
          failed = true;
        }
      }
      if (failed) throw first;
    },
  };
}
