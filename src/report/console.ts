// What the CLI prints: one progress line per finished case, and the final summary. Plain text, no colour codes,
// so it reads the same in a terminal, a CI log and a test assertion.

import { expectationLabel } from './expected-failures.ts';
import { exitCodeFor, fullReason, shortReason, VERDICTS, type CaseResult, type RunSummary } from './verdict.ts';

/** Width of the verdict column: the longest verdict name. */
const VERDICT_WIDTH = Math.max(...VERDICTS.map((v) => v.length));

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

/** Progress lines are cut to this many characters (the reason is shortened, never the id). */
export const PROGRESS_LINE_MAX = 160;

/** e.g. "[ 3/12] FAIL            TC_B_01_CS      1.2s  Step 3 [B01.FR.02]: expected ...; actual ..." */
export function progressLine(result: CaseResult, index: number, total: number): string {
  const w = String(total).length;
  const declared = result.expectation ? `  (${expectationLabel(result.expectation)})` : '';
  const head = `[${String(index).padStart(w)}/${total}] ${result.verdict.padEnd(VERDICT_WIDTH)}  ${result.id}  ${formatDuration(result.durationMs)}${declared}`;
  const reason = shortReason(result, Math.max(20, PROGRESS_LINE_MAX - head.length - 2));
  return reason ? `${head}  ${reason}` : head;
}

/** Verdicts whose explanation is printed in full under the progress line (the ones a user must act on). */
const EXPLAINED = new Set(['FAIL', 'ERROR', 'INCONCLUSIVE']);

/** Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The progress of one finished case: the one-line head, and for a verdict the user must act on (FAIL, ERROR,
 * INCONCLUSIVE) the whole explanation, wrapped to `width` and indented, with the trace file to open next. So the
 * console answers "why" without opening cases/*.json.
 */
export function progressBlock(result: CaseResult, index: number, total: number, width = 100): string[] {
  const reason = fullReason(result);
  if (!EXPLAINED.has(result.verdict) || reason === '') return [progressLine(result, index, total)];
  const w = String(total).length;
  const declared = result.expectation ? `  (${expectationLabel(result.expectation)})` : '';
  const head = `[${String(index).padStart(w)}/${total}] ${result.verdict.padEnd(VERDICT_WIDTH)}  ${result.id}  ${formatDuration(result.durationMs)}${declared}`;
  const indent = ' '.repeat(w * 2 + 4);
  const body = wrapText(reason, Math.max(40, width - indent.length)).map((l) => `${indent}${l}`);
  const trace = result.tracePath ? [`${indent}trace: ${result.tracePath}`] : [];
  return [head, ...body, ...trace];
}

export interface ConsoleSummaryOptions {
  /** The HTML report was written (the Report line lists html/index.html only then). Default true. */
  html?: boolean;
  /** The progress lines already printed each explanation in full: the list only names the cases (no second copy). */
  explainedAbove?: boolean;
}

/** The final block: counts per verdict, the cases that did not pass with their one-line reason, where the report is. */
export function renderConsoleSummary(summary: RunSummary, reportDir = `reports/${summary.runId}`, options: ConsoleSummaryOptions = {}): string {
  const c = summary.counts;
  const out: string[] = [];
  out.push(`OCPP ${summary.sut.version} ${summary.sut.role} conformance run ${summary.runId}`);
  out.push(VERDICTS.map((v) => `${v} ${c[v]}`).join('   ') + `   (total ${summary.results.length})`);
  const excused = summary.results.filter((r) => r.expectation?.outcome === 'expected-failure');
  const unexpected = summary.results.filter((r) => r.expectation?.outcome === 'unexpected-pass');
  if (excused.length + unexpected.length > 0) {
    out.push(`Declared expected failures: ${excused.length} failed as expected (excused), ${unexpected.length} UNEXPECTED PASS`);
  }
  // Cases without a feature yet are counted in one line, not listed (a profile run has hundreds of them).
  const notImplemented = summary.results.filter((r) => r.verdict === 'INCONCLUSIVE' && (r.reason ?? '').startsWith('not implemented yet'));
  const notPassed = summary.results.filter((r) => ((r.verdict === 'FAIL' && !excused.includes(r)) || r.verdict === 'INCONCLUSIVE' || r.verdict === 'ERROR') && !notImplemented.includes(r));
  const listed = [...notPassed, ...excused, ...unexpected];
  if (listed.length > 0) {
    const idWidth = Math.max(...listed.map((r) => r.id.length));
    const row = (label: string, r: CaseResult, why: string): string => `  ${label.padEnd(VERDICT_WIDTH)}  ${r.id.padEnd(idWidth)}  ${why}`;
    if (notPassed.length > 0) {
      out.push('');
      out.push('Not passed:');
      for (const r of notPassed) {
        if (options.explainedAbove) {
          out.push(row(r.verdict, r, 'explained above'));
          continue;
        }
        // Without progress lines (--quiet) this list is the one place the explanation appears: whole, wrapped.
        const indent = ' '.repeat(2 + VERDICT_WIDTH + 2 + idWidth + 2);
        const [first = '(no reason given)', ...rest] = wrapText(fullReason(r), Math.max(40, 100 - indent.length));
        out.push(row(r.verdict, r, first), ...rest.map((l) => `${indent}${l}`));
        if (r.tracePath) out.push(`${indent}trace: ${r.tracePath}`);
      }
    }
    if (excused.length + unexpected.length > 0) {
      out.push('');
      out.push('Declared expected failures:');
      for (const r of excused) out.push(row('XFAIL', r, `${r.expectation?.reason ?? ''}${r.expectation?.reference ? ` (${r.expectation.reference})` : ''}`));
      for (const r of unexpected) out.push(row('XPASS', r, `UNEXPECTED PASS: remove the declaration (${r.expectation?.reason ?? ''})`));
    }
  }
  if (notImplemented.length > 0) {
    out.push('');
    out.push(`Not implemented yet: ${notImplemented.length} selected case(s), INCONCLUSIVE (listed in summary.json)`);
  }
  const code = exitCodeFor(summary.results);
  out.push('');
  out.push(`Report: ${reportDir}/ (summary.json, junit.xml, profiles.md, requirements.md${options.html === false ? '' : ', html/index.html'})`);
  out.push(`Exit code: ${code}${code === 2 ? ' (harness error)' : code === 1 ? ' (failed or inconclusive cases)' : ''}`);
  return out.join('\n');
}
