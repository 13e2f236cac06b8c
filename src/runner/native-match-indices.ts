// Stands in for the `regexp-match-indices` package inside the bundled cucumber child (scripts/build.js aliases it).
// cucumber-expressions asks that package for the start and end of each capture group when it matches a step. The
// package means to hand over to the native `d` flag where one exists, but it tests for it without the flag, so on every
// Node it falls back to re-parsing each step pattern (regexp-tree): about 50 ms before the first case starts. Node 20
// has the flag; this runs the same pattern with it.
const withIndices = new WeakMap<RegExp, RegExp>();

/** The match of `regexp` on `text` with `indices` (one [start, end] per group), like RegExp.prototype.exec with `d`. */
export default function execWithIndices(regexp: RegExp, text: string): RegExpExecArray | null {
  const from = regexp.lastIndex;
  // Most patterns tried against a step do not match it: those are decided without the (slower) indices.
  if (regexp.exec(text) === null) return null;
  let flagged = withIndices.get(regexp);
  if (!flagged) {
    flagged = new RegExp(regexp.source, `${regexp.flags}d`);
    withIndices.set(regexp, flagged);
  }
  flagged.lastIndex = from;
  return flagged.exec(text);
}
