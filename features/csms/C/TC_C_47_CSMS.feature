@TC_C_47_CSMS
Feature: TC_C_47_CSMS Stop Transaction with a Master Pass - With UI - All transactions
  Charging runs on two EVSEs under two different drivers. Someone with a master pass stops both sessions from the
  station's screen; the CSMS must answer the master pass authorization and each ending transaction.

  Scenario: a master pass ends the transactions on every EVSE
    Given the test system is connected to the CSMS and accepted
    # Part 6 before: EVSE 1 charges for the valid idToken, EVSE 2 for the second valid idToken
    And the reusable state EnergyTransferStarted is executed on every EVSE, each with its own valid idToken
    # Part 6 steps 1-2
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured masterPass idToken>      |
      | idToken.type    | <configured masterPass idToken type> |
    Then the CSMS responds with a AuthorizeResponse
    # Part 6 names no field to check; an idToken in the request makes idTokenInfo required in the answer
    # Part 6 steps 3-4
    When the test system sends a TransactionEventRequest for every open transaction with:
      | eventType                     | Ended                                |
      | triggerReason                 | StopAuthorized                       |
      | transactionInfo.chargingState | EVConnected                          |
      | transactionInfo.stoppedReason | MasterPass                           |
      | idToken.idToken               | <configured masterPass idToken>      |
      | idToken.type                  | <configured masterPass idToken type> |
    Then the CSMS responds to each of them with a TransactionEventResponse with:
      | idTokenInfo | present |
