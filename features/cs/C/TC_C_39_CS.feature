@TC_C_39_CS
Feature: TC_C_39_CS Authorization by GroupId - Success
  Two drivers who share a group id may end each other's transactions: the second token, accepted with the same group,
  stops the charging the first one started.

  Scenario: the transaction of the valid idToken is stopped with the valid idToken2 of the same group
    Given the Charging Station is connected, accepted and idle
    And the reusable state EVConnectedPreSession is reached
    When the driver presents the configured valid idToken
    # Part 6 steps 1-2
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status              | Accepted                       |
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
    When the driver presents the configured valid2 idToken
    # Part 6 steps 6-7. Decision: Part 6 names the valid idToken in the checks of steps 6 and 8; the token presented
    # there is the other one of the group, so that is the one checked.
    Then the Charging Station sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    And the test system responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    # Part 6 steps 8-9
    And the Charging Station sends a TransactionEventRequest with:
      | triggerReason   | StopAuthorized                   |
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    And the test system responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken>      |
      | idTokenInfo.groupIdToken.type    | <configured groupIdToken type> |
    # Part 6 steps 10-12: the EV leaves (its transaction ends with it if it was still open)
    When the EV is unplugged and the configured connector is reported Available
