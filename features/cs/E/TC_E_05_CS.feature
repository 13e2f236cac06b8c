@TC_E_05_CS
Feature: TC_E_05_CS Local start transaction - Authorization first - Cable plugin timeout
  An authorization that gets no cable within the EV connection timeout expires; the EVSE then accepts a new
  authorization and a normal session.

  Scenario: authorize, wait out the cable timeout, then start properly
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: the EV connection timeout. Decision: 5 s (the run configuration has no separate value for it;
    # short enough for a bench run, long for a station's timer), set for this case and restored afterwards.
    And the EV connection timeout is "5" seconds for this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    And the Charging Station variable "AuthCacheCtrlr.Enabled" is "false" for this case, if implemented
    And the Charging Station variable "AuthCtrlr.LocalPreAuthorize" is "false" for this case, if implemented
    And the reusable state Authorized is reached
    # Part 6 steps 1-2: only when a transaction already runs (TxStartPoint ParkingBayOccupancy or Authorized)
    When the EV connection timeout passes without a cable
    # Part 6 step 3: the EVSE is free for a new authorization
    Then the reusable state Authorized is executed
    # Part 6 step 4
    And the reusable state EnergyTransferStarted is executed
    # Clean-up (not a Part 6 step): unplug and end the transaction, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
