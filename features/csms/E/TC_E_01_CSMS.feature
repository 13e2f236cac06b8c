@TC_E_01_CSMS
Feature: TC_E_01_CSMS Start transaction options - PowerPathClosed
  The station opens its transactions only when the power path closes (start point PowerPathClosed): the driver is
  authorized and the cable is plugged in first, and the first transaction event comes when the relay closes while the
  EVSE still holds back energy. The CSMS must accept the token at both moments and follow the energy transfer.

  Scenario: a transaction that starts when the power path closes
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
      | transactionInfo.chargingState | SuspendedEVSE                   |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 7-8
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | Charging             |
    Then the CSMS responds with a TransactionEventResponse
