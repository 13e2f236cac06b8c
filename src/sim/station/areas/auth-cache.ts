// The authorization cache of the reference station (Part 2 C10-C12): what the CSMS last said about each idToken, from
// AuthorizeResponses and TransactionEventResponses, kept for AuthCacheCtrlr.LifeTime seconds while
// AuthCacheCtrlr.Enabled is true; it survives reboots (it lives as long as the station object) and is emptied by
// ClearCache. Part of the authorization area (areas/authorization.ts registers its faults and handlers).
import type { StationCore } from '../core.ts';
import { perStation, type Json } from '../state.ts';
import type { IdToken } from '../types.ts';

export const CACHE_FAULTS = {
  'authorization.cacheNeverExpires': 'Authorization cache entries never expire (AuthCacheCtrlr.LifeTime is ignored).',
  'authorization.clearCacheWhileDisabled': 'ClearCache is Accepted while the authorization cache is disabled (instead of Rejected).',
  'authorization.cacheLostOnReboot': 'The authorization cache is emptied by every reboot (it is not kept in non-volatile memory).',
  'authorization.clearCacheRejected': 'ClearCache is Rejected even while the authorization cache is enabled.',
  'authorization.cacheIgnoresTxResponse': 'The idTokenInfo of a TransactionEventResponse does not update the authorization cache.',
} as const satisfies Record<string, string>;

export interface AuthCacheEntry {
  status: string;
  expires: number;
  groupIdToken?: IdToken;
}

const cacheOf = perStation<StationCore, Map<string, AuthCacheEntry>>(() => new Map());

const keyOf = (token: IdToken): string => `${token.type}:${token.idToken}`;

/** What the CSMS said about a token goes into the cache (when the cache is enabled). */
export function cacheToken(st: StationCore, token: IdToken, status: string, groupIdToken?: IdToken): void {
  if (!st.dm.bool('AuthCacheCtrlr', 'Enabled')) return;
  const lifetimeMs = st.faults.has('authorization.cacheNeverExpires') ? Number.MAX_SAFE_INTEGER / 2 : st.dm.int('AuthCacheCtrlr', 'LifeTime') * 1000;
  const entry: AuthCacheEntry = { status, expires: Date.now() + lifetimeMs };
  if (groupIdToken) entry.groupIdToken = groupIdToken;
  cacheOf(st).set(keyOf(token), entry);
}

/** The idTokenInfo of a TransactionEventResponse about a token the station sent (C10.FR.05). */
export function cacheFromTxResponse(st: StationCore, token: IdToken, info: { status?: string; groupIdToken?: IdToken }): void {
  if (st.faults.has('authorization.cacheIgnoresTxResponse')) return;
  cacheToken(st, token, info.status ?? 'Invalid', info.groupIdToken);
}

/** The live cache entry of a token; an entry past its lifetime is dropped. A disabled cache is not consulted. */
export function cached(st: StationCore, token: IdToken): AuthCacheEntry | undefined {
  if (!st.dm.bool('AuthCacheCtrlr', 'Enabled')) return undefined;
  const entry = cacheOf(st).get(keyOf(token));
  if (!entry) return undefined;
  if (entry.expires < Date.now()) {
    cacheOf(st).delete(keyOf(token));
    return undefined;
  }
  return entry;
}

/** ClearCache (C11): emptied when the cache is enabled, Rejected when it is disabled (C11.FR.04). */
export function onClearCache(st: StationCore): Json {
  if (st.faults.has('authorization.clearCacheRejected')) return { status: 'Rejected' };
  if (!st.dm.bool('AuthCacheCtrlr', 'Enabled') && !st.faults.has('authorization.clearCacheWhileDisabled')) return { status: 'Rejected' };
  cacheOf(st).clear();
  return { status: 'Accepted' };
}

/** A reboot keeps the cache (C10.FR.02: non-volatile), unless the fault says otherwise. */
export function cacheOnReboot(st: StationCore): void {
  if (st.faults.has('authorization.cacheLostOnReboot')) cacheOf(st).clear();
}

/** The entry the cache stores for a token, whatever its age and AuthCacheCtrlr.Enabled: customer data (N09/N10). */
export function storedEntry(st: StationCore, token: IdToken): AuthCacheEntry | undefined {
  return cacheOf(st).get(keyOf(token));
}

/** Removes what the cache stores about a token (N10: a customer's data cleared); true when there was an entry. */
export function forgetToken(st: StationCore, token: IdToken): boolean {
  return cacheOf(st).delete(keyOf(token));
}
