import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fanOut, MemoryTrace, NdjsonTrace, nowIso, TRACE_LIMITS } from '../../src/report/trace.ts';
import type { TraceEvent, TraceSink } from '../../src/report/trace-types.ts';

const note = (message: string, data?: unknown): TraceEvent => ({ kind: 'note', at: nowIso(), message, data });

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'ocpp-ndjson-'));
}

describe('NdjsonTrace', () => {
  it('creates folders and appends one JSON line per event, readable immediately', () => {
    const path = join(tmp(), 'a', 'b', 'run.ndjson');
    const t = new NdjsonTrace(path);
    t.write(note('one'));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(2);
    t.write(note('two\nwith a newline'));
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['one', 'two\nwith a newline']);
    t.close();
    t.write(note('after close'));
    expect(t.droppedAfterClose).toBe(1);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });

  it('appends to an existing file instead of truncating it', () => {
    const path = join(tmp(), 'run.ndjson');
    writeFileSync(path, '{"kind":"note","at":"x","message":"earlier"}\n');
    const t = new NdjsonTrace(path);
    t.write(note('later'));
    t.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('keeps an event whose data cannot be serialised', () => {
    const path = join(tmp(), 'run.ndjson');
    const t = new NdjsonTrace(path);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    t.write(note('cyclic', cyclic));
    t.write(note('bigint', { n: BigInt(5) }));
    t.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { message: string; data: string });
    expect(lines.map((l) => l.message)).toEqual(['cyclic', 'bigint']);
    expect(lines[0]?.data).toMatch(/^\[unserialisable: /);
  });

  it('writes a frame nested 20,000 levels deep: raw text kept, parsed copy replaced by a note (finding 2)', () => {
    const path = join(tmp(), 'deep.ndjson');
    const t = new NdjsonTrace(path);
    const raw = `[2,"d1","DataTransfer",{"vendorId":"x","data":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}]`;
    const frame = JSON.parse(raw) as unknown[];
    t.write({ kind: 'frame', at: nowIso(), connectionId: 'c1', dir: 'in', raw, frame: { type: 2, id: 'd1', action: 'DataTransfer', payload: frame[3] as Record<string, unknown> }, problems: ['x: y'] });
    t.write(note('after'));
    t.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: 'frame', raw, problems: ['x: y'] });
    expect(String(lines[0]?.frame)).toMatch(/^\[unserialisable: RangeError/);
  });

  it('caps a 16 MB frame with a truncation marker, and repeated violations per rule (finding 3)', () => {
    const path = join(tmp(), 'big.ndjson');
    const t = new NdjsonTrace(path);
    const raw = `[2,"b1","DataTransfer",{"vendorId":"${'x'.repeat(16 * 1024 * 1024)}"}]`;
    t.write({ kind: 'frame', at: nowIso(), connectionId: 'c1', dir: 'in', raw, frame: { type: 2, id: 'b1', action: 'DataTransfer', payload: { vendorId: 'x' } } });
    for (let i = 0; i < 5_000; i++) t.write({ kind: 'violation', at: nowIso(), connectionId: 'c1', rule: 'concurrent-call', message: `open: ${'id,'.repeat(i)}` });
    t.close();
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ kind: 'frame', truncated: { rawChars: raw.length, keptChars: TRACE_LIMITS.rawChars, parsedFrameDropped: true } });
    expect(lines.filter((l) => l.kind === 'violation')).toHaveLength(TRACE_LIMITS.violationsPerRule);
    expect(String(lines.at(-1)?.message)).toContain(`${5_000 - TRACE_LIMITS.violationsPerRule} more "concurrent-call"`);
  });

  it('does not swallow a failing write: counted, said on stderr, the writer keeps going', () => {
    const t = new NdjsonTrace('/dev/full');
    const said: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => said.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(() => t.write(note('one'))).not.toThrow();
      t.write(note('two'));
    } finally {
      process.stderr.write = orig;
    }
    expect(t.writeFailures).toBe(2);
    expect(said.join('')).toMatch(/\/dev\/full: a write failed/);
    t.close();
  });

  it('loses nothing already written when the process is killed with SIGKILL', () => {
    const dir = tmp();
    const path = join(dir, 'killed.ndjson');
    const script = join(dir, 'writer.ts');
    const traceModule = resolve('src/report/trace.ts');
    writeFileSync(
      script,
      `import { NdjsonTrace, nowIso } from ${JSON.stringify(traceModule)};\n` +
        `const t = new NdjsonTrace(${JSON.stringify(path)});\n` +
        `for (let i = 0; i < 100; i++) t.write({ kind: 'note', at: nowIso(), message: 'n' + i });\n` +
        `process.kill(process.pid, 'SIGKILL');\n`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBe('SIGKILL');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(100);
    expect((JSON.parse(lines[99] ?? '{}') as { message: string }).message).toBe('n99');
  });
});

describe('MemoryTrace, fanOut, nowIso', () => {
  it('MemoryTrace keeps events in order and filters by kind', () => {
    const m = new MemoryTrace();
    m.write(note('a'));
    m.write({ kind: 'refused', at: nowIso(), reason: 'bad subprotocol' });
    m.write(note('b'));
    expect(m.events).toHaveLength(3);
    expect(m.ofKind('note').map((e) => e.message)).toEqual(['a', 'b']);
  });

  it('fanOut writes to every sink even if one throws, then rethrows that error', () => {
    const a = new MemoryTrace();
    const b = new MemoryTrace();
    const broken: TraceSink = {
      write() {
        throw new Error('disk full');
      },
    };
    const sink = fanOut(a, broken, b);
    expect(() => sink.write(note('x'))).toThrow('disk full');
    expect([a.events.length, b.events.length]).toEqual([1, 1]);
    fanOut(a, b).write(note('y'));
    expect([a.events.length, b.events.length]).toEqual([2, 2]);
  });

  it('nowIso has millisecond precision and Z', () => {
    expect(nowIso()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
