@TC_C_12_CS
Feature: TC_C_12_CS Authorization through authorization cache - Invalid & Accepted
  A token cached as Invalid that the CSMS now accepts must be let through: the station asks again and, told Accepted,
  starts charging.

  Scenario: the cached invalid idToken is accepted by the CSMS this time
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
    # Part 6 steps 1-2. Decision: Part 6 names the valid idToken in the check; the token presented is the invalid one.
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 3-4 are optional (the TransactionEvent of the authorization, answered by default); the
    # presentation above stands for the reusable state Authorized.
    And the steps above count as the reusable state Authorized
    # Part 6 step 5 and post scenario: the energy transfer starts
    When the reusable state EnergyTransferStarted is executed
    # Clean-up (not a Part 6 step): the EV leaves and its transaction ends, so the station is idle for the next case.
    And the EV is unplugged and the configured connector is reported Available
