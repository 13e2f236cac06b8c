@TC_C_41_CS
Feature: TC_C_41_CS Authorization by GroupId - Success with Authorization Cache
  Two tokens of one group, both in the station's cache: the second one ends the transaction the first one started,
  with the station deciding from its cache.

  Scenario: the transaction of the cached valid idToken is stopped with the cached valid idToken2 of the same group
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory states (the test system answers both tokens with the configured group). Decision: the memory
    # states come before the configuration state, so the station caches the tokens the ordinary way.
    And the memory state IdTokenCached is reached for the configured valid idToken of the configured group
    And the memory state IdTokenCached is reached for the configured valid2 idToken of the configured group
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured valid idToken
    # Part 6 steps 1-2 (the EV is plugged in, so the authorization closes the power path and a transaction event follows)
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | Authorized                      |
      | eventType       | one of Started, Updated         |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    And the steps above count as the reusable state Authorized
    # Part 6 step 3
    When the reusable state EnergyTransferStarted is executed
    When the driver presents the configured valid2 idToken
    # Part 6 step 4. Decision: the reusable state StopAuthorized would present the first token again; the stop here is
    # by the other token of the group, so its TransactionEvent is checked directly (Part 6 names the valid idToken in
    # the check; the token presented is the valid idToken2).
    Then the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | StopAuthorized                   |
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    # Part 6 steps 5-7: the EV leaves (its transaction ends with it if it was still open)
    When the EV is unplugged and the configured connector is reported Available
