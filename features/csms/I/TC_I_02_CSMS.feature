@TC_I_02_CSMS
Feature: TC_I_02_CSMS Show EV Driver Final Total Cost After Charging
  When the EV leaves and the transaction ends, the CSMS tells the driver the final total cost in its answer to the
  Ended TransactionEventRequest.

  # Decision: the Ended event carries the final energy register reading (Transaction.End), as a station's Ended event
  # normally does; Part 6 lists only the fields it cares about.
  Scenario: the final cost comes with the end of the transaction
    Given the test system is connected to the CSMS and accepted
    And the reusable state EVConnectedPostSession is reached
    # Part 6 steps 1-2
    When the test system reports the configured connector as "Available" and every other connector as "Available"
    # Part 6 steps 3-4
    And the test system sends a TransactionEventRequest with:
      | eventType                     | Ended               |
      | triggerReason                 | EVCommunicationLost |
      | transactionInfo.chargingState | Idle                |
      | transactionInfo.stoppedReason | EVDisconnected      |
      | meterValue[0].timestamp                     | <now>                         |
      | meterValue[0].sampledValue[0].value         | 15000                         |
      | meterValue[0].sampledValue[0].context       | Transaction.End               |
      | meterValue[0].sampledValue[0].measurand     | Energy.Active.Import.Register |
    Then the CSMS responds with a TransactionEventResponse with:
      | totalCost | >= 0 |
