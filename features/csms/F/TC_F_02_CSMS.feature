@TC_F_02_CSMS
Feature: TC_F_02_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is true
  An operator starts charging from the CSMS before the EV is plugged in. The station authorizes the token it was
  given like a locally presented one (AuthorizeRemoteStart is true): the CSMS must accept it, then take the start of
  the transaction that carries its remoteStartId.

  Scenario: remote start first, authorized by the station before it starts the transaction
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
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 5-6
    When the test system reports the remote start with a TransactionEventRequest with:
      | eventType                     | Started                         |
      | triggerReason                 | RemoteStart                     |
      | transactionInfo.remoteStartId | <remoteStartId>                 |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 step 7
    # The EV is plugged in only now.
    When the reusable state EnergyTransferStarted is executed
