@TC_F_03_CS
Feature: TC_F_03_CS Remote start transaction - Remote start first - AuthorizeRemoteStart is false
  A remote start arrives before the cable; with AuthorizeRemoteStart false the station trusts the CSMS and does not ask
  about the token, then the driver plugs in and the EV charges.

  Scenario: start remotely without authorization, then plug in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled (if writable), remote authorization not disabled (if implemented),
    # AuthorizeRemoteStart false. The optional ParkingBayOccupied state is left out: not every station has a bay sensor.
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is "true" during this case if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is "false" during this case if implemented
    And the Charging Station variable "AuthCtrlr.AuthorizeRemoteStart" is "false" during this case
    # Part 6 step 1
    When the reusable state Authorized is executed remotely
    # Part 6 step 2
    Then the reusable state EnergyTransferStarted is reached
    # Part 6 names no validation here; the purpose of the case is that no authorization is asked for, so we check it:
    # by the time the EV charges, a station that authorizes first would have sent its AuthorizeRequest.
    And the Charging Station sent no AuthorizeRequest since the RequestStartTransactionRequest
    # Clean-up (not a Part 6 step): end the transaction and unplug, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
