// Steps of the authorization cases (block C, SUT = Charging Station): configuration for one case, the IdTokenCached
// memory state, decisions from the cache, a transaction that goes on, clean-up. One line each, calling
// src/runner/ops/cs-authorization.ts.
import * as op from '../src/runner/ops/cs-authorization.ts';
import * as invalidId from '../src/runner/ops/cs-auth-invalid-id.ts';
import * as masterPass from '../src/runner/ops/cs-master-pass.ts';
import { rows, step, str } from './step.ts';

step('the Charging Station variable {string} is set to {string} for this case', (c, n, v) => op.variableForCase(c, str(n), str(v), false));
step('the Charging Station variable {string} is set to {string} for this case, if implemented', (c, n, v) => op.variableForCase(c, str(n), str(v), true));
step('the memory state IdTokenCached is reached for the configured {word} idToken', (c, r) => op.idTokenCachedFor(c, str(r)));
step('the Charging Station has sent no AuthorizeRequest for the configured {word} idToken since it was cached', (c, r) => op.noAuthorizeForCached(c, str(r)));
step('the transaction goes on: no TransactionEventRequest with an idToken and none ending it within the configured message timeout', (c) => op.transactionGoesOn(c));
step('the EV is unplugged and the configured connector is reported Available', (c) => op.unplugToIdle(c));
step('the authorization cache lifetime is the configured transaction duration for this case', (c) => op.cacheLifetimeForCase(c));
step('the authorization cache lifetime passes', (c) => op.waitCacheLifetime(c));
step('the steps above count as the reusable state Authorized', (c) => op.countAsAuthorized(c));
step('the Charging Station sends no TransactionEventRequest with chargingState Charging within the configured message timeout', (c) => op.noCharging(c));
step('for every configured EVSE the Charging Station reports the stop of its transaction with:', (c, t) => op.everyTransactionStops(c, rows(t)));
step('the EV is unplugged at every configured EVSE', (c) => op.unplugEveryEvse(c));
step('the Charging Station has sent a AuthorizeRequest for the configured {word} idToken since it was cached', (c, r) => op.authorizeForExpired(c, str(r)));
step('the driver presents the cached configured valid idToken as the reusable state Authorized', (c) => op.presentCachedToken(c));
step('the next session starts from an idle EVSE', (c) => op.nextSession(c));
step('the Charging Station has sent no further AuthorizeRequest for the configured {word} idToken', (c, r) => op.noFurtherAuthorize(c, str(r)));
step('the memory state IdTokenCached is reached for the configured {word} idToken of the configured group', (c, r) => op.idTokenCachedFor(c, str(r), true));
step('the energy keeps flowing: no TransactionEventRequest with triggerReason Deauthorized or chargingState SuspendedEVSE within the configured message timeout', (c) => invalidId.energyKeepsFlowing(c));
step('the master pass holder selects on the user interface to stop all transactions', (c) => masterPass.selectOnUi(c, 'all'));
step('the master pass holder selects on the user interface to stop the transaction on the configured EVSE', (c) => masterPass.selectOnUi(c, 'configured'));
step('the Charging Station reports the stop of the transaction on the configured EVSE with:', (c, t) => masterPass.configuredTransactionStops(c, rows(t)));
step('every other configured EVSE still transfers energy', (c) => masterPass.othersGoOn(c));
step('the transactions on the other configured EVSEs are stopped until the station is idle', (c) => masterPass.stopOthers(c));
