@TC_F_04_CSMS
Feature: TC_F_04_CSMS Remote start transaction - Remote start first - Cable plugin timeout
  An operator starts charging from the CSMS, the station starts the transaction, but no EV is plugged in before the
  station's connection timeout: the CSMS must take the station's report that it gave up waiting.

  Scenario: remote start first, then the EV connection timeout
    Given the test system is connected to the CSMS and accepted
    # Part 6 step 1
    When the operator makes the CSMS send a RequestStartTransactionRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
      | evseId          | <configured evseId>             |
      | remoteStartId   | <new requestId>                 |
    Then the CSMS sends a RequestStartTransactionRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    # Part 6 step 2
    # No transaction runs yet, so the answer carries no transactionId.
    And the test system responds with a RequestStartTransactionResponse with:
      | status | Accepted |
    # Part 6 steps 3-4
    When the test system reports the remote start with a TransactionEventRequest with:
      | eventType                     | Started                         |
      | triggerReason                 | RemoteStart                     |
      | transactionInfo.remoteStartId | <remoteStartId>                 |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 steps 5-6
    When the configured transaction duration passes without the EV being plugged in
    And the test system sends a TransactionEventRequest with:
      | eventType     | Updated          |
      | triggerReason | EVConnectTimeout |
    Then the CSMS responds with a TransactionEventResponse
