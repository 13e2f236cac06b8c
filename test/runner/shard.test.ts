// Shards of a selection: together every case exactly once, the same split on every runner, balanced by count or by
// the durations of an earlier run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationsFromSummary, parseShard, shardOf } from '../../src/runner/shard.ts';

const ids = Array.from({ length: 23 }, (_, i) => `TC_B_${String(i + 1).padStart(2, '0')}_CSMS`);
const id = (s: string): string => s;

describe('shards', () => {
  it('parse i/n and refuse anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1-3', 'a/b', '']) expect(() => parseShard(bad)).toThrow(/--shard must be i\/n/);
  });

  it('together hold every case exactly once, in the selection order, balanced by count', () => {
    for (const n of [1, 2, 3, 5, 23, 30]) {
      const parts = Array.from({ length: n }, (_, i) => shardOf(ids, id, { index: i + 1, count: n }));
      expect(parts.flat().sort()).toEqual([...ids].sort());
      for (const p of parts) expect(p).toEqual(ids.filter((x) => p.includes(x)));
      const sizes = parts.map((p) => p.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('do not depend on the order the selection arrives in', () => {
    const reversed = [...ids].reverse();
    for (let i = 1; i <= 3; i++) expect(shardOf(reversed, id, { index: i, count: 3 }).sort()).toEqual(shardOf(ids, id, { index: i, count: 3 }).sort());
  });

  it('balance by the durations of an earlier summary.json (a long case gets a shard of its own)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shard-'));
    const file = join(dir, 'summary.json');
    writeFileSync(file, JSON.stringify({ results: ids.map((x, i) => ({ id: x, durationMs: i === 0 ? 60_000 : 1_000 })) }));
    const durations = durationsFromSummary(file);
    const parts = [1, 2].map((i) => shardOf(ids, id, { index: i, count: 2 }, durations));
    const long = parts.find((p) => p.includes(ids[0] as string)) ?? [];
    expect(long).toEqual([ids[0]]);
    expect(parts.flat().sort()).toEqual([...ids].sort());
    writeFileSync(file, '{"no":"results"}');
    expect(() => durationsFromSummary(file)).toThrow(/not a summary\.json/);
  });
});
