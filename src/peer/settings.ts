// Facts both peers need about the bench that Part 6 calls "<Configured ...>" values.
import type { EngineSettings, IdTokenConfig } from '../config/types.ts';

/** One settings type: the configured values (src/config/configured-values.ts) plus the configured EVSEs and idTokens. */
export type { EngineSettings } from '../config/types.ts';

export function validToken(s: EngineSettings): IdTokenConfig {
  const t = s.idTokens.valid[0];
  if (!t) throw new Error('the run configuration has no valid idToken (idTokens.valid is empty)');
  return t;
}

/** Every (evseId, connectorId) pair of the configured station. */
export function allConnectors(s: EngineSettings): Array<{ evseId: number; connectorId: number }> {
  return s.evses.flatMap((e) => e.connectors.map((c) => ({ evseId: e.id, connectorId: c.id })));
}

/** The idTokenInfo.status the test system (as CSMS) gives a token. */
export function tokenStatus(s: EngineSettings, idToken: string, type: string): 'Accepted' | 'Invalid' | 'Blocked' | 'Expired' {
  const same = (t: IdTokenConfig | undefined): boolean => t !== undefined && t.idToken === idToken && t.type === type;
  if (s.idTokens.valid.some(same)) return 'Accepted';
  if (s.idTokens.masterPass && same(s.idTokens.masterPass)) return 'Accepted';
  if (same(s.idTokens.blocked)) return 'Blocked';
  if (same(s.idTokens.expired)) return 'Expired';
  if (type === 'NoAuthorization') return 'Accepted';
  return 'Invalid';
}
