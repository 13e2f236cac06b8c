@TC_J_01_CS
Feature: TC_J_01_CS Clock-aligned Meter Values - No transaction ongoing
  With a clock-aligned interval set and no transaction, the station sends its aligned readings in MeterValues, one
  interval apart by its own timestamps, with every aligned measurand it is configured with.

  Scenario: clock-aligned readings while idle
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the aligned interval is the configured one. Interval variables are whole seconds: the configured
    # interval is rounded up (at least 1 s). Aligned data is switched on where the station has that switch, as the
    # interval alone does not start it on every station.
    And the Charging Station variable "AlignedDataCtrlr.Enabled" is "true" during this case if implemented
    And the Charging Station variable "AlignedDataCtrlr.Interval" is the configured clock-aligned interval during this case
    # Part 6 steps 1-2, three readings (and the post-scenario check of their spacing)
    Then the Charging Station sends clock-aligned MeterValuesRequests at the AlignedDataCtrlr.Interval with every AlignedDataCtrlr.Measurands reading
