@TC_C_11_CS
Feature: TC_C_11_CS Authorization through authorization cache - Expired
  A token cached as Expired is not trusted blindly: the station asks the CSMS again and, told Expired, starts nothing.

  Scenario: the cached expired idToken is presented with the EV plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured expired idToken
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.DisablePostAuthorize" is set to "false" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured expired idToken
    # Part 6 steps 1-2
    # Decision: Part 6 names a TransactionEventResponse and the valid idToken here; the case is about the expired
    # token's AuthorizeRequest, so that is what is checked and answered.
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured expired idToken>      |
      | idToken.type    | <configured expired idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Expired |
    # Decision: the refused token must not start a transaction (C12.FR.05: the CSMS's answer decides).
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
