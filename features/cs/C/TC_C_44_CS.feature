@TC_C_44_CS
Feature: TC_C_44_CS Authorization by GroupId - Invalid status with Authorization Cache
  A token of the group cached as Invalid is checked with the CSMS again and, still Invalid, cannot stop the group's
  transaction.

  Scenario: the cached invalid idToken of the group is presented during the transaction
    Given the Charging Station is connected, accepted and idle
    # Part 6 memory states (the test system answers both tokens with the configured group). Decision: the memory
    # states come before the configuration state, so the station caches the tokens the ordinary way.
    And the memory state IdTokenCached is reached for the configured valid idToken of the configured group
    And the memory state IdTokenCached is reached for the configured invalid idToken of the configured group
    # Part 6 configuration state
    And the Charging Station variable "AuthCacheCtrlr.AuthCacheEnabled" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.LocalPreAuthorize" is set to "true" for this case, if implemented
    And the Charging Station variable "AuthCacheCtrlr.DisablePostAuthorize" is set to "false" for this case, if implemented
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
    When the driver presents the configured invalid idToken
    # Part 6 steps 4-5
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Invalid                        |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    # Part 6 note: the transaction goes on
    And the transaction goes on: no TransactionEventRequest with an idToken and none ending it within the configured message timeout
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
