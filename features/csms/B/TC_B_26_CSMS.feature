@TC_B_26_CSMS
Feature: TC_B_26_CSMS Reset EVSE - With Ongoing Transaction - OnIdle
  During a transaction the CSMS asks for an OnIdle reset of the charging EVSE; the station schedules it and ends the
  transaction, and the CSMS answers each transaction event.

  Scenario: OnIdle reset of the charging EVSE
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the operator makes the CSMS send a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    Then the CSMS sends a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    And the test system responds with a ResetResponse with status Scheduled
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Updated                         |
      | triggerReason                 | StopAuthorized                  |
      | transactionInfo.chargingState | EVConnected                     |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 steps 5-6
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended               |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
      | transactionInfo.stoppedReason | EVDisconnected      |
    Then the CSMS responds with a TransactionEventResponse
