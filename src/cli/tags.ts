// `run --tags`: cucumber tag expressions over case tags (every case carries one tag, its id), decided per case id.
import { UsageError } from './usage-error.ts';

type TagExpr = { tag: string } | { not: TagExpr } | { op: 'and' | 'or'; left: TagExpr; right: TagExpr };

/** Parses a cucumber tag expression over case tags: @TC_X_NN_CS|CSMS, not, and, or, parentheses. */
function parseTagExpression(expression: string): TagExpr {
  const bad = (why: string): UsageError => new UsageError(`--tags "${expression}": ${why}; write e.g. "@TC_B_01_CS or @TC_B_02_CS" or "not @TC_B_03_CS"`);
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at]?.toLowerCase();
  const primary = (): TagExpr => {
    const t = tokens[at++];
    if (t === undefined) throw bad('ends too early');
    if (t.toLowerCase() === 'not') return { not: primary() };
    if (t === '(') {
      const inner = or();
      if (tokens[at++] !== ')') throw bad('a "(" is not closed');
      return inner;
    }
    if (!/^@TC_[A-Z]_\d+_(?:CS|CSMS)$/i.test(t)) throw bad(`"${t}" is not a case tag (tags look like @TC_B_01_CS)`);
    return { tag: t.slice(1).toUpperCase() };
  };
  // "and" binds tighter than "or"; both are left-associative.
  const chain = (op: 'and' | 'or', operand: () => TagExpr) => (): TagExpr => {
    let left = operand();
    while (peek() === op) {
      at++;
      left = { op, left, right: operand() };
    }
    return left;
  };
  const and = chain('and', primary);
  const or = chain('or', and);
  if (tokens.length === 0) throw bad('it is empty');
  const tree = or();
  if (at < tokens.length) throw bad(`unexpected "${tokens[at] ?? ''}"`);
  return tree;
}

function evaluate(e: TagExpr, tag: string | undefined): boolean {
  if ('tag' in e) return e.tag === tag;
  if ('not' in e) return !evaluate(e.not, tag);
  return e.op === 'and' ? evaluate(e.left, tag) && evaluate(e.right, tag) : evaluate(e.left, tag) || evaluate(e.right, tag);
}

function tagsOf(e: TagExpr): string[] {
  if ('tag' in e) return [e.tag];
  if ('not' in e) return tagsOf(e.not);
  return [...tagsOf(e.left), ...tagsOf(e.right)];
}

/**
 * The case ids a tag expression selects. Every case carries exactly one tag, its id, so the expression is decided per
 * id: `include` lists the ids it names and keeps (empty: it keeps every case it does not name), `exclude` the ids it
 * names and drops.
 */
export function idsFromTags(expression: string): { include: string[]; exclude: string[] } {
  const tree = parseTagExpression(expression);
  const named = [...new Set(tagsOf(tree))];
  const keepsOthers = evaluate(tree, undefined);
  const kept = named.filter((id) => evaluate(tree, id));
  if (!keepsOthers && kept.length === 0) throw new UsageError(`--tags "${expression}" selects no case (every case has exactly one tag, its id)`);
  return keepsOthers ? { include: [], exclude: named.filter((id) => !kept.includes(id)) } : { include: kept, exclude: [] };
}
