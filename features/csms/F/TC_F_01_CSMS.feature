@TC_F_01_CSMS
Feature: TC_F_01_CSMS Remote start transaction - Cable plugin first
  The EV is already plugged in when an operator starts charging from the CSMS: the CSMS asks for the configured
  token, and takes the station's report that the running transaction is now remotely started.

  Scenario: remote start of a transaction that began with the plug-in
    Given the test system is connected to the CSMS and accepted
    And the reusable state EVConnectedPreSession is reached
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
    And the test system responds with a RequestStartTransactionResponse with:
      | status        | Accepted        |
      | transactionId | <transactionId> |
    # Part 6 steps 3-4
    When the test system reports the remote start with a TransactionEventRequest with:
      | eventType                     | Updated                         |
      | triggerReason                 | RemoteStart                     |
      | transactionInfo.remoteStartId | <remoteStartId>                 |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 step 5
    When the reusable state EnergyTransferStarted is executed
