// The verdict model: what one case concluded, what a whole run concluded, and how that becomes an exit code.
// Every reporter (console, JSON, JUnit, profile table, requirement matrix, Allure) reads only these types.
import type { CaseExpectation } from './expected-failures.ts';

export const VERDICTS = ['PASS', 'FAIL', 'INCONCLUSIVE', 'NOT_APPLICABLE', 'ERROR'] as const;
/**
 * PASS / FAIL: the SUT was judged. INCONCLUSIVE: it could not be judged (a precondition never arose).
 * NOT_APPLICABLE: the PICS says the feature is absent. ERROR: the harness itself broke; never reported as FAIL.
 */
export type Verdict = (typeof VERDICTS)[number];

export type SutRole = 'ChargingStation' | 'CSMS';
export type OcppVersion = '2.0.1' | '2.1';
export type Requirement = 'M' | 'C';

export interface ProfileMembership {
  /** Part 5 certification profile, e.g. "Core", "Local Authorization List Management". */
  profile: string;
  /** M = mandatory in that profile, C = conditional (applies when the PICS says the feature is present). */
  requirement: Requirement;
}

export interface CaseFailure {
  /** The Part 6 step where the case failed, in our words, e.g. "Step 3: the station answers the SetVariablesRequest". */
  step: string;
  /** Requirement ids the failed check verifies, e.g. ["B01.FR.02"]. */
  requirementIds: string[];
  expected: string;
  actual: string;
  /** The raw frame text that failed the check, exactly as seen on the wire (may contain anything, control characters too). */
  frame?: string;
}

export interface CaseStep {
  text: string;
  status: 'passed' | 'failed' | 'skipped' | 'undefined';
  durationMs: number;
  error?: string;
}

export interface CaseResult {
  /** Part 6 case id, e.g. "TC_B_01_CS". */
  id: string;
  title: string;
  role: SutRole;
  version: OcppVersion;
  /** Functional block, e.g. "B Provisioning" (or just "B"). */
  block: string;
  profiles: ProfileMembership[];
  requirements: string[];
  verdict: Verdict;
  /** Why: required in practice for NOT_APPLICABLE, INCONCLUSIVE and ERROR; optional otherwise. */
  reason?: string;
  /** Set when verdict is FAIL (the first failed check). */
  failure?: CaseFailure;
  steps: CaseStep[];
  /** ISO 8601 timestamp. */
  startedAt: string;
  durationMs: number;
  /** Path of the case's NDJSON wire trace (one TraceEvent per line, see trace-types.ts). */
  tracePath?: string;
  securityProfile?: number;
  /** Set when the run config declared this case an expected failure (see expected-failures.ts). */
  expectation?: CaseExpectation;
}

/** What was tested. Free-form beyond the role and version; the CLI fills in what it knows. */
export interface SutInfo {
  role: SutRole;
  version: OcppVersion;
  /** Station identity (SUT = CS) or the CSMS URL (SUT = CSMS). */
  identity?: string;
  url?: string;
  vendor?: string;
  model?: string;
  firmwareVersion?: string;
  securityProfile?: number;
}

export type VerdictCounts = Record<Verdict, number>;

export interface RunSummary {
  runId: string;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601. */
  finishedAt: string;
  sut: SutInfo;
  results: CaseResult[];
  /** Number of results per verdict; always derived from `results` (see buildRunSummary). */
  counts: VerdictCounts;
}

// ---------------------------------------------------------------------------------------------------------------------

/**
 * Precedence used when several verdicts must become one (checks within a case, cases of a requirement, a whole run):
 * the first in this list that occurs wins.
 *  - ERROR first: if the harness broke, nothing else it concluded can be trusted.
 *  - FAIL before INCONCLUSIVE: a proven violation outweighs a check that could not be made.
 *  - INCONCLUSIVE before PASS: "partly unjudged" is not a pass.
 *  - PASS before NOT_APPLICABLE: a mix of passed and not-applicable checks is a pass.
 * An empty list combines to NOT_APPLICABLE (nothing applied, nothing was claimed).
 * The result does not depend on the order of the input.
 */
export const VERDICT_PRECEDENCE: readonly Verdict[] = ['ERROR', 'FAIL', 'INCONCLUSIVE', 'PASS', 'NOT_APPLICABLE'];

export function combineVerdicts(verdicts: Iterable<Verdict>): Verdict {
  let best = VERDICT_PRECEDENCE.length - 1;
  for (const v of verdicts) {
    const rank = VERDICT_PRECEDENCE.indexOf(v);
    if (rank < 0) throw new Error(`unknown verdict: ${String(v)}`);
    if (rank < best) best = rank;
  }
  return VERDICT_PRECEDENCE[best] as Verdict;
}

export function countVerdicts(results: Iterable<Pick<CaseResult, 'verdict'>>): VerdictCounts {
  const counts: VerdictCounts = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0, NOT_APPLICABLE: 0, ERROR: 0 };
  for (const r of results) {
    if (!(r.verdict in counts)) throw new Error(`unknown verdict: ${String(r.verdict)}`);
    counts[r.verdict] += 1;
  }
  return counts;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_HARNESS_ERROR = 2;

/**
 * Process exit code of a run:
 *  - 2 if any case is ERROR (the harness broke: the run's verdicts cannot be relied on; wins over everything);
 *  - 1 if any case is FAIL or INCONCLUSIVE. INCONCLUSIVE counts as not passed on purpose: a case the harness could not
 *    judge proves nothing, and a CI gate must not turn green on it (fix the bench or declare it in the PICS instead);
 *  - 0 otherwise, i.e. every case is PASS or NOT_APPLICABLE (an empty run is vacuously 0: rejecting an empty selection
 *    is the CLI's job, before the run).
 * Declared expected failures (expected-failures.ts): a FAIL so declared does not count; a PASS so declared (an
 * UNEXPECTED PASS) counts as 1; ERROR and INCONCLUSIVE are never excused.
 */
export function exitCodeFor(results: Iterable<Pick<CaseResult, 'verdict' | 'expectation'>>): 0 | 1 | 2 {
  const list = [...results];
  const c = countVerdicts(list);
  if (c.ERROR > 0) return EXIT_HARNESS_ERROR;
  const excused = list.filter((r) => r.verdict === 'FAIL' && r.expectation?.outcome === 'expected-failure').length;
  if (c.FAIL - excused > 0 || c.INCONCLUSIVE > 0) return EXIT_FAILED;
  if (list.some((r) => r.expectation?.outcome === 'unexpected-pass')) return EXIT_FAILED;
  return EXIT_OK;
}

/** Builds a RunSummary whose counts are derived from the results, so they cannot drift. */
export function buildRunSummary(input: Omit<RunSummary, 'counts'>): RunSummary {
  return { ...input, counts: countVerdicts(input.results) };
}

/** A one-line "why" for a case: the failure (step, expected vs actual) for FAIL, the reason otherwise. */
export function shortReason(r: CaseResult, maxLength = 160): string {
  return oneLine(fullReason(r), maxLength);
}

/** The whole "why" of a case on one line (no truncation): the failure for FAIL, the reason otherwise. */
export function fullReason(r: CaseResult): string {
  let text = '';
  if (r.failure) {
    const f = r.failure;
    const ids = f.requirementIds.length > 0 ? ` [${f.requirementIds.join(', ')}]` : '';
    text = `${f.step}${ids}: expected ${f.expected}; actual ${f.actual}`;
  } else if (r.reason) {
    text = r.reason;
  } else if (r.verdict !== 'PASS') {
    const failed = r.steps.find((s) => s.status === 'failed' || s.status === 'undefined');
    if (failed) text = `${failed.text}${failed.error ? `: ${failed.error}` : ''}`;
  }
  return oneLine(text, Number.POSITIVE_INFINITY);
}

/** Collapses whitespace (newlines included), replaces control characters, and truncates with an ellipsis. */
export function oneLine(text: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?').trim();
  return flat.length > maxLength ? `${flat.slice(0, Math.max(0, maxLength - 1))}…` : flat;
}
