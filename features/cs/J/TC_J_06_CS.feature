@TC_J_06_CS
Feature: TC_J_06_CS Clock-aligned Meter Values - No Meter Values during transaction
  With SendDuringIdle true the station sends clock-aligned readings only while no transaction runs: before and after
  a transaction, but not during it.

  Scenario: clock-aligned readings stop during a transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the aligned interval is the configured one (whole seconds, rounded up), SendDuringIdle true;
    # aligned data switched on where the station has that switch.
    And the Charging Station variable "AlignedDataCtrlr.Enabled" is "true" during this case if implemented
    And the Charging Station variable "AlignedDataCtrlr.SendDuringIdle" is "true" during this case
    And the Charging Station variable "AlignedDataCtrlr.Interval" is the configured clock-aligned interval during this case
    # Part 6 steps 1-2
    Then the Charging Station sends a clock-aligned MeterValuesRequest with every AlignedDataCtrlr.Measurands reading
    # Part 6 steps 3-5: charging; no clock-aligned readings are due now
    When the reusable state EnergyTransferStarted is reached
    # Part 6 waits the interval plus 5 s before ending the transaction; two intervals give the station two ticks to
    # (wrongly) report at.
    And the transaction runs for two "AlignedDataCtrlr.Interval" intervals
    # Part 6 step 6
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Part 6 steps 7-8
    Then the Charging Station sends a clock-aligned MeterValuesRequest with every AlignedDataCtrlr.Measurands reading
    # Post-scenario check of Part 6: nothing clock-aligned while the transaction ran (the readings a transaction's own
    # events carry, Transaction.Begin / End, are not clock-aligned data)
    And the Charging Station sent no clock-aligned readings while the transaction ran
