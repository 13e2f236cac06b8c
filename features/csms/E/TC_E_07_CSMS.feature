@TC_E_07_CSMS
Feature: TC_E_07_CSMS Stop transaction options - PowerPathClosed - Local stop
  A station whose transactions end when the power path opens ends a charging session at once when the driver stops
  it locally. The CSMS must take that Ended event while the energy was still flowing.

  Scenario: the driver stops locally and the transaction ends immediately
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended          |
      | triggerReason                 | StopAuthorized |
      | transactionInfo.stoppedReason | Local          |
    Then the CSMS responds with a TransactionEventResponse
