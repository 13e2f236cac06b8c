@TC_E_09_CSMS
Feature: TC_E_09_CSMS Start transaction options - EVConnected
  The station opens its transactions as soon as the cable is plugged in (start point EVConnected), before anybody is
  authorized. The CSMS must take a Started event that carries no idToken.

  Scenario: a transaction that starts at the plug-in
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system reports the configured connector as "Occupied"
    # Part 6 steps 3-4
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Started                  |
      | triggerReason                 | CablePluggedIn           |
      | evse.id                       | <configured evseId>      |
      | evse.connectorId              | <configured connectorId> |
      | transactionInfo.chargingState | EVConnected              |
    Then the CSMS responds with a TransactionEventResponse
