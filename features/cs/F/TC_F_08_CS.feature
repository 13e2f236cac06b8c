@TC_F_08_CS
Feature: TC_F_08_CS Remote stop transaction - Success
  The CSMS stops a charging session remotely; the station accepts and reports the stop with trigger RemoteStop.

  Scenario: stop a charging session remotely
    Given the Charging Station is connected, accepted and idle
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the reusable state StopAuthorized is executed remotely
    # Clean-up (not a Part 6 step): unplug (the transaction ends here if the station's TxStopPoint kept it open).
    Then the reusable state EVDisconnected is executed
