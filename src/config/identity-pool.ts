// A pool of station identities: the harness, playing stations against a CSMS under test, can run cases side by side
// only when each runs under its own identity (a CSMS keeps one connection per identity and drops the older one).
// Written as a list ({identity, basicAuthPassword, clientCert, clientKey} each) or as a pattern with a count
// ("CS{n:3}" x 8 = CS001..CS008). The run config's "sut.identities" and `sim csms --station` both use this module.

/** One station identity of the pool with what it presents; undefined fields fall back to the run config's own. */
export interface PoolIdentity {
  identity: string;
  /** Basic Auth password of this identity (profiles 1 and 2); undefined: the run config's basicAuthPassword. */
  basicAuthPassword?: string;
  /** PEM client certificate and key of this identity (profile 3); undefined: the test PKI's one for the identity. */
  clientCert?: string;
  clientKey?: string;
}

/** The pattern form: `{n}` is the number, `{n:W}` the number zero-padded to W digits. */
export interface IdentityPattern {
  pattern: string;
  count: number;
  /** First number (default 1). */
  from?: number;
  /** May hold the same placeholders (a password per identity). */
  basicAuthPassword?: string;
}

export const IDENTITY_CHARS = /^[A-Za-z0-9*_=+|@.-]{1,48}$/;
const PLACEHOLDER = /\{n(?::(\d{1,2}))?\}/g;

export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** Replaces `{n}` / `{n:W}` by the number. */
export function fillPlaceholder(text: string, n: number): string {
  return text.replace(PLACEHOLDER, (_m, width: string | undefined) => String(n).padStart(width ? Number(width) : 0, '0'));
}

/** The identities a pattern stands for, in order; throws with a message naming `field` when it cannot. */
export function expandPattern(p: IdentityPattern, field: string): PoolIdentity[] {
  if (!hasPlaceholder(p.pattern)) throw new Error(`${field}.pattern: "${p.pattern}" has no {n} (or {n:3} for zero-padded numbers); write it like "CS{n:3}".`);
  const from = p.from ?? 1;
  const out: PoolIdentity[] = [];
  for (let n = from; n < from + p.count; n++) {
    const identity = fillPlaceholder(p.pattern, n);
    if (!IDENTITY_CHARS.test(identity)) throw new Error(`${field}.pattern: gives "${identity}", which is not a station identity (1 to 48 of letters, digits and * - _ = + | @ .).`);
    out.push({ identity, ...(p.basicAuthPassword !== undefined ? { basicAuthPassword: fillPlaceholder(p.basicAuthPassword, n) } : {}) });
  }
  return out;
}

/** First occurrence of each identity kept (the run config's own identity comes first). */
export function dedupePool(pool: PoolIdentity[]): PoolIdentity[] {
  const seen = new Set<string>();
  return pool.filter((p) => (seen.has(p.identity) ? false : (seen.add(p.identity), true)));
}

/**
 * `sim csms --station SPEC`: SPEC is a comma-separated list of `ID` or `ID:PASSWORD` entries; an entry with `{n}`
 * (or `{n:W}`) is a pattern expanded `count` times from `from`, its password may use the placeholder too.
 */
export function parseStationSpec(spec: string, count: number | undefined, from: number | undefined): PoolIdentity[] {
  const out: PoolIdentity[] = [];
  for (const entry of spec.split(',')) {
    if (entry === '') throw new Error(`--station "${spec}": an empty entry (two commas, or one at the end)`);
    const at = colonOutsideBraces(entry);
    const id = at < 0 ? entry : entry.slice(0, at);
    const password = at < 0 ? undefined : entry.slice(at + 1);
    if (password === '') throw new Error(`--station "${entry}": the password after ":" is empty`);
    if (hasPlaceholder(id)) {
      if (count === undefined) throw new Error(`--station "${entry}" is a pattern: say how many identities with --station-count N`);
      out.push(...expandPattern({ pattern: id, count, from: from ?? 1, ...(password !== undefined ? { basicAuthPassword: password } : {}) }, '--station'));
      continue;
    }
    if (!IDENTITY_CHARS.test(id)) throw new Error(`--station "${id}" is not a station identity (1 to 48 of letters, digits and * - _ = + | @ .)`);
    out.push({ identity: id, ...(password !== undefined ? { basicAuthPassword: password } : {}) });
  }
  return out;
}

function colonOutsideBraces(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}
