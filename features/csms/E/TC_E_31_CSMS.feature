@TC_E_31_CSMS
Feature: TC_E_31_CSMS Check Transaction status - Transaction with id ended - with message in queue
  The transaction ends while the station is offline. Back online, the station delivers the Ended event ahead of two
  earlier queued events; asked about the transaction by its id, it says the transaction is over but events are queued,
  and the CSMS takes the two late events.

  Scenario: status of an ended transaction, late events delivered
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 steps 1-2
    When the test system is offline for the configured transaction duration
    # Part 6 steps 3-4
    And the test system sends a StatusNotificationRequest with:
      | evseId          | <configured evseId>     |
      | connectorId     | <configured connectorId> |
      | connectorStatus | Available               |
    Then the CSMS responds with a StatusNotificationResponse
    # the Ended event holds the third queued seqNo: the two before it are skipped
    # Part 6 steps 5-6
    When the test system delivers a queued TransactionEventRequest with:
      | eventType                     | Ended                |
      | triggerReason                 | EVCommunicationLost  |
      | seqNo                         | <third queued seqNo> |
      | offline                       | true                 |
      | transactionInfo.chargingState | Idle                 |
      | transactionInfo.stoppedReason | EVDisconnected       |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 step 7
    When the operator makes the CSMS send a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    Then the CSMS sends a GetTransactionStatusRequest with:
      | transactionId | <transactionId> |
    # Part 6 step 8
    And the test system responds with a GetTransactionStatusResponse with:
      | ongoingIndicator | false |
      | messagesInQueue  | true  |
    # Part 6 steps 9-10
    When the test system delivers a queued TransactionEventRequest with:
      | eventType       | Updated                         |
      | triggerReason   | StopAuthorized                  |
      | seqNo           | <first queued seqNo>            |
      | offline         | true                            |
      | idToken.idToken | <configured valid idToken>      |
      | idToken.type    | <configured valid idToken type> |
    Then the CSMS responds with a TransactionEventResponse
    # Part 6 steps 11-12
    When the test system delivers a queued TransactionEventRequest with:
      | eventType                     | Updated               |
      | triggerReason                 | ChargingStateChanged  |
      | seqNo                         | <second queued seqNo> |
      | offline                       | true                  |
      | transactionInfo.chargingState | EVConnected           |
    Then the CSMS responds with a TransactionEventResponse
