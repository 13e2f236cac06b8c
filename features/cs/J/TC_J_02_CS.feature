@TC_J_02_CS
Feature: TC_J_02_CS Clock-aligned Meter Values - Transaction ongoing
  During a transaction the clock-aligned readings of the charging EVSE come in TransactionEvents with trigger
  MeterValueClock, one interval apart, with every aligned measurand.

  Scenario: clock-aligned readings while charging
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the aligned interval is the configured one (whole seconds, rounded up), SendDuringIdle false if
    # implemented; aligned data switched on where the station has that switch.
    And the Charging Station variable "AlignedDataCtrlr.Enabled" is "true" during this case if implemented
    And the Charging Station variable "AlignedDataCtrlr.SendDuringIdle" is "false" during this case if implemented
    And the Charging Station variable "AlignedDataCtrlr.Interval" is the configured clock-aligned interval during this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 3-4, three readings (and the post-scenario check of their spacing); MeterValuesRequests of other
    # EVSEs (steps 1-2) may come meanwhile and are checked as they are seen.
    Then the Charging Station sends clock-aligned TransactionEventRequests at the AlignedDataCtrlr.Interval with every AlignedDataCtrlr.Measurands reading
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
