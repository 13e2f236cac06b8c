@TC_H_19_CSMS
Feature: TC_H_19_CSMS Reserve a specific EVSE - Use a reserved EVSE with GroupId
  Asked by an operator, the CSMS reserves the configured EVSE for the configured valid idToken and its group, so
  that any token of the group may use it, and takes the station's reports that the EVSE is reserved.

  Scenario: the configured EVSE is reserved for a group
    Given the test system is connected to the CSMS and accepted
    And a groupIdToken is configured for the valid idTokens
    And the operator plans a new reservation
    # Part 6 step 1
    When the operator makes the CSMS send a ReserveNowRequest with:
      | id                   | <reservationId>                 |
      | expiryDateTime       | <expiryDateTime in an hour>     |
      | idToken.idToken      | <configured valid idToken>      |
      | idToken.type         | <configured valid idToken type> |
      | evseId               | <configured evseId>             |
      | groupIdToken.idToken | <configured groupIdToken>       |
      | groupIdToken.type    | <configured groupIdToken type>  |
    Then the CSMS sends a ReserveNowRequest with:
      | evseId               | <configured evseId>             |
      | connectorType        | absent                          |
      | groupIdToken.idToken | <configured groupIdToken>       |
      | idToken.idToken      | <configured valid idToken>      |
      | idToken.type         | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a ReserveNowResponse with status Accepted
    # Part 6 steps 3-4
    When the test system reports the connectors of the configured EVSE as "Reserved"
