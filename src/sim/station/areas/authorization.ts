// Authorization (Part 6 block C): how a presented idToken is decided (Part 2 C01, C09, C10, C12, C15, C16): the
// authorization cache (areas/auth-cache.ts) with LocalPreAuthorize, DisablePostAuthorize, LocalAuthorizeOffline and
// OfflineTxForUnknownIdEnabled; a second token during a session (same group: stop; the master pass group: stop every
// transaction; else nothing); ClearCache; the EV connection timeout of an authorization without a cable.
// This area's named faults and behaviour of the reference station.
import type { StationCore } from '../core.ts';
import type { EvseState } from '../state.ts';
import type { IdToken } from '../types.ts';
import { CACHE_FAULTS, cacheOnReboot, cacheToken, cached, onClearCache } from './auth-cache.ts';
import { afterEvseChange } from './availability.ts';
import { INVALID_ID_FAULTS, clearLocalDecision, haltInvalidIdHolds, markLocalDecision } from './invalid-id.ts';
import { localOnlyDecision } from './remote-authorization.ts';
import { MASTER_PASS_UI_FAULTS, hasMasterPassUi, selectOnMasterPassUi, showMasterPassUi } from './master-pass-ui.ts';
import { endTransaction, evaluate, evConnectionTimeoutMs } from './transactions.ts';
import type { StationArea } from './types.ts';

export { cacheToken, cacheFromTxResponse } from './auth-cache.ts';
export { onInvalidIdDuringTx, releaseInvalidIdHold } from './invalid-id.ts';

export const FAULTS = {
  ...CACHE_FAULTS,
  ...INVALID_ID_FAULTS,
  ...MASTER_PASS_UI_FAULTS,
  'authorization.ignoreStatus': 'A token the CSMS answers Invalid, Blocked, Expired or Unknown is treated as Accepted.',
  'authorization.ignoreLocalPreAuthorize': 'A token cached as Accepted is still sent in an AuthorizeRequest (LocalPreAuthorize true is ignored).',
  'authorization.preAuthorizeAlways': 'A token cached as Accepted is accepted without an AuthorizeRequest even when LocalPreAuthorize is false.',
  'authorization.trustCachedRejection': 'A token cached as not Accepted is refused without asking the CSMS (as if DisablePostAuthorize were true).',
  'authorization.ignoreDisablePostAuthorize': 'A token cached as not Accepted is sent in an AuthorizeRequest even when DisablePostAuthorize is true.',
  'authorization.anyTokenStops': 'Any accepted token presented during a transaction stops it, whatever its group.',
  'authorization.ignoreGroupId': 'A token of the same group as the one that started the transaction does not stop it.',
  'authorization.invalidGroupStops': 'A token of the same group stops the transaction even when the CSMS says it is not Accepted.',
  'authorization.masterPassStarts': 'A token of the master pass group authorizes charging like any other token.',
  'authorization.masterPassIgnored': 'A token of the master pass group presented during transactions does not stop them.',
  'authorization.ignoreOfflineTxForUnknownId': 'An unknown token presented offline is refused even when OfflineTxForUnknownIdEnabled is true.',
} as const satisfies Record<string, string>;

export interface AuthorizationResult {
  status: string;
  groupIdToken?: IdToken;
}

const withGroup = (status: string, groupIdToken?: IdToken): AuthorizationResult => (groupIdToken ? { status, groupIdToken } : { status });

/** Asks the CSMS (or the cache when offline or when the cache may decide) about a token. */
export async function authorizeToken(st: StationCore, token: IdToken): Promise<AuthorizationResult> {
  const hit = cached(st, token);
  // AuthCtrlr.DisableRemoteAuthorization: only what the station holds decides (areas/remote-authorization.ts).
  const local = st.online() ? localOnlyDecision(st, hit) : undefined;
  if (local) {
    // The station decided on its own: a later Invalid from the CSMS is handled as for any local decision (invalid-id.ts).
    if (local.status === 'Accepted') markLocalDecision(st, token);
    return local;
  }
  if (st.online()) {
    const preAuthorize = st.faults.has('authorization.preAuthorizeAlways') || (st.dm.bool('AuthCtrlr', 'LocalPreAuthorize') && !st.faults.has('authorization.ignoreLocalPreAuthorize'));
    // C10.FR.03 / C12.FR.02: a token cached as Accepted starts at once when LocalPreAuthorize is true.
    if (hit?.status === 'Accepted' && preAuthorize) {
      markLocalDecision(st, token);
      return withGroup('Accepted', hit.groupIdToken);
    }
    // C12.FR.05 / C10.FR.11: a token cached as not Accepted is asked about again, unless DisablePostAuthorize says not to.
    const postAuthorizeDisabled = st.faults.has('authorization.trustCachedRejection') || (st.dm.bool('AuthCacheCtrlr', 'DisablePostAuthorize') && !st.faults.has('authorization.ignoreDisablePostAuthorize'));
    if (hit && hit.status !== 'Accepted' && postAuthorizeDisabled) return withGroup(hit.status, hit.groupIdToken);
    const res = await st.callSafe('Authorize', { idToken: token });
    if (res) {
      const info = (res.idTokenInfo ?? {}) as { status?: string; groupIdToken?: IdToken };
      const status = info.status ?? 'Invalid';
      clearLocalDecision(st, token);
      cacheToken(st, token, status, info.groupIdToken);
      return withGroup(st.faults.has('authorization.ignoreStatus') ? 'Accepted' : status, info.groupIdToken);
    }
  }
  if (hit?.status === 'Accepted' && st.dm.bool('AuthCtrlr', 'LocalAuthorizeOffline')) {
    markLocalDecision(st, token);
    return withGroup('Accepted', hit.groupIdToken);
  }
  if (!hit && st.dm.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled') && !st.faults.has('authorization.ignoreOfflineTxForUnknownId')) {
    markLocalDecision(st, token);
    return { status: 'Accepted' };
  }
  return { status: hit?.status ?? 'Invalid' };
}

/** The token belongs to the master pass group (AuthCtrlr.MasterPassGroupId, C16). */
function isMasterPass(st: StationCore, r: AuthorizationResult): boolean {
  const group = st.dm.value('AuthCtrlr', 'MasterPassGroupId');
  return group !== '' && r.status === 'Accepted' && r.groupIdToken?.idToken === group;
}

/** Whether an authorization lets a driver start charging: a master pass token does not (C16.FR.03). */
export function mayStartCharging(st: StationCore, r: AuthorizationResult): boolean {
  if (r.status !== 'Accepted') return false;
  if (isMasterPass(st, r) && !st.faults.has('authorization.masterPassStarts')) {
    st.note('master pass token: it may stop transactions, not start one');
    return false;
  }
  return true;
}

const sameGroup = (a: IdToken | undefined, b: IdToken | undefined): boolean => a !== undefined && b !== undefined && a.idToken === b.idToken && a.type === b.type;

/**
 * A token other than the session's is presented at an EVSE with an authorized session (C01.FR.03, C09, C16): a master
 * pass stops every transaction (a station without a UI, C16.FR.02), a token of the session's group stops this one,
 * any other token changes nothing.
 */
export async function authorizeDuringSession(st: StationCore, e: EvseState, token: IdToken): Promise<void> {
  const r = await authorizeToken(st, token);
  if (!st.running || !e.auth) return;
  if (isMasterPass(st, r) && !st.faults.has('authorization.masterPassIgnored')) {
    // A station with a UI waits for the holder's selection (C16.FR.01).
    if (hasMasterPassUi(st)) return showMasterPassUi(st, token);
    for (const x of st.evses.filter((y) => y.auth || y.tx)) {
      x.auth = undefined;
      evaluate(st, x, 'StopAuthorized', { stopToken: token, stoppedReason: 'MasterPass' });
    }
    return;
  }
  const groupMatches = sameGroup(e.auth.groupIdToken, r.groupIdToken) && !st.faults.has('authorization.ignoreGroupId');
  const accepted = r.status === 'Accepted' || st.faults.has('authorization.invalidGroupStops');
  if ((groupMatches && accepted) || (r.status === 'Accepted' && st.faults.has('authorization.anyTokenStops'))) {
    e.auth = undefined;
    evaluate(st, e, 'StopAuthorized', { stopToken: token, stoppedReason: 'Local' });
    return;
  }
  st.note(`token ${token.idToken} (${r.status}) is not the session's and not of its group: the session goes on`);
}

/** The master pass holder's selection on the station's UI (bench action masterPassStop): one EVSE or all. */
export function masterPassSelect(st: StationCore, target: number | 'all'): void {
  selectOnMasterPassUi(st, target, (e, token, reason) => {
    e.auth = undefined;
    evaluate(st, e, 'StopAuthorized', { stopToken: token, stoppedReason: reason });
  });
}

/** A station with a cable lock (variant without plug-in before authorization, AQ-2) keeps the socket shut until a driver is authorized. */
export function cableLockShut(st: StationCore, e: EvseState): boolean {
  return st.opts.omit?.includes('plugInBeforeAuthorization') === true && !e.auth && !e.tx;
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
  handlers: { ClearCache: onClearCache },
  rebooting: cacheOnReboot,
  halt: haltInvalidIdHolds,
} satisfies StationArea;
