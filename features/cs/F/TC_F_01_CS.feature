@TC_F_01_CS
Feature: TC_F_01_CS Remote start transaction - Cable plugin first
  The driver plugs in first; a remote start for that EVSE then authorizes the session and the EV charges.

  Scenario: plug in, then start remotely
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled (if writable), remote authorization not disabled (if implemented)
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is "true" during this case if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is "false" during this case if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the reusable state Authorized is executed remotely
    # Part 6 step 2
    Then the reusable state EnergyTransferStarted is reached
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
