// Trace sinks: the NDJSON file writer, an in-memory recorder and a fan-out.
// The file writer appends each event with a synchronous write on an open descriptor, so anything already
// traced is in the file (in the OS page cache) even if the process is killed right after.
// Whatever a peer sends, its frame reaches the file: a line is bounded (the raw text is cut at a cap with a marker),
// and a parsed value that cannot be re-serialised (20,000 levels deep, cycles, BigInt) is dropped from the line with a
// note while the raw text stays. A write that fails is never swallowed silently: it is counted, said on stderr once,
// and noted in the trace when the file is closed.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TraceEvent, TraceSink } from './trace-types.ts';

/** Current time as an ISO 8601 UTC string with millisecond precision. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Caps of one trace line: the raw frame text, a note or violation message. */
export const TRACE_LIMITS = {
  rawChars: 256 * 1024,
  messageChars: 8 * 1024,
  /** Violations of one rule written per trace; the rest are counted and summed up in one note at close. */
  violationsPerRule: 100,
};

function cut(text: string, max: number): { text: string; cutChars: number } {
  return text.length <= max ? { text, cutChars: 0 } : { text: text.slice(0, max), cutChars: text.length - max };
}

/** The event with its free text capped; a cut raw frame loses its parsed copy (it would restore the size). */
function bounded(event: TraceEvent): TraceEvent {
  if (event.kind === 'frame') {
    const raw = cut(event.raw, TRACE_LIMITS.rawChars);
    if (raw.cutChars === 0) return event;
    const { frame: _parsed, ...rest } = event;
    return { ...rest, raw: raw.text, truncated: { rawChars: event.raw.length, keptChars: raw.text.length, parsedFrameDropped: _parsed !== undefined } };
  }
  if (event.kind === 'note' || event.kind === 'violation') {
    const message = cut(event.message, TRACE_LIMITS.messageChars);
    if (message.cutChars > 0) return { ...event, message: `${message.text}... [${message.cutChars} more characters cut]` };
  }
  return event;
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** One NDJSON line for any event; never throws. */
export function toLine(event: TraceEvent): string {
  const b = bounded(event);
  try {
    return `${JSON.stringify(b)}\n`;
  } catch (e) {
    // A parsed value (a frame's payload, a note's data) cannot be serialised: keep the event and its raw text, replace
    // the structured parts with a marker saying why.
    const why = errorText(e);
    const flat: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(b)) {
      if (v === undefined) continue;
      try {
        JSON.stringify(v);
        flat[k] = v;
      } catch {
        flat[k] = `[unserialisable: ${why}]`;
      }
    }
    try {
      return `${JSON.stringify(flat)}\n`;
    } catch {
      return `${JSON.stringify({ kind: 'note', at: nowIso(), message: `a ${String(b.kind)} event could not be written: ${why}` })}\n`;
    }
  }
}

export class NdjsonTrace implements TraceSink {
  readonly path: string;
  private fd: number | undefined;
  /** Events offered after close(); they are not written. */
  droppedAfterClose = 0;
  /** Writes the file system refused (disk full, ...); the first error is kept. */
  writeFailures = 0;
  firstWriteError: string | undefined;
  private readonly violationCounts = new Map<string, number>();
  /** Secret strings as they appear in a line (JSON-escaped once for a value, twice inside a raw frame). */
  private readonly secretForms: string[];

  /** `secrets`: configured passwords; they are written as "<redacted>" wherever they appear (a trace is a CI artifact). */
  constructor(path: string, opts: { secrets?: string[] } = {}) {
    this.path = path;
    const once = (x: string): string => JSON.stringify(x).slice(1, -1);
    this.secretForms = [...new Set((opts.secrets ?? []).filter((x) => x.length >= 4).flatMap((x) => [once(x), once(once(x))]))].sort((a, b) => b.length - a.length);
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
  }

  write(event: TraceEvent): void {
    if (this.fd === undefined) {
      this.droppedAfterClose++;
      return;
    }
    if (event.kind === 'violation') {
      const n = (this.violationCounts.get(event.rule) ?? 0) + 1;
      this.violationCounts.set(event.rule, n);
      if (n > TRACE_LIMITS.violationsPerRule) return;
    }
    this.append(this.redact(toLine(event)));
  }

  private redact(line: string): string {
    let out = line;
    for (const f of this.secretForms) if (out.includes(f)) out = out.split(f).join('<redacted>');
    return out;
  }

  private append(line: string): void {
    if (this.fd === undefined) return;
    const buf = Buffer.from(line, 'utf8');
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (e) {
      this.writeFailures++;
      if (this.firstWriteError === undefined) {
        this.firstWriteError = errorText(e);
        process.stderr.write(`trace ${this.path}: a write failed (${this.firstWriteError}); later failures are counted\n`);
      }
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    const skipped = [...this.violationCounts].filter(([, n]) => n > TRACE_LIMITS.violationsPerRule);
    if (skipped.length > 0) {
      const text = skipped.map(([rule, n]) => `${n - TRACE_LIMITS.violationsPerRule} more "${rule}"`).join(', ');
      this.append(toLine({ kind: 'note', at: nowIso(), message: `violations beyond ${TRACE_LIMITS.violationsPerRule} per rule were counted, not written: ${text}` }));
    }
    if (this.writeFailures > 0) {
      this.append(toLine({ kind: 'note', at: nowIso(), message: `${this.writeFailures} trace write(s) failed; the first: ${this.firstWriteError ?? '?'}` }));
    }
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
