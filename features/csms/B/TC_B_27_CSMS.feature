@TC_B_27_CSMS
Feature: TC_B_27_CSMS Reset EVSE - With Ongoing Transaction - Immediate
  During a transaction the CSMS asks for an immediate reset of the charging EVSE; the station ends the transaction at
  once and the CSMS answers the final transaction event.

  Scenario: Immediate reset of the charging EVSE
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the operator makes the CSMS send a ResetRequest with:
      | type   | Immediate           |
      | evseId | <configured evseId> |
    Then the CSMS sends a ResetRequest with:
      | type   | Immediate           |
      | evseId | <configured evseId> |
    And the test system responds with a ResetResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | ResetCommand   |
      | transactionInfo.chargingState | EVConnected    |
      | transactionInfo.stoppedReason | ImmediateReset |
    Then the CSMS responds with a TransactionEventResponse
