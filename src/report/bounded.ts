// Bounded text for everything a person reads (explanations, JUnit messages, summary entries): a hostile SUT can send
// 10,000 frames or a 20,000-deep payload, and the reports must stay readable. The full wire log stays in the trace.
import type { CaseResult } from './verdict.ts';

/** Longest text of one explanation field (expected, actual, reason, a step's error) in a case result. */
export const MAX_EXPLANATION_CHARS = 4096;
/** Longest frame text quoted in a case result. */
export const MAX_QUOTED_FRAME_CHARS = 2048;
/** How many items of a list (rule breaches, frames) an explanation names before it says how many more. */
export const MAX_LISTED_ITEMS = 20;

/** `text` cut to `max` characters with a note saying how much was left out and where to find it. */
export function boundedText(text: string, max = MAX_EXPLANATION_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}... [${text.length - max} more characters, see trace]`;
}

/** Items joined with `sep`, at most `maxItems` of them, then "... N more, see trace"; the whole bounded too. */
export function boundedList(items: string[], sep = '; ', maxItems = MAX_LISTED_ITEMS, maxChars = MAX_EXPLANATION_CHARS): string {
  const shown = items.slice(0, maxItems).join(sep);
  const more = items.length - Math.min(items.length, maxItems);
  return boundedText(more > 0 ? `${shown}${sep}... ${more} more, see trace` : shown, maxChars);
}

/**
 * JSON text of a value that may be hostile (20,000 levels deep, cyclic, huge): never throws, never longer than `max`.
 * A value JSON.stringify cannot handle becomes a short marker saying why.
 */
export function safeJson(value: unknown, max = MAX_EXPLANATION_CHARS): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    return `[not re-serialisable: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}; see the raw frame in the trace]`;
  }
  return boundedText(text ?? String(value), max);
}

/** The case result with every free-text field bounded, so summary.json, junit.xml and Allure stay proportional. */
export function boundCaseResult(r: CaseResult): CaseResult {
  const out: CaseResult = { ...r, steps: r.steps.map((s) => (s.error === undefined ? s : { ...s, error: boundedText(s.error) })) };
  if (r.reason !== undefined) out.reason = boundedText(r.reason);
  if (r.failure) {
    out.failure = {
      ...r.failure,
      step: boundedText(r.failure.step),
      expected: boundedText(r.failure.expected),
      actual: boundedText(r.failure.actual),
      ...(r.failure.frame !== undefined ? { frame: boundedText(r.failure.frame, MAX_QUOTED_FRAME_CHARS) } : {}),
    };
  }
  return out;
}
