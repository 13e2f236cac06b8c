@TC_C_36_CS
Feature: TC_C_36_CS Store Authorization Data in the Authorization Cache - AuthCacheCtrlr.LocalPreAuthorize = false
  Without local pre-authorization even a token cached as Accepted is checked with the CSMS before it is used.

  Scenario: the cached valid idToken with LocalPreAuthorize false
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state. Decision: the memory state comes before the configuration state, so the station caches the
    # token the ordinary way (it asks the CSMS) whatever it held before this case.
    And the memory state IdTokenCached is reached for the configured valid idToken
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "false" for this case
    When the driver presents the configured valid idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status | Invalid |
    # Decision: the refused token starts nothing; waiting the message timeout also lets the station settle before the
    # next case.
    And the Charging Station sends no TransactionEventRequest within the configured message timeout
