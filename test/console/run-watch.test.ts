// Following a run directory: trace lines are delivered once each, a half-written line waits for its end, an unreadable
// line is kept as a note (never dropped), and a case file is read once it parses.
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunWatch } from '../../src/console/run-watch.ts';
import type { TraceEvent } from '../../src/report/trace-types.ts';
import type { CaseResult } from '../../src/report/verdict.ts';

const watches: RunWatch[] = [];
afterEach(() => watches.splice(0).forEach((w) => w.close()));

function runDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocpp-console-watch-'));
  mkdirSync(path.join(dir, 'cases'));
  mkdirSync(path.join(dir, 'traces'));
  return dir;
}

describe('RunWatch', () => {
  it('delivers each trace line once, waits for a line to end, keeps unreadable lines, reads a case file once complete', () => {
    const dir = runDir();
    const seen: Array<[string, TraceEvent]> = [];
    const started: string[] = [];
    const results: CaseResult[] = [];
    const watch = new RunWatch(dir, { caseStarted: (id) => started.push(id), traceEvent: (id, e) => seen.push([id, e]), caseResult: (r) => results.push(r) });
    watches.push(watch);
    const trace = path.join(dir, 'traces', 'TC_B_01_CS.ndjson');
    appendFileSync(trace, `${JSON.stringify({ kind: 'note', at: '2026-01-01T00:00:00.000Z', message: 'step: one' })}\n{"kind":"no`);
    watch.scan();
    expect(started).toEqual(['TC_B_01_CS']);
    expect(seen.map(([, e]) => (e.kind === 'note' ? e.message : e.kind))).toEqual(['step: one']);
    appendFileSync(trace, `te","at":"2026-01-01T00:00:01.000Z","message":"step: two"}\nnot json at all\n`);
    watch.scan();
    watch.scan();
    expect(seen.map(([, e]) => (e.kind === 'note' ? e.message : e.kind))).toEqual(['step: one', 'step: two', 'unreadable trace line: not json at all']);
    expect(started).toEqual(['TC_B_01_CS']);

    const caseFile = path.join(dir, 'cases', 'TC_B_01_CS.json');
    writeFileSync(caseFile, '{"id":"TC_B_01_CS","verdict":"PA');
    watch.scan();
    expect(results).toEqual([]);
    writeFileSync(caseFile, JSON.stringify({ id: 'TC_B_01_CS', verdict: 'PASS' }));
    watch.scan();
    watch.scan();
    expect(results.map((r) => `${r.id} ${r.verdict}`)).toEqual(['TC_B_01_CS PASS']);
  });
});
