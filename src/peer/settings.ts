// Facts both peers need about the bench that Part 6 calls "<Configured ...>" values.
import type { EvseConfig, IdTokenConfig, IdTokensConfig } from '../config/types.ts';

export interface EngineSettings {
  /** <Configured heartbeatInterval>, seconds: the interval we give in BootNotificationResponse. */
  heartbeatIntervalS: number;
  /** The EVSE and connector used for transactions (<Configured evseId> / <Configured connectorId>). */
  evseId: number;
  connectorId: number;
  evses: EvseConfig[];
  idTokens: IdTokensConfig;
  /** As the test system plays a station: chargingStation.model / vendorName. */
  model: string;
  vendorName: string;
  /** <Configured Transaction Duration>, ms, waited before StopAuthorized. */
  transactionDurationMs: number;
  /** How reusable state Authorized is reached when the case does not say: local token or RequestStartTransaction. */
  authorizeVariant: 'local' | 'remote';
  /** <Configured clock-aligned / sampled Meter Values interval>, s (unset: the meter-values operations' default). */
  clockAlignedIntervalS?: number | undefined;
  sampledIntervalS?: number | undefined;
  /** <Configured vendorId> / <Configured messageId> of DataTransfer (an extension the CSMS does not implement). */
  dataTransferVendorId: string;
  dataTransferMessageId: string;
}

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
