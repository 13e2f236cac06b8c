// The reporting module's public surface, and the one call the CLI makes at the end of a run.

import path from 'node:path';
import { ALLURE_RESULTS_DIR, generateHtmlReport, HTML_REPORT_DIR, writeAllureResults, type HtmlReportOptions } from './allure.ts';
import { writeJsonSummary } from './json-summary.ts';
import { writeJUnit } from './junit.ts';
import { writeProfileSummary, type CatalogProfiles } from './profiles.ts';
import { writeRequirementMatrix } from './requirements.ts';
import type { RunSummary } from './verdict.ts';

export * from './verdict.ts';
export * from './json-summary.ts';
export * from './junit.ts';
export * from './profiles.ts';
export * from './requirements.ts';
export * from './console.ts';
export * from './allure.ts';

export interface WrittenReports {
  dir: string;
  summaryJson: string;
  junitXml: string;
  profilesMd: string;
  requirementsJson: string;
  requirementsMd: string;
  /** The Allure results folder; null when the HTML report was skipped (its only reader). */
  allureResults: string | null;
  html: { ok: boolean; message: string; dir: string };
}

/** `reports/<runId>` under a base directory (default: ./reports). */
export function reportDirFor(runId: string, base = 'reports'): string {
  if (!/^[A-Za-z0-9._-]+$/.test(runId) || runId === '.' || runId === '..') throw new Error(`run id not usable as a directory name: ${JSON.stringify(runId)}`);
  return path.join(base, runId);
}

/**
 * Writes every report into `dir`: the machine-readable files first (they never depend on the HTML generator), then the
 * Allure results and the HTML report (html=false skips both, e.g. for --no-html).
 */
export async function writeAllReports(
  summary: RunSummary,
  dir: string,
  catalogProfiles: CatalogProfiles,
  options: { html?: boolean } & HtmlReportOptions = {},
): Promise<WrittenReports> {
  const summaryJson = await writeJsonSummary(summary, dir);
  const junitXml = await writeJUnit(summary, dir);
  const profilesMd = await writeProfileSummary(summary, catalogProfiles, dir);
  const req = await writeRequirementMatrix(summary, dir);
  const htmlDir = path.join(dir, HTML_REPORT_DIR);
  // Allure results only feed the HTML report: with html=false (--no-html) neither is written.
  if (options.html === false) {
    return { dir, summaryJson, junitXml, profilesMd, requirementsJson: req.json, requirementsMd: req.markdown, allureResults: null, html: { ok: false, message: 'HTML report skipped', dir: htmlDir } };
  }
  const allureResults = await writeAllureResults(summary, dir);
  // One self-contained index.html by default: a lab mails or archives the report and opens it from disk.
  const html = await generateHtmlReport(path.join(dir, ALLURE_RESULTS_DIR), htmlDir, { singleFile: true, ...options });
  return { dir, summaryJson, junitXml, profilesMd, requirementsJson: req.json, requirementsMd: req.markdown, allureResults, html: { ...html, dir: htmlDir } };
}
