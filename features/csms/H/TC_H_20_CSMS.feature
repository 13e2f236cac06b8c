@TC_H_20_CSMS
Feature: TC_H_20_CSMS Charging Station cancels reservation when Faulted
  Asked by an operator, the CSMS reserves the configured EVSE; the EVSE then goes Faulted and the station reports
  that it removed the reservation. The CSMS takes every report.

  Scenario: a fault ends the reservation
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
    # Part 6 steps 5-6
    And the test system reports the connectors of the configured EVSE as "Faulted"
    # Part 6 steps 7-8
    And the test system reports the reservation as Removed in a ReservationStatusUpdateRequest
    Then the CSMS responds with a ReservationStatusUpdateResponse
