@TC_C_46_CS
Feature: TC_C_46_CS Store Authorization Data in the Authorization Cache - AuthCacheLifeTime
  A cache entry lives only AuthCacheCtrlr.LifeTime seconds: once that has passed the station asks the CSMS about the
  token again, even with local pre-authorization on.

  Scenario: the cached valid idToken after its cache lifetime
    Given the Charging Station is connected, accepted and idle
    # Part 6 configuration state. Decision: the lifetime is set before the token is cached, so the entry is made with
    # it; the configured transaction duration is used, at least the variable's minimum of 1 s.
    And the authorization cache lifetime is the configured transaction duration for this case
    # Part 6 memory state
    And the memory state IdTokenCached is reached for the configured valid idToken
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the authorization cache lifetime passes
    # Part 6 step 2
    And the reusable state Authorized is executed
    # Decision: the local Authorized state may also be reached from the cache; the point of the case is that the
    # expired entry is not used (C10.FR.08), so the AuthorizeRequest is required.
    Then the Charging Station has sent a AuthorizeRequest for the configured valid idToken since it was cached
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
