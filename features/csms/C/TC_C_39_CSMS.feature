@TC_C_39_CSMS
Feature: TC_C_39_CSMS Authorization by GroupId - Success
  Two valid tokens share one group at the CSMS. Every answer about either token must name that group, so that the
  second token can end the session the first one started.

  Scenario: two tokens of one group start and stop the same transaction
    Given the test system is connected to the CSMS and accepted
    # Part 6 before
    And the reusable state EVConnectedPreSession is executed
    # Part 6 steps 1-2
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status                 | Accepted                  |
      | idTokenInfo.groupIdToken.idToken   | <configured groupIdToken> |
    # the transaction started at plug-in, so this is an Updated event
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType       | Updated                         |
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                  |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken> |
    And the reusable state Authorized counts as reached by the steps above
    # Part 6 step 5
    When the reusable state EnergyTransferStarted is executed
    # Part 6 steps 6-7
    And the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                  |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken> |
    # Part 6 steps 8-9
    When the test system sends a TransactionEventRequest with:
      | eventType       | Updated                          |
      | triggerReason   | StopAuthorized                   |
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                  |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken> |
    And the reusable state StopAuthorized counts as reached by the steps above
    # Part 6 step 10
    When the reusable state EVConnectedPostSession is executed
    # Part 6 step 11
    And the reusable state EVDisconnected is executed
