@TC_H_08_CSMS
Feature: TC_H_08_CSMS Reserve an unspecified EVSE - Accepted
  Asked by an operator, the CSMS reserves any EVSE of the station (no evseId, no connector type) for the configured
  valid idToken.

  Scenario: an unspecified EVSE is reserved
    Given the test system is connected to the CSMS and accepted
    And the operator plans a new reservation
    # Part 6 step 1
    When the operator makes the CSMS send a ReserveNowRequest with:
      | id              | <reservationId>                 |
      | expiryDateTime  | <expiryDateTime in an hour>     |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS sends a ReserveNowRequest with:
      | evseId          | absent                          |
      | connectorType   | absent                          |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a ReserveNowResponse with status Accepted
    # Part 6 steps 3-4
    # (Part 6: only a station with a single EVSE has that EVSE reserved now)
    When if the test system has a single EVSE, it reports the connectors of that EVSE as "Reserved"
