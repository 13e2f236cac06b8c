@TC_J_07_CS
Feature: TC_J_07_CS Sampled Meter Values - EventType Started - EVSE known
  A transaction that starts with its EVSE known carries Transaction.Begin readings of every TxStartedMeasurands in
  its first event.

  Scenario: Transaction.Begin readings when the EVSE is known at the start
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStartPoint holds one of EVConnected, Authorized, PowerPathClosed, EnergyTransfer, DataSigned and
    # not ParkingBayOccupancy; the station's own setting is used (a station starting at the parking bay is judged as is).
    # The ParkingBayOccupied state is left out: not every station has a bay sensor.
    # Part 6 step 1
    When the reusable state EVConnectedPreSession is executed
    # Part 6 step 2
    And the reusable state EnergyTransferStarted is reached
    # Post-scenario check of Part 6
    Then the first TransactionEventRequest naming the EVSE carried a Transaction.Begin reading of every SampledDataCtrlr.TxStartedMeasurands
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
