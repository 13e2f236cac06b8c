// Steps of the remote-control cases (block F, SUT = Charging Station): TriggerMessage, remote start and stop.
// One line each, calling src/runner/ops/cs-remote-control.ts.
import * as op from '../src/runner/ops/cs-remote-control.ts';
import { rows, step, str } from './step.ts';

step('for every configured EVSE the Charging Station sends a {request} with:', (c, a, t) => op.stationSendsForEveryEvse(c, str(a), rows(t)));
step('the Charging Station has just sent a periodic HeartbeatRequest', (c) => op.periodicHeartbeat(c));
step('the Charging Station sends the HeartbeatRequest the TriggerMessageRequest asked for, before its next periodic one', (c) => op.triggeredHeartbeat(c));
step('the Charging Station reports the configured connector as {string}', (c, s) => op.stationReportsConfiguredConnector(c, str(s)));
step('the reusable state EnergyTransferStarted is reached on every configured EVSE, each with its own valid idToken', (c) => op.chargingOnEveryEvse(c));
step('the transactions on every configured EVSE are stopped until the station is idle', (c) => op.stopChargingOnEveryEvse(c));
step('the reusable state Authorized is executed remotely', (c) => op.authorizeRemotely(c));
step('the reusable state StopAuthorized is executed remotely', (c) => op.stopRemotely(c));
step('the Charging Station sent no AuthorizeRequest since the RequestStartTransactionRequest', (c) => op.noAuthorizeSinceRemoteStart(c));
step('the Charging Station ends the transaction with EVConnectTimeout once TxCtrlr.EVConnectionTimeOut has passed', (c) => op.evConnectionTimeoutEnds(c));
step('the reusable state Authorized is executed remotely with a TxProfile for the EVSE in the RequestStartTransactionRequest', (c) => op.authorizeRemotelyWithTxProfile(c));
