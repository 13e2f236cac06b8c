// Per-profile summary: for each Part 5 profile, how its mandatory (M) and conditional (C) cases fared.
// Which cases a profile has comes from the caller (the catalog), so that cases of the profile that were not run
// show up as "not run" instead of silently vanishing. A result whose id is not in the catalog counts under the
// profiles it carries itself.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaseResult, ProfileMembership, RunSummary, Verdict } from './verdict.ts';

export const PROFILES_FILE = 'profiles.md';

export type CatalogProfiles = ReadonlyArray<{ id: string; profiles: ReadonlyArray<ProfileMembership> }>;

export interface ProfileCounts {
  /** Cases of the profile with this requirement level (from the catalog and the results). */
  total: number;
  pass: number;
  /** FAIL not declared as an expected failure. */
  fail: number;
  /** FAIL declared as an expected failure in the run config (excused from the exit code). */
  expectedFail: number;
  notApplicable: number;
  /** INCONCLUSIVE + ERROR. */
  other: number;
  /** In the profile but not in this run. */
  notRun: number;
}

export interface ProfileRow {
  profile: string;
  mandatory: ProfileCounts;
  conditional: ProfileCounts;
}

function emptyCounts(): ProfileCounts {
  return { total: 0, pass: 0, fail: 0, expectedFail: 0, notApplicable: 0, other: 0, notRun: 0 };
}

function add(c: ProfileCounts, result: Pick<CaseResult, 'verdict' | 'expectation'> | undefined): void {
  c.total += 1;
  const verdict: Verdict | undefined = result?.verdict;
  if (verdict === undefined) c.notRun += 1;
  else if (verdict === 'PASS') c.pass += 1;
  else if (verdict === 'FAIL' && result?.expectation?.outcome === 'expected-failure') c.expectedFail += 1;
  else if (verdict === 'FAIL') c.fail += 1;
  else if (verdict === 'NOT_APPLICABLE') c.notApplicable += 1;
  else c.other += 1;
}

/** Rows in the order profiles first appear in the catalog (then in the results). */
export function profileTable(summary: RunSummary, catalogProfiles: CatalogProfiles): ProfileRow[] {
  // A case id may be in a run twice (e.g. repeated); the combined verdict would hide that, so the last one counts.
  const resultOf = new Map<string, CaseResult>();
  for (const r of summary.results) resultOf.set(r.id, r);

  const membership = new Map<string, ReadonlyArray<ProfileMembership>>();
  for (const c of catalogProfiles) membership.set(c.id, c.profiles);
  for (const r of summary.results) if (!membership.has(r.id)) membership.set(r.id, r.profiles);

  const rows = new Map<string, ProfileRow>();
  for (const [id, profiles] of membership) {
    const seen = new Set<string>();
    for (const p of profiles) {
      const key = `${p.profile}\u0000${p.requirement}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let row = rows.get(p.profile);
      if (!row) {
        row = { profile: p.profile, mandatory: emptyCounts(), conditional: emptyCounts() };
        rows.set(p.profile, row);
      }
      add(p.requirement === 'M' ? row.mandatory : row.conditional, resultOf.get(id));
    }
  }
  return [...rows.values()];
}

const HEADERS = ['Profile', 'M total', 'M pass', 'M fail', 'M xfail', 'M n/a', 'M other', 'M not run', 'C total', 'C pass', 'C fail', 'C xfail', 'C n/a', 'C other', 'C not run'];

function cells(row: ProfileRow): string[] {
  const c = (x: ProfileCounts): string[] => [x.total, x.pass, x.fail, x.expectedFail, x.notApplicable, x.other, x.notRun].map(String);
  return [row.profile, ...c(row.mandatory), ...c(row.conditional)];
}

/** Aligned plain-text table for the terminal (profile names left-aligned, numbers right-aligned). */
export function renderProfileTable(rows: ProfileRow[]): string {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), sep, ...table.slice(1).map(line)].join('\n');
}

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderProfileMarkdown(rows: ProfileRow[], title = 'Profiles'): string {
  const out = [`# ${title}`, '', 'M = mandatory cases of the profile, C = conditional cases (apply when the PICS declares the feature). "xfail" = FAIL declared as an expected failure in the run config. "other" = INCONCLUSIVE or ERROR.', ''];
  out.push(`| ${HEADERS.join(' | ')} |`);
  out.push(`| --- | ${HEADERS.slice(1).map(() => '---:').join(' | ')} |`);
  for (const row of rows) out.push(`| ${cells(row).map(mdCell).join(' | ')} |`);
  return `${out.join('\n')}\n`;
}

/**
 * The run's cases that belong to no certification profile (Part 5 lists them nowhere): counted apart, never into a
 * profile. undefined when the run has none. (notRun stays 0: only cases that ran are known here.)
 */
export function outsideProfiles(summary: RunSummary): ProfileCounts | undefined {
  const outside = summary.results.filter((r) => r.profiles.length === 0);
  if (outside.length === 0) return undefined;
  const counts = emptyCounts();
  for (const r of outside) add(counts, r);
  return counts;
}

/** One line for the terminal and the markdown summary about the cases outside the certification profiles. */
export function renderOutsideProfiles(c: ProfileCounts): string {
  return `Outside the certification profiles (counted into no profile): ${c.total} case(s), ${c.pass} pass, ${c.fail} fail, ${c.notApplicable} n/a, ${c.other} other`;
}

/** Writes `<dir>/profiles.md`; returns its path. */
export async function writeProfileSummary(summary: RunSummary, catalogProfiles: CatalogProfiles, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, PROFILES_FILE);
  const outside = outsideProfiles(summary);
  const extra = outside ? `\n## Outside the certification profiles\n\n${renderOutsideProfiles(outside)}\n` : '';
  await writeFile(file, renderProfileMarkdown(profileTable(summary, catalogProfiles), `Profiles - run ${summary.runId}`) + extra, 'utf8');
  return file;
}
