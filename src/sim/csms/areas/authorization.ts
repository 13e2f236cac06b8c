// Authorization (Part 6 block C): idToken answers, authorization cache, group ids, master pass: this area's named faults and behaviour of the reference CSMS.
// The core (handlers.ts) builds idTokenInfo from the token list; this area only adds the realistic ways a CSMS gets
// authorization wrong, and the memory one of them needs.
import { SimCallError } from '../handlers.ts';
import type { StationRecord } from '../state.ts';
import type { CsmsArea } from './types.ts';
import { obj, perStation, tokenKey } from '../json.ts';

type Json = Record<string, unknown>;

export const FAULTS = {
  'auth.txTrustsStationCache':
    'a TransactionEvent with triggerReason Authorized is answered Accepted without looking the idToken up (the station\'s cache is trusted)',
  'auth.txRequiresPriorAuthorize':
    'an idToken in a TransactionEvent is answered Invalid unless the station sent an AuthorizeRequest for it first (cache-authorized tokens are refused)',
  'auth.endedWithoutIdTokenInfo':
    'a TransactionEvent Ended is answered without idTokenInfo although it carries an idToken (no authorization for a transaction that ends)',
  'group.ownTokenAsGroup': 'idTokenInfo.groupIdToken carries the presented idToken itself instead of the group it belongs to',
  'masterPass.stoppedReasonRefused':
    'a TransactionEvent with stoppedReason MasterPass gets a CALLERROR PropertyConstraintViolation (a stoppedReason list without MasterPass)',
  'cache.clearWithEvseId': 'outgoing ClearCacheRequest carries an evseId, a field its schema does not have (as if the cache were per EVSE)',
} as const satisfies Record<string, string>;



/** Per station: the idTokens it authorized with an AuthorizeRequest that we accepted. */
const authorizedTokens = perStation<StationRecord, Set<string>>(() => new Set());

export const AREA: CsmsArea = {
  name: 'authorization',
  answer(ctx, action, request, response) {
    if (action !== 'Authorize' && action !== 'TransactionEvent') return response;
    const f = ctx.opts.faults;
    const key = tokenKey(request.idToken);
    const out: Json = { ...response };
    let info = response.idTokenInfo === undefined ? undefined : { ...obj(response.idTokenInfo) };
    if (action === 'Authorize') {
      if (key !== undefined && info?.status === 'Accepted') authorizedTokens(ctx.station).add(key);
    } else {
      if (obj(request.transactionInfo).stoppedReason === 'MasterPass' && f.has('masterPass.stoppedReasonRefused')) {
        throw new SimCallError('PropertyConstraintViolation', 'transactionInfo.stoppedReason: unsupported value MasterPass');
      }
      if (request.eventType === 'Ended' && f.has('auth.endedWithoutIdTokenInfo')) info = undefined;
      if (info && request.triggerReason === 'Authorized' && f.has('auth.txTrustsStationCache')) info.status = 'Accepted';
      if (info && key !== undefined && !authorizedTokens(ctx.station).has(key) && f.has('auth.txRequiresPriorAuthorize')) info = { status: 'Invalid' };
    }
    if (info?.groupIdToken !== undefined && f.has('group.ownTokenAsGroup')) info.groupIdToken = { ...obj(request.idToken) };
    if (info === undefined) delete out.idTokenInfo;
    else out.idTokenInfo = info;
    return out;
  },
  outgoing(faults, action, payload) {
    if (action === 'ClearCache' && faults.has('cache.clearWithEvseId')) payload.evseId = 1;
  },
};
