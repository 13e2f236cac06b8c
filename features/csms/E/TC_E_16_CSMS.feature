@TC_E_16_CSMS
Feature: TC_E_16_CSMS Stop transaction options - Deauthorized - Invalid idToken
  The station started a transaction on a token it could not check itself. The CSMS must say in its answer that the
  token is not valid, and then take the station ending the transaction as deauthorized.

  Scenario: a transaction started with an invalid token is deauthorized
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a TransactionEventRequest with:
      | eventType       | Started                           |
      | triggerReason   | Authorized                        |
      | idToken.idToken | <configured invalid idToken>      |
      | idToken.type    | <configured invalid idToken type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | one of Invalid, Unknown |
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended        |
      | triggerReason                 | Deauthorized |
      | transactionInfo.stoppedReason | DeAuthorized |
    Then the CSMS responds with a TransactionEventResponse
