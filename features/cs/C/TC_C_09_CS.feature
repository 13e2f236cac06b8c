@TC_C_09_CS
Feature: TC_C_09_CS Authorization through authorization cache - Invalid & Not Accepted
  A token cached as Invalid is not trusted blindly: the station asks the CSMS again and, told Invalid, starts nothing.

  Scenario: the cached invalid idToken is presented with the EV plugged in
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured invalid idToken
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.DisablePostAuthorize" is set to "false" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured invalid idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Invalid |
    # Decision: the refused token must not start a transaction (C12.FR.05: the CSMS's answer decides).
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
