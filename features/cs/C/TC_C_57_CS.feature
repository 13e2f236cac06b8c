@TC_C_57_CS
Feature: TC_C_57_CS Authorization through authorization cache - AuthCacheDisablePostAuthorize
  With post-authorization disabled, a token cached as not Accepted is refused from the cache alone: no AuthorizeRequest,
  no transaction.

  Scenario: the cached invalid idToken with DisablePostAuthorize true
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured invalid idToken
    # Part 6 configuration state (DisablePostAuthorize is a prerequisite: a station without it cannot run the case)
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.DisablePostAuthorize" is set to "true" for this case
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured invalid idToken
    # Part 6 step 1: no AuthorizeRequest, and the authorization is refused (no transaction event)
    Then the Charging Station sends no AuthorizeRequest within the configured message timeout
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
