// Earlier runs: every reports/<run-id>/ (or <run-id>/cs, <run-id>/csms of a two-role run) with a summary.json, and
// for one of them what the page shows after a run: the profile table (M/C), the failures, and the report files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadCatalog } from '../catalog/index.ts';
import { profileTable } from '../report/profiles.ts';
import type { ProfileRow } from '../report/profiles.ts';
import type { CaseResult, RunSummary, VerdictCounts } from '../report/verdict.ts';
import { readSummary } from './runs.ts';

export interface RunListing {
  /** Path of the run folder relative to its report base, e.g. "20261206-201500-ab12" or "20261206-201500-ab12/cs". */
  id: string;
  base: number;
  role: string;
  sut: string;
  startedAt: string;
  finishedAt: string;
  counts: VerdictCounts;
}

export interface RunDetail {
  id: string;
  base: number;
  summary: RunSummary;
  profiles: ProfileRow[];
  failures: Array<Pick<CaseResult, 'id' | 'title' | 'verdict' | 'reason' | 'failure'>>;
  /** Report files that exist, as paths under /reports/<base>/<id>/. */
  files: Record<'summary' | 'junit' | 'profiles' | 'requirements' | 'html', string | null>;
}

/** Every run folder with a summary under the given bases, newest first. */
export function listRuns(bases: string[]): RunListing[] {
  const out: RunListing[] = [];
  bases.forEach((base, index) => {
    if (!existsSync(base)) return;
    for (const name of readdirSync(base)) {
      const dir = join(base, name);
      if (!isDir(dir)) continue;
      for (const sub of [dir, join(dir, 'cs'), join(dir, 'csms')]) {
        const summary = readSummary(sub);
        if (!summary) continue;
        out.push({
          id: relative(base, sub).split(sep).join('/'),
          base: index,
          role: summary.sut.role,
          sut: summary.sut.identity ?? summary.sut.url ?? '',
          startedAt: summary.startedAt,
          finishedAt: summary.finishedAt,
          counts: summary.counts,
        });
      }
    }
  });
  return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** A run folder id is one or two plain path segments; anything else is refused (no way out of the report base). */
export function runFolder(bases: string[], base: number, id: string): string | undefined {
  const root = bases[base];
  if (!root || !/^[A-Za-z0-9._-]+(\/(cs|csms))?$/.test(id) || id.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return join(root, ...id.split('/'));
}

export function runDetail(bases: string[], base: number, id: string): RunDetail | undefined {
  const dir = runFolder(bases, base, id);
  const summary = dir ? readSummary(dir) : undefined;
  if (!dir || !summary) return undefined;
  const touched = new Set(summary.results.flatMap((r) => r.profiles.map((p) => p.profile)));
  const catalogProfiles = loadCatalog()
    .select({ version: summary.sut.version, role: summary.sut.role })
    .map((c) => ({ id: c.id, profiles: c.profiles }));
  const file = (name: string): string | null => (existsSync(join(dir, name)) ? `/reports/${base}/${id}/${name}` : null);
  return {
    id,
    base,
    summary,
    profiles: profileTable(summary, catalogProfiles).filter((row) => touched.has(row.profile)),
    failures: summary.results
      .filter((r) => r.verdict !== 'PASS' && r.verdict !== 'NOT_APPLICABLE')
      .map((r) => ({ id: r.id, title: r.title, verdict: r.verdict, ...(r.reason ? { reason: r.reason } : {}), ...(r.failure ? { failure: r.failure } : {}) })),
    files: {
      summary: file('summary.json'),
      junit: file('junit.xml'),
      profiles: file('profiles.md'),
      requirements: file('requirements.md'),
      html: file('html/index.html'),
    },
  };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
