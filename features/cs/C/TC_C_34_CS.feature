@TC_C_34_CS
Feature: TC_C_34_CS Store Authorization Data in the Authorization Cache - Update on TransactionResponse
  What the CSMS says about a token in a TransactionEventResponse replaces the cached status: a token cached as Accepted,
  then called Invalid in a transaction's answer, is checked with the CSMS the next time it is presented.

  Scenario: the cached valid idToken is called Invalid in a TransactionEventResponse
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case
    And the Charging Station variable "LocalAuthListCtrlr.LocalAuthListEnabled" is set to "true" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured valid idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a TransactionEventResponse with:
      | idTokenInfo.status | Invalid |
    # Part 6 steps 3-6: the EV leaves and comes back (no parking bay sensor is assumed; see TxStartPoint)
    When the EV is unplugged and the configured connector is reported Available
    And the reusable state EVConnectedPreSession is executed
    When the driver presents the configured valid idToken
    # Part 6 steps 7-8
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Invalid |
    # Clean-up (not a Part 6 step): the EV leaves, so the station is idle for the next case.
    When the EV is unplugged and the configured connector is reported Available
