// The format of ISO14443 idTokens in a run config file: the card's UID as hex, 4 or 7 bytes (8 or 14 hex characters).
// A token in another shape is refused by a real station or CSMS in every case that presents it, so the config says so
// before the run. (Written by session i20 next to load.ts; load.ts calls it for config files only: configs built in code,
// the simulators' among them, use placeholder tokens the simulators accept.)
type Raw = Record<string, unknown>;

const UID = /^(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14})$/;

function tokensOf(raw: Raw): Array<[string, unknown]> {
  const tokens = raw['idTokens'] as Raw | undefined;
  if (!tokens || typeof tokens !== 'object') return [];
  const out: Array<[string, unknown]> = [];
  const valid = tokens['valid'];
  if (Array.isArray(valid)) valid.forEach((t, i) => out.push([`idTokens.valid[${i}]`, t]));
  for (const k of ['invalid', 'blocked', 'expired', 'masterPass', 'groupId', 'masterPassGroupId']) if (tokens[k] !== undefined) out.push([`idTokens.${k}`, tokens[k]]);
  return out;
}

/** One message per ISO14443 token of the config whose idToken is not a 4- or 7-byte hex UID. */
export function iso14443Problems(raw: Raw): string[] {
  const errors: string[] = [];
  for (const [path, t] of tokensOf(raw)) {
    const token = t as { idToken?: unknown; type?: unknown };
    if (token.type !== 'ISO14443' || typeof token.idToken !== 'string' || UID.test(token.idToken)) continue;
    errors.push(
      `${path}.idToken: an ISO14443 idToken is the card's UID in hex, 8 or 14 hex characters (4 or 7 bytes), e.g. "04A1B2C3D4E5F6" (got "${token.idToken}"). Use the UID the station reads from the card, or another type (e.g. "Central").`,
    );
  }
  return errors;
}
