// Charging Station identity rules (OCPP-J Part 4, section "The connection URL").
//
// The identity is the last path segment of the connection URL, percent-encoded on the wire.
// Part 4 facts used here: at most 48 characters; ':' is forbidden (it separates user and password in
// Basic Auth); the datatype is identifierString. Part 4's own example ("RDAM 123") contains a space,
// which identifierString does not allow, so we offer two rule sets:
//   - 'lenient' (default): 1..48 characters, no ':', no control characters. Anything else that
//     survives percent-decoding is accepted (space, '/', non-ASCII letters).
//   - 'strict': identifierString minus ':' -> only a-z A-Z 0-9 and * - _ = + | @ .

export type IdentityRule = 'lenient' | 'strict';

export const MAX_IDENTITY_LENGTH = 48;

export type IdentityProblem =
  | 'identity-missing'
  | 'identity-bad-encoding'
  | 'identity-too-long'
  | 'identity-colon'
  | 'identity-control-char'
  | 'identity-bad-char';

export type IdentityCheck = { ok: true; identity: string } | { ok: false; problem: IdentityProblem; identity?: string; message: string };

const STRICT_CHARS = /^[A-Za-z0-9*\-_=+|@.]+$/;
// C0 controls and DEL, plus C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Checks an already-decoded identity. Length counts Unicode code points, not UTF-16 units or bytes. */
export function checkIdentity(identity: string, rule: IdentityRule = 'lenient'): IdentityCheck {
  const length = [...identity].length;
  if (length === 0) return { ok: false, problem: 'identity-missing', identity, message: 'empty Charging Station identity' };
  if (length > MAX_IDENTITY_LENGTH) {
    return { ok: false, problem: 'identity-too-long', identity, message: `identity has ${length} characters, at most ${MAX_IDENTITY_LENGTH} are allowed` };
  }
  if (identity.includes(':')) return { ok: false, problem: 'identity-colon', identity, message: "identity contains ':', which Basic Auth cannot carry in a user name" };
  if (CONTROL_CHARS.test(identity)) return { ok: false, problem: 'identity-control-char', identity, message: 'identity contains a control character' };
  if (rule === 'strict' && !STRICT_CHARS.test(identity)) {
    return { ok: false, problem: 'identity-bad-char', identity, message: 'identity has characters outside identifierString (a-z A-Z 0-9 * - _ = + | @ .)' };
  }
  return { ok: true, identity };
}

/**
 * Takes the request target of an upgrade request (path plus optional query) and returns the decoded
 * identity from its last path segment, checked against `rule`.
 */
export function identityFromRequestTarget(target: string, rule: IdentityRule = 'lenient'): IdentityCheck {
  const q = target.search(/[?#]/);
  const path = q === -1 ? target : target.slice(0, q);
  const slash = path.lastIndexOf('/');
  const segment = slash === -1 ? path : path.slice(slash + 1);
  if (segment === '') return { ok: false, problem: 'identity-missing', message: 'the URL path has no identity segment' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return { ok: false, problem: 'identity-bad-encoding', message: `the last path segment "${segment}" is not valid percent-encoded UTF-8` };
  }
  return checkIdentity(decoded, rule);
}

/** Builds the connection URL: endpoint URL + '/' + percent-encoded identity (no doubled '/'). */
export function connectionUrl(endpoint: string, identity: string): string {
  const url = new URL(endpoint);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  // encodeURIComponent leaves ! ' ( ) * unescaped; they are legal in a path segment.
  url.pathname = base + encodeURIComponent(identity);
  return url.toString();
}
