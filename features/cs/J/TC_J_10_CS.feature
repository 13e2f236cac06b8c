@TC_J_10_CS
Feature: TC_J_10_CS Sampled Meter Values - EventType Ended
  With a TxEnded sampling interval set, the event that ends the transaction carries the Sample.Periodic readings taken
  during it, one interval apart, and a final Transaction.End reading.

  Scenario: readings collected for the Ended event
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the TxEnded sampling interval is the configured one. The run configuration has no separate value
    # for it, so the configured sampled interval is used (whole seconds, rounded up). Clock-aligned TxEnded readings off.
    And the Charging Station variable "SampledDataCtrlr.TxEndedInterval" is the configured sampled interval during this case
    And the Charging Station variable "AlignedDataCtrlr.TxEndedMeasurands" is "" during this case
    And the reusable state EnergyTransferStarted is reached
    # Part 6 waits the configured transaction duration; at least two intervals must pass for readings to be collected.
    When the transaction runs for two "SampledDataCtrlr.TxEndedInterval" intervals
    # Part 6 step 1
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
    # Post-scenario checks of Part 6
    Then the Ended TransactionEventRequest carried "Sample.Periodic" readings of every "SampledDataCtrlr.TxEndedMeasurands" at the "SampledDataCtrlr.TxEndedInterval", and a Transaction.End reading
