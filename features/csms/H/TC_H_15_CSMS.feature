@TC_H_15_CSMS
Feature: TC_H_15_CSMS Reserve a connector with a specific type - Success
  Asked by an operator, the CSMS reserves a connector of the configured type (no evseId) for the configured valid
  idToken and takes the station's report that the connector is reserved.

  Scenario: a connector of a given type is reserved
    Given the test system is connected to the CSMS and accepted
    And a connector type is configured for the configured connector
    And the operator plans a new reservation
    # Part 6 step 1
    When the operator makes the CSMS send a ReserveNowRequest with:
      | id              | <reservationId>                 |
      | expiryDateTime  | <expiryDateTime in an hour>     |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
      | connectorType   | <configured connectorType>      |
    Then the CSMS sends a ReserveNowRequest with:
      | evseId          | absent                          |
      | connectorType   | <configured connectorType>      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    And the test system responds with a ReserveNowResponse with status Accepted
    # Part 6 steps 3-4
    When the test system reports the configured connector as "Reserved"
