@TC_E_29_CSMS
Feature: TC_E_29_CSMS Check Transaction status - Transaction with id ongoing - with message in queue
  After the station was offline during a transaction, the CSMS asks about that transaction by its id; the station says
  it is still running and has queued events, and the CSMS takes the queued event with its meter values.

  Scenario: status of the running transaction, queued events delivered
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system is offline for the configured transaction duration
    # Part 6 step 3
    And the operator makes the CSMS send a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the CSMS sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    # Part 6 step 4
    And the test system responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | true |
      | messagesInQueue  | true |
    # Part 6 steps 5-6
    When the test system delivers a queued TransactionEventRequest with:
      | eventType     | Updated                         |
      | triggerReason | MeterValuePeriodic              |
      | seqNo         | <first queued seqNo>            |
      | offline       | true                            |
      | meterValue    | <meter values sampled offline>  |
    Then the CSMS responds with a TransactionEventResponse
