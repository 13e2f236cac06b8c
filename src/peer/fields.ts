// The two small table languages of the feature files, parsed strictly against the message schema.
//
//   payload table (what we send or answer):  | path | value |
//     value: "text" | 12 | true | EnumWord | <placeholder> | absent (remove a default) | {json} | [json]
//   check table (what the SUT must have sent): | path | expectation |
//     expectation: "text" | 12 | EnumWord | <placeholder> | absent | present | absent or X | one of A, B | not X | >= 0
//                  | not empty | about now | now + 3600 s | now - 60 s | now + <placeholder> s | ... ± 5 s
//
// Expectation matchers beyond equality:
//   present      the field is there, whatever its value.
//   not empty    the field is there and carries something: not null, not "" (nor only spaces), not [] and not {}.
//                "present and not empty" says the same.
//   about now    a dateTime within a tolerance of the test system's clock at the moment the check runs.
//   now + D s    a dateTime D seconds after that moment ("now - D s": before); D is a number or a <placeholder> that
//                resolves to one (e.g. now + <configured heartbeatInterval> s).
//   ± T s        after "about now" or "now + D s": the tolerance in seconds ("+/-" also reads); without it, 60 s
//                (DEFAULT_TIME_TOLERANCE_S: a station's clock set by the CSMS, plus the round trip). The time matchers
//                are for date-time fields only and reject a value that is not a dateTime.
//
// Paths: dotted properties with [n] indexes; [?] = "some element" (rows sharing the same [?] prefix must hold for the
// same element, which is how "in arbitrary order" is expressed; [?a], [?b] name different elements); [*] = every element.
// Every path must exist in the schema and every bare word must be a value of the field's enum, so typos are caught
// when the step runs, as a ScriptError (verdict ERROR), never as a silent mismatch.
import type { OcppVersion } from '../rpc/types.ts';
import { ScriptError } from './errors.ts';
import { fieldFacts, messageExists, parsePath } from './schema-facts.ts';
import type { FieldFacts, PathSegment } from './schema-facts.ts';
import { safeJson } from '../report/bounded.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Resolves `<name>` placeholders; throws ScriptError for names it does not know. */
export type Resolver = (name: string) => unknown;

export type Matcher =
  | { kind: 'equals'; value: unknown; text: string }
  | { kind: 'ref'; name: string; text: string }
  | { kind: 'oneOf'; options: Matcher[]; text: string }
  | { kind: 'absent'; text: string }
  | { kind: 'present'; text: string }
  | { kind: 'absentOr'; inner: Matcher; text: string }
  | { kind: 'not'; inner: Matcher; text: string }
  | { kind: 'compare'; op: '>=' | '>' | '<=' | '<'; value: number; text: string }
  | { kind: 'notEmpty'; text: string }
  /** A dateTime near the test system's clock plus an offset (seconds: a number or a placeholder that resolves to one). */
  | { kind: 'time'; offset: number | { ref: string }; sign: 1 | -1; toleranceS: number; text: string };

/** Tolerance of "about now" / "now + D s" when the table states none, in seconds. */
export const DEFAULT_TIME_TOLERANCE_S = 60;

export interface FieldCheck {
  path: string;
  segments: PathSegment[];
  matcher: Matcher;
}

export interface PayloadField {
  path: string;
  segments: PathSegment[];
  /** Literal value, a placeholder, or removal. */
  value: { kind: 'literal'; value: unknown } | { kind: 'ref'; name: string } | { kind: 'remove' };
}

function resolveFacts(version: OcppVersion, message: string, path: string): { segments: PathSegment[]; facts: FieldFacts } {
  if (!messageExists(version, message)) throw new ScriptError(`OCPP ${version} has no message ${message}`);
  const segments = parsePath(path);
  if (!segments) throw new ScriptError(`"${path}" is not a field path (use a.b[0].c, [?] or [*])`);
  const facts = fieldFacts(version, message, segments);
  if (!facts) throw new ScriptError(`${message} has no field "${path}" in the OCPP ${version} schema`);
  return { segments, facts };
}

function parseScalar(text: string, facts: FieldFacts, where: string): unknown {
  const t = text.trim();
  if (/^".*"$/s.test(t)) {
    const value = JSON.parse(t) as string;
    if (facts.enum && !facts.enum.includes(value)) {
      throw new ScriptError(`${where}: "${value}" is not one of ${facts.enum.join(', ')}`);
    }
    return value;
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      throw new ScriptError(`${where}: "${t}" is not valid JSON`);
    }
  }
  if (/^[A-Za-z][A-Za-z0-9_.-]*$/.test(t)) {
    if (!facts.enum) throw new ScriptError(`${where}: bare word ${t} for a field that is not an enum; quote text values`);
    if (!facts.enum.includes(t)) throw new ScriptError(`${where}: ${t} is not one of ${facts.enum.join(', ')}`);
    return t;
  }
  throw new ScriptError(`${where}: cannot read the value "${t}"`);
}

/** "about now [± T s]" and "now ± D s [± T s]"; undefined when the text is neither. */
function parseTime(t: string, facts: FieldFacts, where: string): Matcher | undefined {
  const m = /^(?:about now|now *([+-]) *(\d+(?:\.\d+)?|<[^<>]+>) *s)(?: *(?:±|\+\/-) *(\d+(?:\.\d+)?) *s)?$/.exec(t);
  if (!m) {
    if (/^(about now|now [+-])/.test(t)) {
      throw new ScriptError(`${where}: cannot read "${t}"; write "about now", "now + 3600 s", "now - 60 s" or "now + <placeholder> s", optionally followed by "± 5 s"`);
    }
    return undefined;
  }
  if (facts.type !== 'string' || facts.format !== 'date-time') throw new ScriptError(`${where}: "${t}" is for dateTime fields, and this field is not one`);
  const toleranceS = m[3] !== undefined ? Number(m[3]) : DEFAULT_TIME_TOLERANCE_S;
  const sign = m[1] === '-' ? -1 : 1;
  const raw = m[2];
  const offset = raw === undefined ? 0 : raw.startsWith('<') ? { ref: raw.slice(1, -1).trim() } : Number(raw);
  const base = raw === undefined ? 'about now' : `now ${m[1]} ${raw} s`;
  return { kind: 'time', offset, sign, toleranceS, text: `${base} ± ${toleranceS} s` };
}

function parseMatcher(text: string, facts: FieldFacts, where: string): Matcher {
  const t = text.trim();
  if (t === 'absent') return { kind: 'absent', text: 'absent' };
  if (t === 'present') return { kind: 'present', text: 'present' };
  if (t === 'not empty' || t === 'present and not empty') return { kind: 'notEmpty', text: 'not empty' };
  const time = parseTime(t, facts, where);
  if (time) return time;
  let m = /^absent or (.+)$/s.exec(t);
  if (m) {
    const inner = parseMatcher(m[1] ?? '', facts, where);
    return { kind: 'absentOr', inner, text: `absent or ${inner.text}` };
  }
  m = /^one of (.+)$/s.exec(t);
  if (m) {
    const options = splitList(m[1] ?? '').map((o) => parseMatcher(o, facts, where));
    if (options.length < 2) throw new ScriptError(`${where}: "one of" needs at least two values`);
    return { kind: 'oneOf', options, text: `one of ${options.map((o) => o.text).join(', ')}` };
  }
  m = /^not (.+)$/s.exec(t);
  if (m) {
    const inner = parseMatcher(m[1] ?? '', facts, where);
    return { kind: 'not', inner, text: `not ${inner.text}` };
  }
  m = /^(>=|>|<=|<) *(-?\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { kind: 'compare', op: m[1] as '>=' | '>' | '<=' | '<', value: Number(m[2]), text: `${m[1]} ${m[2]}` };
  m = /^<([^<>]+)>$/.exec(t);
  if (m) return { kind: 'ref', name: (m[1] ?? '').trim(), text: t };
  const value = parseScalar(t, facts, where);
  return { kind: 'equals', value, text: JSON.stringify(value) };
}

/**
 * A field the schema gives a default may be left out: absent means the default. So expecting the default value also
 * accepts an absent field (GetVariablesResult.attributeType defaults to Actual), and the explanation says why.
 */
function withSchemaDefault(m: Matcher, facts: FieldFacts): Matcher {
  if (facts.default === undefined || m.kind !== 'equals' || !deepEqual(m.value, facts.default)) return m;
  return { kind: 'absentOr', inner: m, text: `${m.text} (absent counts as ${JSON.stringify(facts.default)}, the schema default)` };
}

function splitList(text: string): string[] {
  const out: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|<[^<>]*>|[^,]+)\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text)) !== null) {
    out.push((m[1] ?? '').trim());
    if (m[0] === '') break;
  }
  return out.filter((s) => s !== '');
}

/** Reads a check table (rows of [path, expectation]) for `message` (e.g. "GetVariablesResponse"). */
export function parseChecks(version: OcppVersion, message: string, rows: string[][]): FieldCheck[] {
  return rows.map((row) => {
    if (row.length !== 2) throw new ScriptError(`${message} check rows need two cells (field | expectation), got ${row.length}`);
    const [path = '', expectation = ''] = row.map((c) => c.trim());
    const { segments, facts } = resolveFacts(version, message, path);
    return { path, segments, matcher: withSchemaDefault(parseMatcher(expectation, facts, `${message}.${path}`), facts) };
  });
}

/** Reads a payload table (rows of [path, value]) for `message` (e.g. "SetVariablesRequest"). */
export function parsePayloadFields(version: OcppVersion, message: string, rows: string[][]): PayloadField[] {
  return rows.map((row) => {
    if (row.length !== 2) throw new ScriptError(`${message} rows need two cells (field | value), got ${row.length}`);
    const [path = '', raw = ''] = row.map((c) => c.trim());
    const { segments, facts } = resolveFacts(version, message, path);
    if (segments.some((s) => s.kind === 'any' || s.kind === 'all')) throw new ScriptError(`${message}.${path}: [?] and [*] are for checks only`);
    const ref = /^<([^<>]+)>$/.exec(raw);
    if (raw === 'absent') return { path, segments, value: { kind: 'remove' } };
    if (ref) return { path, segments, value: { kind: 'ref', name: (ref[1] ?? '').trim() } };
    return { path, segments, value: { kind: 'literal', value: parseScalar(raw, facts, `${message}.${path}`) } };
  });
}

/** Writes the fields into a copy of `base`, creating objects and arrays on the way. */
export function applyPayloadFields(base: Record<string, unknown>, fields: PayloadField[], resolve: Resolver): Record<string, unknown> {
  const out = structuredClone(base);
  for (const f of fields) {
    const value = f.value.kind === 'literal' ? structuredClone(f.value.value) : f.value.kind === 'ref' ? resolve(f.value.name) : undefined;
    let node: Record<string, unknown> | unknown[] = out;
    f.segments.forEach((seg, i) => {
      const last = i === f.segments.length - 1;
      const next = f.segments[i + 1];
      const key: string | number = seg.kind === 'prop' ? seg.name : seg.kind === 'index' ? seg.index : 0;
      const container = node as Record<string | number, unknown>;
      if (last) {
        if (f.value.kind === 'remove') {
          if (Array.isArray(node)) node.splice(key as number, 1);
          else delete container[key];
        } else container[key] = value;
        return;
      }
      let child = container[key];
      if (child === null || typeof child !== 'object') {
        child = next && next.kind !== 'prop' ? [] : {};
        container[key] = child;
      }
      node = child as Record<string, unknown> | unknown[];
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Evaluating checks

const MISSING = Symbol('missing');

function show(v: unknown): string {
  if (v === MISSING || v === undefined) return 'absent';
  const s = safeJson(v, Number.POSITIVE_INFINITY);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}

function matches(m: Matcher, actual: unknown, resolve: Resolver): boolean {
  switch (m.kind) {
    case 'absent':
      return actual === MISSING;
    case 'present':
      return actual !== MISSING;
    case 'absentOr':
      return actual === MISSING || matches(m.inner, actual, resolve);
    case 'not':
      return actual !== MISSING && !matches(m.inner, actual, resolve);
    case 'oneOf':
      return m.options.some((o) => matches(o, actual, resolve));
    case 'compare': {
      if (typeof actual !== 'number') return false;
      return m.op === '>=' ? actual >= m.value : m.op === '>' ? actual > m.value : m.op === '<=' ? actual <= m.value : actual < m.value;
    }
    case 'equals':
      return actual !== MISSING && deepEqual(actual, m.value);
    case 'ref':
      return actual !== MISSING && deepEqual(actual, resolve(m.name));
    case 'notEmpty':
      return !isEmpty(actual);
    case 'time': {
      const at = typeof actual === 'string' && DATE_TIME.test(actual) ? Date.parse(actual) : Number.NaN;
      return !Number.isNaN(at) && Math.abs(at - timeTarget(m, resolve)) <= m.toleranceS * 1000;
    }
  }
}

/** RFC 3339 date-time, as the schemas' "date-time" format (a zone is required). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isEmpty(v: unknown): boolean {
  if (v === MISSING || v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

/** The instant a time matcher aims at, on the test system's clock now (ms since the epoch). */
function timeTarget(m: Extract<Matcher, { kind: 'time' }>, resolve: Resolver): number {
  let seconds: number;
  if (typeof m.offset === 'number') seconds = m.offset;
  else {
    const v = resolve(m.offset.ref);
    seconds = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : Number.NaN;
    if (Number.isNaN(seconds)) throw new ScriptError(`<${m.offset.ref}> in "${m.text}" is ${show(v)}, not a number of seconds`);
  }
  return Date.now() + m.sign * seconds * 1000;
}

/** For a missed time matcher: how far the dateTime is from the instant aimed at (or that it is no dateTime). */
function offBy(m: Matcher, actual: unknown, resolve: Resolver): string {
  if (m.kind !== 'time' || actual === MISSING) return '';
  const at = typeof actual === 'string' && DATE_TIME.test(actual) ? Date.parse(actual) : Number.NaN;
  if (Number.isNaN(at)) return ' (not a dateTime)';
  const off = (at - timeTarget(m, resolve)) / 1000;
  return ` (${Math.abs(off).toFixed(1)} s ${off < 0 ? 'early' : 'late'})`;
}

function describe(m: Matcher, resolve: Resolver): string {
  if (m.kind === 'ref') return `${m.text} (= ${show(resolve(m.name))})`;
  if (m.kind === 'time') return `${m.text} (= ${new Date(timeTarget(m, resolve)).toISOString()} on the test system's clock)`;
  return m.text;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    // Numbers written as text in a table compare equal to numbers on the wire only when written bare.
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function step(value: unknown, seg: PathSegment): unknown {
  if (value === MISSING || value === null || typeof value !== 'object') return MISSING;
  if (seg.kind === 'prop') {
    if (Array.isArray(value)) return MISSING;
    const rec = value as Record<string, unknown>;
    return Object.prototype.hasOwnProperty.call(rec, seg.name) ? rec[seg.name] : MISSING;
  }
  if (!Array.isArray(value)) return MISSING;
  if (seg.kind === 'index') return seg.index < value.length ? value[seg.index] : MISSING;
  return MISSING;
}

function segText(segs: PathSegment[]): string {
  return segs.map((s, i) => (s.kind === 'prop' ? `${i === 0 ? '' : '.'}${s.name}` : s.kind === 'index' ? `[${s.index}]` : s.kind === 'any' ? `[?${s.label}]` : '[*]')).join('');
}

/**
 * Evaluates checks against a payload. Returns the mismatches in our words (empty = all hold).
 * Rows sharing a [?] prefix are satisfied together by one element; a [*] row must hold for every element.
 */
export function evaluateChecks(payload: unknown, checks: FieldCheck[], resolve: Resolver): string[] {
  return evalGroup(payload, checks, [], resolve);
}

function evalGroup(root: unknown, checks: FieldCheck[], prefix: PathSegment[], resolve: Resolver): string[] {
  const problems: string[] = [];
  // Split: rows with a wildcard (grouped by the path up to the first wildcard) and plain rows.
  const groups = new Map<string, { at: PathSegment[]; wildcard: 'any' | 'all'; rows: FieldCheck[] }>();
  for (const c of checks) {
    const w = c.segments.findIndex((s) => s.kind === 'any' || s.kind === 'all');
    if (w < 0) {
      let v: unknown = root;
      for (const seg of c.segments) v = step(v, seg);
      if (!matches(c.matcher, v, resolve)) {
        problems.push(`${segText([...prefix, ...c.segments])} should be ${describe(c.matcher, resolve)} but is ${show(v)}${offBy(c.matcher, v, resolve)}`);
      }
      continue;
    }
    const at = c.segments.slice(0, w);
    const seg = c.segments[w] as { kind: 'any'; label: string } | { kind: 'all' };
    const wildcard = seg.kind;
    const key = `${segText(at)}|${wildcard}|${seg.kind === 'any' ? seg.label : ''}`;
    const g = groups.get(key) ?? { at, wildcard, rows: [] };
    g.rows.push({ ...c, segments: c.segments.slice(w + 1) });
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    let list: unknown = root;
    for (const seg of g.at) list = step(list, seg);
    const where = segText([...prefix, ...g.at]);
    if (!Array.isArray(list)) {
      problems.push(`${where} should be a list but is ${show(list)}`);
      continue;
    }
    if (g.wildcard === 'all') {
      list.forEach((el, i) => problems.push(...evalGroup(el, g.rows, [...prefix, ...g.at, { kind: 'index', index: i }], resolve)));
    } else {
      const ok = list.some((el) => evalGroup(el, g.rows, [], resolve).length === 0);
      if (!ok) {
        const wanted = g.rows.map((r) => `${segText(r.segments)} ${describe(r.matcher, resolve)}`).join(', ');
        problems.push(`no element of ${where} has ${wanted} (got ${show(list)})`);
      }
    }
  }
  return problems;
}

/** Reads the value at a plain path (no wildcards); undefined when absent. */
export function valueAt(payload: unknown, path: string): unknown {
  const segs = parsePath(path);
  if (!segs) return undefined;
  let v: unknown = payload;
  for (const seg of segs) v = step(v, seg);
  return v === MISSING ? undefined : v;
}
