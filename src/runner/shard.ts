// Splitting a run's selected cases across CI runners (`run --shard i/n`): every runner computes the same split from the
// same selection, so the shards together run every case exactly once. With durations of an earlier run (its
// summary.json), cases are balanced by time (longest first, each to the shard with the least time so far); without,
// by count. Ties go to the lower shard, cases are taken in id order: the split depends on nothing else.
import { readFileSync } from 'node:fs';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

export function parseShard(text: string): Shard {
  const m = /^(\d{1,3})\/(\d{1,3})$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new ShardError(`--shard must be i/n with 1 <= i <= n (e.g. 2/3), got "${text}"`);
  return { index, count };
}

/** Case durations (ms) from an earlier run's summary.json; cases it lacks get the median of the others. */
export function durationsFromSummary(file: string): Map<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ShardError(`--shard-durations ${file}: cannot read it as JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const results = (parsed as { results?: unknown }).results;
  if (!Array.isArray(results)) throw new ShardError(`--shard-durations ${file}: not a summary.json (no results list)`);
  const out = new Map<string, number>();
  for (const r of results as Array<{ id?: unknown; durationMs?: unknown }>) {
    if (typeof r.id === 'string' && typeof r.durationMs === 'number' && r.durationMs >= 0) out.set(r.id, r.durationMs);
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 1;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 1;
}

/** The items of `shard`, in their original order. */
export function shardOf<T>(items: readonly T[], idOf: (item: T) => string, shard: Shard, durations?: ReadonlyMap<string, number>): T[] {
  const ids = items.map(idOf);
  if (new Set(ids).size !== ids.length) throw new ShardError('the selection names a case twice');
  const fallback = median(ids.flatMap((id) => (durations?.has(id) ? [durations.get(id) ?? 0] : [])));
  const weight = (id: string): number => (durations ? (durations.get(id) ?? fallback) : 1);
  const order = [...ids].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
  const load = new Array<number>(shard.count).fill(0);
  const mine = new Set<string>();
  for (const id of order) {
    let target = 0;
    for (let i = 1; i < shard.count; i++) if ((load[i] ?? 0) < (load[target] ?? 0)) target = i;
    load[target] = (load[target] ?? 0) + weight(id);
    if (target === shard.index - 1) mine.add(id);
  }
  return items.filter((item) => mine.has(idOf(item)));
}
