// `ocpp-conformance merge-reports`: the reports of several shards of one run (`run --shard i/n` on several CI runners)
// merged into the reports one run would have written. Each shard's summary.json holds its case results; a merged
// summary is their union (a case in two shards is refused: the shards were not of one split), with the traces copied
// next to it so the merged folder stands on its own.
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SUMMARY_FILE, SUMMARY_SCHEMA_VERSION, type SummaryJson } from './json-summary.ts';
import { buildRunSummary, type CaseResult, type RunSummary } from './verdict.ts';

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface ShardReport {
  /** The folder holding summary.json (a role folder such as reports/<run>/csms). */
  dir: string;
  summary: SummaryJson;
}

async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false;
}

async function readShard(dir: string): Promise<ShardReport> {
  const file = path.join(dir, SUMMARY_FILE);
  let parsed: SummaryJson;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as SummaryJson;
  } catch (e) {
    throw new MergeError(`${file}: cannot read it as JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (parsed.schemaVersion !== SUMMARY_SCHEMA_VERSION || !Array.isArray(parsed.results) || !parsed.sut) {
    throw new MergeError(`${file}: not a summary.json of schemaVersion ${SUMMARY_SCHEMA_VERSION}`);
  }
  return { dir, summary: parsed };
}

/** The shard reports under the given folders: a folder with summary.json, or a run folder with role folders (cs, csms). */
export async function findShardReports(dirs: readonly string[]): Promise<ShardReport[]> {
  const out: ShardReport[] = [];
  for (const dir of dirs) {
    if (await isFile(path.join(dir, SUMMARY_FILE))) {
      out.push(await readShard(dir));
      continue;
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
      throw new MergeError(`${dir}: no such folder`);
    });
    const roles = entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
    const found = [];
    for (const r of roles) if (await isFile(path.join(r, SUMMARY_FILE))) found.push(await readShard(r));
    if (found.length === 0) throw new MergeError(`${dir}: holds no ${SUMMARY_FILE} (give the run folder of a shard or one of its role folders)`);
    out.push(...found);
  }
  return out;
}

/** Shards grouped by what they tested: role and OCPP version (one merged report each). */
export function groupShards(shards: readonly ShardReport[]): Map<string, ShardReport[]> {
  const groups = new Map<string, ShardReport[]>();
  for (const s of shards) {
    const key = `${s.summary.sut.role === 'CSMS' ? 'csms' : 'cs'}@${s.summary.sut.version}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return groups;
}

/** One run's summary made of the shards' results, ordered by case id (the order of the selection). */
export function mergeShardSummaries(shards: readonly ShardReport[], runId: string): RunSummary {
  const first = shards[0];
  if (!first) throw new MergeError('no shard reports to merge');
  const seen = new Map<string, string>();
  const results: CaseResult[] = [];
  for (const s of shards) {
    for (const r of s.summary.results) {
      const earlier = seen.get(r.id);
      if (earlier) throw new MergeError(`${r.id} is in two shards (${earlier} and ${s.dir}): the shards are not of one split`);
      seen.set(r.id, s.dir);
      results.push(r);
    }
  }
  results.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const started = shards.map((s) => s.summary.startedAt).sort()[0] ?? first.summary.startedAt;
  const finished = shards.map((s) => s.summary.finishedAt).sort().at(-1) ?? first.summary.finishedAt;
  return buildRunSummary({ runId, startedAt: started, finishedAt: finished, sut: first.summary.sut, results });
}

/** Copies each result's trace into `dir`/traces and points the result at the copy (the merged folder stands alone). */
export async function adoptTraces(summary: RunSummary, shards: readonly ShardReport[], dir: string): Promise<void> {
  const traces = path.join(dir, 'traces');
  await mkdir(traces, { recursive: true });
  const dirOf = new Map(shards.flatMap((s) => s.summary.results.map((r) => [r.id, s.dir] as const)));
  for (const r of summary.results) {
    if (!r.tracePath) continue;
    const from = path.isAbsolute(r.tracePath) ? r.tracePath : path.join(dirOf.get(r.id) ?? '', r.tracePath);
    const to = path.join(traces, path.basename(from));
    if (await isFile(from)) {
      await copyFile(from, to);
      r.tracePath = to;
    }
  }
}
