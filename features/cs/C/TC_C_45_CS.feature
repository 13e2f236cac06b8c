@TC_C_45_CS
Feature: TC_C_45_CS Authorization by GroupId - Master pass - Not able to start transaction + groupId
  A token of the master pass group is for stopping transactions only: accepted by the CSMS, it still starts no charging.

  Scenario: the master pass idToken, then an EV plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 configuration state (TxStartPoint with PowerPathClosed, without EVConnected or ParkingBayOccupancy)
    And the Charging Station variable "TxCtrlr.TxStartPoint" is set to "PowerPathClosed" for this case
    And the Charging Station variable "AuthCtrlr.MasterPassGroupId" is set to "<configured masterPassGroupId>" for this case
    When the driver presents the configured masterPass idToken
    # Part 6 steps 1-2. Decision: Part 6 names the valid idToken in the check of step 1; the token presented is the
    # master pass, so that is the one checked. The group's type is not given by Part 6: Central.
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured masterPass idToken>      |
      | idToken.type    | <configured masterPass idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                     |
      | idTokenInfo.groupIdToken.idToken | <configured masterPassGroupId> |
      | idTokenInfo.groupIdToken.type    | Central                      |
    # Part 6 step 3
    When the reusable state EVConnectedPreSession is executed
    # Part 6 step 4
    Then the Charging Station sends no TransactionEventRequest with chargingState Charging within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
