// Follows a run directory as the runner writes it: cases/<id>.json (a verdict) and traces/<id>.ndjson (the wire log,
// appended the moment each event happens). The files are the source of truth; this only reads what appears.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { TraceEvent } from '../report/trace-types.ts';
import type { CaseResult } from '../report/verdict.ts';

export interface RunWatchListener {
  caseStarted(caseId: string): void;
  traceEvent(caseId: string, event: TraceEvent): void;
  caseResult(result: CaseResult): void;
}

/** Parses NDJSON text; a line that does not parse is kept as a note, so bad input never hides evidence. */
export function parseTraceLines(text: string): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as TraceEvent);
    } catch {
      out.push({ kind: 'note', at: '', message: `unreadable trace line: ${line.slice(0, 200)}` });
    }
  }
  return out;
}

/** Reads a file from `offset` on; returns the complete lines and the offset after the last one. */
function readNewLines(path: string, offset: number): { text: string; next: number } {
  const size = statSync(path).size;
  if (size <= offset) return { text: '', next: offset };
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(size - offset);
    const n = readSync(fd, buf, 0, buf.length, offset);
    const text = buf.subarray(0, n).toString('utf8');
    const end = text.lastIndexOf('\n') + 1;
    return { text: text.slice(0, end), next: offset + Buffer.byteLength(text.slice(0, end)) };
  } finally {
    closeSync(fd);
  }
}

export class RunWatch {
  private readonly offsets = new Map<string, number>();
  private readonly finished = new Set<string>();
  private readonly watchers: FSWatcher[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly runDir: string,
    private readonly listener: RunWatchListener,
  ) {
    for (const sub of ['cases', 'traces']) {
      const dir = join(runDir, sub);
      if (!existsSync(dir)) continue;
      try {
        this.watchers.push(watch(dir, () => this.scan()));
      } catch {
        // fs.watch is not available everywhere; the periodic scan below still follows the run.
      }
    }
    // Events can coalesce or be missed on some file systems: a slow periodic scan makes sure nothing is left behind.
    this.timer = setInterval(() => this.scan(), 500);
    this.scan();
  }

  /** Reads everything new; call once more after the runner exited to catch the last lines. */
  scan(): void {
    const traces = join(this.runDir, 'traces');
    for (const name of safeList(traces)) {
      if (!name.endsWith('.ndjson')) continue;
      const caseId = name.slice(0, -'.ndjson'.length);
      const path = join(traces, name);
      if (!this.offsets.has(caseId)) {
        this.offsets.set(caseId, 0);
        this.listener.caseStarted(caseId);
      }
      try {
        const { text, next } = readNewLines(path, this.offsets.get(caseId) ?? 0);
        this.offsets.set(caseId, next);
        for (const event of parseTraceLines(text)) this.listener.traceEvent(caseId, event);
      } catch {
        // The file vanished or is unreadable for a moment; the next scan tries again.
      }
    }
    const cases = join(this.runDir, 'cases');
    for (const name of safeList(cases)) {
      const caseId = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || this.finished.has(caseId)) continue;
      try {
        const result = JSON.parse(readFileSync(join(cases, name), 'utf8')) as CaseResult;
        this.finished.add(caseId);
        this.listener.caseResult(result);
      } catch {
        // Being written; read again on the next scan.
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const w of this.watchers.splice(0)) w.close();
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
