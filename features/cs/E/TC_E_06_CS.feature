@TC_E_06_CS
Feature: TC_E_06_CS Local Stop Transaction - Accepted
  A driver who presents the token again during charging stops the session; unplugging then leaves the connector free.

  Scenario: stop locally with the same token, then unplug
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled, remote authorization allowed (when implemented); energy flows
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the reusable state StopAuthorized is executed
    # Part 6 steps 2-3: the events of EVConnectedPostSession are those StopAuthorized already judged (the stop event
    # with chargingState EVConnected); EVDisconnected unplugs and checks the connector and, if still open, the end.
    Then the reusable state EVDisconnected is executed
    # Part 6 step 4: ParkingBayUnoccupied is optional and sends nothing unless the bay is a stop point; left out.
    # Clean-up (not a Part 6 step): no transaction left open, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
