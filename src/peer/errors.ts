// Named errors of the test engine. Each maps to exactly one verdict (see src/runner/verdict-of.ts):
//   ExpectationFailed  -> FAIL           the SUT did something other than the case requires
//   PreconditionFailed -> INCONCLUSIVE   the case could not be judged (a set-up never arose, a person never acted)
//   NotApplicable      -> NOT_APPLICABLE the SUT declared (or showed) that it lacks the feature under test
//   WaitCancelled      -> ERROR          a wait was cut short by teardown (never a verdict about the SUT)
//   anything else      -> ERROR

import type { Frame } from '../rpc/types.ts';

export interface FailureFacts {
  /** What the case required, in our words. */
  expected: string;
  /** What the SUT did instead (including what did arrive while we waited). */
  actual: string;
  /** The frame the judgement is about, when there is one. */
  frame?: Frame | undefined;
  /** Requirement ids this check is about; filled from the catalog when the check itself names none. */
  requirementIds?: string[] | undefined;
}

export class ExpectationFailed extends Error {
  override readonly name = 'ExpectationFailed';
  readonly expected: string;
  readonly actual: string;
  readonly frame: Frame | undefined;
  readonly requirementIds: string[];
  constructor(facts: FailureFacts) {
    super(`expected ${facts.expected}; actual: ${facts.actual}`);
    this.expected = facts.expected;
    this.actual = facts.actual;
    this.frame = facts.frame;
    this.requirementIds = facts.requirementIds ?? [];
  }
}

export class PreconditionFailed extends Error {
  override readonly name = 'PreconditionFailed';
}

export class NotApplicable extends Error {
  override readonly name = 'NotApplicable';
}

/** A wait that teardown (or a peer reset) ended before its deadline. */
export class WaitCancelled extends Error {
  override readonly name = 'WaitCancelled';
}

/** A feature file asked for something the engine cannot do (bad table cell, unknown placeholder, wrong role). */
export class ScriptError extends Error {
  override readonly name = 'ScriptError';
}
