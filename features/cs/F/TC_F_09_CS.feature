@TC_F_09_CS
Feature: TC_F_09_CS Remote stop transaction - Rejected
  A remote stop naming a transaction the station does not run is rejected, and the running one goes on.

  Scenario: stop a transaction id the station does not know
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2: any id other than the running transaction's
    When the test system sends a RequestStopTransactionRequest with:
      | transactionId | "OCTT-UNKNOWN-TRANSACTION-0001" |
    Then the Charging Station responds with a RequestStopTransactionResponse with:
      | status | Rejected |
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
