@TC_H_22_CSMS
Feature: TC_H_22_CSMS Reserve a specific EVSE - Configured to Reject
  Asked by an operator, the CSMS sends a reservation of the configured EVSE and copes with the station refusing it
  (a station configured not to take reservations).

  # Decision where Part 6 is silent: the reservation asked for is the one of reusable state Reserved (the configured
  # EVSE for the configured valid idToken), checked the same way.
  Scenario: the station refuses the reservation
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
    And the test system responds with a ReserveNowResponse with status Rejected
