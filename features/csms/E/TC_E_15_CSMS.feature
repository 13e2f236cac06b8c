@TC_E_15_CSMS
Feature: TC_E_15_CSMS Stop transaction options - StopAuthorized - Local
  A station whose transactions end at the stop authorization ends a charging session at once when the driver stops it
  locally. The CSMS must take that Ended event while the energy was still flowing.

  Scenario: the driver stops locally and the transaction ends at the stop authorization
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | StopAuthorized |
      | transactionInfo.stoppedReason | Local          |
    Then the CSMS responds with a TransactionEventResponse
