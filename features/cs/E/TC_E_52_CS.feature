@TC_E_52_CS
Feature: TC_E_52_CS Local start transaction - Authorization first - DisableRemoteAuthorization
  With remote authorization switched off, a station never asks the CSMS about a presented token: a token it does
  not hold itself is refused without an AuthorizeRequest, and plugging in afterwards starts no charging.

  Scenario: a token unknown to the station is presented, then the EV is plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 before: authorization enabled (if implemented), remote authorization disabled (a prerequisite, so it
    # must be settable), set for this case and restored afterwards. The ParkingBayOccupied state is optional and left
    # out, so benches without a bay sensor run the case unchanged.
    And the Charging Station variable "AuthCtrlr.Enabled" is set to "true" if implemented
    And the Charging Station variable "AuthCtrlr.DisableRemoteAuthorization" is "true" for this case
    # Part 6 memory state: none of the configured valid idTokens in the authorization cache
    And the authorization cache holds none of the configured valid idTokens
    # Part 6 step 1 (manual action: present a token the station does not hold)
    When the driver presents the configured valid idToken
    Then the Charging Station sends no AuthorizeRequest within the configured message timeout
    # Part 6 step 2 (errata 2025-04: the EV is plugged in, so a refused authorization shows)
    When the reusable state EVConnectedPreSession is executed
    # Part 6 step 3
    Then the Charging Station sends no TransactionEventRequest with chargingState Charging within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the station is left idle: EV unplugged, no transaction open
