// summary.json: the machine-readable result of a run that CI gates on. Shape (schemaVersion 1):
//
// {
//   "schemaVersion": 1,
//   "runId": string, "startedAt": ISO-8601, "finishedAt": ISO-8601,
//   "sut": { "role": "ChargingStation"|"CSMS", "version": "2.0.1"|"2.1", ...optional identity/url/vendor/model/... },
//   "overall": Verdict,          // combineVerdicts over all results (see verdict.ts for the precedence)
//   "exitCode": 0|1|2,           // what the CLI exits with (see exitCodeFor)
//   "total": number,
//   "counts": { "PASS": n, "FAIL": n, "INCONCLUSIVE": n, "NOT_APPLICABLE": n, "ERROR": n },   // always all five keys
//   "expectations": { "expectedFailures": n, "unexpectedPasses": n, "notExcused": n },   // declared expected failures
//   "results": [ CaseResult... ]  // in run order; optional fields are omitted when absent, never null
// }
//
// Keys are written in this fixed order and the file is pretty-printed with 2 spaces and a final newline, so two runs
// with equal results produce byte-identical files (apart from times).
// A gate needs only: `jq -e '.exitCode == 0' summary.json` or `jq '.counts.FAIL'`.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { boundCaseResult } from './bounded.ts';
import { combineVerdicts, countVerdicts, exitCodeFor, VERDICTS, type CaseResult, type RunSummary, type Verdict, type VerdictCounts } from './verdict.ts';

export const SUMMARY_FILE = 'summary.json';
export const SUMMARY_SCHEMA_VERSION = 1;

export interface SummaryJson {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  runId: string;
  startedAt: string;
  finishedAt: string;
  sut: RunSummary['sut'];
  overall: Verdict;
  exitCode: 0 | 1 | 2;
  total: number;
  counts: VerdictCounts;
  /** Cases the run config declared as expected failures, by what became of them (all zero when none declared). */
  expectations: { expectedFailures: number; unexpectedPasses: number; notExcused: number };
  results: CaseResult[];
}

function ordered(unbounded: CaseResult): CaseResult {
  // Entries stay readable whatever the SUT sent (see bounded.ts); the wire log is in the trace.
  const r = boundCaseResult(unbounded);
  // Fixed key order; undefined optionals are dropped by JSON.stringify.
  return {
    id: r.id,
    title: r.title,
    role: r.role,
    version: r.version,
    block: r.block,
    profiles: r.profiles.map((p) => ({ profile: p.profile, requirement: p.requirement })),
    requirements: [...r.requirements],
    verdict: r.verdict,
    reason: r.reason,
    failure: r.failure && {
      step: r.failure.step,
      requirementIds: [...r.failure.requirementIds],
      expected: r.failure.expected,
      actual: r.failure.actual,
      frame: r.failure.frame,
    },
    steps: r.steps.map((s) => ({ text: s.text, status: s.status, durationMs: s.durationMs, error: s.error })),
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    tracePath: r.tracePath,
    securityProfile: r.securityProfile,
    expectation: r.expectation && { outcome: r.expectation.outcome, reason: r.expectation.reason, reference: r.expectation.reference },
  };
}

export function toSummaryJson(summary: RunSummary): SummaryJson {
  const counts = countVerdicts(summary.results);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: summary.runId,
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
    sut: summary.sut,
    overall: combineVerdicts(summary.results.map((r) => r.verdict)),
    exitCode: exitCodeFor(summary.results),
    total: summary.results.length,
    counts: Object.fromEntries(VERDICTS.map((v) => [v, counts[v]])) as VerdictCounts,
    expectations: {
      expectedFailures: summary.results.filter((r) => r.expectation?.outcome === 'expected-failure').length,
      unexpectedPasses: summary.results.filter((r) => r.expectation?.outcome === 'unexpected-pass').length,
      notExcused: summary.results.filter((r) => r.expectation?.outcome === 'not-excused').length,
    },
    results: summary.results.map(ordered),
  };
}

/** Writes `<dir>/summary.json`; returns its path. */
export async function writeJsonSummary(summary: RunSummary, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, SUMMARY_FILE);
  await writeFile(file, `${JSON.stringify(toSummaryJson(summary), null, 2)}\n`, 'utf8');
  return file;
}
