@TC_B_26_CS
Feature: TC_B_26_CS Reset EVSE - With Ongoing Transaction - OnIdle
  An OnIdle reset of the EVSE that is charging is only scheduled: the transaction runs on until the driver ends it.

  Scenario: OnIdle reset of the charging EVSE
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system sends a ResetRequest with:
      | type   | OnIdle              |
      | evseId | <configured evseId> |
    Then the Charging Station responds with a ResetResponse with:
      | status | Scheduled |
    # Part 6 steps 3-6: the transaction is still open, so the driver's stop and the unplugging end it as usual.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
