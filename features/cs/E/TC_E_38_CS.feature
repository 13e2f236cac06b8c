@TC_E_38_CS
Feature: TC_E_38_CS Local start transaction - EV not ready
  An authorized driver plugs in an EV that is not ready to take energy: the station reports that the EV suspends
  the energy transfer.

  Scenario: an EV that is not ready is plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 prerequisite: TxStartPoint is not EnergyTransfer (else no transaction would run to report it in). The
    # case reads TxStartPoint and runs on any other value.
    And the reusable state Authorized is reached
    # Part 6 manual action: the EV is not ready for the energy transfer
    And the EV is not ready for the energy transfer
    # Part 6 step 1
    When the reusable state EVConnectedPreSession is executed
    # Part 6 steps 2-3
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | SuspendedEV          |
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
