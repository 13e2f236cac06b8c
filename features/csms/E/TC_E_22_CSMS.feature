@TC_E_22_CSMS
Feature: TC_E_22_CSMS Stop transaction options - EnergyTransfer stopped - SuspendedEV
  A station whose transactions end with the energy transfer closes the session when the EV itself stops drawing
  energy. The CSMS must take that Ended event.

  Scenario: the transaction ends when the EV stops the energy transfer
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended                |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | SuspendedEV          |
      | transactionInfo.stoppedReason | StoppedByEV          |
    Then the CSMS responds with a TransactionEventResponse
