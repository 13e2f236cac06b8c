@TC_E_34_CSMS
Feature: TC_E_34_CSMS Check Transaction status - Without transactionId - without message in queue
  The CSMS asks whether any transaction events are queued without naming a transaction; the station has none.

  Scenario: queue status without a transaction id, nothing queued
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a GetTransactionStatusRequest
    Then the CSMS sends a GetTransactionStatusRequest with:
      | transactionId | absent |
    # Part 6 step 2
    And the test system responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | absent |
      | messagesInQueue  | false  |
