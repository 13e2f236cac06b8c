@TC_E_02_CSMS
Feature: TC_E_02_CSMS Start transaction options - EnergyTransfer
  The station opens its transactions only when energy starts to flow (start point EnergyTransfer): authorization and
  plug-in come first, and the first transaction event already says Charging. The CSMS must accept the token both in the
  authorization and in that first event.

  Scenario: a transaction that starts with the energy transfer
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 3-4
    When the test system reports the configured connector as "Occupied"
    # Part 6 steps 5-6
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Started                         |
      | triggerReason                 | ChargingStateChanged            |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
      | evse.id                       | <configured evseId>             |
      | evse.connectorId              | <configured connectorId>        |
      | transactionInfo.chargingState | Charging                        |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
