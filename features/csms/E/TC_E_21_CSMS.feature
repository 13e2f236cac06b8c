@TC_E_21_CSMS
Feature: TC_E_21_CSMS Stop transaction options - StopAuthorized - Remote
  An operator stops a running session from the CSMS. The CSMS must name the station's own transactionId in its request,
  and take the Ended event that follows the remote stop.

  Scenario: remote stop of a running transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1 (manual action: the operator asks the CSMS to stop the transaction)
    When the operator makes the CSMS send a RequestStopTransactionRequest with:
      | transactionId | <transactionId> |
    Then the CSMS sends a RequestStopTransactionRequest with:
      | transactionId | <transactionId> |
    # Part 6 step 2
    And the test system responds with a RequestStopTransactionResponse with status Accepted
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended      |
      | triggerReason                 | RemoteStop |
      | transactionInfo.stoppedReason | Remote     |
    Then the CSMS responds with a TransactionEventResponse
