// Reservation steps (Part 6 block H) for CSMS cases; each one line calling src/runner/ops/reservation.ts.
import * as op from '../src/runner/ops/reservation.ts';
import { step, str } from './step.ts';

step('the operator plans a new reservation', (c) => op.planNewReservation(c));
step('a connector type is configured for the configured connector', (c) => op.connectorTypeConfigured(c));
step('the ReserveNowRequest expires the configured transaction duration after it was asked for', (c) => op.expiresAfterDuration(c));
step('the test system waits until the reservation has expired', (c) => op.waitForExpiry(c));
step('the test system reports the reservation as {word} in a ReservationStatusUpdateRequest', (c, s) => op.reportReservationEnded(c, str(s)));
step('the operator makes the CSMS cancel the reservation of the ReserveNowRequest', (c) => op.operatorCancels(c));
step('the CancelReservationRequest names the reservation of the ReserveNowRequest', (c) => op.cancelNamesReservation(c));
step("the operator makes the CSMS reserve an unspecified EVSE once for every EVSE of the test system's station, each accepted", (c) => op.reserveEveryEvse(c));
step('if the test system has a single EVSE, it reports the connectors of that EVSE as {string}', (c, s) => op.reportReservedIfSingleEvse(c, str(s)));
step('a groupIdToken is configured for the valid idTokens', (c) => op.groupConfigured(c));
