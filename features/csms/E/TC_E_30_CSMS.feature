@TC_E_30_CSMS
Feature: TC_E_30_CSMS Check Transaction status - Transaction with id ongoing - without message in queue
  During a transaction the CSMS asks about it by its id; the station says it is still running with nothing queued.

  Scenario: status of the running transaction, nothing queued
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the CSMS sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    # Part 6 step 2
    And the test system responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | true  |
      | messagesInQueue  | false |
