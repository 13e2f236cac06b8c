@TC_C_20_CSMS
Feature: TC_C_20_CSMS Authorization through authorization cache - Invalid
  The station let a token through from its own cache that the CSMS no longer accepts, and reports it in the running
  transaction; the CSMS must answer with the token's real status instead of trusting the station.

  Scenario: a cache-authorized invalid idToken is refused by the CSMS
    Given the test system is connected to the CSMS and accepted
    # Part 6 before: the transaction already started when the EV was plugged in
    And the reusable state EVConnectedPreSession is executed
    # Part 6 step 1
    When the test system sends a TransactionEventRequest with:
      | eventType       | Updated                           |
      | triggerReason   | Authorized                        |
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    # Part 6 step 2
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | one of Invalid, Unknown |
