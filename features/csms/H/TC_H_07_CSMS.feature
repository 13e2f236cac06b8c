@TC_H_07_CSMS
Feature: TC_H_07_CSMS Reserve a specific EVSE - Reservation Ended / not used
  Asked by an operator, the CSMS reserves the configured EVSE until the configured transaction duration has passed;
  nobody comes, the station frees the EVSE and reports that the reservation expired, and the CSMS takes every report.

  Scenario: a reservation runs out unused
    Given the test system is connected to the CSMS and accepted
    And the operator plans a new reservation
    # Part 6 step 1
    When the operator makes the CSMS send a ReserveNowRequest with:
      | id              | <reservationId>                                          |
      | expiryDateTime  | <expiryDateTime after the configured transaction duration> |
      | idToken.idToken | <configured valid idToken>                               |
      | idToken.type    | <configured valid idToken type>                          |
      | evseId          | <configured evseId>                                      |
    Then the CSMS sends a ReserveNowRequest with:
      | evseId          | <configured evseId>             |
      | connectorType   | absent                          |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a ReserveNowResponse with status Accepted
    # Part 6 step 1
    # (checked once the request is answered, so that the answer is not held up)
    And the ReserveNowRequest expires the configured transaction duration after it was asked for
    # Part 6 steps 3-4
    When the test system reports the connectors of the configured EVSE as "Reserved"
    # Part 6 steps 5-6
    And the test system waits until the reservation has expired
    And the test system reports the connectors of the configured EVSE as "Available"
    # Part 6 steps 7-8
    And the test system reports the reservation as Expired in a ReservationStatusUpdateRequest
    Then the CSMS responds with a ReservationStatusUpdateResponse
