@TC_C_32_CS
Feature: TC_C_32_CS Store Authorization Data in the Authorization Cache - Persistent over reboot
  The authorization cache survives a reboot: after it, the cached token is still accepted from the cache.

  Scenario: reboot, then the cached valid idToken
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case
    # Part 6 step 1
    When the reusable state Booted is executed
    # Part 6 steps 2-3 (the TransactionEvent is awaited only where TxStartPoint makes it due)
    And the driver presents the cached configured valid idToken as the reusable state Authorized
    # Part 6 step 4
    And the reusable state EVConnectedPreSession is executed
    # Part 6 step 5
    And the reusable state EnergyTransferStarted is executed
    # Decision: the purpose of the case is a cache kept over the reboot (C10.FR.02), so an AuthorizeRequest for the
    # cached token fails it.
    Then the Charging Station has sent no AuthorizeRequest for the configured valid idToken since it was cached
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
