@TC_B_22_CSMS
Feature: TC_B_22_CSMS Reset Charging Station - With Ongoing Transaction - Immediate
  During a transaction the CSMS asks for an immediate reset of the whole station; the station ends the transaction,
  reboots, and the CSMS accepts it again.

  Scenario: Immediate reset of the station during a transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the operator makes the CSMS send a ResetRequest with:
      | type | Immediate |
    Then the CSMS sends a ResetRequest with:
      | type   | Immediate |
      | evseId | absent    |
    And the test system responds with a ResetResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | ResetCommand   |
      | transactionInfo.chargingState | EVConnected    |
      | transactionInfo.stoppedReason | ImmediateReset |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 steps 5-6
    When the test system restarts
    And the test system sends a BootNotificationRequest with:
      | reason | RemoteReset |
    Then the CSMS responds with a BootNotificationResponse with:
      | status | Accepted |
    # the EV is still plugged in
    # Part 6 steps 7-8
    And the test system reports the configured connector as "Occupied" and every other connector as "Available"
