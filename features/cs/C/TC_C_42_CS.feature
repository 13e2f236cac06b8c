@TC_C_42_CS
Feature: TC_C_42_CS Authorization by GroupId - Not stopped by GroupId
  A token of the same group that the CSMS does not accept cannot stop the group's transaction.

  Scenario: the invalid idToken of the group is presented during the transaction
    Given the Charging Station is connected, accepted and idle
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured valid idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    # Part 6 steps 3-4 (the EV is plugged in, so the authorization closes the power path and a transaction event follows)
    And the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | Authorized                      |
      | eventType       | one of Started, Updated         |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    And the steps above count as the reusable state Authorized
    # Part 6 step 5
    When the reusable state EnergyTransferStarted is executed
    When the driver presents the configured invalid idToken
    # Part 6 steps 6-7. Decision: Part 6 names the valid idToken in the check of step 6; the token presented is the
    # invalid one, so that is the one checked.
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Invalid                        |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    # Part 6 note and post scenario: the energy transfer is not stopped
    And the transaction goes on: no TransactionEventRequest with an idToken and none ending it within the configured message timeout
    # Clean-up (not a Part 6 step): end the transaction, so the station is left idle for the next case.
    When the reusable states from StopAuthorized to ParkingBayUnoccupied are executed while the transaction is open
