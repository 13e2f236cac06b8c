@TC_B_22_CS
Feature: TC_B_22_CS Reset Charging Station - With Ongoing Transaction - Immediate
  An immediate reset during a transaction ends the transaction first, then reboots with the EV still plugged in.

  Scenario: Immediate reset ends the running transaction
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type | Immediate |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | ResetCommand   |
      | transactionInfo.chargingState | EVConnected    |
      | transactionInfo.stoppedReason | ImmediateReset |
      | idToken                       | absent         |
    # Part 6 steps 5-6
    Then the Charging Station sends a BootNotificationRequest with:
      | reason | RemoteReset |
    And the test system responds with a BootNotificationResponse with:
      | status | Accepted |
    # Part 6 steps 7-8
    And the Charging Station reports the configured connector as "Occupied" while the EV is plugged in, and every other connector as "Available"
