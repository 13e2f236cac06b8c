// Reading untrusted payloads without throwing: a station may send anything the schema lets through (or, under a
// misbehaving peer, not even that), so handlers read fields through these and get a harmless default instead.
export type Json = Record<string, unknown>;

/** The value as an object, or {} when it is not one. */
export function obj(v: unknown): Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
}

/** The value as an array, or []. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value when it is an integer. */
export function int(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** The value when it is a string, else ''. */
export function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** "idToken|type" of an IdTokenType value, or undefined when it is not one (a key for sets of tokens). */
export function tokenKey(v: unknown): string | undefined {
  const t = obj(v);
  return typeof t.idToken === 'string' && typeof t.type === 'string' ? `${t.idToken}|${t.type}` : undefined;
}

export { perStation } from '../common/per-station.ts';
