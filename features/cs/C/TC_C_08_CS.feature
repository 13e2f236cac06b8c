@TC_C_08_CS
Feature: TC_C_08_CS Authorization through authorization cache - Accepted
  A token the station holds in its cache as Accepted starts charging straight away when local pre-authorization is on:
  the session runs without the station asking the CSMS about the token again.

  Scenario: a cached valid idToken at a plugged EVSE
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    # Part 6 step 1
    When the reusable state Authorized is executed
    # Part 6 step 2
    And the reusable state EnergyTransferStarted is executed
    # Part 6 post scenario: the energy transfer started (above). Decision: the purpose of the case is a start without
    # an AuthorizeRequest (C10.FR.03, C12.FR.02), so an AuthorizeRequest for the cached token fails it.
    Then the Charging Station has sent no AuthorizeRequest for the configured valid idToken since it was cached
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
