@TC_J_04_CS
Feature: TC_J_04_CS Clock-aligned Meter Values - Signed
  With clock-aligned readings signed, the event that ends the transaction carries the Sample.Clock readings taken
  during it, every value with its signature and the public key as configured.

  Scenario: signed clock-aligned readings collected for the Ended event
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the aligned TxEnded interval is the configured one. The run configuration has no separate value for
    # it, so the configured clock-aligned interval is used (whole seconds, rounded up). SendDuringIdle false if
    # implemented; aligned readings signed. Part 6 says "should" for this case's checks: they are judged as musts.
    And the Charging Station variable "AlignedDataCtrlr.TxEndedInterval" is the configured clock-aligned interval during this case
    And the Charging Station variable "AlignedDataCtrlr.SendDuringIdle" is "false" during this case if implemented
    And the Charging Station variable "AlignedDataCtrlr.SignReadings" is "true" during this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 waits the configured transaction duration; at least two intervals must pass for readings to be collected.
    When the transaction runs for two "AlignedDataCtrlr.TxEndedInterval" intervals
    # Part 6 step 1
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Post-scenario checks of Part 6
    Then the Ended TransactionEventRequest carried "Sample.Clock" readings of every "AlignedDataCtrlr.TxEndedMeasurands" at the "AlignedDataCtrlr.TxEndedInterval"
    And every "Sample.Clock" reading of the Ended TransactionEventRequest is signed
