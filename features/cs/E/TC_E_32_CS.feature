@TC_E_32_CS
Feature: TC_E_32_CS Check Transaction status - Transaction with id ended - without message in queue
  Asked about a transaction that ended and was fully reported, the station says it is not ongoing and nothing of it
  is queued.

  Scenario: status of an ended transaction, queue empty
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 before: the session runs to its end (through ParkingBayUnoccupied)
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 steps 1-2
    When the test system sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the Charging Station responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | false |
      | messagesInQueue  | false |
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
