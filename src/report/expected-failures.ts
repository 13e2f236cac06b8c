// Known failures declared in the run config. A vendor whose device fails a few cases for a known, written-down reason
// keeps the signal of every other case: a declared case still runs and still shows FAIL, but does not fail the exit
// code. The declaration is held to account both ways (as tlsfuzzer's expected failures are):
//  - declared and FAIL            -> "expected failure": shown, excused from the exit code;
//  - declared and PASS            -> "UNEXPECTED PASS": fails the run, so the entry is removed the day the defect is fixed;
//  - declared and ERROR/INCONCLUSIVE -> never excused: the case was not judged, so nothing known was confirmed;
//  - declared and NOT_APPLICABLE  -> nothing to excuse; reported as "declared, not applicable".

import type { CaseResult } from './verdict.ts';

export interface ExpectedFailure {
  /** Part 6 case id, e.g. "TC_B_02_CS". */
  case: string;
  /** Why it fails, in the vendor's words. */
  reason: string;
  /** Where the finding is written down (ticket, URL, document). */
  reference?: string;
}

/** What a declaration did to one result. */
export type ExpectationOutcome = 'expected-failure' | 'unexpected-pass' | 'not-excused' | 'not-applicable';

export interface CaseExpectation {
  outcome: ExpectationOutcome;
  reason: string;
  reference?: string;
}

/** The outcome of a declaration for a case that ended with `verdict`. */
export function expectationOutcome(verdict: CaseResult['verdict']): ExpectationOutcome {
  switch (verdict) {
    case 'FAIL':
      return 'expected-failure';
    case 'PASS':
      return 'unexpected-pass';
    case 'NOT_APPLICABLE':
      return 'not-applicable';
    default:
      return 'not-excused';
  }
}

/** Marks each result whose case is declared; the verdicts themselves never change. */
export function applyExpectedFailures(results: CaseResult[], declared: readonly ExpectedFailure[]): CaseResult[] {
  if (declared.length === 0) return results;
  const byId = new Map(declared.map((d) => [d.case, d]));
  return results.map((r) => {
    const d = byId.get(r.id);
    if (!d) return r;
    return { ...r, expectation: { outcome: expectationOutcome(r.verdict), reason: d.reason, ...(d.reference ? { reference: d.reference } : {}) } };
  });
}

/** Declared cases that were not in the run (a typo, or a selection that left them out): worth a warning line. */
export function declaredButNotRun(results: readonly CaseResult[], declared: readonly ExpectedFailure[]): string[] {
  const ran = new Set(results.map((r) => r.id));
  return declared.filter((d) => !ran.has(d.case)).map((d) => d.case);
}

/** A short label for consoles and tables. */
export function expectationLabel(e: CaseExpectation): string {
  switch (e.outcome) {
    case 'expected-failure':
      return 'expected failure';
    case 'unexpected-pass':
      return 'UNEXPECTED PASS';
    case 'not-excused':
      return 'declared as expected failure, not excused (the case was not judged)';
    case 'not-applicable':
      return 'declared as expected failure, not applicable';
  }
}
