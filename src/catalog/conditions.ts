// Part 5 conditions as boolean expressions over feature ids, and their evaluation against a PICS.
// Only the feature column ("C-43 and NOT AQ-7", "CS: C-63 CSMS: P-0", "HFS-8 > 1") is parsed; the prose condition column is
// never interpreted. Anything that does not parse cleanly is reported as not machine-readable (see README.md).
import type { Pics, SutRole } from './types.ts';

export type Expr =
  | { kind: 'feature'; id: string }
  | { kind: 'greater'; id: string; value: number }
  | { kind: 'not'; expr: Expr }
  | { kind: 'and' | 'or'; items: Expr[] };

export type ParsedCondition = { ok: true; expr: Expr; text: string } | { ok: false; why: string };

/** Numeric Part 5 ids and the PICS fact that holds their value. */
export const NUMERIC_FEATURES: Record<string, 'numberOfEvses'> = { 'HFS-8': 'numberOfEvses' };

const ID = /^[A-Z]{1,4}-\d+(?:\.\d+)?$/;
const LABEL = /(?:\bFor\s+)?\b(CSMS|CS|Charging Station)\s*:/g;

/** Picks the part of a "CS: ... CSMS: ..." cell that applies to the role. An unlabelled lead before "CSMS:" is the CS column. */
export function segmentForRole(text: string, role: SutRole): { text: string; split: boolean } | null {
  const labels = [...text.matchAll(LABEL)];
  if (labels.length === 0) return { text, split: false };
  const segments: { label: SutRole | null; text: string }[] = [];
  const first = labels[0];
  if (first && first.index > 0) segments.push({ label: null, text: text.slice(0, first.index) });
  labels.forEach((m, i) => {
    const end = labels[i + 1]?.index ?? text.length;
    segments.push({ label: m[1] === 'CSMS' ? 'CSMS' : 'ChargingStation', text: text.slice(m.index + m[0].length, end) });
  });
  const clean = (s: string): string => s.trim().replace(/,$/, '').trim();
  const own = segments.filter((s) => s.label === role);
  if (own.length === 1 && own[0]) return { text: clean(own[0].text), split: true };
  if (own.length > 1) return null;
  const lead = segments[0];
  if (role === 'ChargingStation' && lead && lead.label === null && segments[1]?.label === 'CSMS' && clean(lead.text) !== '') {
    return { text: clean(lead.text), split: true };
  }
  return null;
}

type Token = { t: '(' | ')' | 'and' | 'or' | 'not' | '>' } | { t: 'id'; v: string } | { t: 'num'; v: number };

function tokenize(text: string): Token[] | string {
  const normal = text.replace(/\b([A-Z]{1,4})-\s+(\d)/g, '$1-$2').replace(/([()])/g, ' $1 ');
  const out: Token[] = [];
  for (const word of normal.split(/\s+/).filter(Boolean)) {
    const w = word.toLowerCase();
    if (word === '(' || word === ')' || word === '>') out.push({ t: word });
    else if (w === 'and' || w === 'or' || w === 'not') out.push({ t: w });
    else if (ID.test(word)) out.push({ t: 'id', v: word });
    else if (/^\d+$/.test(word)) out.push({ t: 'num', v: Number(word) });
    else return `unexpected word "${word}"`;
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const e = this.or();
    if (this.pos < this.tokens.length) throw new Error(`unexpected "${show(this.tokens[this.pos])}"`);
    return e;
  }
  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private or(): Expr {
    const items = [this.and()];
    while (this.peek()?.t === 'or') {
      this.pos++;
      items.push(this.and());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  }
  private and(): Expr {
    const items = [this.unary()];
    while (this.peek()?.t === 'and') {
      this.pos++;
      items.push(this.unary());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  }
  private unary(): Expr {
    if (this.peek()?.t === 'not') {
      this.pos++;
      return { kind: 'not', expr: this.unary() };
    }
    return this.primary();
  }
  private primary(): Expr {
    const tok = this.tokens[this.pos++];
    if (!tok) throw new Error('expression ends too early');
    if (tok.t === '(') {
      const e = this.or();
      if (this.tokens[this.pos++]?.t !== ')') throw new Error('missing ")"');
      return e;
    }
    if (tok.t === 'id') {
      if (this.peek()?.t === '>') {
        this.pos++;
        const n = this.tokens[this.pos++];
        if (n?.t !== 'num') throw new Error(`"${tok.v} >" must be followed by a number`);
        if (!NUMERIC_FEATURES[tok.v]) throw new Error(`"${tok.v}" is not a numeric feature`);
        return { kind: 'greater', id: tok.v, value: n.v };
      }
      if (NUMERIC_FEATURES[tok.v]) throw new Error(`"${tok.v}" is numeric and needs a comparison`);
      return { kind: 'feature', id: tok.v };
    }
    throw new Error(`unexpected "${show(tok)}"`);
  }
}

function show(t: Token | undefined): string {
  if (!t) return 'end';
  return t.t === 'id' || t.t === 'num' ? String(t.v) : t.t;
}

export function featureIds(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'feature':
    case 'greater':
      into.add(expr.id);
      break;
    case 'not':
      featureIds(expr.expr, into);
      break;
    default:
      for (const e of expr.items) featureIds(e, into);
  }
  return into;
}

/**
 * Parses the Part 5 feature column for one role. Two guards against cells broken by the PDF extraction:
 * - when the whole cell was used, every id in `featureRefs` (the ids the row is known to mention) must appear in it;
 * - a capitalised NOT in the prose condition column may be a negation that slid out of the feature column (seen in
 *   TC_C_06_CS, TC_L_13_CS, TC_L_15_CS), so such rows are not evaluated at all.
 */
export function parseCondition(
  featureExpr: string,
  role: SutRole,
  featureRefs: readonly string[],
  condition: string | null = null,
): ParsedCondition {
  if (condition && /\bNOT\b/.test(condition)) {
    return { ok: false, why: 'the prose condition contains NOT, which may belong to the feature column' };
  }
  const seg = segmentForRole(featureExpr, role);
  if (!seg) return { ok: false, why: 'no part of the cell is labelled for this role' };
  const tokens = tokenize(seg.text);
  if (typeof tokens === 'string') return { ok: false, why: tokens };
  if (tokens.length === 0) return { ok: false, why: 'empty expression' };
  let expr: Expr;
  try {
    expr = new Parser(tokens).parse();
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
  if (!seg.split) {
    const ids = featureIds(expr);
    const lost = featureRefs.filter((r) => !ids.has(r));
    if (lost.length > 0) return { ok: false, why: `the row also refers to ${lost.join(', ')}, which the expression lacks` };
  }
  return { ok: true, expr, text: seg.text };
}

export type Truth = boolean | 'unknown';

export interface Evaluation {
  value: Truth;
  /** PICS entries the expression read, as "features.C-13 = true" / "facts.numberOfEvses = 2". */
  used: string[];
  /** PICS entries the expression needed but the PICS does not declare. */
  missing: string[];
}

/** Kleene three-valued evaluation: an undeclared feature is 'unknown'. */
export function evaluate(expr: Expr, pics: Pics): Evaluation {
  const used = new Set<string>();
  const missing = new Set<string>();
  const ev = (e: Expr): Truth => {
    switch (e.kind) {
      case 'feature': {
        const v = pics.features[e.id];
        if (typeof v !== 'boolean') {
          missing.add(`features.${e.id}`);
          return 'unknown';
        }
        used.add(`features.${e.id} = ${v}`);
        return v;
      }
      case 'greater': {
        const fact = NUMERIC_FEATURES[e.id];
        const v = fact ? pics.facts?.[fact] : undefined;
        if (!fact || typeof v !== 'number') {
          missing.add(`facts.${fact ?? e.id}`);
          return 'unknown';
        }
        used.add(`facts.${fact} = ${v}`);
        return v > e.value;
      }
      case 'not': {
        const v = ev(e.expr);
        return v === 'unknown' ? v : !v;
      }
      case 'and': {
        const vs = e.items.map(ev);
        return vs.includes(false) ? false : vs.includes('unknown') ? 'unknown' : true;
      }
      case 'or': {
        const vs = e.items.map(ev);
        return vs.includes(true) ? true : vs.includes('unknown') ? 'unknown' : false;
      }
    }
  };
  const value = ev(expr);
  return { value, used: [...used].sort(), missing: [...missing].sort() };
}

/** Canonical text of an expression, e.g. "C-43 AND NOT AQ-7". */
export function formatExpr(expr: Expr, parent: 'and' | 'or' | 'not' | null = null): string {
  switch (expr.kind) {
    case 'feature':
      return expr.id;
    case 'greater':
      return `${expr.id} > ${expr.value}`;
    case 'not':
      return `NOT ${formatExpr(expr.expr, 'not')}`;
    default: {
      const s = expr.items.map((e) => formatExpr(e, expr.kind)).join(expr.kind === 'and' ? ' AND ' : ' OR ');
      return parent === null ? s : `(${s})`;
    }
  }
}
