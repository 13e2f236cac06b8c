@TC_C_38_CS
Feature: TC_C_38_CS Clear Authorization Data in Authorization Cache - Rejected
  With the authorization cache switched off, ClearCache is refused.

  Scenario: ClearCache while the cache is disabled
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory state, then its configuration state (the cache is switched off after the token was cached)
    And the memory state IdTokenCached is reached for the configured valid idToken
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "false" for this case, if implemented
    # Part 6 steps 1-2
    When the test system sends a ClearCacheRequest
    Then the Charging Station responds with a ClearCacheResponse with:
      | status | Rejected |
