@TC_H_17_CSMS
Feature: TC_H_17_CSMS Cancel reservation of an EVSE - Success
  Asked by an operator, the CSMS reserves the configured EVSE and then cancels exactly that reservation; it takes the
  station's reports that the EVSE is reserved and, after the cancellation, available again.

  Scenario: a reservation is made and canceled
    Given the test system is connected to the CSMS and accepted
    And the operator plans a new reservation
    # Part 6 step 1
    When the operator makes the CSMS send a ReserveNowRequest with:
      | id              | <reservationId>                 |
      | expiryDateTime  | <expiryDateTime in an hour>     |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
      | evseId          | <configured evseId>             |
    Then the CSMS sends a ReserveNowRequest with:
      | evseId          | <configured evseId>             |
      | connectorType   | absent                          |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a ReserveNowResponse with status Accepted
    # Part 6 steps 3-4
    When the test system reports the connectors of the configured EVSE as "Reserved"
    # Part 6 step 5
    And the operator makes the CSMS cancel the reservation of the ReserveNowRequest
    Then the CSMS sends a CancelReservationRequest
    # Part 6 step 6
    And the test system responds with a CancelReservationResponse with status Accepted
    # Part 6 step 5
    # (checked once the request is answered, so that the answer is not held up)
    And the CancelReservationRequest names the reservation of the ReserveNowRequest
    # Part 6 steps 7-8
    When the test system reports the connectors of the configured EVSE as "Available"
