// Authorization (Part 6 block C): Authorize with an authorization cache (LocalPreAuthorize, LocalAuthorizeOffline,
// OfflineTxForUnknownIdEnabled honoured), ClearCache, the EV connection timeout of an authorization without a cable.
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import { perStation, type EvseState } from '../state.ts';
import type { IdToken } from '../types.ts';
import { afterEvseChange } from './availability.ts';
import { endTransaction, evConnectionTimeoutMs } from './transactions.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {} as const satisfies Record<string, string>;

interface AuthCacheEntry {
  status: string;
  expires: number;
  groupIdToken?: IdToken;
}

const cacheOf = perStation<StationCore, Map<string, AuthCacheEntry>>(() => new Map());

const keyOf = (token: IdToken): string => `${token.type}:${token.idToken}`;

export function cacheToken(st: StationCore, token: IdToken, status: string, groupIdToken?: IdToken): void {
  if (!st.dm.bool('AuthCacheCtrlr', 'Enabled')) return;
  const entry: AuthCacheEntry = { status, expires: Date.now() + st.dm.int('AuthCacheCtrlr', 'LifeTime') * 1000 };
  if (groupIdToken) entry.groupIdToken = groupIdToken;
  cacheOf(st).set(keyOf(token), entry);
}

function cached(st: StationCore, token: IdToken): AuthCacheEntry | undefined {
  const entry = cacheOf(st).get(keyOf(token));
  if (!entry) return undefined;
  if (entry.expires < Date.now()) {
    cacheOf(st).delete(keyOf(token));
    return undefined;
  }
  return entry;
}

/** Asks the CSMS (or the cache when offline) about a token. */
export async function authorizeToken(st: StationCore, token: IdToken): Promise<{ status: string; groupIdToken?: IdToken }> {
  const hit = cached(st, token);
  if (st.online()) {
    if (hit?.status === 'Accepted' && st.dm.bool('AuthCtrlr', 'LocalPreAuthorize')) return { status: 'Accepted', groupIdToken: hit.groupIdToken };
    const res = await st.callSafe('Authorize', { idToken: token });
    if (res) {
      const info = (res.idTokenInfo ?? {}) as { status?: string; groupIdToken?: IdToken };
      const status = info.status ?? 'Invalid';
      cacheToken(st, token, status, info.groupIdToken);
      return { status, groupIdToken: info.groupIdToken };
    }
  }
  if (hit?.status === 'Accepted' && st.dm.bool('AuthCtrlr', 'LocalAuthorizeOffline')) return { status: 'Accepted', groupIdToken: hit.groupIdToken };
  if (!hit && st.dm.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled')) return { status: 'Accepted' };
  return { status: hit?.status ?? 'Invalid' };
}

/** An authorization without a cable expires after TxCtrlr.EVConnectionTimeOut. */
export function armEvConnectionTimeout(st: StationCore, e: EvseState): void {
  clearTimeout(e.evTimeout);
  if (e.connectors.some((c) => c.plugged)) return;
  const ms = evConnectionTimeoutMs(st);
  if (ms <= 0) return;
  e.evTimeout = setTimeout(() => {
    if (!e.auth || e.connectors.some((c) => c.plugged)) return;
    e.auth = undefined;
    if (e.tx) endTransaction(st, e, 'EVConnectTimeout', 'Timeout');
    afterEvseChange(st);
  }, ms);
}

export const AREA = {
  name: 'authorization',
  blocks: ['C'],
  faults: FAULTS,
  handlers: {
    ClearCache: (st) => {
      cacheOf(st).clear();
      return { status: 'Accepted' };
    },
  },
} satisfies StationArea;
