@TC_C_49_CSMS
Feature: TC_C_49_CSMS Stop Transaction with a Master Pass - Without UI
  Charging runs on two EVSEs under two different drivers. A station without a screen ends every session as soon as a
  master pass is presented, reporting the ends with the valid idToken; the CSMS must answer the master pass authorization
  and each ending transaction.

  Scenario: a master pass at a station without a screen ends every transaction
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
      | eventType                     | Ended                           |
      | triggerReason                 | StopAuthorized                  |
      | transactionInfo.chargingState | EVConnected                     |
      | transactionInfo.stoppedReason | MasterPass                      |
      | idToken.idToken               | <configured valid idToken>      |
      | idToken.type                  | <configured valid idToken type> |
    Then the CSMS responds to each of them with a TransactionEventResponse with:
      | idTokenInfo | present |
