// Remote authorization switched off (Part 2 C01 with AuthCtrlr.DisableRemoteAuthorization; Part 6 TC_E_52): the
// station then never asks the CSMS about a presented idToken (no AuthorizeRequest) and decides from what it holds
// itself, the authorization cache (areas/auth-cache.ts); a token it does not hold is refused. The reference station
// keeps no local authorization list, so the cache is all it has. This area's named faults and behaviour;
// areas/authorization.ts asks here before it would ask the CSMS.
import type { StationCore } from '../core.ts';
import type { AuthCacheEntry } from './auth-cache.ts';
import type { AuthorizationResult } from './authorization.ts';
import type { StationArea } from './types.ts';

export const FAULTS = {
  'remoteAuthorization.askedWhileDisabled': 'A presented idToken is still sent in an AuthorizeRequest when AuthCtrlr.DisableRemoteAuthorization is true.',
  'remoteAuthorization.unknownAccepted': 'With AuthCtrlr.DisableRemoteAuthorization true, an idToken the station does not hold is accepted instead of refused.',
} as const satisfies Record<string, string>;

/**
 * The station's own decision about a token when it may not ask the CSMS; undefined when remote authorization is
 * allowed (the caller asks the CSMS as usual). `hit` is the token's live cache entry, if any.
 */
export function localOnlyDecision(st: StationCore, hit: AuthCacheEntry | undefined): AuthorizationResult | undefined {
  if (!st.dm.bool('AuthCtrlr', 'DisableRemoteAuthorization') || st.faults.has('remoteAuthorization.askedWhileDisabled')) return undefined;
  if (hit) return hit.groupIdToken ? { status: hit.status, groupIdToken: hit.groupIdToken } : { status: hit.status };
  st.note('DisableRemoteAuthorization: the token is neither cached nor in a local list, so it is refused without asking the CSMS');
  return { status: st.faults.has('remoteAuthorization.unknownAccepted') ? 'Accepted' : 'Unknown' };
}

export const AREA = {
  name: 'remote-authorization',
  blocks: ['C', 'E'],
  faults: FAULTS,
} satisfies StationArea;
