@TC_E_30_CS
Feature: TC_E_30_CS Check Transaction status - Transaction with id ongoing - without message in queue
  Asked about its running transaction while everything has been delivered, the station says it is ongoing and
  nothing is queued.

  Scenario: status of the running transaction, queue empty
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the Charging Station responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | true  |
      | messagesInQueue  | false |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
