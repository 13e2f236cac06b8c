// "# Part 6 step 3" comments in a feature tie the following Gherkin steps to Part 6's step numbers, so a failure can say
// which Part 6 step it is about. Structural types only: src/ does not import cucumber.

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

const NOTE = /^\s*#\s*(Part 6 steps? [0-9][0-9 ,\-–and]*)\s*$/i;

/** For each pickle step, the nearest "# Part 6 step N" comment above it (undefined when none). */
export function part6StepNotes(doc: GherkinDocLike, pickle: PickleLike): Array<string | undefined> {
  const lineOf = new Map<string, number>();
  for (const child of doc.feature?.children ?? []) {
    for (const st of [...(child.scenario?.steps ?? []), ...(child.background?.steps ?? [])]) lineOf.set(st.id, st.location.line);
  }
  const notes = doc.comments
    .map((c) => ({ line: c.location.line, m: NOTE.exec(c.text) }))
    .filter((c): c is { line: number; m: RegExpExecArray } => c.m !== null)
    .sort((a, b) => a.line - b.line);
  return pickle.steps.map((s) => {
    const line = lineOf.get(s.astNodeIds[0] ?? '');
    if (line === undefined) return undefined;
    let found: string | undefined;
    for (const n of notes) if (n.line < line) found = n.m[1]?.trim();
    return found;
  });
}
