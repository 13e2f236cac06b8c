@TC_E_04_CS
Feature: TC_E_04_CS Local start transaction - Authorization first - Success
  A driver who presents a valid token first and then plugs in gets a charging session.

  Scenario: authorize locally, then plug in; energy flows
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled, remote authorization allowed (when implemented). The ParkingBayOccupied
    # state is optional and left out: benches without a bay sensor run the case unchanged.
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    # Part 6 step 1
    When the reusable state Authorized is executed
    # Part 6 step 2
    Then the reusable state EnergyTransferStarted is executed
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
