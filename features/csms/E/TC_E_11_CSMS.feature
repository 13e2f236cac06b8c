@TC_E_11_CSMS
Feature: TC_E_11_CSMS Start transaction options - DataSigned
  The station opens its transactions only once its meter has produced a signed start reading (start point
  DataSigned); that reading travels in the Started event. The CSMS must accept the token at authorization and in that
  event, and follow the energy transfer.

  Scenario: a transaction that starts with a signed meter reading
    Given the test system is connected to the CSMS and accepted
    # Part 6 steps 1-2
    When the test system sends a AuthorizeRequest with:
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a AuthorizeResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 3-4
    When the test system reports the configured connector as "Occupied"
    # Part 6 steps 5-6
    And the test system's meter has signed its Transaction.Begin reading of "0.0" Wh
    And the test system sends a TransactionEventRequest with:
      | eventType                                      | Started                         |
      | triggerReason                                  | SignedDataReceived              |
      | idToken.idToken                                | <configured valid idToken>      |
      | idToken.type                                   | <configured valid idToken type> |
      | evse.id                                        | <configured evseId>             |
      | evse.connectorId                               | <configured connectorId>        |
      | meterValue[0].timestamp                        | <signed reading time>           |
      | meterValue[0].sampledValue[0].value            | 0.0                             |
      | meterValue[0].sampledValue[0].context          | Transaction.Begin               |
      | meterValue[0].sampledValue[0].signedMeterValue | <signed meter value>            |
    Then the CSMS responds with a TransactionEventResponse with:
      | idTokenInfo.status | Accepted |
    # Part 6 steps 7-8
    When the test system sends a TransactionEventRequest with:
      | eventType                     | Updated              |
      | triggerReason                 | ChargingStateChanged |
      | transactionInfo.chargingState | Charging             |
    Then the CSMS responds with a TransactionEventResponse
