@TC_E_34_CS
Feature: TC_E_34_CS Check Transaction status - Without transactionId - without message in queue
  Asked whether anything is queued at all while nothing is, the station says no and gives no ongoing indicator
  (there is no transaction to indicate).

  Scenario: status without a transactionId, queue empty
    Given the Charging Station is connected, accepted and idle
    # Part 6 steps 1-2
    When the test system sends a GetTransactionStatusRequest
    Then the Charging Station responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | absent |
      | messagesInQueue  | false  |
