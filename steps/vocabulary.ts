// The general step vocabulary (area-specific steps live in steps/csms-<area>.ts and steps/cs-<area>.ts). Each step is one line calling
// src/runner/operations.ts. Keywords are interchangeable; the closed parameter types ({request}, {response}, {state}, {sut}) come from params.ts.
import * as op from '../src/runner/operations.ts';
import { rows, step, str } from './step.ts';

// --- preconditions and reusable states
step('the Charging Station is connected, accepted and idle', (c) => op.stationConnectedAndIdle(c));
step('the test system is connected to the CSMS', (c) => op.testSystemConnected(c));
step('the test system is connected to the CSMS and accepted', (c) => op.testSystemAccepted(c));
step('the reusable state {state} is reached/executed', (c, s) => op.enterState(c, str(s)));
step('the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open', (c) => op.stopUntilIdle(c));
step('the Charging Station variable {string} is {string}', (c, p, v) => op.stationVariableIs(c, str(p), str(v)));
step('the CSMS is set to answer the next BootNotificationRequest with Pending', (c) => op.csmsPendingFirst(c));

// --- SUT actions and operator triggers
step('the operator reboots the Charging Station', (c) => op.rebootStation(c));
step('the operator makes the CSMS send a {request}', (c, a) => op.operatorSends(c, str(a)));
step('the operator makes the CSMS send a {request} with:', (c, a, t) => op.operatorSends(c, str(a), rows(t)));

// --- requests of the SUT and our answers
step('{sut} sends a {request}', (c, s, a) => op.sutSends(c, str(s), str(a)));
step('{sut} sends a {request} with:', (c, s, a, t) => op.sutSends(c, str(s), str(a), rows(t)));
step('the test system responds with a {response}', (c, a) => op.testSystemResponds(c, str(a)));
step('the test system responds with a {response} with:', (c, a, t) => op.testSystemResponds(c, str(a), rows(t)));
step('the test system responds with a {response} with status {word}', (c, a, s) => op.testSystemResponds(c, str(a), [['status', str(s)]]));

// --- our requests and the SUT's answers
step('the test system sends a {request}', (c, a) => op.testSystemSends(c, str(a)));
step('the test system sends a {request} with:', (c, a, t) => op.testSystemSends(c, str(a), rows(t)));
step('{sut} responds with a {response}', (c, s, a) => op.sutResponds(c, str(s), str(a)));
step('{sut} responds with a {response} with:', (c, s, a, t) => op.sutResponds(c, str(s), str(a), rows(t)));

// --- connector status
step('the test system reports every connector as {string}', (c, s) => op.testSystemReportsConnectors(c, str(s)));

// --- boot specifics
step('the test system waits the retry interval of the BootNotificationResponse', (c) => op.waitBootInterval(c));
step('the test system restarts', (c) => op.restart(c));

// --- reports
step('the CSMS answers every NotifyReportRequest of the report', (c) => op.csmsAcceptsReport(c));

// --- WebSocket handshake
step('the test system opens a connection offering the subprotocols {subprotocols}', (c, p) => op.openConnection(c, p as string[], false));
step('the test system opens a connection offering only the subprotocol {subprotocols}', (c, p) => op.openConnection(c, p as string[], true));
step('the CSMS refuses the connection', (c) => op.csmsRefusesConnection(c));
step('the CSMS accepts the connection with subprotocol {string}', (c, p) => op.csmsAcceptsConnection(c, str(p)));
