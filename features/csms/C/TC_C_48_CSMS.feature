@TC_C_48_CSMS
Feature: TC_C_48_CSMS Stop Transaction with a Master Pass - With UI - With UI - Specific transactions
  Charging runs on every EVSE. Someone with a master pass picks one session on the station's screen and stops it; the
  CSMS must recognise the master pass by its group, both when it is presented and in the ending transaction.

  Scenario: a master pass ends one chosen transaction
    Given the test system is connected to the CSMS and accepted
    # Part 6 before
    And the reusable state EnergyTransferStarted is executed on every EVSE, each with its own valid idToken
    # The test system presents the master pass: Part 6 names the valid idToken here, but expects the master pass
    # group in the answer, which only the master pass can carry (as in TC_C_47_CSMS and TC_C_48_CS).
    # Part 6 steps 1-2
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured masterPass idToken>      |
      | idToken.type    | <configured masterPass idToken type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured masterPassGroupId> |
    # the transaction on the configured EVSE is the one chosen
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Ended                                |
      | triggerReason                 | StopAuthorized                       |
      | transactionInfo.chargingState | EVConnected                          |
      | transactionInfo.stoppedReason | MasterPass                           |
      | idToken.idToken               | <configured masterPass idToken>      |
      | idToken.type                  | <configured masterPass idToken type> |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status               | Accepted                       |
      | idTokenInfo.groupIdToken.idToken | <configured masterPassGroupId> |
