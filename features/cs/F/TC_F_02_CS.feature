@TC_F_02_CS
Feature: TC_F_02_CS Remote start transaction - Remote start first - AuthorizeRemoteStart is true
  A remote start arrives before the cable; with AuthorizeRemoteStart true the station asks about the token first, then
  the driver plugs in within the connection timeout and the EV charges.

  Scenario: start remotely with authorization, then plug in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled (if writable), remote authorization not disabled (if implemented),
    # AuthorizeRemoteStart true. The optional ParkingBayOccupied state is left out: not every station has a bay sensor.
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is "true" during this case if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is "false" during this case if implemented
    And the Charging Station variable "AuthCtrlr.AuthorizeRemoteStart" is "true" during this case
    # Part 6 step 1 (the AuthorizeRequest is required: AuthorizeRemoteStart is true)
    When the reusable state Authorized is executed remotely
    # Part 6 step 2
    Then the reusable state EnergyTransferStarted is reached
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
