@TC_B_21_CSMS
Feature: TC_B_21_CSMS Reset Charging Station - With Ongoing Transaction - OnIdle
  During a transaction the CSMS asks for an OnIdle reset; the station schedules it, ends the transaction, reboots, and
  the CSMS accepts it again.

  Scenario: OnIdle reset during a transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the operator makes the CSMS send a ResetRequest with:
      | type | OnIdle |
    Then the CSMS sends a ResetRequest with:
      | type   | OnIdle |
      | evseId | absent |
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
    # Part 6 steps 7-8
    When the test system restarts
    And the test system sends a BootNotificationRequest with:
      | reason | ScheduledReset |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 9-10
    And the test system reports every connector as "Available"
