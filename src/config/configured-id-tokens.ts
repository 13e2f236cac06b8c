// The configured idTokens ("idTokens" section of the run config) as placeholders: one row per token the SUT must know,
// with the spellings Part 6 (or our features) give it. Their shape (an {idToken, type} pair, or a plain group id) is in
// the schema's $defs; this table is where their placeholders and their README rows come from.
import type { IdTokensConfig } from './types.ts';

export interface IdTokenRow {
  /** Where the token sits under "idTokens" ("valid[1]": the second valid token). */
  field: string;
  /**
   * Spellings of the token's value, e.g. <configured valid idToken>; matched ignoring case, spaces, '-' and '_' (so
   * Part 6's valid_idtoken_type is the same spelling as valid idToken type, and is not listed twice).
   */
  spellings: readonly string[];
  /** Spellings of its type, e.g. <configured valid idToken type>; empty for a plain id. */
  typeSpellings: readonly string[];
  description: string;
}

export const CONFIGURED_ID_TOKENS: readonly IdTokenRow[] = [
  {
    field: 'valid[0]',
    spellings: ['valid idToken', 'valid_idtoken_idtoken'],
    typeSpellings: ['valid idToken type'],
    description: 'A token the CSMS accepts.',
  },
  {
    field: 'valid[1]',
    spellings: ['valid idToken2', 'valid_idtoken2_idtoken', 'valid_idtoken_idtoken2'],
    typeSpellings: ['valid idToken2 type', 'valid_idtoken_type2'],
    description: 'A second accepted token, of the same group as the first.',
  },
  { field: 'invalid', spellings: ['invalid idToken', 'invalid_idtoken_idtoken'], typeSpellings: ['invalid idToken type'], description: 'A token the CSMS does not know.' },
  { field: 'blocked', spellings: ['blocked idToken', 'blocked_idtoken_idtoken'], typeSpellings: ['blocked idToken type'], description: 'A token the CSMS knows as blocked.' },
  { field: 'expired', spellings: ['expired idToken', 'expired_idtoken_idtoken'], typeSpellings: ['expired idToken type'], description: 'A token the CSMS knows as expired.' },
  {
    field: 'masterPass',
    spellings: ['masterPass idToken', 'masterpass_idtoken_idtoken'],
    typeSpellings: ['masterPass idToken type'],
    description: 'A token of the master pass group.',
  },
  { field: 'groupId', spellings: ['groupIdToken'], typeSpellings: ['groupIdToken type'], description: 'The group token the valid tokens share.' },
  { field: 'masterPassGroupId', spellings: ['masterPassGroupId'], typeSpellings: [], description: 'The group id that marks a master pass (AuthCtrlr.MasterPassGroupId).' },
];

const normal = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The token a row names in the configured idTokens (undefined: the config leaves it out). */
function tokenAt(tokens: IdTokensConfig, field: string): { idToken: string; type: string } | string | undefined {
  const m = /^valid\[(\d)\]$/.exec(field);
  if (m) return tokens.valid[Number(m[1])];
  return tokens[field as Exclude<keyof IdTokensConfig, 'valid'>];
}

/**
 * The value of a <configured X> placeholder naming a configured idToken (or its type): the row's field and the value
 * (undefined when the config leaves the token out); undefined when X names no idToken.
 */
export function resolveConfiguredIdToken(tokens: IdTokensConfig, name: string): { field: string; value: string | undefined } | undefined {
  const m = /^configured (.+)$/i.exec(name.trim());
  if (!m) return undefined;
  const wanted = normal(m[1] ?? '');
  for (const row of CONFIGURED_ID_TOKENS) {
    const ofValue = row.spellings.some((s) => normal(s) === wanted);
    if (!ofValue && !row.typeSpellings.some((s) => normal(s) === wanted)) continue;
    const token = tokenAt(tokens, row.field);
    const value = token === undefined ? undefined : typeof token === 'string' ? token : ofValue ? token.idToken : token.type;
    return { field: row.field, value };
  }
  return undefined;
}

/** The README rows of the configured idTokens. */
export function idTokensReadmeTable(): string {
  const code = (list: readonly string[]): string => list.map((s) => `\`<configured ${s}>\``).join(', ');
  return [
    '| `idTokens` field | placeholder spellings (value) | placeholder spellings (type) | what it is |',
    '| --- | --- | --- | --- |',
    ...CONFIGURED_ID_TOKENS.map((r) => `| \`${r.field}\` | ${code(r.spellings)} | ${code(r.typeSpellings) || '-'} | ${r.description} |`),
  ].join('\n');
}
