@TC_E_28_CS
Feature: TC_E_28_CS Check Transaction status - TransactionId unknown
  Asked about a transaction it never had, the station says it is not ongoing and nothing of it is queued.

  Scenario: status of an unknown transaction
    Given the Charging Station is connected, accepted and idle
    And the test system makes up a random transactionId
    # Part 6 steps 1-2
    When the test system sends a GetTransactionStatusRequest with:
      | transactionId | <random transactionId> |
    Then the Charging Station responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | false |
      | messagesInQueue  | false |
