@TC_E_03_CS
Feature: TC_E_03_CS Local start transaction - Cable plugin first - Success
  A driver who plugs in first and then presents a valid token gets a charging session.

  Scenario: plug in, then authorize locally; energy flows
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled, remote authorization allowed (when implemented); the EV is plugged in
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the reusable state Authorized is executed
    # Part 6 step 2
    Then the reusable state EnergyTransferStarted is executed
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
