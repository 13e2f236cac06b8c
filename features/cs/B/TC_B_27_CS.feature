@TC_B_27_CS
Feature: TC_B_27_CS Reset EVSE - With Ongoing Transaction - Immediate
  An immediate reset of the charging EVSE ends its transaction at once, with the EV still connected.

  Scenario: Immediate reset of the charging EVSE
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type   | Immediate           |
      | evseId | <configured evseId> |
    Then the Charging Station responds with a ResetResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    Then the Charging Station sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | ResetCommand   |
      | transactionInfo.chargingState | EVConnected    |
      | transactionInfo.stoppedReason | ImmediateReset |
    # Clean-up (not a Part 6 step): the EV is unplugged, so the next case finds the station idle.
    When the EV is unplugged and the Charging Station reports the configured connector as "Available"
