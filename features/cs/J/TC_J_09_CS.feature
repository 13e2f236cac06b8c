@TC_J_09_CS
Feature: TC_J_09_CS Sampled Meter Values - EventType Updated
  While charging, the station sends Updated events with trigger MeterValuePeriodic one TxUpdatedInterval apart, each
  with Sample.Periodic readings of every TxUpdatedMeasurands.

  Scenario: periodic readings while charging
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the sampled interval is the configured one (whole seconds, rounded up, at least 1 s)
    And the Charging Station variable "SampledDataCtrlr.TxUpdatedInterval" is the configured sampled interval during this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2, three readings (and the post-scenario check of their spacing)
    Then the Charging Station sends periodic TransactionEventRequests at the SampledDataCtrlr.TxUpdatedInterval with every SampledDataCtrlr.TxUpdatedMeasurands reading
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
