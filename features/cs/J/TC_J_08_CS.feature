@TC_J_08_CS
Feature: TC_J_08_CS Sampled Meter Values - Context Transaction.Begin - EVSE not known
  A transaction that starts at authorization, before the cable, carries Transaction.Begin readings of every
  TxStartedMeasurands in the first event that names its EVSE.

  Scenario: Transaction.Begin readings for a transaction started at authorization
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint contains Authorized (a station refusing it makes the case INCONCLUSIVE)
    And the Charging Station variable "TxCtrlr.TxStartPoint" is "Authorized" during this case
    # Part 6 step 1
    When the reusable state EnergyTransferStarted is reached
    # Post-scenario check of Part 6. A station that knows the EVSE at the start (the token was presented there) names
    # it in the Started event already: then that event is the first one naming the EVSE.
    Then the first TransactionEventRequest naming the EVSE carried a Transaction.Begin reading of every SampledDataCtrlr.TxStartedMeasurands
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
