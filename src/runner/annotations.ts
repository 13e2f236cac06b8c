// "# Part 6 step 3" / "# Part 6 steps 3-4" / "# Part 6 steps 3, 5" comments in a feature tie the following Gherkin
// steps to Part 6's step numbers, so a failure can say which Part 6 step it is about (and the fault matrix can check
// that a fault kills its case at the step it is about). Text after the numbers is commentary. "# Part 6 before" marks
// set-up before Part 6's first step (no number). Other "# Part 6 ..." comments are commentary and change nothing.
// Structural types only: src/ does not import cucumber.

interface Located {
  location: { line: number };
}
export interface GherkinDocLike {
  comments: Array<Located & { text: string }>;
  feature?: { children: Array<{ scenario?: { steps: Array<Located & { id: string }> }; background?: { steps: Array<Located & { id: string }> } }> } | undefined;
}
export interface PickleLike {
  steps: ReadonlyArray<{ astNodeIds: readonly string[] }>;
}

const RANGE = String.raw`\d+(?:\s*[-–]\s*\d+)?`;
const SPEC = String.raw`${RANGE}(?:\s*(?:,|and|&)\s*${RANGE})*`;
/** "# Part 6 step(s) <spec> [commentary]" */
const NUMBERED = new RegExp(String.raw`^\s*#\s*Part 6 (steps?)\s+(${SPEC})(?![\d-–])`, 'i');
/** "# Part 6 before [commentary]": set-up before Part 6's first step. */
const BEFORE = /^\s*#\s*Part 6 before\b/i;

/** The step numbers of a spec such as "3", "3-4", "3, 5", "3-4 and 7" (ascending, no duplicates); undefined when malformed. */
export function parseStepSpec(spec: string): number[] | undefined {
  const text = spec.trim();
  if (!new RegExp(`^${SPEC}$`).test(text)) return undefined;
  const out = new Set<number>();
  for (const part of text.split(/\s*(?:,|and|&)\s*/)) {
    const [a, b] = part.split(/\s*[-–]\s*/).map(Number);
    if (a === undefined || a < 1) return undefined;
    const end = b ?? a;
    if (end < a) return undefined;
    for (let n = a; n <= end; n++) out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}

/** A sorted step list in runs: [3, 4, 7] -> "3-4, 7". */
export function spellStepList(steps: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < steps.length; ) {
    let j = i;
    while (j + 1 < steps.length && steps[j + 1] === (steps[j] ?? 0) + 1) j++;
    parts.push(i === j ? String(steps[i]) : `${steps[i]}-${steps[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Spells a step list as the features do: "step 3", "steps 3-4", "steps 3, 5", "steps 3-4, 7". */
export function formatSteps(steps: readonly number[]): string {
  return `${steps.length === 1 ? 'step' : 'steps'} ${spellStepList(steps)}`;
}

export type Part6Comment = { kind: 'steps'; steps: number[]; note: string } | { kind: 'before' } | { kind: 'commentary' } | { kind: 'malformed'; text: string };

/** What one comment line says about Part 6 steps. */
export function readPart6Comment(text: string): Part6Comment | undefined {
  if (!/^\s*#\s*Part 6\b/i.test(text)) return undefined;
  if (BEFORE.test(text)) return { kind: 'before' };
  const m = NUMBERED.exec(text);
  if (!m) return /^\s*#\s*Part 6 steps?\b/i.test(text) ? { kind: 'malformed', text } : { kind: 'commentary' };
  const steps = parseStepSpec(m[2] ?? '');
  if (!steps) return { kind: 'malformed', text };
  return { kind: 'steps', steps, note: `Part 6 ${formatSteps(steps)}` };
}

/** The Part 6 steps a failure's step text names ("Part 6 steps 3-4: the Charging Station ..."); undefined when none. */
export function stepsOfFailure(stepText: string): number[] | undefined {
  const m = new RegExp(String.raw`^Part 6 steps?\s+(${SPEC})(?=:|$)`, 'i').exec(stepText);
  return m ? parseStepSpec(m[1] ?? '') : undefined;
}

/** For each pickle step, the nearest Part 6 step note above it ("Part 6 steps 3-4"; undefined before any, or after "before"). */
export function part6StepNotes(doc: GherkinDocLike, pickle: PickleLike): Array<string | undefined> {
  const lineOf = new Map<string, number>();
  for (const child of doc.feature?.children ?? []) {
    for (const st of [...(child.scenario?.steps ?? []), ...(child.background?.steps ?? [])]) lineOf.set(st.id, st.location.line);
  }
  const marks: Array<{ line: number; note: string | undefined }> = [];
  for (const c of doc.comments) {
    const read = readPart6Comment(c.text);
    if (read?.kind === 'steps') marks.push({ line: c.location.line, note: read.note });
    else if (read?.kind === 'before') marks.push({ line: c.location.line, note: undefined });
  }
  marks.sort((a, b) => a.line - b.line);
  return pickle.steps.map((s) => {
    const line = lineOf.get(s.astNodeIds[0] ?? '');
    if (line === undefined) return undefined;
    let found: string | undefined;
    for (const n of marks) if (n.line < line) found = n.note;
    return found;
  });
}
