@TC_C_08_CSMS
Feature: TC_C_08_CSMS Authorization through authorization cache - Accepted
  The station authorized a valid token from its own cache, without an AuthorizeRequest, and reports it in the running
  transaction; the CSMS must confirm the token in its answer.

  Scenario: a cache-authorized valid idToken is confirmed by the CSMS
    Given the test system is connected to the CSMS and accepted
    # Part 6 before: the transaction already started when the EV was plugged in
    And the reusable state EVConnectedPreSession is executed
    # Part 6 step 1
    When the test system sends a TransactionEventRequest with:
      | eventType       | Updated                         |
      | triggerReason   | Authorized                      |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
