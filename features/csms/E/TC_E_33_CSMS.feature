@TC_E_33_CSMS
Feature: TC_E_33_CSMS Check Transaction status - Without transactionId - with message in queue
  After the station was offline during a transaction, the CSMS asks whether any transaction events are queued without
  naming a transaction; the station says there are, and the CSMS takes the queued event with its meter values.

  Scenario: queue status without a transaction id, queued events delivered
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system is offline for the configured transaction duration
    # Part 6 step 3
    And the operator makes the CSMS send a GetTransactionStatusRequest
    Then the CSMS sends a GetTransactionStatusRequest with:
      | transactionId | absent |
    # Part 6 step 4
    And the test system responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | absent |
      | messagesInQueue  | true   |
    # Part 6 steps 5-6
    When the test system delivers a queued TransactionEventRequest with:
      | eventType     | Updated                         |
      | triggerReason | MeterValuePeriodic              |
      | seqNo         | <first queued seqNo>            |
      | offline       | true                            |
      | meterValue    | <meter values sampled offline>  |
    Then the CSMS responds with a TransactionEventResponse
