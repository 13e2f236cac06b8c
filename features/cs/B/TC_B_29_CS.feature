@TC_B_29_CS
Feature: TC_B_29_CS Reset EVSE - With ongoing transaction - Not Supported
  A station that cannot reset a single EVSE refuses a ResetRequest for the charging EVSE; the transaction goes on.

  Scenario: OnIdle reset of the charging EVSE, not supported
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    Then the Charging Station responds with a ResetResponse with:
      | status | Rejected |
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
