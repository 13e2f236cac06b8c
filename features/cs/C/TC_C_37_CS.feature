@TC_C_37_CS
Feature: TC_C_37_CS Clear Authorization Data in Authorization Cache - Accepted
  After ClearCache a token the station had cached must be checked with the CSMS again before charging starts.

  Scenario: clear the cache, then present the formerly cached valid idToken
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state, then its configuration state
    And the memory state IdTokenCached is reached for the configured valid idToken
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    # Part 6 steps 1-2
    When the test system sends a ClearCacheRequest
    Then the Charging Station responds with a ClearCacheResponse with:
      | status | Accepted |
    # Part 6 steps 3-4 (ParkingBayOccupied applies only to stations with a parking bay sensor in their TxStartPoint)
    Given the reusable state EVConnectedPreSession is reached
    When the driver presents the configured valid idToken
    # Part 6 steps 5-6
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 7-8
    And the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
    And the steps above count as the reusable state Authorized
    # Part 6 step 9
    When the reusable state EnergyTransferStarted is executed
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    And the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
