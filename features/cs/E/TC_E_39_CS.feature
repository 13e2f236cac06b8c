@TC_E_39_CS
Feature: TC_E_39_CS Stop transaction options - Deauthorized - timeout
  An authorization that gets no cable within the EV connection timeout ends (and with it a transaction it started);
  an EV plugged in afterwards does not charge on it.

  Scenario: authorize, let the cable timeout pass, then plug in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: TxStopPoint contains Authorized; the EV connection timeout. Decision: 5 s (the run configuration
    # has no separate value for it), set for this case and restored afterwards.
    And the Charging Station variable "TxCtrlr.TxStopPoint" contains "Authorized" for this case
    And the EV connection timeout is "5" seconds for this case
    And the Charging Station variable "AuthCtrlr.AuthEnabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is set to "false" if implemented
    And the reusable state Authorized is reached
    # Part 6 steps 1-2: only when the authorization started a transaction (TxStartPoint ParkingBayOccupancy or
    # Authorized): trigger EVConnectTimeout, Ended with stoppedReason Timeout (TxStopPoint contains Authorized)
    When the EV connection timeout passes without a cable
    # Part 6 steps 3-4 (manual actions: connect the EV on both sides). Decision: Part 6's rows for this event are
    # contradictory; what they agree on is checked: an event here is about the cable and does not say Charging.
    And the driver plugs the EV in at the configured connector
    Then the Charging Station reports the status of the configured connector as "Occupied"
    And the Charging Station does not start charging on the expired authorization
    # Clean-up (not a Part 6 step): unplug, so the station is left idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
