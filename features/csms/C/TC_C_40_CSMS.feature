@TC_C_40_CSMS
Feature: TC_C_40_CSMS Authorization by GroupId - Success with Local Authorization List
  Two valid tokens of one group are in the station's local list, so the station starts and stops on them without
  asking first. The CSMS must still answer each token's transaction event as Accepted and name the group, so that
  the second token may end the session the first one started.

  # Decision where Part 6 is silent: the local list is the station's own (memory state); the CSMS learns the
  # tokens only from the transaction events, so no AuthorizeRequest precedes them.
  Scenario: two tokens of one group, known from the local list, start and stop the same transaction
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
    # Part 6 steps 5-6
    And the test system sends a TransactionEventRequest with:
      | eventType       | Updated                          |
      | triggerReason   | StopAuthorized                   |
      | idToken.idToken | <configured valid idToken2>      |
      | idToken.type    | <configured valid idToken2 type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                  |
      | idTokenInfo.groupIdToken.idToken | <configured groupIdToken> |
    And the reusable state StopAuthorized counts as reached by the steps above
    # Part 6 step 7
    When the reusable state EVConnectedPostSession is executed
    # Part 6 step 8
    And the reusable state EVDisconnected is executed
