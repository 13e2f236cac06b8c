@TC_C_43_CSMS
Feature: TC_C_43_CSMS Authorization by GroupId - Invalid status with Local Authorization List
  Two valid tokens of one group are in the station's local list. The first starts a transaction; the station asks
  about the second before letting it stop the session. The CSMS must answer both as Accepted with their group.

  Scenario: the second token of the group is authorized, then stops the transaction
    Given the test system is connected to the CSMS and accepted
    # Part 6 before
    And the reusable state EVConnectedPreSession is executed
    # the transaction started at plug-in, so this is an Updated event
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType       | Updated                         |
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                  |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken> |
    And the reusable state Authorized counts as reached by the steps above
    # Part 6 step 3
    When the reusable state EnergyTransferStarted is executed
    # Part 6 steps 4-5
    And the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                  |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken> |
    # Part 6 steps 6-7
    When the test system sends a TransactionEventRequest with:
      | eventType       | Updated                          |
      | triggerReason   | StopAuthorized                   |
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
    And the reusable state StopAuthorized counts as reached by the steps above
    # Part 6 step 8
    When the reusable state EVConnectedPostSession is executed
    # Part 6 step 9
    And the reusable state EVDisconnected is executed
