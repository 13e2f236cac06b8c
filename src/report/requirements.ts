// Requirement matrix: requirement id -> the cases that check it -> their verdicts, plus a combined verdict per
// requirement (combineVerdicts). A case's requirement ids are its catalog `requirements` plus any ids named by its failure.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { combineVerdicts, type RunSummary, type SutRole, type Verdict } from './verdict.ts';

export const REQUIREMENTS_JSON = 'requirements.json';
export const REQUIREMENTS_MD = 'requirements.md';

export interface RequirementCase {
  id: string;
  role: SutRole;
  version: string;
  verdict: Verdict;
}

export interface RequirementRow {
  requirement: string;
  verdict: Verdict;
  cases: RequirementCase[];
}

const collator = new Intl.Collator('en', { numeric: true });

/** Rows sorted by requirement id (numeric-aware: FR.2 before FR.10); cases sorted by id. */
export function requirementMatrix(summary: RunSummary): RequirementRow[] {
  const byReq = new Map<string, RequirementCase[]>();
  for (const r of summary.results) {
    const ids = new Set([...r.requirements, ...(r.failure?.requirementIds ?? [])]);
    for (const req of ids) {
      const list = byReq.get(req) ?? [];
      list.push({ id: r.id, role: r.role, version: r.version, verdict: r.verdict });
      byReq.set(req, list);
    }
  }
  return [...byReq.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([requirement, cases]) => ({
      requirement,
      verdict: combineVerdicts(cases.map((c) => c.verdict)),
      cases: cases.sort((a, b) => collator.compare(a.id, b.id)),
    }));
}

export function renderRequirementsMarkdown(rows: RequirementRow[], title = 'Requirements'): string {
  const out = [`# ${title}`, '', '| Requirement | Verdict | Cases |', '| --- | --- | --- |'];
  for (const row of rows) {
    const cases = row.cases.map((c) => `${c.id} ${c.verdict}`).join(', ');
    out.push(`| ${row.requirement.replace(/\|/g, '\\|')} | ${row.verdict} | ${cases.replace(/\|/g, '\\|')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Writes `<dir>/requirements.json` ({ schemaVersion: 1, runId, requirements: RequirementRow[] }) and `requirements.md`. */
export async function writeRequirementMatrix(summary: RunSummary, dir: string): Promise<{ json: string; markdown: string }> {
  await mkdir(dir, { recursive: true });
  const rows = requirementMatrix(summary);
  const json = path.join(dir, REQUIREMENTS_JSON);
  const markdown = path.join(dir, REQUIREMENTS_MD);
  await writeFile(json, `${JSON.stringify({ schemaVersion: 1, runId: summary.runId, requirements: rows }, null, 2)}\n`, 'utf8');
  await writeFile(markdown, renderRequirementsMarkdown(rows, `Requirements - run ${summary.runId}`), 'utf8');
  return { json, markdown };
}
