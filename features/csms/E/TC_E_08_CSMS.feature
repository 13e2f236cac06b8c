@TC_E_08_CSMS
Feature: TC_E_08_CSMS Stop transaction options - EnergyTransfer stopped - StopAuthorized
  A station whose transactions end with the energy transfer closes the session when the transfer stops after the
  driver's stop authorization, with the EV still plugged in. The CSMS must take that Ended event.

  Scenario: the transaction ends when the energy transfer stops after a stop authorization
    Given the test system is connected to the CSMS and accepted
    And the reusable state StopAuthorized is reached
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended                |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | EVConnected          |
      | transactionInfo.stoppedReason | Local                |
    Then the CSMS responds with a TransactionEventResponse
