// Steps of the transaction cases (block E, SUT = Charging Station): configuration for one case, the bench actions
// of a charging session, the connector report after them. One line each, calling src/runner/ops/cs-transactions.ts.
import * as op from '../src/runner/ops/cs-transactions.ts';
import * as offline from '../src/runner/ops/cs-tx-offline.ts';
import * as retry from '../src/runner/ops/cs-tx-retries.ts';
import { sutSends } from '../src/runner/operations.ts';
import { rows, step, str } from './step.ts';

step('the Charging Station variable {string} is {string} for this case', (c, p, v) => op.variableForThisCase(c, str(p), str(v)));
step('the driver plugs the EV in at the configured connector', (c) => op.plugIn(c));
step('the driver unplugs the EV at the configured connector', (c) => op.plugOut(c));
step('an EV drives into the parking bay of the configured EVSE', (c) => op.parkingBay(c, true));
step('the EV leaves the parking bay of the configured EVSE', (c) => op.parkingBay(c, false));
step('the Charging Station reports the status of the configured connector as {string}', (c, s) => op.configuredConnectorReport(c, str(s)));
step('the station is left idle: EV unplugged, no transaction open', (c) => op.leaveIdle(c));
step('when {string} is {string}, the Charging Station sends an AuthorizeRequest with:', (c, p, v, t) => op.whenVariable(c, str(p), str(v), () => sutSends(c, 'the Charging Station', 'Authorize', rows(t))));
step('the configured transaction duration has passed', (c) => op.transactionDurationPasses(c));
step('the test system makes up a random transactionId', (c) => op.randomTransactionId(c));
step('the Charging Station variable {string} is {string} for this case, if implemented', (c, p, v) => op.variableForThisCase(c, str(p), str(v), true));
step('the station samples transaction meter values at the configured interval for this case', (c) => offline.meterValuesAtConfiguredInterval(c));
step('the station loses its connection to the test system', (c) => offline.goOffline(c));
step('the station regains its connection to the test system', (c) => offline.goOnline(c));
step('the station stays offline for two meter values intervals', (c) => offline.offlineForMeterValues(c));
step('the Charging Station sends its queued TransactionEventRequests, each with:', (c, t) => offline.queuedEvents(c, rows(t) ?? []));
step('one of the queued TransactionEventRequests has:', (c, t) => offline.oneQueuedEvent(c, rows(t) ?? []));
step('the station regains its connection while the test system holds its TransactionEventResponses', (c) => offline.goOnline(c, true));
step('the Charging Station sends its queued TransactionEventRequests, those with an idToken answered Invalid, each with:', (c, t) => offline.queuedEvents(c, rows(t) ?? [], true));
step('the EV connection timeout is {string} seconds for this case', (c, s) => op.evConnectionTimeout(c, str(s)));
step('the EV connection timeout passes without a cable', (c) => op.evConnectTimeoutPasses(c));
step('TransactionEvent messages are tried {string} times, {string} s apart, for this case', (c, n, s) => retry.retrySettings(c, str(n), str(s)));
step('the test system refuses every transmission of the next TransactionEventRequest with a CALLERROR InternalError', (c) => retry.retriedTransactionEvent(c, 'callError'));
step('the test system refuses the next TransactionEventRequest with a CALLERROR InternalError and accepts its second transmission', (c) => retry.retriedTransactionEvent(c, 'callError', 2));
step('the Charging Station variable {string} contains {string} for this case', (c, p, v) => op.variableContainsForThisCase(c, str(p), str(v)));
step('the Charging Station does not start charging on the expired authorization', (c) => op.noChargingAfterPlugIn(c));
step('the EV suspends the energy transfer', (c) => op.evState(c, 'suspendedEV'));
step('the EV is not ready for the energy transfer', (c) => op.evState(c, 'suspendedEV'));
step('the EV is disconnected on the EV side', (c) => op.evSideDisconnect(c));
step('the test system leaves the next TransactionEventRequest unanswered and answers its second transmission', (c) => retry.retriedTransactionEvent(c, 'silent', 2));
