@TC_F_14_CSMS
Feature: TC_F_14_CSMS Trigger message - TransactionEvent - All EVSE
  While energy flows, an operator has the CSMS ask the whole station for transaction updates; the station reports
  each running transaction (here the one on the configured EVSE) without naming the EVSE, and the CSMS must take it.

  Scenario: triggered transaction update for the whole station
    Given the test system is connected to the CSMS and accepted
    And the reusable state EnergyTransferStarted is reached
    # Part 6 step 1
    When the operator makes the CSMS send a TriggerMessageRequest with:
      | requestedMessage | TransactionEvent |
    Then the CSMS sends a TriggerMessageRequest with:
      | requestedMessage | TransactionEvent |
    # Part 6 step 2
    And the test system responds with a TriggerMessageResponse with status Accepted and nothing more
    # Part 6 steps 3-4
    # For the EVSE with the running transaction.
    When the test system sends a TransactionEventRequest with:
      | evse                                    | absent                        |
      | triggerReason                           | Trigger                       |
      | transactionInfo.chargingState           | Charging                      |
      | meterValue[0].timestamp                 | <now>                         |
      | meterValue[0].sampledValue[0].value     | 1520.5                        |
      | meterValue[0].sampledValue[0].measurand | Energy.Active.Import.Register |
      | meterValue[0].sampledValue[0].context   | Trigger                       |
    Then the CSMS responds with a TransactionEventResponse
