@TC_C_13_CS
Feature: TC_C_13_CS Authorization through authorization cache - Accepted but cable not connected yet.
  A token cached as Accepted is taken from the cache before any cable is in; charging starts once the EV is plugged in,
  still without the station asking the CSMS about the token.

  Scenario: the cached valid idToken first, then the EV
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state (ParkingBayOccupied applies only to stations with a parking bay sensor in their
    # TxStartPoint)
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    # Part 6 steps 1-2 (the TransactionEvent is awaited only where TxStartPoint makes it due)
    When the driver presents the cached configured valid idToken as the reusable state Authorized
    # Part 6 step 3
    And the reusable state EVConnectedPreSession is executed
    # Part 6 step 4
    And the reusable state EnergyTransferStarted is executed
    # Decision: the purpose of the case is an authorization from the cache (C12.FR.02), so an AuthorizeRequest for the
    # cached token fails it.
    Then the Charging Station has sent no AuthorizeRequest for the configured valid idToken since it was cached
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
